#include "fastdecoder.h"

#include "fieldreader.h"
#include "fieldrules.h"
#include "isotime.h"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <string_view>

// The wire format reads and writes the domain's value types.
using namespace Domain;

namespace Protocol {

namespace {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;
using namespace std::string_view_literals;

// Frames above this are left to QJsonDocument: the parser keeps what it
// allocated for its largest frame, and only snapshots come this big.
constexpr size_t kMaxFastFrameBytes = 4 * 1024 * 1024;
// Deeper JSON is not a hot message; the QJsonDocument path judges it.
constexpr size_t kMaxDepth = 64;

using FieldNames::kAll;

// An open-addressing table from field name to its place in kAll, built once.
class KeyTable
{
public:
    KeyTable()
    {
        m_slots.fill(-1);
        for (int k = 0; k < int(kAll.size()); ++k) {
            size_t slot = hash(kAll[size_t(k)]);
            while (m_slots[slot] >= 0)
                slot = (slot + 1) % m_slots.size();
            m_slots[slot] = qint8(k);
        }
    }

    int find(std::string_view name) const
    {
        for (size_t slot = hash(name);; slot = (slot + 1) % m_slots.size()) {
            const int k = m_slots[slot];
            if (k < 0 || kAll[size_t(k)] == name)
                return k;
        }
    }

private:
    static size_t hash(std::string_view name)
    {
        if (name.empty())
            return 0;
        const auto c = [&](size_t i) { return size_t(static_cast<unsigned char>(name[i])); };
        return (name.size() * 31 + c(0) * 7 + c(name.size() - 1) * 3 + c(name.size() / 2)) % 256;
    }

    std::array<qint8, 256> m_slots {};
};

const KeyTable &keyTable()
{
    static const KeyTable table;
    return table;
}

// QJsonDocument refuses a number that underflows to zero ("1e-400") where
// simdjson reads 0.0. Only a negative exponent or some 320 zeros after the
// point can underflow, so a frame whose text has neither holds only real
// zeros. The text is looked at once, and only when a 0.0 turns up. (JSON
// allows no leading zeros, so the zeros of such a number follow a point.)
class ZeroCheck
{
public:
    explicit ZeroCheck(std::string_view text)
        : m_text(text)
    { }

    bool realZero()
    {
        if (m_verdict < 0)
            m_verdict = scan() ? 1 : 0;
        return m_verdict == 1;
    }

private:
    // Hops between the few '-' and '.' with memchr rather than looking at
    // every byte: frames run to megabytes.
    bool scan() const
    {
        const char *begin = m_text.data();
        const char *end = begin + m_text.size();
        for (const char *p = begin; (p = static_cast<const char *>(std::memchr(p, '-', size_t(end - p)))); ++p) {
            // A negative exponent: a digit or point, 'e' or 'E', then '-'.
            if (p - begin >= 2 && (p[-1] == 'e' || p[-1] == 'E') && ((p[-2] >= '0' && p[-2] <= '9') || p[-2] == '.'))
                return false;
        }
        constexpr ptrdiff_t kLongestZeroRun = 300;
        for (const char *p = begin; (p = static_cast<const char *>(std::memchr(p, '.', size_t(end - p))));) {
            const char *zeros = ++p;
            while (p < end && *p == '0')
                ++p;
            if (p - zeros >= kLongestZeroRun)
                return false;
        }
        return true;
    }

    std::string_view m_text;
    int m_verdict = -1;
};

// The frame being decoded on this thread, for the zero check.
thread_local ZeroCheck *t_zeroCheck = nullptr;

bool zeroIsReal(element v)
{
    return double(v) != 0.0 || (t_zeroCheck && t_zeroCheck->realZero());
}

bool plain(element v)
{
    switch (v.type()) {
    case element_type::DOUBLE:
        return zeroIsReal(v);
    case element_type::ARRAY:
        for (element item : array(v)) {
            if (!plain(item))
                return false;
        }
        return true;
    case element_type::OBJECT:
        for (auto field : object(v)) {
            if (!plain(field.value))
                return false;
        }
        return true;
    default:
        return true;
    }
}

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
    std::array<Slot, kAll.size()> slots;
    quint64 present = 0;
    quint64 unchecked = 0; // containers under kNested names not yet looked into

    bool has(Field f) const { return present & bit(f); }
    // Present and not null: what FieldReader::hasValue() means.
    bool hasValue(Field f) const { return has(f) && !slots[size_t(f.key())].value.is_null(); }
    element operator[](Field f) const { return slots[size_t(f.key())].value; }
};

// False when a known name appears twice (QJsonDocument keeps the last,
// simdjson both: not worth matching) or a value is not plain().
bool collect(object o, Fields &f)
{
    const KeyTable &table = keyTable();
    for (auto field : o) {
        const element v = field.value;
        const int k = table.find(field.key);
        const quint64 b = k < 0 ? 0 : quint64(1) << k;
        if (v.is_array() || v.is_object()) {
            if (b & kNested)
                f.unchecked |= b;
            else if (!plain(v))
                return false;
        } else if (v.type() == element_type::DOUBLE && !zeroIsReal(v)) {
            return false;
        }
        if (k < 0)
            continue;
        if (f.present & b)
            return false;
        f.present |= b;
        f.slots[size_t(k)].value = v;
    }
    return true;
}

// The containers the reader did not look into are plain() too.
bool checked(const Fields &f)
{
    for (quint64 rest = f.unchecked; rest; rest &= rest - 1) {
        if (!plain(f.slots[size_t(std::countr_zero(rest))].value))
            return false;
    }
    return true;
}

// The readers of single values below accept exactly what FieldReader
// accepts and give the same values; where FieldReader would record an error
// they return false.

QString toQString(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

bool readString(element v, QString &out)
{
    std::string_view s;
    if (v.get_string().get(s))
        return false;
    out = toQString(s);
    return true;
}

// Any JSON number as a double, as QJsonValue::toDouble() gives it.
bool readNumber(element v, double &out)
{
    return !v.get_double().get(out) && std::isfinite(out);
}

bool readNumber(element v, double &out, double min, double max)
{
    return readNumber(v, out) && out >= min && out <= max;
}

bool readInteger(element v, qint64 &out, double min, double max)
{
    double d = 0.0;
    if (!readNumber(v, d, min, max) || std::trunc(d) != d)
        return false;
    out = qint64(d);
    return true;
}

bool readIdentifier(element v, QString &out)
{
    std::string_view s;
    if (!v.get_string().get(s)) {
        if (s.empty())
            return false;
        out = toQString(s);
        return true;
    }
    double d = 0.0;
    // Exactly FieldReader's rule: an integral number up to 2^53 names an entity.
    if (!readNumber(v, d) || std::trunc(d) != d || std::abs(d) > FieldReader::kMaxExactInteger)
        return false;
    out = QString::number(qint64(d));
    return true;
}

bool readTimestamp(element v, QDateTime &out)
{
    std::string_view s;
    if (!v.get_string().get(s)) {
        if (const auto ms = parseIsoUtcMs(s)) {
            out = QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC);
            return true;
        }
        // Any other form: the very test FieldReader makes.
        const QString text = toQString(s);
        const qsizetype timeAt = text.indexOf(u'T');
        const QStringView time = timeAt < 0 ? QStringView() : QStringView(text).mid(timeAt);
        if (!(time.endsWith(u'Z') || time.contains(u'+') || time.contains(u'-')))
            return false;
        const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!t.isValid())
            return false;
        out = t.toUTC();
        return true;
    }
    double ms = 0.0;
    if (!readNumber(v, ms) || std::trunc(ms) != ms || std::abs(ms) > FieldReader::kMaxEpochMs)
        return false;
    out = QDateTime::fromMSecsSinceEpoch(qint64(ms), Qt::UTC);
    return true;
}

// A bool, number or string; null is std::monostate.
bool readValue(element v, EndpointValue &out)
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

template<typename Names, typename E> bool lookup(std::string_view text, const Names &names, E &out)
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

    QString string(Field f)
    {
        QString out;
        check(has(f) && readString(m_fields[f], out));
        return out;
    }
    QString optionalString(Field f)
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

    QString identifier(Field f)
    {
        QString out;
        check(has(f) && readIdentifier(m_fields[f], out));
        return out;
    }
    QString optionalIdentifier(Field f) { return hasValue(f) ? identifier(f) : QString(); }

    double number(Field f, double min = -std::numeric_limits<double>::max(),
                  double max = std::numeric_limits<double>::max())
    {
        double out = 0.0;
        check(has(f) && readNumber(m_fields[f], out, min, max));
        return out;
    }
    double optionalNumber(Field f, double fallback, double min = -std::numeric_limits<double>::max(),
                          double max = std::numeric_limits<double>::max())
    {
        return hasValue(f) ? number(f, min, max) : fallback;
    }
    // FieldReader::clampedNumber(): within a tenth of the range beyond a
    // bound, brought to the bound; further out, refused.
    double clampedNumber(Field f, double min, double max)
    {
        const double slack = (max - min) * FieldReader::kClampTolerance;
        return std::clamp(number(f, min - slack, max + slack), min, max);
    }
    qint64 integer(Field f, double min = 0.0, double max = FieldReader::kMaxExactInteger)
    {
        qint64 out = 0;
        check(has(f) && readInteger(m_fields[f], out, min, max));
        return out;
    }
    qint64 optionalInteger(Field f, qint64 fallback, double min = 0.0, double max = FieldReader::kMaxExactInteger)
    {
        return hasValue(f) ? integer(f, min, max) : fallback;
    }
    bool optionalBoolean(Field f, bool fallback)
    {
        bool out = fallback;
        check(!hasValue(f) || !m_fields[f].get_bool().get(out));
        return out;
    }

    QDateTime timestamp(Field f)
    {
        QDateTime out;
        check(has(f) && readTimestamp(m_fields[f], out));
        return out;
    }
    QDateTime optionalTimestamp(Field f) { return hasValue(f) ? timestamp(f) : QDateTime(); }
    std::optional<QDateTime> nullableTimestamp(Field f)
    {
        if (!hasValue(f))
            return std::nullopt;
        return timestamp(f);
    }

    EndpointValue value(Field f)
    {
        EndpointValue out;
        check(has(f) && readValue(m_fields[f], out));
        return out;
    }
    EndpointValue optionalValue(Field f) { return has(f) ? value(f) : EndpointValue(); }

    template<typename Names> auto enumeration(Field f, const Names &names)
    {
        std::remove_cvref_t<decltype(names.begin()->first)> out {};
        std::string_view s;
        check(has(f) && !m_fields[f].get_string().get(s) && lookup(s, names, out));
        return out;
    }
    template<typename Names, typename E> E lenientEnumeration(Field f, const Names &names, E unknown)
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
    template<typename Names> auto wordIn(Field f, const Names &names)
    {
        std::remove_cvref_t<decltype(names.begin()->first)> out {};
        std::string_view s;
        const bool known = check(has(f) && !m_fields[f].get_string().get(s)) && lookup(s, names, out);
        return known ? std::optional(out) : std::nullopt;
    }

    simdjson::dom::object object(Field f)
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
    FastReader nested(simdjson::dom::object o, Field f)
    {
        m_fields.unchecked &= ~bit(f);
        return FastReader(o, m_ok);
    }

private:
    bool check(bool good)
    {
        if (!good)
            m_ok = false;
        return good;
    }

    Fields m_fields;
    bool &m_ok;
};

bool decodeMessage(element v, QList<Message> &out)
{
    simdjson::dom::object o;
    if (v.get_object().get(o))
        return false;
    bool ok = true;
    Message m;
    {
        FastReader r(o, ok);
        std::string_view type;
        Rules::HotType hot {};
        if (!ok || !r.has("type"_field) || r["type"_field].get_string().get(type)
            || !lookup(type, Rules::kHotTypes, hot))
            return false;
        Rules::readNumbering(r, m);
        if (!ok)
            return false;
        m.body = Rules::readHotBody(r, hot);
    }
    if (ok)
        out.append(std::move(m));
    return ok;
}

bool isBatch(element v)
{
    std::string_view type;
    return v.is_object() && !v["type"].get_string().get(type) && type == "batch"sv;
}

// A batch as the QJsonDocument path reads it: `events`, a non-empty array
// of messages; its other fields are not read.
bool decodeBatch(element value, QList<Message> &out)
{
    Fields f;
    array events;
    if (!collect(simdjson::dom::object(value), f) || !f.has("events"_field) || f["events"_field].get_array().get(events)
        || events.size() == 0)
        return false;
    out.reserve(out.size() + qsizetype(events.size()));
    for (element event : events) {
        if (!decodeMessage(event, out))
            return false;
    }
    return true;
}

// Frames bigger than this that the fast path does not take (snapshots)
// make the parser give back what it grew to for them.
constexpr size_t kKeptCapacity = 1024 * 1024;
constexpr size_t kInitialCapacity = 64 * 1024;

simdjson::dom::parser *threadParser()
{
    // One per thread: decodeFrame() is a pure function any thread may call.
    thread_local std::unique_ptr<simdjson::dom::parser> parser = [] {
        auto p = std::make_unique<simdjson::dom::parser>(kMaxFastFrameBytes);
        return p->allocate(kInitialCapacity, kMaxDepth) ? nullptr : std::move(p);
    }();
    return parser.get();
}

std::optional<DecodedFrame> decodeDocument(element doc)
{
    DecodedFrame out;
    const auto decodeTop = [&out](element value) {
        return isBatch(value) ? decodeBatch(value, out.messages) : decodeMessage(value, out.messages);
    };
    if (doc.is_object())
        return decodeTop(doc) ? std::optional(std::move(out)) : std::nullopt;
    array top;
    if (doc.get_array().get(top) || top.size() == 0)
        return std::nullopt;
    for (element value : top) {
        if (!decodeTop(value))
            return std::nullopt;
    }
    return out;
}

} // namespace

std::optional<DecodedFrame> fastDecodeFrame(QByteArrayView utf8)
{
    simdjson::dom::parser *parser = threadParser();
    // An empty frame has no data pointer to hand over; the QJsonDocument
    // path reports it.
    if (!parser || utf8.isEmpty() || size_t(utf8.size()) > kMaxFastFrameBytes)
        return std::nullopt;
    element doc;
    if (parser->parse(utf8.data(), size_t(utf8.size()), true).get(doc))
        return std::nullopt;
    ZeroCheck zeroCheck(std::string_view(utf8.data(), size_t(utf8.size())));
    t_zeroCheck = &zeroCheck;
    std::optional<DecodedFrame> out = decodeDocument(doc);
    t_zeroCheck = nullptr;
    if (!out && parser->capacity() > kKeptCapacity) {
        // Gives back what a snapshot made the parser grow to; should that
        // fail, the next parse allocates what it needs.
        const simdjson::error_code shrunk = parser->allocate(kInitialCapacity, kMaxDepth);
        Q_UNUSED(shrunk)
    }
    return out;
}

} // namespace Protocol
