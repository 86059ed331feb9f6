#pragma once

#include <QJsonValue>
#include <QString>
#include <QStringView>

#include <iterator>
#include <limits>

// The simulated tank of every control-panel tile, as data: its devices, its
// eight endpoints (type, writability, range, step, deadband, noise), the
// heater's modes, the interlocks between them, and the physical constants
// SimPlant runs it with. Indexed by Field; SimPlant holds the state.
namespace SimTank {

enum Field : int { PumpRunning, PumpFlow, ValveOpen, HeaterOn, HeaterSetpoint, HeaterMode, Temperature, Level };

enum class ValueType { Bool, Number, Enum };

enum class Op { Equal, NotEqual, Greater, GreaterOrEqual, Less, LessOrEqual };

struct DeviceSpec
{
    QStringView tag;
    QStringView kind;
    QStringView name;
};

inline constexpr DeviceSpec kDevices[] = {
    {u"P101", u"pump", u"Pump P-101"},
    {u"V101", u"valve", u"Outlet valve V-101"},
    {u"H101", u"heater", u"Heater H-101"},
    {u"TT101", u"sensor", u"Temperature sensor TT-101"},
    {u"LT101", u"sensor", u"Level sensor LT-101"},
};

inline constexpr double kNone = std::numeric_limits<double>::quiet_NaN();

struct EndpointSpec
{
    int device;
    QStringView key;
    QStringView name;
    QStringView unit;
    ValueType type;
    bool writable;
    double min;
    double max;
    double step;
    // A reading must move by more than the deadband to be published; at least
    // twice the noise, so a sensor at rest stays quiet.
    double deadband;
    double noise; // amplitude of the sensor's measurement noise
};

// Indexed by Field.
inline constexpr EndpointSpec kEndpoints[] = {
    {0, u"running", u"Running", {}, ValueType::Bool, true, kNone, kNone, kNone, 0.0, 0.0},
    {0, u"flow", u"Flow", u"L/min", ValueType::Number, false, 0.0, kNone, kNone, 1.0, 0.6},
    {1, u"open", u"Open", {}, ValueType::Bool, true, kNone, kNone, kNone, 0.0, 0.0},
    {2, u"on", u"On", {}, ValueType::Bool, true, kNone, kNone, kNone, 0.0, 0.0},
    {2, u"setpoint", u"Setpoint", u"°C", ValueType::Number, true, 20.0, 95.0, 0.5, 0.0, 0.0},
    {2, u"mode", u"Mode", {}, ValueType::Enum, true, kNone, kNone, kNone, 0.0, 0.0},
    {3, u"temperature", u"Temperature", u"°C", ValueType::Number, false, kNone, kNone, kNone, 0.2, 0.1},
    {4, u"level", u"Level", u"%", ValueType::Number, false, 0.0, 100.0, kNone, 0.2, 0.1},
};

inline constexpr QStringView kModes[] = {u"auto", u"manual", u"off"};

struct InterlockSpec
{
    QStringView id;
    QStringView description;
    int target;
    int required;
    Op op;
    double value; // bools as 0 and 1
};

inline constexpr InterlockSpec kInterlocks[] = {
    {u"IL1", u"Heater H-101 needs pump P-101 running", HeaterOn, PumpRunning, Op::Equal, 1.0},
    {u"IL2", u"Pump P-101 needs outlet valve V-101 open", PumpRunning, ValveOpen, Op::Equal, 1.0},
    {u"IL3", u"Heater H-101 needs level LT-101 at 20 % or more", HeaterOn, Level, Op::GreaterOrEqual, 20.0},
};

// The endpoints read by an instrument, with noise; the others are states.
inline constexpr int kMeasured[] = {PumpFlow, Temperature, Level};

// The endpoints an interlock can switch off, each with one trip condition.
inline constexpr int kTripTargets[] = {HeaterOn, PumpRunning};

inline constexpr double kAmbient = 18.0; // °C
inline constexpr double kHeatRate = 0.5; // °C/s
inline constexpr double kCoolingTau = 900.0; // s
inline constexpr double kMinHeatingFlow = 20.0; // L/min; less and the heater would scorch
inline constexpr double kRatedFlow = 120.0; // L/min
inline constexpr double kFlowTau = 2.0; // s
inline constexpr double kTankLitres = 2000.0;
inline constexpr double kDryLevel = 1.0; // % below which the pump draws nothing
// A float valve refills at full rate below 85 % and closes at 90 %, more
// slowly than the pump drains, so a running tank empties over half an hour.
inline constexpr double kRefillLitresPerSecond = 1.2;
inline constexpr double kRefillClosed = 90.0;
inline constexpr double kRefillBand = 5.0;
inline constexpr double kMaxSubstepSeconds = 0.5;
inline constexpr double kTemperatureHigh = 90.0;
inline constexpr double kLevelLow = 15.0;

// Whether `field` is one of kMeasured.
bool isMeasured(int field);
bool compare(double lhs, Op op, double rhs);
QString opName(Op op);
QString typeName(ValueType type);
// The value the interlock's required endpoint must have, typed as that endpoint.
QJsonValue requiredValue(const InterlockSpec &interlock);
// The heater's modes, comma-separated, for messages.
QString modeList();

} // namespace SimTank
