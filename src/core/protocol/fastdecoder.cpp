#include "fastdecoder.h"

#include "fieldreader.h"
#include "isotime.h"
#include "payloadreaders.h"

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
constexpr double kMaxEpochMs = 8.64e15;
constexpr double kMaxPercent = 100.0;

// Every field name the hot messages read, at any depth. One table for all
// levels keeps the lookup a single probe.
enum Key : int {
    Type,
    Seq,
    Ts,
    Serial,
    Kind,
    Data,
    Timestamp,
    State,
    Battery,
    Location,
    Speed,
    Lat,
    Lon,
    Alt,
    Percent,
    Stage,
    Assembly,
    Eta,
    Cpu,
    Memory,
    Storage,
    Temperature,
    Mission,
    Status,
    Progress,
    MachineId,
    Name,
    Utilization,
    Line,
    ProducedCount,
    EndpointId,
    Value,
    Unit,
    CommandId,
    RequestedValue,
    ActualValue,
    Operator,
    Error,
    CompletedAt,
    AlarmId,
    Severity,
    Message_,
    AckedBy,
    AckedAt,
    Note,
    ShelvedUntil,
    ShelvedBy,
    ShelveReason,
    Count,
    Chattering,
    Source,
    Id,
    Events,
    Completion,
    KeyCount
};
static_assert(KeyCount <= 64, "the presence mask is 64 bits");

constexpr std::array<std::string_view, KeyCount> kKeyNames = {
    "type"sv,       "seq"sv,        "ts"sv,          "serial"sv,       "kind"sv,           "data"sv,
    "timestamp"sv,  "state"sv,      "battery"sv,     "location"sv,     "speed"sv,          "lat"sv,
    "lon"sv,        "alt"sv,        "percent"sv,     "stage"sv,        "assembly"sv,       "eta"sv,
    "cpu"sv,        "memory"sv,     "storage"sv,     "temperature"sv,  "mission"sv,        "status"sv,
    "progress"sv,   "machineId"sv,  "name"sv,        "utilization"sv,  "line"sv,           "producedCount"sv,
    "endpointId"sv, "value"sv,      "unit"sv,        "commandId"sv,    "requestedValue"sv, "actualValue"sv,
    "operator"sv,   "error"sv,      "completedAt"sv, "alarmId"sv,      "severity"sv,       "message"sv,
    "ackedBy"sv,    "ackedAt"sv,    "note"sv,        "shelvedUntil"sv, "shelvedBy"sv,      "shelveReason"sv,
    "count"sv,      "chattering"sv, "source"sv,      "id"sv,           "events"sv,         "completion"sv,
};

// An open-addressing table from field name to Key, built once.
class KeyTable
{
public:
    KeyTable()
    {
        m_slots.fill(-1);
        for (int k = 0; k < KeyCount; ++k) {
            size_t slot = hash(kKeyNames[size_t(k)]);
            while (m_slots[slot] >= 0)
                slot = (slot + 1) % m_slots.size();
            m_slots[slot] = qint8(k);
        }
    }

    int find(std::string_view name) const
    {
        for (size_t slot = hash(name);; slot = (slot + 1) % m_slots.size()) {
            const int k = m_slots[slot];
            if (k < 0 || kKeyNames[size_t(k)] == name)
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

constexpr quint64 bit(Key k)
{
    return quint64(1) << k;
}

// Objects under these names are usually read field by field anyway, so
// collect() leaves them to the reader and checked() looks at what it left.
constexpr quint64 kNested = bit(Data) | bit(Location) | bit(Source) | bit(Events);

// The known fields of one JSON object, found in one pass over it.
struct Fields
{
    // Left uninitialised: three of these per event, and only the slots
    // marked in `present` are ever read.
    union Slot {
        Slot() { }
        element value;
    };
    std::array<Slot, KeyCount> slots;
    quint64 present = 0;
    mutable quint64 unchecked = 0; // containers under kNested names not yet looked into

    bool has(Key k) const { return present & (quint64(1) << k); }
    // Present and not null: what FieldReader::hasValue() means.
    bool hasValue(Key k) const { return has(k) && !slots[k].value.is_null(); }
    element operator[](Key k) const { return slots[k].value; }
    void set(int k, element v) { slots[size_t(k)].value = v; }
};

// False when a known name appears twice (QJsonDocument keeps the last,
// simdjson both: not worth matching) or a value is not plain().
bool collect(object o, Fields &f)
{
    const KeyTable &table = keyTable();
    for (auto field : o) {
        const element v = field.value;
        const int k = table.find(field.key);
        const quint64 b = k < 0 ? 0 : bit(Key(k));
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
        f.set(k, v);
    }
    return true;
}

// The containers the reader did not look into are plain() too.
bool checked(const Fields &f)
{
    for (quint64 rest = f.unchecked; rest; rest &= rest - 1) {
        if (!plain(f[Key(std::countr_zero(rest))]))
            return false;
    }
    return true;
}

// The readers below accept exactly what FieldReader accepts and return the
// same values; where FieldReader would record an error they return false.

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

bool string(const Fields &f, Key k, QString &out)
{
    return f.has(k) && readString(f[k], out);
}

bool optionalString(const Fields &f, Key k, QString &out)
{
    return !f.hasValue(k) || readString(f[k], out);
}

bool nullableString(const Fields &f, Key k, std::optional<QString> &out)
{
    if (!f.hasValue(k))
        return true;
    QString s;
    if (!readString(f[k], s))
        return false;
    out = std::move(s);
    return true;
}

// Any JSON number as a double, as QJsonValue::toDouble() gives it.
bool readNumber(element v, double &out)
{
    return !v.get_double().get(out) && std::isfinite(out);
}

bool number(const Fields &f, Key k, double &out, double min = -std::numeric_limits<double>::max(),
            double max = std::numeric_limits<double>::max())
{
    return f.has(k) && readNumber(f[k], out) && out >= min && out <= max;
}

bool optionalNumber(const Fields &f, Key k, double &out, double fallback,
                    double min = -std::numeric_limits<double>::max(), double max = std::numeric_limits<double>::max())
{
    if (!f.hasValue(k)) {
        out = fallback;
        return true;
    }
    return readNumber(f[k], out) && out >= min && out <= max;
}

// FieldReader::clampedNumber(): within a tenth of the range beyond a bound,
// brought to the bound; further out, refused.
bool clampedNumber(const Fields &f, Key k, double &out, double min, double max)
{
    const double slack = (max - min) * FieldReader::kClampTolerance;
    if (!f.has(k) || !readNumber(f[k], out) || out < min - slack || out > max + slack)
        return false;
    out = std::clamp(out, min, max);
    return true;
}

bool readInteger(element v, qint64 &out, double min, double max)
{
    double d = 0.0;
    if (!readNumber(v, d) || d < min || d > max || std::trunc(d) != d)
        return false;
    out = qint64(d);
    return true;
}

bool integer(const Fields &f, Key k, qint64 &out, double min = 0.0, double max = FieldReader::kMaxExactInteger)
{
    return f.has(k) && readInteger(f[k], out, min, max);
}

bool optionalInteger(const Fields &f, Key k, std::optional<qint64> &out)
{
    if (!f.hasValue(k))
        return true;
    qint64 i = 0;
    if (!readInteger(f[k], i, 0.0, FieldReader::kMaxExactInteger))
        return false;
    out = i;
    return true;
}

bool optionalBoolean(const Fields &f, Key k, bool &out, bool fallback)
{
    out = fallback;
    return !f.hasValue(k) || !f[k].get_bool().get(out);
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

bool identifier(const Fields &f, Key k, QString &out)
{
    return f.has(k) && readIdentifier(f[k], out);
}

bool optionalIdentifier(const Fields &f, Key k, QString &out)
{
    return !f.hasValue(k) || readIdentifier(f[k], out);
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
    if (!readNumber(v, ms) || std::trunc(ms) != ms || std::abs(ms) > kMaxEpochMs)
        return false;
    out = QDateTime::fromMSecsSinceEpoch(qint64(ms), Qt::UTC);
    return true;
}

bool timestamp(const Fields &f, Key k, QDateTime &out)
{
    return f.has(k) && readTimestamp(f[k], out);
}

bool optionalTimestamp(const Fields &f, Key k, QDateTime &out)
{
    return !f.hasValue(k) || readTimestamp(f[k], out);
}

bool nullableTimestamp(const Fields &f, Key k, std::optional<QDateTime> &out)
{
    if (!f.hasValue(k))
        return true;
    QDateTime t;
    if (!readTimestamp(f[k], t))
        return false;
    out = t;
    return true;
}

// A bool, number or string; null and absence are std::monostate.
bool optionalValue(const Fields &f, Key k, EndpointValue &out)
{
    if (!f.hasValue(k)) {
        out = std::monostate {};
        return true;
    }
    const element v = f[k];
    switch (v.type()) {
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

// The object under `k`, collected into `out`; the caller checks `out` once done.
bool readObject(const Fields &f, Key k, Fields &out)
{
    object o;
    if (!f.has(k) || f[k].get_object().get(o))
        return false;
    f.unchecked &= ~bit(k);
    return collect(o, out);
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

template<typename Names, typename E> bool enumeration(const Fields &f, Key k, const Names &names, E &out)
{
    std::string_view s;
    return f.has(k) && !f[k].get_string().get(s) && lookup(s, names, out);
}

template<typename Names, typename E> bool optionalEnumeration(const Fields &f, Key k, const Names &names, E &out)
{
    std::string_view s;
    return !f.hasValue(k) || (!f[k].get_string().get(s) && lookup(s, names, out));
}

// FieldReader::lenientEnumeration(): a word not in `names` is `unknown`.
template<typename Names, typename E>
bool lenientEnumeration(const Fields &f, Key k, const Names &names, E &out, E unknown)
{
    std::string_view s;
    if (!f.has(k) || f[k].get_string().get(s))
        return false;
    if (!lookup(s, names, out))
        out = unknown;
    return true;
}

// FieldReader::optionalLenientEnumeration(): absent or null is `fallback`.
template<typename Names, typename E>
bool optionalLenientEnumeration(const Fields &f, Key k, const Names &names, E &out, E fallback, E unknown)
{
    if (!f.hasValue(k)) {
        out = fallback;
        return true;
    }
    return lenientEnumeration(f, k, names, out, unknown);
}

using Domain::kAlarmSeverities;
using Domain::kAlarmSourceKinds;
using Domain::kAlarmStates;
using Domain::kCommandStates;
using Domain::kMachineStates;
using Domain::kMissionStatuses;

bool readDroneStatus(const Fields &d, DroneStatus &s)
{
    Fields loc;
    return enumeration(d, State, Domain::kDroneStates, s.state)
        && clampedNumber(d, Battery, s.battery, 0.0, kMaxPercent) && optionalNumber(d, Speed, s.speed, 0.0, 0.0)
        && readObject(d, Location, loc) && number(loc, Lat, s.location.lat, -90.0, 90.0)
        && number(loc, Lon, s.location.lon, -180.0, 180.0) && optionalNumber(loc, Alt, s.location.alt, 0.0)
        && checked(loc);
}

bool readDroneData(const Fields &f, Body &body, Fields &d)
{
    QString serial;
    std::string_view kind;
    QDateTime ts;
    if (!identifier(f, Serial, serial) || !f.has(Kind) || f[Kind].get_string().get(kind) || !readObject(f, Data, d)
        || !timestamp(f, Timestamp, ts))
        return false;
    if (kind == "status"sv) {
        DroneStatusUpdate u;
        u.status.serial = std::move(serial);
        u.status.timestamp = ts;
        if (!readDroneStatus(d, u.status))
            return false;
        body = std::move(u);
        return true;
    }
    if (kind == "build_progress"sv) {
        DroneBuildProgress b;
        b.serial = std::move(serial);
        b.timestamp = ts;
        // `percent`, or seed 000's `completion` when there is no percent.
        double percent = 0.0;
        const Key percentKey = d.hasValue(Percent) || !d.hasValue(Completion) ? Percent : Completion;
        if (!clampedNumber(d, percentKey, percent, 0.0, kMaxPercent) || !string(d, Stage, b.stage)
            || !optionalString(d, Assembly, b.assembly) || !optionalTimestamp(d, Eta, b.eta))
            return false;
        b.percent = int(std::lround(percent));
        body = std::move(b);
        return true;
    }
    if (kind == "system_health"sv) {
        DroneHealth h;
        h.serial = std::move(serial);
        h.timestamp = ts;
        if (!clampedNumber(d, Cpu, h.cpu, 0.0, kMaxPercent) || !clampedNumber(d, Memory, h.memory, 0.0, kMaxPercent)
            || !clampedNumber(d, Storage, h.storage, 0.0, kMaxPercent)
            || !number(d, Temperature, h.temperature, -100.0, 200.0))
            return false;
        body = std::move(h);
        return true;
    }
    if (kind == "operation"sv) {
        DroneOperation o;
        o.serial = std::move(serial);
        o.timestamp = ts;
        if (!string(d, Mission, o.mission) || !enumeration(d, Status, kMissionStatuses, o.status)
            || !clampedNumber(d, Progress, o.progress, 0.0, kMaxPercent))
            return false;
        body = std::move(o);
        return true;
    }
    return false;
}

bool readDroneUpdate(const Fields &f, Body &body)
{
    Fields d;
    return readDroneData(f, body, d) && checked(d);
}

bool readMachineStatus(const Fields &f, Body &body)
{
    MachineStatusUpdate u;
    MachineStatus &m = u.machine;
    if (!identifier(f, MachineId, m.machineId) || !optionalString(f, Name, m.name)
        || !enumeration(f, Status, kMachineStates, m.status)
        || !clampedNumber(f, Utilization, m.utilization, 0.0, kMaxPercent) || !string(f, Line, m.line)
        || !integer(f, ProducedCount, m.producedCount) || !optionalTimestamp(f, Timestamp, m.timestamp))
        return false;
    body = std::move(u);
    return true;
}

bool readTelemetry(const Fields &f, Body &body)
{
    Telemetry t;
    if (!identifier(f, EndpointId, t.endpointId) || !f.has(Value) || !optionalValue(f, Value, t.value)
        || !optionalString(f, Unit, t.unit) || !optionalTimestamp(f, Timestamp, t.timestamp))
        return false;
    if (std::holds_alternative<std::monostate>(t.value))
        return false; // a reading needs a value
    body = std::move(t);
    return true;
}

bool readCommandStatus(const Fields &f, Body &body)
{
    CommandStatus c;
    if (!identifier(f, CommandId, c.commandId) || !optionalIdentifier(f, EndpointId, c.endpointId)
        || !enumeration(f, Status, kCommandStates, c.status) || !optionalValue(f, RequestedValue, c.requestedValue)
        || !optionalValue(f, ActualValue, c.actualValue) || !optionalString(f, Operator, c.operatorName)
        || !nullableString(f, Error, c.error) || !optionalTimestamp(f, CompletedAt, c.completedAt))
        return false;
    body = std::move(c);
    return true;
}

bool readAlarm(const Fields &f, Body &body)
{
    AlarmUpdate u;
    Alarm &a = u.alarm;
    std::optional<qint64> count;
    if (!identifier(f, AlarmId, a.alarmId)
        || !lenientEnumeration(f, Severity, kAlarmSeverities, a.severity, AlarmSeverity::Unknown)
        || !string(f, Message_, a.message)
        || !optionalLenientEnumeration(f, State, kAlarmStates, a.state, AlarmState::ActiveUnacked,
                                       AlarmState::ActiveUnacked)
        || !timestamp(f, Timestamp, a.timestamp) || !nullableString(f, AckedBy, a.ackedBy)
        || !nullableTimestamp(f, AckedAt, a.ackedAt) || !nullableString(f, Note, a.note)
        || !nullableTimestamp(f, ShelvedUntil, a.shelvedUntil) || !nullableString(f, ShelvedBy, a.shelvedBy)
        || !nullableString(f, ShelveReason, a.shelveReason) || !optionalInteger(f, Count, count)
        || !optionalBoolean(f, Chattering, a.chattering, false))
        return false;
    a.count = count.value_or(1);
    if (f.hasValue(Source)) {
        Fields s;
        AlarmSource source;
        if (!readObject(f, Source, s)
            || !lenientEnumeration(s, Kind, kAlarmSourceKinds, source.kind, AlarmSourceKind::Other)
            || !string(s, Kind, source.kindText) || !identifier(s, Id, source.id) || !checked(s))
            return false;
        a.source = std::move(source);
    }
    body = std::move(u);
    return true;
}

bool decodeMessage(element v, QList<Message> &out)
{
    object o;
    if (v.get_object().get(o))
        return false;
    Fields f;
    std::string_view type;
    if (!collect(o, f) || !f.has(Type) || f[Type].get_string().get(type))
        return false;
    std::optional<qint64> seq;
    std::optional<qint64> ts;
    if (!optionalInteger(f, Seq, seq) || !optionalInteger(f, Ts, ts))
        return false;

    Message m;
    if (seq)
        m.seq = quint64(*seq);
    m.ts = ts;
    bool ok = false;
    if (type == "drone_update"sv)
        ok = readDroneUpdate(f, m.body);
    else if (type == "machine_status_update"sv)
        ok = readMachineStatus(f, m.body);
    else if (type == "telemetry"sv)
        ok = readTelemetry(f, m.body);
    else if (type == "command_status"sv)
        ok = readCommandStatus(f, m.body);
    else if (type == "alarm"sv)
        ok = readAlarm(f, m.body);
    ok = ok && checked(f);
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
    if (!collect(object(value), f) || !f.has(Events) || f[Events].get_array().get(events) || events.size() == 0)
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
