#pragma once

#include "commandstate.h"
#include "quality.h"
#include "words.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

// The control panel: tiles of devices with endpoints, their telemetry and the
// commands operators send to them.
namespace Domain {

// An endpoint's value as it travels: the decoder cannot know the endpoint's
// valueType (that lives in the tiles snapshot), so it keeps what the JSON
// said. std::monostate is JSON null, or a value the server did not send.
using EndpointValue = std::variant<std::monostate, bool, double, QString>;

enum class ValueType { Bool, Number, Enum };

struct Telemetry
{
    QString endpointId;
    EndpointValue value;
    QString unit; // empty when the server gives none (unitless or a `plain` server)
    QDateTime timestamp; // invalid when the server gives null
    // Stale: the source is lost and `value` is the last known one, or
    // std::monostate when the server sent none.
    Quality quality = Quality::Good;
    QString qualityReason; // why it is stale, as the server words it; empty when good or not given
};

// A command_status event and one item of a `commands` snapshot.
struct CommandStatus
{
    QString commandId;
    QString endpointId; // empty from `plain` servers, which do not repeat it
    CommandState status = CommandState::Queued;
    EndpointValue requestedValue;
    EndpointValue actualValue;
    QString operatorName; // `operator` on the wire; empty when not given
    std::optional<QString> error;
    QDateTime completedAt; // invalid until the command has finished
};

struct Endpoint
{
    QString endpointId;
    QString name;
    QString unit;
    ValueType valueType = ValueType::Number;
    bool writable = false;
    bool critical = false; // the server asks for a confirmation before each command
    std::optional<double> min;
    std::optional<double> max;
    std::optional<double> step;
    QStringList options; // the choices of an enum endpoint
    EndpointValue value;
    QDateTime timestamp;
    Quality quality = Quality::Good; // of `value`, as Telemetry::quality
    QString qualityReason;
};

struct Device
{
    QString deviceId;
    QString kind; // pump, valve, heater, sensor, …: open-ended, shown as given
    QString name;
    QList<Endpoint> endpoints;
};

enum class ComparisonOp { Equal, NotEqual, Greater, GreaterOrEqual, Less, LessOrEqual };

// The server refuses to switch `target` on while `requires` does not hold.
struct Interlock
{
    QString id;
    QString description;
    QString target; // an endpointId
    QString requiredEndpointId;
    ComparisonOp op = ComparisonOp::Equal;
    EndpointValue requiredValue;
};

// One item of a `tiles` snapshot.
struct Tile
{
    QString tileId;
    QString name;
    QList<Device> devices;
    QList<Interlock> interlocks;
};

// The words of its enumerations, as the wire and the store spell them.
inline constexpr auto kValueTypes = std::to_array<std::pair<ValueType, QStringView>>({
    {ValueType::Bool, u"bool"},
    {ValueType::Number, u"number"},
    {ValueType::Enum, u"enum"},
});

inline constexpr auto kComparisonOps = std::to_array<std::pair<ComparisonOp, QStringView>>({
    {ComparisonOp::Equal, u"=="},
    {ComparisonOp::NotEqual, u"!="},
    {ComparisonOp::Greater, u">"},
    {ComparisonOp::GreaterOrEqual, u">="},
    {ComparisonOp::Less, u"<"},
    {ComparisonOp::LessOrEqual, u"<="},
});

} // namespace Domain
