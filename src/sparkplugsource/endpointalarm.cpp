#include "endpointalarm.h"

using Kind = SparkplugSourceConfig::AlarmCondition::Kind;

EndpointAlarm::EndpointAlarm(const SparkplugSourceConfig::AlarmCondition &config, const QString &label,
                             const QString &unit)
    : m_config(config)
    , m_message(config.message)
{
    if (m_message.isEmpty()) {
        const QString limit = config.limit.isDouble() ? QString::number(config.limit.toDouble())
            : config.limit.isBool()                   ? QString::fromLatin1(config.limit.toBool() ? "true" : "false")
                                                      : config.limit.toString();
        const QString withUnit = unit.isEmpty() ? limit : limit + u' ' + unit;
        static const char *const wording[] = {"above %1 (HIHI)", "above %1 (HI)", "below %1 (LO)",
                                              "below %1 (LOLO)", "equal to %1",   "not equal to %1"};
        m_message = label + u' ' + QString::fromLatin1(wording[int(config.kind)]).arg(withUnit);
    }
}

QString EndpointAlarm::kindName(Kind kind)
{
    static const char *const names[] = {"hihi", "hi", "lo", "lolo", "equal", "not-equal"};
    return QString::fromLatin1(names[int(kind)]);
}

void EndpointAlarm::update(const QJsonValue &value, qint64 nowMs)
{
    if (value.isUndefined() || value.isNull()) {
        m_changingSinceMs.reset();
        return;
    }
    if (calls(value) == m_active) {
        m_changingSinceMs.reset();
        return;
    }
    if (!m_changingSinceMs)
        m_changingSinceMs = nowMs;
    const int delay = m_active ? m_config.offDelayMs : m_config.onDelayMs;
    if (nowMs - *m_changingSinceMs >= delay) {
        m_active = !m_active;
        m_changingSinceMs.reset();
    }
}

bool EndpointAlarm::calls(const QJsonValue &value) const
{
    switch (m_config.kind) {
    case Kind::Equal:
        return value == m_config.limit;
    case Kind::NotEqual:
        return value != m_config.limit;
    case Kind::HighHigh:
    case Kind::High: {
        if (!value.isDouble())
            return m_active;
        const double limit = m_config.limit.toDouble();
        return m_active ? value.toDouble() > limit - m_config.deadband : value.toDouble() > limit;
    }
    case Kind::Low:
    case Kind::LowLow: {
        if (!value.isDouble())
            return m_active;
        const double limit = m_config.limit.toDouble();
        return m_active ? value.toDouble() < limit + m_config.deadband : value.toDouble() < limit;
    }
    }
    return m_active;
}

PlantCondition EndpointAlarm::condition() const
{
    return {QStringLiteral("endpoint:%1:%2").arg(m_config.endpointId, kindName(m_config.kind)),
            m_active,
            m_config.severity,
            m_message,
            QStringLiteral("endpoint"),
            m_config.endpointId};
}
