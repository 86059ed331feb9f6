#include "fieldreader.h"

#include <algorithm>
#include <cmath>

// The wire format reads and writes the domain's value types.
using namespace Domain;

namespace Protocol {

FieldReader::FieldReader(QJsonObject object, QString type, QString prefix)
    : FieldReader(std::move(object), std::move(type), std::move(prefix), nullptr)
{ }

FieldReader::FieldReader(QJsonObject object, QString type, QString prefix, std::optional<DecodeError> *sharedError)
    : m_object(std::move(object))
    , m_type(std::move(type))
    , m_prefix(std::move(prefix))
    , m_error(sharedError ? sharedError : &m_ownError)
{ }

FieldReader FieldReader::nested(QJsonObject object, const QString &path)
{
    return FieldReader(std::move(object), m_type, m_prefix + path + u'.', m_error);
}

bool FieldReader::hasValue(QLatin1StringView name) const
{
    const QJsonValue v = m_object.value(name);
    return !v.isUndefined() && !v.isNull();
}

QString FieldReader::string(QLatin1StringView name)
{
    const QJsonValue v = require(name);
    if (v.isUndefined())
        return {};
    if (!v.isString()) {
        fail(DecodeError::Kind::BadField, name, QStringLiteral("expected a string"));
        return {};
    }
    return v.toString();
}

QString FieldReader::optionalString(QLatin1StringView name)
{
    return nullableString(name).value_or(QString());
}

std::optional<QString> FieldReader::lenientString(QLatin1StringView name) const
{
    const QJsonValue v = m_object.value(name);
    return v.isString() ? std::optional<QString>(v.toString()) : std::nullopt;
}

std::optional<QString> FieldReader::nullableString(QLatin1StringView name)
{
    const QJsonValue v = m_object.value(name);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isString()) {
        fail(DecodeError::Kind::BadField, name, QStringLiteral("expected a string"));
        return std::nullopt;
    }
    return v.toString();
}

QString FieldReader::identifier(QLatin1StringView name)
{
    const QJsonValue v = require(name);
    return v.isUndefined() ? QString() : checkIdentifier(name, v);
}

QString FieldReader::optionalIdentifier(QLatin1StringView name)
{
    const QJsonValue v = m_object.value(name);
    return v.isUndefined() || v.isNull() ? QString() : checkIdentifier(name, v);
}

QString FieldReader::checkIdentifier(QLatin1StringView name, const QJsonValue &v)
{
    if (v.isString()) {
        if (v.toString().isEmpty())
            fail(DecodeError::Kind::BadField, name, QStringLiteral("empty identifier"));
        return v.toString();
    }
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (isExactInteger(d))
            return QString::number(qint64(d));
        fail(DecodeError::Kind::BadField, name, QStringLiteral("a numeric identifier must be an exact integer"));
        return {};
    }
    fail(DecodeError::Kind::BadField, name, QStringLiteral("expected a string or a number"));
    return {};
}

double FieldReader::number(QLatin1StringView name, double min, double max)
{
    const QJsonValue v = require(name);
    return v.isUndefined() ? 0.0 : checkNumber(name, v, min, max);
}

double FieldReader::optionalNumber(QLatin1StringView name, double fallback, double min, double max)
{
    const QJsonValue v = m_object.value(name);
    if (v.isUndefined() || v.isNull())
        return fallback;
    return checkNumber(name, v, min, max);
}

std::optional<double> FieldReader::nullableNumber(QLatin1StringView name)
{
    const QJsonValue v = m_object.value(name);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    return checkNumber(name, v, -std::numeric_limits<double>::max(), std::numeric_limits<double>::max());
}

double FieldReader::clampedNumber(QLatin1StringView name, double min, double max)
{
    const QJsonValue v = require(name);
    if (v.isUndefined())
        return min;
    const double slack = (max - min) * kClampTolerance;
    const double d = checkNumber(name, v, min - slack, max + slack);
    return std::clamp(d, min, max);
}

QString FieldReader::idOf(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble() && isExactInteger(v.toDouble()))
        return QString::number(qint64(v.toDouble()));
    return {};
}

qint64 FieldReader::integer(QLatin1StringView name, double min, double max)
{
    const QJsonValue v = require(name);
    return v.isUndefined() ? 0 : checkInteger(name, v, min, max);
}

qint64 FieldReader::optionalInteger(QLatin1StringView name, qint64 fallback, double min, double max)
{
    const QJsonValue v = m_object.value(name);
    if (v.isUndefined() || v.isNull())
        return fallback;
    return checkInteger(name, v, min, max);
}

bool FieldReader::boolean(QLatin1StringView name)
{
    const QJsonValue v = require(name);
    if (v.isUndefined())
        return false;
    if (!v.isBool()) {
        fail(DecodeError::Kind::BadField, name, QStringLiteral("expected true or false"));
        return false;
    }
    return v.toBool();
}

bool FieldReader::optionalBoolean(QLatin1StringView name, bool fallback)
{
    const QJsonValue v = m_object.value(name);
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (!v.isBool()) {
        fail(DecodeError::Kind::BadField, name, QStringLiteral("expected true or false"));
        return fallback;
    }
    return v.toBool();
}

QJsonObject FieldReader::object(QLatin1StringView name)
{
    const QJsonValue v = require(name);
    if (v.isUndefined())
        return {};
    if (!v.isObject()) {
        fail(DecodeError::Kind::BadField, name, QStringLiteral("expected an object"));
        return {};
    }
    return v.toObject();
}

std::optional<QJsonObject> FieldReader::nullableObject(QLatin1StringView name)
{
    const QJsonValue v = m_object.value(name);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isObject()) {
        fail(DecodeError::Kind::BadField, name, QStringLiteral("expected an object"));
        return std::nullopt;
    }
    return v.toObject();
}

QJsonArray FieldReader::array(QLatin1StringView name)
{
    const QJsonValue v = require(name);
    if (v.isUndefined())
        return {};
    if (!v.isArray()) {
        fail(DecodeError::Kind::BadField, name, QStringLiteral("expected an array"));
        return {};
    }
    return v.toArray();
}

QJsonArray FieldReader::optionalArray(QLatin1StringView name)
{
    return hasValue(name) ? array(name) : QJsonArray();
}

QStringList FieldReader::optionalStringList(QLatin1StringView name)
{
    QStringList out;
    const QJsonArray items = optionalArray(name);
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (!items.at(i).isString()) {
            failAt(DecodeError::Kind::BadField, QString(name) + u'[' + QString::number(i) + u']',
                   QStringLiteral("expected a string"));
            return {};
        }
        out.append(items.at(i).toString());
    }
    return out;
}

QDateTime FieldReader::timestamp(QLatin1StringView name)
{
    const QJsonValue v = require(name);
    if (v.isUndefined())
        return {};
    return checkTimestamp(name, v);
}

QDateTime FieldReader::optionalTimestamp(QLatin1StringView name)
{
    return nullableTimestamp(name).value_or(QDateTime());
}

std::optional<QDateTime> FieldReader::nullableTimestamp(QLatin1StringView name)
{
    const QJsonValue v = m_object.value(name);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    return checkTimestamp(name, v);
}

QDateTime FieldReader::checkTimestamp(QLatin1StringView name, const QJsonValue &v)
{
    QDateTime t;
    if (v.isString())
        t = timeFromText(v.toString());
    else if (v.isDouble())
        t = timeFromEpochMs(v.toDouble());
    if (!t.isValid()) {
        fail(DecodeError::Kind::BadField, name,
             QStringLiteral("expected an ISO 8601 time with an offset, or integral epoch milliseconds"));
        return {};
    }
    return t;
}

bool FieldReader::isExactInteger(double d)
{
    // A fractional or huge number names nothing: "42.5" or a rounded 2^60
    // would silently alias another entity.
    return std::isfinite(d) && std::trunc(d) == d && std::abs(d) <= kMaxExactInteger;
}

QDateTime FieldReader::timeFromText(const QString &text)
{
    // Without an offset the text would be read as the console's local
    // time: a server's times are only meaningful with one.
    const qsizetype timeAt = text.indexOf(u'T');
    const QStringView time = timeAt < 0 ? QStringView() : QStringView(text).mid(timeAt);
    if (!(time.endsWith(u'Z') || time.contains(u'+') || time.contains(u'-')))
        return {};
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

QDateTime FieldReader::timeFromEpochMs(double ms)
{
    if (!std::isfinite(ms) || std::trunc(ms) != ms || std::abs(ms) > kMaxEpochMs)
        return {};
    return QDateTime::fromMSecsSinceEpoch(qint64(ms), Qt::UTC);
}

EndpointValue FieldReader::value(QLatin1StringView name)
{
    const QJsonValue v = require(name);
    return v.isUndefined() ? EndpointValue() : checkValue(name, v);
}

EndpointValue FieldReader::optionalValue(QLatin1StringView name)
{
    return checkValue(name, m_object.value(name));
}

EndpointValue FieldReader::checkValue(QLatin1StringView name, const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::Bool:
        return v.toBool();
    case QJsonValue::Double:
        return checkNumber(name, v, -std::numeric_limits<double>::max(), std::numeric_limits<double>::max());
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Array:
    case QJsonValue::Object:
        break;
    }
    fail(DecodeError::Kind::BadField, name, QStringLiteral("expected a bool, a number, a string or null"));
    return {};
}

void FieldReader::fail(DecodeError::Kind kind, QLatin1StringView name, const QString &detail)
{
    failAt(kind, QString(name), detail);
}

void FieldReader::failAt(DecodeError::Kind kind, const QString &relativePath, const QString &detail)
{
    if (!m_error->has_value())
        *m_error = DecodeError {kind, m_type, m_prefix + relativePath, detail};
}

QJsonValue FieldReader::require(QLatin1StringView name)
{
    QJsonValue v = m_object.value(name);
    if (v.isUndefined())
        fail(DecodeError::Kind::MissingField, name, QStringLiteral("required field is missing"));
    return v;
}

double FieldReader::checkNumber(QLatin1StringView name, const QJsonValue &v, double min, double max)
{
    if (!v.isDouble() || !std::isfinite(v.toDouble())) {
        fail(DecodeError::Kind::BadField, name, QStringLiteral("expected a number"));
        return 0.0;
    }
    const double d = v.toDouble();
    if (d < min || d > max) {
        fail(DecodeError::Kind::BadField, name, QStringLiteral("%1 is outside %2..%3").arg(d).arg(min).arg(max));
        return 0.0;
    }
    return d;
}

qint64 FieldReader::checkInteger(QLatin1StringView name, const QJsonValue &v, double min, double max)
{
    const double d = checkNumber(name, v, min, max);
    if (ok() && std::trunc(d) != d) {
        fail(DecodeError::Kind::BadField, name, QStringLiteral("expected a whole number"));
        return 0;
    }
    return qint64(d);
}

} // namespace Protocol
