#pragma once

#include "decodeerror.h"
#include "domain/plant.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <limits>
#include <optional>
#include <type_traits>
#include <utility>

namespace Protocol {

// Reads typed fields from one JSON object and remembers the first failure
// with its field path, so a decoder reads every field it needs and checks
// once at the end. Readers for nested objects and array items write into the
// same error, so the first failure anywhere in a message wins.
//
// Naming: `x()` requires the field; `optionalX()` accepts it absent or null;
// `nullableX()` does too but tells absence apart from a value.
class FieldReader
{
public:
    // The largest integer a JSON number (an IEEE double) holds exactly.
    static constexpr double kMaxExactInteger = 9007199254740991.0;
    // ±100 000 000 days around the epoch, the range of integral epoch
    // milliseconds a timestamp may hold: the range ECMAScript's Date
    // accepts, and well inside what QDateTime represents.
    static constexpr double kMaxEpochMs = 8.64e15;

    // The rules of single values, which the fast decoder applies too: an
    // integral number up to 2^53, as a numeric identifier must be; a time
    // from ISO 8601 text with an offset, or from integral epoch milliseconds
    // within kMaxEpochMs, in UTC (invalid when the text or number is not one).
    static bool isExactInteger(double d);
    static QDateTime timeFromText(const QString &text);
    static QDateTime timeFromEpochMs(double ms);

    FieldReader(QJsonObject object, QString type, QString prefix = {});
    FieldReader(const FieldReader &) = delete;
    FieldReader &operator=(const FieldReader &) = delete;

    bool ok() const { return !m_error->has_value(); }
    const std::optional<DecodeError> &error() const { return *m_error; }
    const QJsonObject &json() const { return m_object; }

    // A reader for an object found at `path` (relative to this reader's
    // prefix) that records its failures here.
    FieldReader nested(QJsonObject object, const QString &path);
    FieldReader nested(QJsonObject object, QLatin1StringView path) { return nested(std::move(object), QString(path)); }

    QString string(QLatin1StringView name);
    QString optionalString(QLatin1StringView name);
    std::optional<QString> nullableString(QLatin1StringView name);
    // The text of a string field; absent, null or any other JSON value is
    // nullopt, never a failure: for fields that must not cost the message
    // when they are malformed.
    std::optional<QString> lenientString(QLatin1StringView name) const;

    // A non-empty string, or an integral number that a `plain` server used as
    // an identifier (`alarmId: 42` is "42").
    QString identifier(QLatin1StringView name);
    QString optionalIdentifier(QLatin1StringView name);

    double number(QLatin1StringView name, double min = -std::numeric_limits<double>::max(),
                  double max = std::numeric_limits<double>::max());
    double optionalNumber(QLatin1StringView name, double fallback, double min = -std::numeric_limits<double>::max(),
                          double max = std::numeric_limits<double>::max());
    std::optional<double> nullableNumber(QLatin1StringView name);
    // A number in [min, max], or one that overshoots a bound by at most a
    // tenth of the range, brought to that bound: a battery of 100.2 % from a
    // sloppy or newer server reads 100. Further out (a battery of 900) the
    // value is garbage, not an overshoot, and a BadField.
    double clampedNumber(QLatin1StringView name, double min, double max);
    static constexpr double kClampTolerance = 0.1;
    qint64 integer(QLatin1StringView name, double min = 0.0, double max = kMaxExactInteger);
    qint64 optionalInteger(QLatin1StringView name, qint64 fallback, double min = 0.0, double max = kMaxExactInteger);

    bool boolean(QLatin1StringView name);
    bool optionalBoolean(QLatin1StringView name, bool fallback);

    QJsonObject object(QLatin1StringView name);
    std::optional<QJsonObject> nullableObject(QLatin1StringView name);
    QJsonArray array(QLatin1StringView name);
    QJsonArray optionalArray(QLatin1StringView name);
    QStringList optionalStringList(QLatin1StringView name);

    // ISO 8601 text with an offset ("2026-11-22T10:00:00.000Z") or integral
    // milliseconds since the epoch; always returned in UTC.
    QDateTime timestamp(QLatin1StringView name);
    QDateTime optionalTimestamp(QLatin1StringView name);
    std::optional<QDateTime> nullableTimestamp(QLatin1StringView name);

    // A bool, number or string as sent; null and absence are std::monostate.
    Domain::EndpointValue value(QLatin1StringView name);
    Domain::EndpointValue optionalValue(QLatin1StringView name);

    // One of `names`, the JSON text beside each enumerator; anything else is
    // a BadField naming the field.
    template<typename Names> auto enumeration(QLatin1StringView name, const Names &names)
    {
        const QString text = string(name);
        return ok() ? lookup(name, text, names) : std::remove_cvref_t<decltype(names.begin()->first)> {};
    }

    // Like enumeration() but an absent or null field is `fallback`.
    template<typename Names, typename E> E optionalEnumeration(QLatin1StringView name, const Names &names, E fallback)
    {
        const QString text = optionalString(name);
        if (!ok() || !hasValue(name))
            return fallback;
        return lookup(name, text, names);
    }

    // Like enumeration() but a word not in `names` is `unknown`, not a
    // failure: values a newer server added are kept, not dropped.
    template<typename Names, typename E> E lenientEnumeration(QLatin1StringView name, const Names &names, E unknown)
    {
        const QString text = string(name);
        return ok() ? lookupOr(text, names, unknown) : unknown;
    }

    // Like optionalEnumeration() but a word not in `names` is `unknown`.
    template<typename Names, typename E>
    E optionalLenientEnumeration(QLatin1StringView name, const Names &names, E fallback, E unknown)
    {
        const QString text = optionalString(name);
        if (!ok() || !hasValue(name))
            return fallback;
        return lookupOr(text, names, unknown);
    }

    // The value of the word in `name` when it is one of `names`, else
    // nullopt without a failure, for a caller that words its own (a field
    // that is not a string fails as in string()).
    template<typename Names> auto wordIn(QLatin1StringView name, const Names &names)
    {
        std::optional<std::remove_cvref_t<decltype(names.begin()->first)>> out;
        const QString text = string(name);
        if (!ok())
            return out;
        for (const auto &[value, wire] : names) {
            if (wire == text)
                return decltype(out)(value);
        }
        return out;
    }

    // What a tolerant list() left out: the items it could not read.
    struct Skipped
    {
        QList<DecodeError> errors; // one per item, in order
        QStringList ids; // the id of each item whose id field could be read
        bool anonymous = false; // some item had no readable id
    };

    // Like list() but a bad item is skipped and reported in `skipped` rather
    // than failing the whole list; the items after it are still read. The
    // array itself must be there (its absence fails this reader). `idField`
    // names the field that identifies an item, for skipped.ids.
    template<typename Read>
    auto skippingList(QLatin1StringView name, QLatin1StringView idField, Skipped &skipped, Read &&read)
    {
        using T = decltype(read(std::declval<FieldReader &>()));
        QList<T> out;
        const QJsonArray items = array(name);
        out.reserve(items.size());
        for (qsizetype i = 0; i < items.size() && ok(); ++i) {
            const QString path = m_prefix + QString(name) + u'[' + QString::number(i) + u']';
            const QJsonValue item = items.at(i);
            if (!item.isObject()) {
                skipped.errors.append(
                    {DecodeError::Kind::BadField, m_type, path, QStringLiteral("expected an object")});
                skipped.anonymous = true;
                continue;
            }
            FieldReader itemReader(item.toObject(), m_type, path + u'.');
            T value = read(itemReader);
            if (itemReader.ok()) {
                out.append(std::move(value));
                continue;
            }
            skipped.errors.append(*itemReader.error());
            const QString id = idOf(item.toObject().value(idField));
            if (id.isEmpty())
                skipped.anonymous = true;
            else
                skipped.ids.append(id);
        }
        return out;
    }

    // Reads an array of objects with `read`, each item through a nested
    // reader whose prefix is `name[i].`; stops at the first bad item.
    template<typename Read> auto list(QLatin1StringView name, Read &&read, bool required = true)
    {
        using T = decltype(read(std::declval<FieldReader &>()));
        QList<T> out;
        const QJsonArray items = required ? array(name) : optionalArray(name);
        out.reserve(items.size());
        for (qsizetype i = 0; i < items.size() && ok(); ++i) {
            const QString path = QString(name) + u'[' + QString::number(i) + u']';
            if (!items.at(i).isObject()) {
                failAt(DecodeError::Kind::BadField, path, QStringLiteral("expected an object"));
                break;
            }
            FieldReader item = nested(items.at(i).toObject(), path);
            T value = read(item);
            if (ok())
                out.append(std::move(value));
        }
        return out;
    }

    bool hasValue(QLatin1StringView name) const;

    void fail(DecodeError::Kind kind, QLatin1StringView name, const QString &detail);
    void failAt(DecodeError::Kind kind, const QString &relativePath, const QString &detail);

private:
    FieldReader(QJsonObject object, QString type, QString prefix, std::optional<DecodeError> *sharedError);

    QJsonValue require(QLatin1StringView name);
    double checkNumber(QLatin1StringView name, const QJsonValue &v, double min, double max);
    qint64 checkInteger(QLatin1StringView name, const QJsonValue &v, double min, double max);
    QDateTime checkTimestamp(QLatin1StringView name, const QJsonValue &v);
    Domain::EndpointValue checkValue(QLatin1StringView name, const QJsonValue &v);
    QString checkIdentifier(QLatin1StringView name, const QJsonValue &v);

    // The text of a string or integral identifier, or empty.
    static QString idOf(const QJsonValue &v);

    template<typename Names, typename E> static E lookupOr(const QString &text, const Names &names, E unknown)
    {
        for (const auto &[value, wire] : names) {
            if (wire == text)
                return value;
        }
        return unknown;
    }

    template<typename Names> auto lookup(QLatin1StringView name, const QString &text, const Names &names)
    {
        using E = std::remove_cvref_t<decltype(names.begin()->first)>;
        for (const auto &[value, wire] : names) {
            if (wire == text)
                return value;
        }
        fail(DecodeError::Kind::BadField, name, QStringLiteral("unknown value \"%1\"").arg(text));
        return E {};
    }

    QJsonObject m_object;
    QString m_type;
    QString m_prefix;
    std::optional<DecodeError> m_ownError;
    std::optional<DecodeError> *m_error;
};

} // namespace Protocol
