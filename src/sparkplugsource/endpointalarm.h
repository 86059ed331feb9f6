#pragma once

#include "plantcondition.h"
#include "sparkplugsourceconfig.h"

#include <QJsonValue>
#include <QString>

#include <optional>

// Contract: one configured alarm condition on an endpoint's value, after
// ISA-18.2. A level condition becomes true once the value is beyond its
// limit (HIHI and HI: above it; LO and LOLO: below it) and has stayed there
// for the on-delay; it becomes false once the value is back inside the
// limit by more than the deadband and has stayed there for the off-delay.
// Equal and NotEqual compare the value with the limit as JSON values (a
// number with a number). An unknown value (stale, never reported) changes
// nothing: a lost device is its own alarm, and its last state stands.
// Pure logic: the caller feeds values with monotonic time.
class EndpointAlarm
{
public:
    // `label` names the endpoint in the alarm's message ("Temperature
    // (HLT1.TT101.temperature)"); `unit` follows the limit.
    EndpointAlarm(const SparkplugSourceConfig::AlarmCondition &config, const QString &label, const QString &unit);

    // The endpoint's value now; undefined or null when it is not known.
    void update(const QJsonValue &value, qint64 nowMs);
    bool isActive() const { return m_active; }
    PlantCondition condition() const;

    static QString kindName(SparkplugSourceConfig::AlarmCondition::Kind kind);

private:
    // Whether the value calls for the alarm, given whether it is active now.
    bool calls(const QJsonValue &value) const;

    SparkplugSourceConfig::AlarmCondition m_config;
    QString m_message;
    bool m_active = false;
    std::optional<qint64> m_changingSinceMs; // since when the value has called for the other state
};
