#pragma once

#include "fieldreader.h"
#include "fieldrules.h"
#include "isotime.h"

#include <simdjson.h>

#include <QtGlobal>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <limits>
#include <optional>
#include <string_view>

// The simdjson side of the fast decoder (fastdecoder.cpp): FastReader, the
// Source of the field rules (fieldrules.h) over a simdjson object, and what
// it stands on. Private to the protocol layer: only its sources include it.
namespace Protocol::FastPath {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::element_type;

// QJsonDocument refuses a number that underflows to zero ("1e-400") where
// simdjson reads 0.0. Only a negative exponent or some 320 zeros after the
// point can underflow, so a frame whose text has neither holds only real
// zeros. The text is looked at once, and only when a 0.0 turns up. (JSON
// allows no leading zeros, so the zeros of such a number follow a point.)
// While one lives, collect() and plain() on its thread judge zeros by it.
class ZeroCheck
{
public:
    explicit ZeroCheck(std::string_view text);
    ~ZeroCheck();
    ZeroCheck(const ZeroCheck &) = delete;
    ZeroCheck &operator=(const ZeroCheck &) = delete;

    bool realZero();

private:
    bool scan() const;

    std::string_view m_text;
    ZeroCheck *m_outer;
    int m_verdict = -1;
};

// A value QJsonDocument reads as simdjson does: no number in it, at any
// depth, that underflowed to 0.0.
bool plain(element v);

constexpr quint64 bit(Field f)
{
    return quint64(1) << f.key();
}

// Objects under these names are usually read field by field anyway, so
// collect() leaves them to the reader and checked() looks at what it left.
constexpr quint64 kNested = bit("data"_field) | bit("location"_field) | bit("source"_field) | bit("events"_field);

// The known fields of one JSON object, found in one pass over it.
struct Fields
{
    // Left uninitialised: three of these per event, and only the slots
    // marked in `present` are ever read.
    union Slot {
        Slot() { }
        element value;
    };
    std::array<Slot, FieldNames::kAll.size()> slots;
    quint64 present = 0;
    quint64 unchecked = 0; // containers under kNested names not yet looked into

    bool has(Field f) const { return present & bit(f); }
    // Present and not null: what FieldReader::hasValue() means.
    bool hasValue(Field f) const { return has(f) && !slots[size_t(f.key())].value.is_null(); }
    element operator[](Field f) const { return slots[size_t(f.key())].value; }
};

// Finds the fields of `o` named in FieldNames::kAll, in one pass over it.
// False when a known name appears twice (QJsonDocument keeps the last,
// simdjson both: not worth matching) or a value is not plain(); containers
// under kNested names are left for checked().
bool collect(simdjson::dom::object o, Fields &f);

// The containers the reader did not look into are plain() too.
inline bool checked(const Fields &f)
{
    for (quint64 rest = f.unchecked; rest; rest &= rest - 1) {
        if (!plain(f.slots[size_t(std::countr_zero(rest))].value))
            return false;
    }
    return true;
}

// The readers of single values below accept exactly what FieldReader
// accepts and give the same values; where FieldReader would record an error
// they return false. The small ones are forced inline: they run for every
// field of every event, inside readers the compiler already finds large.

Q_ALWAYS_INLINE QString toQString(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

[[gnu::flatten]] Q_ALWAYS_INLINE bool readString(element v, QString &out)
{
    std::string_view s;
    if (v.get_string().get(s))
        return false;
    out = toQString(s);
    return true;
}

// Any JSON number as a double, as QJsonValue::toDouble() gives it.
[[gnu::flatten]] Q_ALWAYS_INLINE bool readNumber(element v, double &out)
{
    return !v.get_double().get(out) && std::isfinite(out);
}

Q_ALWAYS_INLINE bool readNumber(element v, double &out, double min, double max)
{
    return readNumber(v, out) && out >= min && out <= max;
}

[[gnu::flatten]] Q_ALWAYS_INLINE bool readInteger(element v, qint64 &out, double min, double max)
{
    double d = 0.0;
    if (!readNumber(v, d, min, max) || std::trunc(d) != d)
        return false;
    out = qint64(d);
    return true;
}

inline bool readIdentifier(element v, QString &out)
{
    std::string_view s;
    if (!v.get_string().get(s)) {
        if (s.empty())
            return false;
        out = toQString(s);
        return true;
    }
    double d = 0.0;
    if (!readNumber(v, d) || !FieldReader::isExactInteger(d))
        return false;
    out = QString::number(qint64(d));
    return true;
}

// The one form servers send on the hot path is read here; any other is
// left to FieldReader's rule.
inline bool readTimestamp(element v, QDateTime &out)
{
    std::string_view s;
    if (!v.get_string().get(s)) {
        const std::optional<qint64> ms = parseIsoUtcMs(s);
        out = ms ? QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC) : FieldReader::timeFromText(toQString(s));
    } else {
        double ms = 0.0;
        if (!readNumber(v, ms))
            return false;
        out = FieldReader::timeFromEpochMs(ms);
    }
    return out.isValid();
}

// A bool, number or string; null is std::monostate.
inline bool readValue(element v, Domain::EndpointValue &out)
{
    switch (v.type()) {
    case element_type::NULL_VALUE:
        out = std::monostate {};
        return true;
    case element_type::BOOL:
        out = bool(v);
        return true;
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE: {
        double d = 0.0;
        if (!readNumber(v, d))
            return false;
        out = d;
        return true;
    }
    case element_type::STRING: {
        QString s;
        if (!readString(v, s))
            return false;
        out = std::move(s);
        return true;
    }
    default:
        return false;
    }
}

template<typename Names, typename E> inline bool lookup(std::string_view text, const Names &names, E &out)
{
    for (const auto &[value, wire] : names) {
        // The names are ASCII: a QStringView of them compares by code unit.
        if (size_t(wire.size()) != text.size())
            continue;
        bool same = true;
        for (size_t i = 0; i < text.size() && same; ++i)
            same = wire[qsizetype(i)] == QLatin1Char(text[i]);
        if (same) {
            out = value;
            return true;
        }
    }
    return false;
}

// The Source of the field rules (fieldrules.h) over one simdjson object:
// FieldReader's reads, each giving what FieldReader gives, but a failure is
// only remembered, in a flag shared with the readers nested in it, never
// worded (the QJsonDocument path words it). Whether the containers the
// rules did not look into are plain() is checked when the reader goes.
class FastReader
{
public:
    FastReader(simdjson::dom::object o, bool &ok)
        : m_ok(ok)
    {
        if (m_ok && !collect(o, m_fields))
            m_ok = false;
    }
    ~FastReader()
    {
        if (m_ok && !checked(m_fields))
            m_ok = false;
    }
    FastReader(const FastReader &) = delete;
    FastReader &operator=(const FastReader &) = delete;

    bool ok() const { return m_ok; }
    void fail(DecodeError::Kind, Field, const QString &) { m_ok = false; }
    bool hasValue(Field f) const { return m_fields.hasValue(f); }
    bool has(Field f) const { return m_fields.has(f); }
    element operator[](Field f) const { return m_fields[f]; }

    Q_ALWAYS_INLINE QString string(Field f)
    {
        QString out;
        check(has(f) && readString(m_fields[f], out));
        return out;
    }
    Q_ALWAYS_INLINE QString optionalString(Field f)
    {
        QString out;
        check(!hasValue(f) || readString(m_fields[f], out));
        return out;
    }
    std::optional<QString> nullableString(Field f)
    {
        if (!hasValue(f))
            return std::nullopt;
        return string(f);
    }
    std::optional<QString> lenientString(Field f) const
    {
        QString out;
        if (!has(f) || !readString(m_fields[f], out))
            return std::nullopt;
        return out;
    }

    Q_ALWAYS_INLINE QString identifier(Field f)
    {
        QString out;
        check(has(f) && readIdentifier(m_fields[f], out));
        return out;
    }
    QString optionalIdentifier(Field f) { return hasValue(f) ? identifier(f) : QString(); }

    Q_ALWAYS_INLINE double number(Field f, double min = -std::numeric_limits<double>::max(),
                                  double max = std::numeric_limits<double>::max())
    {
        double out = 0.0;
        check(has(f) && readNumber(m_fields[f], out, min, max));
        return out;
    }
    Q_ALWAYS_INLINE double optionalNumber(Field f, double fallback, double min = -std::numeric_limits<double>::max(),
                                          double max = std::numeric_limits<double>::max())
    {
        return hasValue(f) ? number(f, min, max) : fallback;
    }
    // FieldReader::clampedNumber(): within a tenth of the range beyond a
    // bound, brought to the bound; further out, refused.
    Q_ALWAYS_INLINE double clampedNumber(Field f, double min, double max)
    {
        const double slack = (max - min) * FieldReader::kClampTolerance;
        return std::clamp(number(f, min - slack, max + slack), min, max);
    }
    Q_ALWAYS_INLINE qint64 integer(Field f, double min = 0.0, double max = FieldReader::kMaxExactInteger)
    {
        qint64 out = 0;
        check(has(f) && readInteger(m_fields[f], out, min, max));
        return out;
    }
    Q_ALWAYS_INLINE qint64 optionalInteger(Field f, qint64 fallback, double min = 0.0,
                                           double max = FieldReader::kMaxExactInteger)
    {
        return hasValue(f) ? integer(f, min, max) : fallback;
    }
    [[gnu::flatten]] bool optionalBoolean(Field f, bool fallback)
    {
        bool out = fallback;
        check(!hasValue(f) || !m_fields[f].get_bool().get(out));
        return out;
    }

    Q_ALWAYS_INLINE QDateTime timestamp(Field f)
    {
        QDateTime out;
        check(has(f) && readTimestamp(m_fields[f], out));
        return out;
    }
    Q_ALWAYS_INLINE QDateTime optionalTimestamp(Field f) { return hasValue(f) ? timestamp(f) : QDateTime(); }
    std::optional<QDateTime> nullableTimestamp(Field f)
    {
        if (!hasValue(f))
            return std::nullopt;
        return timestamp(f);
    }

    Domain::EndpointValue value(Field f)
    {
        Domain::EndpointValue out;
        check(has(f) && readValue(m_fields[f], out));
        return out;
    }
    Domain::EndpointValue optionalValue(Field f) { return has(f) ? value(f) : Domain::EndpointValue(); }

    template<typename Names> [[gnu::flatten]] auto enumeration(Field f, const Names &names)
    {
        std::remove_cvref_t<decltype(names.begin()->first)> out {};
        std::string_view s;
        check(has(f) && !m_fields[f].get_string().get(s) && lookup(s, names, out));
        return out;
    }
    template<typename Names, typename E> [[gnu::flatten]] E lenientEnumeration(Field f, const Names &names, E unknown)
    {
        E out = unknown;
        std::string_view s;
        if (check(has(f) && !m_fields[f].get_string().get(s)))
            lookup(s, names, out);
        return out;
    }
    template<typename Names, typename E>
    E optionalLenientEnumeration(Field f, const Names &names, E fallback, E unknown)
    {
        return hasValue(f) ? lenientEnumeration(f, names, unknown) : fallback;
    }
    template<typename Names> [[gnu::flatten]] auto wordIn(Field f, const Names &names)
    {
        std::remove_cvref_t<decltype(names.begin()->first)> out {};
        std::string_view s;
        const bool known = check(has(f) && !m_fields[f].get_string().get(s)) && lookup(s, names, out);
        return known ? std::optional(out) : std::nullopt;
    }

    [[gnu::flatten]] Q_ALWAYS_INLINE simdjson::dom::object object(Field f)
    {
        simdjson::dom::object out;
        check(has(f) && !m_fields[f].get_object().get(out));
        return out;
    }
    std::optional<simdjson::dom::object> nullableObject(Field f)
    {
        if (!hasValue(f))
            return std::nullopt;
        return object(f);
    }
    // The reader of the object `o` found under `f`.
    Q_ALWAYS_INLINE FastReader nested(simdjson::dom::object o, Field f)
    {
        m_fields.unchecked &= ~bit(f);
        return FastReader(o, m_ok);
    }

private:
    Q_ALWAYS_INLINE bool check(bool good)
    {
        if (!good)
            m_ok = false;
        return good;
    }

    Fields m_fields;
    bool &m_ok;
};

} // namespace Protocol::FastPath
