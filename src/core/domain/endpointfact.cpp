#include "endpointfact.h"

#include <algorithm>
#include <cmath>
#include <utility>

using Domain::EndpointValue;
using Domain::ValueType;

namespace {

constexpr int kMaxDecimals = 6;
constexpr int kSignificantDigits = 6;
// From here up a number without a step is written in full, never as 1.2e+06.
constexpr double kFixedFrom = 1e6;

const QChar kNoBreakSpace(0x00A0);

ValueType typeOf(const EndpointValue &value)
{
    if (std::holds_alternative<bool>(value))
        return ValueType::Bool;
    if (std::holds_alternative<QString>(value))
        return ValueType::Enum;
    return ValueType::Number;
}

} // namespace

EndpointFact::EndpointFact(EndpointValue value)
{
    m_meta.valueType = typeOf(value);
    m_meta.value = std::move(value);
}

EndpointFact::EndpointFact(const Domain::Endpoint &endpoint)
    : m_meta(endpoint)
{ }

EndpointFact::EndpointFact(const Domain::Endpoint &endpoint, EndpointValue value)
    : m_meta(endpoint)
{
    m_meta.value = std::move(value);
}

QString EndpointFact::name() const
{
    return m_meta.name.isEmpty() ? m_meta.endpointId : m_meta.name;
}

std::optional<int> EndpointFact::stepDecimals() const
{
    if (!m_meta.step || !(*m_meta.step > 0))
        return std::nullopt;
    for (int d = 0; d < kMaxDecimals; ++d) {
        const double scaled = *m_meta.step * std::pow(10.0, d);
        if (std::abs(scaled - std::round(scaled)) < 1e-9 * std::max(1.0, std::abs(scaled)))
            return d;
    }
    return kMaxDecimals;
}

EndpointFact::Validation EndpointFact::validate(const QLocale &locale) const
{
    const EndpointValue &value = m_meta.value;
    switch (m_meta.valueType) {
    case ValueType::Bool:
        if (!std::holds_alternative<bool>(value))
            return {Problem::WrongType, tr("%1 is switched on or off.").arg(name())};
        return {};
    case ValueType::Enum: {
        const QString *option = std::get_if<QString>(&value);
        if (!option)
            return {Problem::WrongType, tr("%1 takes one of: %2.").arg(name(), m_meta.options.join(u", "))};
        if (!m_meta.options.isEmpty() && !m_meta.options.contains(*option))
            return {Problem::NotAnOption,
                    tr("%1 takes one of: %2; not %3.").arg(name(), m_meta.options.join(u", "), *option)};
        return {};
    }
    case ValueType::Number:
        break;
    }
    const double *number = std::get_if<double>(&value);
    if (!number || !std::isfinite(*number))
        return {Problem::WrongType, tr("%1 takes a number.").arg(name())};
    const auto text = [&](double n) {
        return m_meta.unit.isEmpty() ? numberText(n, locale) : numberText(n, locale) + kNoBreakSpace + m_meta.unit;
    };
    if (m_meta.min && m_meta.max && (*number < *m_meta.min || *number > *m_meta.max))
        return {Problem::OutOfRange,
                tr("%1 takes %2 to %3; not %4.").arg(name(), text(*m_meta.min), text(*m_meta.max), text(*number))};
    if (m_meta.min && *number < *m_meta.min)
        return {Problem::OutOfRange, tr("%1 takes %2 or more; not %3.").arg(name(), text(*m_meta.min), text(*number))};
    if (m_meta.max && *number > *m_meta.max)
        return {Problem::OutOfRange, tr("%1 takes %2 or less; not %3.").arg(name(), text(*m_meta.max), text(*number))};
    if (m_meta.step && *m_meta.step > 0) {
        const double steps = (*number - m_meta.min.value_or(0.0)) / *m_meta.step;
        if (std::abs(steps - std::round(steps)) > kStepTolerance)
            return {Problem::OffStep,
                    tr("%1 moves in steps of %2; not %3.").arg(name(), text(*m_meta.step), text(*number))};
    }
    return {};
}

QString EndpointFact::numberText(double number, const QLocale &locale) const
{
    if (const std::optional<int> decimals = stepDecimals())
        return locale.toString(number, 'f', *decimals);
    if (!std::isfinite(number) || std::abs(number) < kFixedFrom)
        return locale.toString(number, 'g', kSignificantDigits);
    return locale.toString(number, 'f', 0);
}

QString EndpointFact::displayText(const QLocale &locale) const
{
    const EndpointValue &value = m_meta.value;
    if (const bool *b = std::get_if<bool>(&value))
        return *b ? tr("On") : tr("Off");
    if (const QString *s = std::get_if<QString>(&value))
        return *s;
    const double *number = std::get_if<double>(&value);
    if (!number)
        return QStringLiteral("—");
    if (m_meta.valueType == ValueType::Bool)
        return *number != 0 ? tr("On") : tr("Off");
    const QString text = numberText(*number, locale);
    return m_meta.unit.isEmpty() ? text : text + kNoBreakSpace + m_meta.unit;
}

QVariant EndpointFact::toVariant(const EndpointValue &value)
{
    if (const bool *b = std::get_if<bool>(&value))
        return *b;
    if (const double *d = std::get_if<double>(&value))
        return *d;
    if (const QString *s = std::get_if<QString>(&value))
        return *s;
    return {};
}

EndpointValue EndpointFact::fromVariant(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Bool:
        return value.toBool();
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::ULong:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::Float:
    case QMetaType::Double:
        return value.toDouble();
    case QMetaType::QString:
        return value.toString();
    default:
        return std::monostate {};
    }
}

QJsonValue EndpointFact::toJson(const EndpointValue &value)
{
    // A bool, a double or a string as themselves; no value (an invalid
    // variant) as null.
    return QJsonValue::fromVariant(toVariant(value));
}

EndpointValue EndpointFact::fromJson(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool();
    case QJsonValue::Double:
        return value.toDouble();
    case QJsonValue::String:
        return value.toString();
    default:
        return std::monostate {};
    }
}

std::optional<double> EndpointFact::toNumber(const EndpointValue &value)
{
    if (const bool *b = std::get_if<bool>(&value))
        return *b ? 1.0 : 0.0;
    if (const double *d = std::get_if<double>(&value))
        return *d;
    return std::nullopt;
}

QVariant EndpointFact::toVariant(const std::optional<double> &limit)
{
    return limit ? QVariant(*limit) : QVariant();
}

std::optional<double> EndpointFact::limitFromVariant(const QVariant &limit)
{
    bool ok = false;
    const double number = limit.toDouble(&ok);
    return limit.isValid() && ok ? std::optional<double>(number) : std::nullopt;
}
