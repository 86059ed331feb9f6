#include "gatewayconfigfile.h"

#include "inidocument.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <climits>
#include <cmath>
#include <functional>

namespace {

using Config = SparkplugSourceConfig;
using Section = IniDocument::Section;
using Entry = IniDocument::Entry;
using Kind = Config::AlarmCondition::Kind;

const QStringList kSeverities = {QStringLiteral("critical"), QStringLiteral("high"), QStringLiteral("medium"),
                                 QStringLiteral("low"), QStringLiteral("info")};
const QStringList kRoles = {QStringLiteral("viewer"), QStringLiteral("operator"), QStringLiteral("admin")};
const QStringList kTypes = {QStringLiteral("bool"), QStringLiteral("number"), QStringLiteral("enum")};
const QStringList kConditions = {QStringLiteral("hihi"), QStringLiteral("hi"),    QStringLiteral("lo"),
                                 QStringLiteral("lolo"), QStringLiteral("equal"), QStringLiteral("not-equal")};
const QStringList kSingleSections
    = {QStringLiteral("gateway"), QStringLiteral("tokens"), QStringLiteral("broker"), QStringLiteral("sparkplug")};
const QStringList kNamedSections
    = {QStringLiteral("tile"),      QStringLiteral("device"),  QStringLiteral("endpoint"), QStringLiteral("alarm"),
       QStringLiteral("interlock"), QStringLiteral("machine"), QStringLiteral("drone")};
// The console's words for a machine's status and a drone's state.
const QStringList kMachineStatuses
    = {QStringLiteral("running"), QStringLiteral("idle"), QStringLiteral("down"), QStringLiteral("maintenance")};
const QStringList kDroneStates = {QStringLiteral("idle"),        QStringLiteral("flying"),  QStringLiteral("charging"),
                                  QStringLiteral("maintenance"), QStringLiteral("offline"), QStringLiteral("error")};

QString conditionName(Kind kind)
{
    return kConditions.at(int(kind));
}

bool isLevel(Kind kind)
{
    return kind == Kind::HighHigh || kind == Kind::High || kind == Kind::Low || kind == Kind::LowLow;
}

QString typeName(Config::ValueType type)
{
    return kTypes.at(int(type));
}

// "a, b or c"
QString alternatives(const QStringList &words)
{
    if (words.size() < 2)
        return words.join(QString());
    return words.mid(0, words.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" or ") + words.last();
}

QString formatDuration(qint64 ms)
{
    if (ms == 0)
        return QStringLiteral("0s");
    if (ms % 3'600'000 == 0)
        return QStringLiteral("%1h").arg(ms / 3'600'000);
    if (ms % 60'000 == 0)
        return QStringLiteral("%1m").arg(ms / 60'000);
    if (ms % 1000 == 0)
        return QStringLiteral("%1s").arg(ms / 1000);
    return QStringLiteral("%1ms").arg(ms);
}

std::optional<double> toNumber(const QString &text)
{
    bool ok = false;
    const double number = text.toDouble(&ok);
    if (!ok || !std::isfinite(number))
        return std::nullopt;
    return number;
}

// The console's ids: letters, digits, '.', '_' and '-'.
bool isConsoleId(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._-]+$"));
    return pattern.match(text).hasMatch();
}

const QString kConsoleIdRule = QStringLiteral("use only letters, digits, \".\", \"_\" and \"-\"");

// Sparkplug's group, edge node, device and host ids end up in topics.
std::optional<QString> sparkplugIdProblem(const QString &text)
{
    if (text.isEmpty())
        return QStringLiteral("a Sparkplug id must not be empty");
    if (text.contains(u'/') || text.contains(u'+') || text.contains(u'#'))
        return QStringLiteral("\"%1\" is not a Sparkplug id: it must not contain /, + or #").arg(text);
    return std::nullopt;
}

// Every mistake found, with its line (0: none) to put them in order.
struct Errors
{
    QString path;
    QList<std::pair<int, QString>> list;

    void add(int line, const QString &message)
    {
        list.append({line,
                     line > 0 ? QStringLiteral("%1:%2: %3").arg(path).arg(line).arg(message)
                              : QStringLiteral("%1: %2").arg(path, message)});
    }
    bool any() const { return !list.isEmpty(); }
};

// The keys of one section, checked for unknown and repeated keys, and read
// into types; each reading reports its own mistake and gives nothing.
class SectionReader
{
public:
    SectionReader(Errors &errors, const Section &section, const QStringList &keys)
        : m_errors(errors)
        , m_section(section)
    {
        QHash<QString, int> seen;
        for (const Entry &entry : section.entries) {
            if (!keys.contains(entry.key)) {
                fail(entry, QStringLiteral("unknown key (expected one of %1)").arg(keys.join(QStringLiteral(", "))));
                continue;
            }
            if (const auto first = seen.constFind(entry.key); first != seen.cend()) {
                fail(entry, QStringLiteral("given twice (first on line %1)").arg(*first));
                continue;
            }
            seen.insert(entry.key, entry.line);
            m_entries.insert(entry.key, entry);
        }
    }

    const Section &section() const { return m_section; }
    const Entry *entry(const QString &key) const
    {
        const auto it = m_entries.constFind(key);
        return it == m_entries.cend() ? nullptr : &*it;
    }
    int line(const QString &key) const
    {
        const Entry *e = entry(key);
        return e ? e->line : m_section.line;
    }

    void fail(const Entry &entry, const QString &message) const
    {
        m_errors.add(entry.line, QStringLiteral("[%1] %2: %3").arg(m_section.header(), entry.key, message));
    }
    void fail(const QString &key, const QString &message) const
    {
        m_errors.add(line(key), QStringLiteral("[%1] %2: %3").arg(m_section.header(), key, message));
    }
    void failSection(const QString &message) const
    {
        m_errors.add(m_section.line, QStringLiteral("[%1] %2").arg(m_section.header(), message));
    }

    std::optional<QString> text(const QString &key) const
    {
        const Entry *e = entry(key);
        return e ? std::optional<QString>(e->value) : std::nullopt;
    }

    // A key the section cannot do without; empty counts as missing.
    std::optional<QString> required(const QString &key) const
    {
        const Entry *e = entry(key);
        if (!e) {
            fail(key, QStringLiteral("required"));
            return std::nullopt;
        }
        if (e->value.isEmpty()) {
            fail(*e, QStringLiteral("must not be empty"));
            return std::nullopt;
        }
        return e->value;
    }

    std::optional<double> number(const QString &key) const
    {
        const Entry *e = entry(key);
        if (!e)
            return std::nullopt;
        const std::optional<double> value = toNumber(e->value);
        if (!value)
            fail(*e, QStringLiteral("\"%1\" is not a number").arg(e->value));
        return value;
    }

    std::optional<qint64> integer(const QString &key, qint64 min, qint64 max) const
    {
        const Entry *e = entry(key);
        if (!e)
            return std::nullopt;
        bool ok = false;
        const qint64 value = e->value.toLongLong(&ok);
        if (!ok || value < min || value > max) {
            fail(*e, QStringLiteral("\"%1\" is not a whole number from %2 to %3").arg(e->value).arg(min).arg(max));
            return std::nullopt;
        }
        return value;
    }

    std::optional<bool> boolean(const QString &key) const
    {
        const Entry *e = entry(key);
        if (!e)
            return std::nullopt;
        if (e->value != u"true" && e->value != u"false") {
            fail(*e, QStringLiteral("\"%1\" is not true or false").arg(e->value));
            return std::nullopt;
        }
        return e->value == u"true";
    }

    // "500ms", "2s", "1.5m", "1h": milliseconds from min to max.
    std::optional<qint64> duration(const QString &key, qint64 min, qint64 max) const
    {
        const Entry *e = entry(key);
        if (!e)
            return std::nullopt;
        static const QRegularExpression pattern(QStringLiteral("^(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)$"));
        const QRegularExpressionMatch match = pattern.match(e->value);
        if (!match.hasMatch()) {
            fail(*e, QStringLiteral("\"%1\" is not a duration such as 500ms, 2s, 1m or 1h").arg(e->value));
            return std::nullopt;
        }
        const QString unit = match.captured(2);
        const double scale = unit == u"ms" ? 1.0 : unit == u"s" ? 1000.0 : unit == u"m" ? 60'000.0 : 3'600'000.0;
        const double ms = match.captured(1).toDouble() * scale;
        if (ms != std::floor(ms)) {
            fail(*e, QStringLiteral("\"%1\" is not a whole number of milliseconds").arg(e->value));
            return std::nullopt;
        }
        if (ms < double(min) || ms > double(max)) {
            fail(*e, QStringLiteral("%1 is not from %2 to %3").arg(e->value, formatDuration(min), formatDuration(max)));
            return std::nullopt;
        }
        return qint64(ms);
    }

    std::optional<QString> choice(const QString &key, const QStringList &allowed) const
    {
        const Entry *e = entry(key);
        if (!e)
            return std::nullopt;
        if (!allowed.contains(e->value)) {
            fail(*e, QStringLiteral("\"%1\" is not %2").arg(e->value, alternatives(allowed)));
            return std::nullopt;
        }
        return e->value;
    }

    // A comma-separated list of non-empty words, each once.
    std::optional<QStringList> list(const QString &key) const
    {
        const Entry *e = entry(key);
        if (!e)
            return std::nullopt;
        QStringList words;
        for (const QString &part : e->value.split(u',')) {
            const QString word = part.trimmed();
            if (word.isEmpty()) {
                fail(*e, QStringLiteral("an empty item in the list \"%1\"").arg(e->value));
                return std::nullopt;
            }
            if (words.contains(word)) {
                fail(*e, QStringLiteral("\"%1\" is listed twice").arg(word));
                return std::nullopt;
            }
            words.append(word);
        }
        return words;
    }

    // A file named relative to the configuration file's folder.
    QString file(const QString &key, const QDir &folder) const
    {
        return QDir::cleanPath(folder.absoluteFilePath(entry(key)->value));
    }

private:
    Errors &m_errors;
    const Section &m_section;
    QHash<QString, Entry> m_entries;
};

struct DeviceRecord
{
    Config::Device device;
    QString tileId;
    int line = 0;
    int originLine = 0;
    bool originRead = false;
};

struct EndpointRecord
{
    Config::Endpoint endpoint;
    QString deviceKey; // "tileId/deviceId"
    int line = 0;
    int deviceLine = 0;
    int metricLine = 0;
    bool typeRead = false; // false: checks that depend on the type are left out
};

struct AlarmRecord
{
    Config::AlarmCondition alarm;
    int line = 0;
    int endpointLine = 0;
    int conditionLine = 0;
    int limitLine = 0;
    int deadbandLine = 0; // 0: not given
    std::optional<QString> limitText;
    bool kindRead = false;
};

// A [machine <id>] or [drone <serial>]: its origin and the metrics it claims.
struct FleetRecord
{
    bool drone = false;
    Config::Machine machine;
    Config::Drone droneConfig;
    QString header; // "machine M1", "drone D1"
    int line = 0;
    Config::Origin origin;
    int originLine = 0;
    bool originRead = false;
    QList<std::tuple<QString, QString, int>> metrics; // key, metric, line
};

struct InterlockRecord
{
    Config::Interlock interlock;
    int line = 0;
    int targetLine = 0;
    int requiresLine = 0;
    std::optional<QString> requiresText;
};

// A value given for an endpoint (an equal/not-equal alarm's limit, an
// interlock's value), read as that endpoint's type.
std::optional<QJsonValue> valueFor(const Config::Endpoint &endpoint, const QString &text, QString *problem)
{
    switch (endpoint.type) {
    case Config::ValueType::Bool:
        if (text == u"true" || text == u"false")
            return QJsonValue(text == u"true");
        *problem = QStringLiteral("\"%1\" is not true or false (%2 is a bool)").arg(text, endpoint.endpointId);
        return std::nullopt;
    case Config::ValueType::Number:
        if (const std::optional<double> number = toNumber(text))
            return QJsonValue(*number);
        *problem = QStringLiteral("\"%1\" is not a number (%2 is a number)").arg(text, endpoint.endpointId);
        return std::nullopt;
    case Config::ValueType::Enum:
        if (endpoint.options.contains(text))
            return QJsonValue(text);
        *problem = QStringLiteral("\"%1\" is not one of the options of %2: %3")
                       .arg(text, endpoint.endpointId, endpoint.options.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    return std::nullopt;
}

class Builder
{
public:
    explicit Builder(const QString &path)
        : errors {path, {}}
        , m_folder(QFileInfo(path).absoluteDir())
    { }

    void read(const IniDocument &document);

    Errors errors;
    GatewayOptions options;
    Config source;

private:
    void readGateway(const Section &section);
    void readTokens(const Section &section);
    void readBroker(const Section &section);
    void readSparkplug(const Section &section);
    void readTile(const Section &section);
    void readDevice(const Section &section);
    void readEndpoint(const Section &section);
    void readAlarm(const Section &section);
    void readInterlock(const Section &section);
    void readMachine(const Section &section);
    void readDrone(const Section &section);
    std::optional<Config::Origin> readOrigin(const SectionReader &r);
    std::optional<Config::StatusMap> readStatusMap(const SectionReader &r, const QString &key,
                                                   const QStringList &words);
    QString readMetric(const SectionReader &r, FleetRecord &record, const QString &key, bool required);

    void checkTokens();
    void checkDevices();
    void checkEndpoints();
    void checkAlarms();
    void checkInterlocks();
    void checkFleet();
    void assemble();

    QDir m_folder;
    QHash<QString, int> m_sectionLines; // header -> line, to refuse one given twice
    bool m_haveGateway = false;
    bool m_haveSparkplug = false;
    bool m_groupsRead = false;

    // [gateway] tokens and [tokens]: merged once both are read.
    QString m_tokensFile;
    int m_tokensFileLine = 0;
    QHash<QString, QString> m_fileTokens;
    QList<std::tuple<QString, QString, int>> m_sectionTokens; // token, role, line

    QList<Config::Tile> m_tiles;
    QHash<QString, int> m_tileIndex;
    QList<DeviceRecord> m_devices;
    QHash<QString, int> m_deviceIndex; // "tileId/deviceId"
    QList<EndpointRecord> m_endpoints;
    QHash<QString, int> m_endpointIndex;
    QList<AlarmRecord> m_alarms;
    QList<InterlockRecord> m_interlocks;
    QList<FleetRecord> m_fleet;
    // Metrics claimed so far: "origin\nmetric" -> who claims it, e.g.
    // "[endpoint T1.level] (line 12)".
    QHash<QString, QString> m_claims;
};

void Builder::read(const IniDocument &document)
{
    for (const IniDocument::Problem &problem : document.problems)
        errors.add(problem.line, problem.message);

    for (const Section &section : document.sections) {
        const bool single = kSingleSections.contains(section.kind);
        if (!single && !kNamedSections.contains(section.kind)) {
            QStringList known;
            for (const QString &kind : kSingleSections)
                known.append(u'[' + kind + u']');
            for (const QString &kind : kNamedSections)
                known.append(u'[' + kind + QStringLiteral(" <id>]"));
            errors.add(section.line,
                       QStringLiteral("[%1] unknown section (expected %2)").arg(section.header(), alternatives(known)));
            continue;
        }
        if (single && !section.name.isEmpty()) {
            errors.add(section.line,
                       QStringLiteral("[%1] the section [%2] takes no name").arg(section.header(), section.kind));
            continue;
        }
        if (!single && section.name.isEmpty()) {
            errors.add(section.line, QStringLiteral("[%1] the section needs an id: [%1 <id>]").arg(section.kind));
            continue;
        }
        if (const auto first = m_sectionLines.constFind(section.header()); first != m_sectionLines.cend()) {
            errors.add(section.line,
                       QStringLiteral("[%1] given twice (first on line %2)").arg(section.header()).arg(*first));
            continue;
        }
        m_sectionLines.insert(section.header(), section.line);

        if (section.kind == u"gateway")
            readGateway(section);
        else if (section.kind == u"tokens")
            readTokens(section);
        else if (section.kind == u"broker")
            readBroker(section);
        else if (section.kind == u"sparkplug")
            readSparkplug(section);
        else if (section.kind == u"tile")
            readTile(section);
        else if (section.kind == u"device")
            readDevice(section);
        else if (section.kind == u"endpoint")
            readEndpoint(section);
        else if (section.kind == u"alarm")
            readAlarm(section);
        else if (section.kind == u"interlock")
            readInterlock(section);
        else if (section.kind == u"machine")
            readMachine(section);
        else
            readDrone(section);
    }

    if (!m_haveGateway)
        errors.add(0, QStringLiteral("[gateway] listen: required, and there is no [gateway] section"));
    if (!m_haveSparkplug)
        errors.add(0, QStringLiteral("[sparkplug] groups: required, and there is no [sparkplug] section"));
    checkTokens();
    checkDevices();
    checkEndpoints();
    checkAlarms();
    checkInterlocks();
    checkFleet();
    if (!errors.any())
        assemble();
}

void Builder::readGateway(const Section &section)
{
    m_haveGateway = true;
    struct Limit
    {
        const char16_t *key;
        qint64 min;
        qint64 max;
        std::function<void(GatewayOptions &, qint64)> apply;
    };
    static const QList<Limit> limits = {
        {u"max-connections", 1, 100'000, [](GatewayOptions &o, qint64 v) { o.maxConnections = int(v); }},
        {u"message-burst", 1, 100'000, [](GatewayOptions &o, qint64 v) { o.messageBurst = int(v); }},
        {u"max-subscriptions", 1, 10'000, [](GatewayOptions &o, qint64 v) { o.maxSubscriptions = int(v); }},
        {u"max-frame-bytes", 1024, 268'435'456, [](GatewayOptions &o, qint64 v) { o.maxFrameBytes = v; }},
        {u"malformed-limit", 1, 100'000, [](GatewayOptions &o, qint64 v) { o.malformedLimit = int(v); }},
        {u"max-send-buffer-bytes", 65'536, 4'294'967'296LL,
         [](GatewayOptions &o, qint64 v) { o.maxSendBufferBytes = v; }},
        {u"max-body-bytes", 1024, 268'435'456, [](GatewayOptions &o, qint64 v) { o.maxBodyBytes = v; }},
        {u"replay-events", 0, 10'000'000, [](GatewayOptions &o, qint64 v) { o.replayEvents = qsizetype(v); }},
        {u"max-waiting-sessions", 0, 100'000, [](GatewayOptions &o, qint64 v) { o.maxWaitingSessions = int(v); }},
        {u"max-waiting-sessions-per-token", 0, 100'000,
         [](GatewayOptions &o, qint64 v) { o.maxWaitingSessionsPerToken = int(v); }},
    };
    QStringList keys
        = {QStringLiteral("listen"),          QStringLiteral("name"),         QStringLiteral("tokens"),
           QStringLiteral("tls-certificate"), QStringLiteral("tls-key"),      QStringLiteral("heartbeat"),
           QStringLiteral("auth-timeout"),    QStringLiteral("message-rate"), QStringLiteral("replay-age")};
    for (const Limit &limit : limits)
        keys.append(QString::fromUtf16(limit.key));
    const SectionReader r(errors, section, keys);

    if (const std::optional<QString> listen = r.required(QStringLiteral("listen"))) {
        // "address:port", an IPv6 address in brackets.
        static const QRegularExpression pattern(QStringLiteral("^(?:\\[([^\\]]+)\\]|([^:\\[\\]]+)):(\\d+)$"));
        const QRegularExpressionMatch match = pattern.match(*listen);
        QHostAddress address;
        const QString host = match.captured(1).isEmpty() ? match.captured(2) : match.captured(1);
        const uint port = match.captured(3).toUInt();
        if (!match.hasMatch() || !address.setAddress(host)) {
            r.fail(QStringLiteral("listen"),
                   QStringLiteral("\"%1\" is not address:port with an IP address, e.g. 0.0.0.0:8765 or [::]:8765")
                       .arg(*listen));
        } else if (port < 1 || port > 65535) {
            r.fail(QStringLiteral("listen"), QStringLiteral("the port %1 is not from 1 to 65535").arg(port));
        } else {
            options.host = address;
            options.port = quint16(port);
        }
    }
    if (const Entry *name = r.entry(QStringLiteral("name"))) {
        if (name->value.isEmpty())
            r.fail(*name, QStringLiteral("must not be empty"));
        else
            options.serverName = name->value;
    }
    if (const std::optional<QString> tokens = r.text(QStringLiteral("tokens"))) {
        m_tokensFile = r.file(QStringLiteral("tokens"), m_folder);
        m_tokensFileLine = r.line(QStringLiteral("tokens"));
        GatewayOptions fromFile;
        if (tokens->isEmpty())
            r.fail(QStringLiteral("tokens"), QStringLiteral("must not be empty"));
        else if (const std::optional<QString> problem = fromFile.loadTokensFile(m_tokensFile))
            r.fail(QStringLiteral("tokens"), *problem);
        else
            m_fileTokens = fromFile.tokens;
    }

    const Entry *certificate = r.entry(QStringLiteral("tls-certificate"));
    const Entry *key = r.entry(QStringLiteral("tls-key"));
    if (certificate && !key) {
        r.fail(*certificate, QStringLiteral("needs tls-key as well"));
    } else if (key && !certificate) {
        r.fail(*key, QStringLiteral("needs tls-certificate as well"));
    } else if (certificate && key) {
        if (const std::optional<QString> problem = options.loadTls(r.file(QStringLiteral("tls-certificate"), m_folder),
                                                                   r.file(QStringLiteral("tls-key"), m_folder)))
            r.fail(*certificate, *problem);
    }

    if (const auto heartbeat = r.duration(QStringLiteral("heartbeat"), 100, 3'600'000))
        options.heartbeatMs = int(*heartbeat);
    if (const auto timeout = r.duration(QStringLiteral("auth-timeout"), 100, 600'000))
        options.authTimeoutMs = int(*timeout);
    if (const auto age = r.duration(QStringLiteral("replay-age"), 0, 86'400'000))
        options.replayAgeMs = *age;
    if (const std::optional<double> rate = r.number(QStringLiteral("message-rate"))) {
        if (*rate <= 0.0 || *rate > 100'000.0)
            r.fail(QStringLiteral("message-rate"), QStringLiteral("%1 is not above 0 and at most 100000").arg(*rate));
        else
            options.messagesPerSecond = *rate;
    }
    for (const Limit &limit : limits) {
        if (const auto value = r.integer(QString::fromUtf16(limit.key), limit.min, limit.max))
            limit.apply(options, *value);
    }
}

// Tokens are secrets: no message quotes one, only its line.
void Builder::readTokens(const Section &section)
{
    QHash<QString, int> seen;
    for (const Entry &entry : section.entries) {
        if (!kRoles.contains(entry.value)) {
            errors.add(entry.line,
                       QStringLiteral("[tokens] the role \"%1\" is not %2").arg(entry.value, alternatives(kRoles)));
            continue;
        }
        if (const auto first = seen.constFind(entry.key); first != seen.cend()) {
            errors.add(entry.line, QStringLiteral("[tokens] this token is given twice (first on line %1)").arg(*first));
            continue;
        }
        seen.insert(entry.key, entry.line);
        m_sectionTokens.append({entry.key, entry.value, entry.line});
    }
}

void Builder::readBroker(const Section &section)
{
    const SectionReader r(errors, section,
                          {QStringLiteral("host"), QStringLiteral("port"), QStringLiteral("client-id"),
                           QStringLiteral("keep-alive"), QStringLiteral("username"), QStringLiteral("password"),
                           QStringLiteral("password-file")});
    Config::Broker &broker = source.broker;
    if (const Entry *host = r.entry(QStringLiteral("host"))) {
        if (host->value.isEmpty() || host->value.contains(QRegularExpression(QStringLiteral("\\s"))))
            r.fail(*host, QStringLiteral("\"%1\" is not a host name or address").arg(host->value));
        else
            broker.host = host->value;
    }
    if (const auto port = r.integer(QStringLiteral("port"), 1, 65535))
        broker.port = quint16(*port);
    if (const Entry *clientId = r.entry(QStringLiteral("client-id"))) {
        if (clientId->value.isEmpty())
            r.fail(*clientId, QStringLiteral("must not be empty (leave the key out for the default)"));
        else
            broker.clientId = clientId->value;
    }
    if (const auto keepAlive = r.duration(QStringLiteral("keep-alive"), 5000, 65535 * 1000)) {
        if (*keepAlive % 1000 != 0)
            r.fail(QStringLiteral("keep-alive"), QStringLiteral("MQTT counts the keep-alive in whole seconds"));
        else
            broker.keepAliveSeconds = int(*keepAlive / 1000);
    }
    if (const auto username = r.text(QStringLiteral("username")))
        broker.username = *username;
    const Entry *password = r.entry(QStringLiteral("password"));
    const Entry *passwordFile = r.entry(QStringLiteral("password-file"));
    if (password && passwordFile) {
        r.fail(*std::max(password, passwordFile, [](const Entry *a, const Entry *b) { return a->line < b->line; }),
               QStringLiteral("give password or password-file, not both"));
    } else if (password) {
        broker.password = password->value;
    } else if (passwordFile) {
        QFile file(r.file(QStringLiteral("password-file"), m_folder));
        if (passwordFile->value.isEmpty())
            r.fail(*passwordFile, QStringLiteral("must not be empty"));
        else if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            r.fail(*passwordFile, QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()));
        else
            broker.password = QString::fromUtf8(file.readAll()).trimmed();
    }
    if ((password || passwordFile) && broker.username.isEmpty()) {
        r.fail(password ? *password : *passwordFile,
               QStringLiteral("needs a username: MQTT sends no password without one"));
    }
}

void Builder::readSparkplug(const Section &section)
{
    m_haveSparkplug = true;
    const SectionReader r(errors, section,
                          {QStringLiteral("host-id"), QStringLiteral("groups"), QStringLiteral("command-timeout"),
                           QStringLiteral("device-lost-severity")});
    if (const std::optional<QString> hostId = r.text(QStringLiteral("host-id"))) {
        if (const std::optional<QString> problem = sparkplugIdProblem(*hostId))
            r.fail(QStringLiteral("host-id"), *problem);
        else
            source.hostId = *hostId;
    }
    if (!r.entry(QStringLiteral("groups"))) {
        r.fail(QStringLiteral("groups"), QStringLiteral("required"));
    } else if (const std::optional<QStringList> groups = r.list(QStringLiteral("groups"))) {
        bool ok = true;
        for (const QString &group : *groups) {
            if (const std::optional<QString> problem = sparkplugIdProblem(group)) {
                r.fail(QStringLiteral("groups"), *problem);
                ok = false;
            }
        }
        if (ok) {
            source.groups = *groups;
            m_groupsRead = true;
        }
    }
    if (const auto timeout = r.duration(QStringLiteral("command-timeout"), 100, 3'600'000))
        source.commandTimeoutMs = int(*timeout);
    if (const auto severity = r.choice(QStringLiteral("device-lost-severity"), kSeverities))
        source.deviceLostSeverity = *severity;
}

void Builder::readTile(const Section &section)
{
    const SectionReader r(errors, section, {QStringLiteral("name")});
    if (!isConsoleId(section.name)) {
        r.failSection(QStringLiteral("\"%1\" is not a tile id: %2").arg(section.name, kConsoleIdRule));
        return;
    }
    Config::Tile tile;
    tile.tileId = section.name;
    tile.name = r.text(QStringLiteral("name")).value_or(QString());
    if (tile.name.isEmpty())
        tile.name = tile.tileId;
    m_tileIndex.insert(tile.tileId, int(m_tiles.size()));
    m_tiles.append(tile);
}

void Builder::readDevice(const Section &section)
{
    const SectionReader r(errors, section, {QStringLiteral("name"), QStringLiteral("kind"), QStringLiteral("origin")});
    const QStringList ids = section.name.split(u'/');
    if (ids.size() != 2 || !isConsoleId(ids.at(0)) || !isConsoleId(ids.at(1))) {
        r.failSection(QStringLiteral("\"%1\" is not <tile id>/<device id>: %2").arg(section.name, kConsoleIdRule));
        return;
    }
    DeviceRecord record;
    record.tileId = ids.at(0);
    record.device.deviceId = ids.at(1);
    record.line = section.line;
    record.device.name = r.text(QStringLiteral("name")).value_or(QString());
    if (record.device.name.isEmpty())
        record.device.name = record.device.deviceId;
    record.device.kind = r.text(QStringLiteral("kind")).value_or(QString());
    record.originLine = r.line(QStringLiteral("origin"));
    if (const std::optional<Config::Origin> origin = readOrigin(r)) {
        record.device.origin = *origin;
        record.originRead = true;
    }
    m_deviceIndex.insert(section.name, int(m_devices.size()));
    m_devices.append(record);
}

std::optional<Config::Origin> Builder::readOrigin(const SectionReader &r)
{
    const std::optional<QString> origin = r.required(QStringLiteral("origin"));
    if (!origin)
        return std::nullopt;
    const QStringList parts = origin->split(u'/');
    if (parts.size() < 2 || parts.size() > 3) {
        r.fail(QStringLiteral("origin"),
               QStringLiteral("\"%1\" is not <group>/<edge node> or <group>/<edge node>/<device>").arg(*origin));
        return std::nullopt;
    }
    bool ok = true;
    for (const QString &part : parts) {
        if (const std::optional<QString> problem = sparkplugIdProblem(part)) {
            r.fail(QStringLiteral("origin"), *problem);
            ok = false;
        }
    }
    if (!ok)
        return std::nullopt;
    return Config::Origin {parts.at(0), parts.at(1), parts.value(2)};
}

// "0:idle, 1:running" or "RUN:running, ...": each value once, each word the
// console's.
std::optional<Config::StatusMap> Builder::readStatusMap(const SectionReader &r, const QString &key,
                                                        const QStringList &words)
{
    const Entry *e = r.entry(key);
    if (!e)
        return std::nullopt;
    Config::StatusMap map;
    bool ok = true;
    for (const QString &part : e->value.split(u',')) {
        const QString item = part.trimmed();
        const qsizetype colon = item.lastIndexOf(u':');
        const QString value = item.left(std::max<qsizetype>(colon, 0)).trimmed();
        const QString word = item.mid(colon + 1).trimmed();
        if (colon < 0 || value.isEmpty() || word.isEmpty()) {
            r.fail(*e, QStringLiteral("\"%1\" is not <value>:<word>, e.g. 0:%2").arg(item, words.first()));
            ok = false;
        } else if (!words.contains(word)) {
            r.fail(*e, QStringLiteral("\"%1\" is not %2").arg(word, alternatives(words)));
            ok = false;
        } else if (std::any_of(map.cbegin(), map.cend(), [&value](const auto &pair) { return pair.first == value; })) {
            r.fail(*e, QStringLiteral("the value \"%1\" is mapped twice").arg(value));
            ok = false;
        } else {
            map.append({value, word});
        }
    }
    return ok ? std::optional<Config::StatusMap>(map) : std::nullopt;
}

// A metric key of a machine or drone; remembered to check claims later.
QString Builder::readMetric(const SectionReader &r, FleetRecord &record, const QString &key, bool required)
{
    const std::optional<QString> metric = required ? r.required(key) : r.text(key);
    if (!metric)
        return {};
    if (metric->isEmpty()) {
        r.fail(key, QStringLiteral("must not be empty (leave the key out instead)"));
        return {};
    }
    record.metrics.append({key, *metric, r.line(key)});
    return *metric;
}

void Builder::readMachine(const Section &section)
{
    const SectionReader r(errors, section,
                          {QStringLiteral("name"), QStringLiteral("line"), QStringLiteral("origin"),
                           QStringLiteral("status-metric"), QStringLiteral("status-map"),
                           QStringLiteral("utilization-metric"), QStringLiteral("produced-metric")});
    if (!isConsoleId(section.name)) {
        r.failSection(QStringLiteral("\"%1\" is not a machine id: %2").arg(section.name, kConsoleIdRule));
        return;
    }
    FleetRecord record;
    record.header = section.header();
    record.line = section.line;
    Config::Machine &machine = record.machine;
    machine.machineId = section.name;
    machine.name = r.text(QStringLiteral("name")).value_or(QString());
    if (machine.name.isEmpty())
        machine.name = machine.machineId;
    machine.line = r.required(QStringLiteral("line")).value_or(QString());
    record.originLine = r.line(QStringLiteral("origin"));
    if (const std::optional<Config::Origin> origin = readOrigin(r)) {
        record.origin = *origin;
        record.originRead = true;
    }
    machine.origin = record.origin;
    machine.statusMetric = readMetric(r, record, QStringLiteral("status-metric"), true);
    machine.statusMap = readStatusMap(r, QStringLiteral("status-map"), kMachineStatuses).value_or(Config::StatusMap());
    machine.utilizationMetric = readMetric(r, record, QStringLiteral("utilization-metric"), false);
    machine.producedMetric = readMetric(r, record, QStringLiteral("produced-metric"), false);
    m_fleet.append(record);
}

void Builder::readDrone(const Section &section)
{
    const SectionReader r(errors, section,
                          {QStringLiteral("origin"), QStringLiteral("state-metric"), QStringLiteral("state-map"),
                           QStringLiteral("battery-metric"), QStringLiteral("latitude-metric"),
                           QStringLiteral("longitude-metric"), QStringLiteral("altitude-metric"),
                           QStringLiteral("speed-metric")});
    if (!isConsoleId(section.name)) {
        r.failSection(QStringLiteral("\"%1\" is not a drone serial: %2").arg(section.name, kConsoleIdRule));
        return;
    }
    FleetRecord record;
    record.drone = true;
    record.header = section.header();
    record.line = section.line;
    Config::Drone &drone = record.droneConfig;
    drone.serial = section.name;
    record.originLine = r.line(QStringLiteral("origin"));
    if (const std::optional<Config::Origin> origin = readOrigin(r)) {
        record.origin = *origin;
        record.originRead = true;
    }
    drone.origin = record.origin;
    drone.stateMetric = readMetric(r, record, QStringLiteral("state-metric"), true);
    drone.stateMap = readStatusMap(r, QStringLiteral("state-map"), kDroneStates).value_or(Config::StatusMap());
    drone.batteryMetric = readMetric(r, record, QStringLiteral("battery-metric"), true);
    drone.latitudeMetric = readMetric(r, record, QStringLiteral("latitude-metric"), false);
    drone.longitudeMetric = readMetric(r, record, QStringLiteral("longitude-metric"), false);
    drone.altitudeMetric = readMetric(r, record, QStringLiteral("altitude-metric"), false);
    drone.speedMetric = readMetric(r, record, QStringLiteral("speed-metric"), false);
    const Entry *latitude = r.entry(QStringLiteral("latitude-metric"));
    const Entry *longitude = r.entry(QStringLiteral("longitude-metric"));
    if (latitude && !longitude)
        r.fail(*latitude, QStringLiteral("needs longitude-metric as well"));
    else if (longitude && !latitude)
        r.fail(*longitude, QStringLiteral("needs latitude-metric as well"));
    m_fleet.append(record);
}

void Builder::readEndpoint(const Section &section)
{
    const SectionReader r(errors, section,
                          {QStringLiteral("name"), QStringLiteral("device"), QStringLiteral("metric"),
                           QStringLiteral("type"), QStringLiteral("unit"), QStringLiteral("min"), QStringLiteral("max"),
                           QStringLiteral("step"), QStringLiteral("options"), QStringLiteral("writable"),
                           QStringLiteral("critical"), QStringLiteral("deadband")});
    if (!isConsoleId(section.name)) {
        r.failSection(QStringLiteral("\"%1\" is not an endpoint id: %2").arg(section.name, kConsoleIdRule));
        return;
    }
    EndpointRecord record;
    Config::Endpoint &endpoint = record.endpoint;
    endpoint.endpointId = section.name;
    record.line = section.line;
    if (const std::optional<QString> device = r.required(QStringLiteral("device"))) {
        record.deviceKey = *device;
        record.deviceLine = r.line(QStringLiteral("device"));
    }
    if (const std::optional<QString> metric = r.required(QStringLiteral("metric"))) {
        endpoint.metric = *metric;
        record.metricLine = r.line(QStringLiteral("metric"));
    }
    endpoint.name = r.text(QStringLiteral("name")).value_or(QString());
    if (endpoint.name.isEmpty())
        endpoint.name = endpoint.metric;
    endpoint.unit = r.text(QStringLiteral("unit")).value_or(QString());
    endpoint.writable = r.boolean(QStringLiteral("writable")).value_or(false);
    endpoint.critical = r.boolean(QStringLiteral("critical")).value_or(false);
    if (endpoint.critical && !endpoint.writable)
        r.fail(QStringLiteral("critical"), QStringLiteral("only a writable endpoint takes commands to confirm"));

    if (r.entry(QStringLiteral("type"))) {
        const std::optional<QString> type = r.choice(QStringLiteral("type"), kTypes);
        if (!type) {
            m_endpointIndex.insert(endpoint.endpointId, int(m_endpoints.size()));
            m_endpoints.append(record);
            return;
        }
        endpoint.type = Config::ValueType(kTypes.indexOf(*type));
    }
    record.typeRead = true;

    const bool number = endpoint.type == Config::ValueType::Number;
    for (const QString &key : {QStringLiteral("unit"), QStringLiteral("min"), QStringLiteral("max"),
                               QStringLiteral("step"), QStringLiteral("deadband")}) {
        if (!number && r.entry(key))
            r.fail(key, QStringLiteral("only for type = number"));
    }
    if (number) {
        endpoint.min = r.number(QStringLiteral("min"));
        endpoint.max = r.number(QStringLiteral("max"));
        endpoint.step = r.number(QStringLiteral("step"));
        if (endpoint.min && endpoint.max && *endpoint.min > *endpoint.max)
            r.fail(QStringLiteral("max"), QStringLiteral("%1 is below min %2").arg(*endpoint.max).arg(*endpoint.min));
        if (endpoint.step && *endpoint.step <= 0.0)
            r.fail(QStringLiteral("step"), QStringLiteral("%1 is not above 0").arg(*endpoint.step));
        if (const std::optional<double> deadband = r.number(QStringLiteral("deadband"))) {
            if (*deadband < 0.0)
                r.fail(QStringLiteral("deadband"), QStringLiteral("%1 is below 0").arg(*deadband));
            else
                endpoint.deadband = *deadband;
        }
    }
    const bool isEnum = endpoint.type == Config::ValueType::Enum;
    if (!isEnum && r.entry(QStringLiteral("options")))
        r.fail(QStringLiteral("options"), QStringLiteral("only for type = enum"));
    if (isEnum) {
        if (!r.entry(QStringLiteral("options")))
            r.fail(QStringLiteral("options"), QStringLiteral("required for type = enum"));
        else if (const std::optional<QStringList> optionList = r.list(QStringLiteral("options")))
            endpoint.options = *optionList;
    }
    m_endpointIndex.insert(endpoint.endpointId, int(m_endpoints.size()));
    m_endpoints.append(record);
}

void Builder::readAlarm(const Section &section)
{
    const SectionReader r(errors, section,
                          {QStringLiteral("endpoint"), QStringLiteral("condition"), QStringLiteral("limit"),
                           QStringLiteral("deadband"), QStringLiteral("on-delay"), QStringLiteral("off-delay"),
                           QStringLiteral("severity"), QStringLiteral("message")});
    if (!isConsoleId(section.name)) {
        r.failSection(QStringLiteral("\"%1\" is not an alarm id: %2").arg(section.name, kConsoleIdRule));
        return;
    }
    AlarmRecord record;
    Config::AlarmCondition &alarm = record.alarm;
    alarm.id = section.name;
    record.line = section.line;
    if (const std::optional<QString> endpoint = r.required(QStringLiteral("endpoint"))) {
        alarm.endpointId = *endpoint;
        record.endpointLine = r.line(QStringLiteral("endpoint"));
    }
    if (!r.entry(QStringLiteral("condition"))) {
        r.fail(QStringLiteral("condition"), QStringLiteral("required"));
    } else if (const std::optional<QString> condition = r.choice(QStringLiteral("condition"), kConditions)) {
        alarm.kind = Kind(kConditions.indexOf(*condition));
        record.kindRead = true;
        record.conditionLine = r.line(QStringLiteral("condition"));
    }
    if (const std::optional<QString> limit = r.required(QStringLiteral("limit"))) {
        record.limitText = *limit;
        record.limitLine = r.line(QStringLiteral("limit"));
    }
    if (const std::optional<double> deadband = r.number(QStringLiteral("deadband"))) {
        record.deadbandLine = r.line(QStringLiteral("deadband"));
        if (*deadband < 0.0)
            r.fail(QStringLiteral("deadband"), QStringLiteral("%1 is below 0").arg(*deadband));
        else if (record.kindRead && !isLevel(alarm.kind))
            r.fail(QStringLiteral("deadband"), QStringLiteral("only for the conditions hihi, hi, lo and lolo"));
        else
            alarm.deadband = *deadband;
    }
    if (const auto delay = r.duration(QStringLiteral("on-delay"), 0, 3'600'000))
        alarm.onDelayMs = int(*delay);
    if (const auto delay = r.duration(QStringLiteral("off-delay"), 0, 3'600'000))
        alarm.offDelayMs = int(*delay);
    if (const auto severity = r.choice(QStringLiteral("severity"), kSeverities))
        alarm.severity = *severity;
    alarm.message = r.text(QStringLiteral("message")).value_or(QString());
    m_alarms.append(record);
}

void Builder::readInterlock(const Section &section)
{
    const SectionReader r(errors, section,
                          {QStringLiteral("target"), QStringLiteral("requires"), QStringLiteral("description")});
    if (!isConsoleId(section.name)) {
        r.failSection(QStringLiteral("\"%1\" is not an interlock id: %2").arg(section.name, kConsoleIdRule));
        return;
    }
    InterlockRecord record;
    record.interlock.id = section.name;
    record.line = section.line;
    if (const std::optional<QString> target = r.required(QStringLiteral("target"))) {
        record.interlock.target = *target;
        record.targetLine = r.line(QStringLiteral("target"));
    }
    if (const std::optional<QString> condition = r.required(QStringLiteral("requires"))) {
        record.requiresText = *condition;
        record.requiresLine = r.line(QStringLiteral("requires"));
    }
    if (const std::optional<QString> description = r.required(QStringLiteral("description")))
        record.interlock.description = *description;
    m_interlocks.append(record);
}

void Builder::checkTokens()
{
    for (const auto &[token, role, line] : std::as_const(m_sectionTokens)) {
        if (m_fileTokens.contains(token)) {
            errors.add(line,
                       QStringLiteral("[tokens] this token is also in the tokens file %1 (line %2)")
                           .arg(m_tokensFile)
                           .arg(m_tokensFileLine));
        }
    }
}

void Builder::checkDevices()
{
    for (const DeviceRecord &record : std::as_const(m_devices)) {
        const QString header = QStringLiteral("device %1/%2").arg(record.tileId, record.device.deviceId);
        if (!m_tileIndex.contains(record.tileId)) {
            errors.add(record.line,
                       QStringLiteral("[%1] the tile %2 has no [tile %2] section").arg(header, record.tileId));
        }
        if (record.originRead && m_groupsRead && !source.groups.contains(record.device.origin.group)) {
            errors.add(record.originLine,
                       QStringLiteral("[%1] origin: the group %2 is not in [sparkplug] groups")
                           .arg(header, record.device.origin.group));
        }
    }
}

void Builder::checkEndpoints()
{
    for (int i = 0; i < m_endpoints.size(); ++i) {
        const EndpointRecord &record = m_endpoints.at(i);
        const QString header = QStringLiteral("endpoint ") + record.endpoint.endpointId;
        if (record.deviceKey.isEmpty())
            continue;
        const auto device = m_deviceIndex.constFind(record.deviceKey);
        if (device == m_deviceIndex.cend()) {
            errors.add(record.deviceLine,
                       QStringLiteral("[%1] device: there is no [device %2] section").arg(header, record.deviceKey));
            continue;
        }
        const DeviceRecord &owner = m_devices.at(*device);
        if (!owner.originRead || record.endpoint.metric.isEmpty())
            continue;
        const Config::Origin &origin = owner.device.origin;
        const QString originText
            = origin.group + u'/' + origin.edgeNode + (origin.device.isEmpty() ? QString() : u'/' + origin.device);
        const QString metricKey = originText + u'\n' + record.endpoint.metric;
        if (const auto first = m_claims.constFind(metricKey); first != m_claims.cend()) {
            errors.add(record.metricLine,
                       QStringLiteral("[%1] metric: %2 of %3 is already %4")
                           .arg(header, record.endpoint.metric, originText, *first));
            continue;
        }
        m_claims.insert(metricKey,
                        QStringLiteral("[endpoint %1] (line %2)").arg(record.endpoint.endpointId).arg(record.line));
    }
}

void Builder::checkAlarms()
{
    // Level alarms read so far, per endpoint, to check their limits' order.
    QHash<QString, QList<const AlarmRecord *>> levels;
    QHash<QString, QList<const AlarmRecord *>> others;
    QHash<QString, int> firstLines; // alarm id -> line
    for (AlarmRecord &record : m_alarms) {
        Config::AlarmCondition &alarm = record.alarm;
        const QString header = QStringLiteral("alarm ") + alarm.id;
        if (alarm.endpointId.isEmpty() || !record.kindRead || !record.limitText)
            continue;
        const auto index = m_endpointIndex.constFind(alarm.endpointId);
        if (index == m_endpointIndex.cend()) {
            errors.add(
                record.endpointLine,
                QStringLiteral("[%1] endpoint: there is no [endpoint %2] section").arg(header, alarm.endpointId));
            continue;
        }
        const EndpointRecord &endpoint = m_endpoints.at(*index);
        if (!endpoint.typeRead)
            continue;
        if (isLevel(alarm.kind)) {
            if (endpoint.endpoint.type != Config::ValueType::Number) {
                errors.add(
                    record.conditionLine,
                    QStringLiteral("[%1] condition: %2 needs a number; %3 is a %4")
                        .arg(header, conditionName(alarm.kind), alarm.endpointId, typeName(endpoint.endpoint.type)));
                continue;
            }
            const std::optional<double> limit = toNumber(*record.limitText);
            if (!limit) {
                errors.add(record.limitLine,
                           QStringLiteral("[%1] limit: \"%2\" is not a number").arg(header, *record.limitText));
                continue;
            }
            alarm.limit = *limit;
            // hihi >= hi > lo >= lolo; a rank per level, highest first.
            const auto rank = [](Kind kind) {
                return kind == Kind::HighHigh ? 3 : kind == Kind::High ? 2 : kind == Kind::Low ? 1 : 0;
            };
            bool ok = true;
            for (const AlarmRecord *other : levels.value(alarm.endpointId)) {
                const QString otherText = QStringLiteral("[alarm %1] on line %2").arg(other->alarm.id).arg(other->line);
                if (other->alarm.kind == alarm.kind) {
                    errors.add(record.conditionLine,
                               QStringLiteral("[%1] condition: %2 already has a %3 alarm, %4")
                                   .arg(header, alarm.endpointId, conditionName(alarm.kind), otherText));
                    ok = false;
                    break;
                }
                const bool above = rank(alarm.kind) > rank(other->alarm.kind);
                const bool strict = (rank(alarm.kind) >= 2) != (rank(other->alarm.kind) >= 2);
                const double mine = *limit;
                const double theirs = other->alarm.limit.toDouble();
                const bool holds
                    = above ? (strict ? mine > theirs : mine >= theirs) : (strict ? mine < theirs : mine <= theirs);
                if (!holds) {
                    errors.add(record.limitLine,
                               QStringLiteral("[%1] limit: the %2 limit %3 must be %4 the %5 limit %6 of %7")
                                   .arg(header, conditionName(alarm.kind), QString::number(mine),
                                        above ? (strict ? QStringLiteral("above") : QStringLiteral("at or above"))
                                              : (strict ? QStringLiteral("below") : QStringLiteral("at or below")),
                                        conditionName(other->alarm.kind), QString::number(theirs), otherText));
                    ok = false;
                }
            }
            if (ok)
                levels[alarm.endpointId].append(&record);
        } else {
            QString problem;
            const std::optional<QJsonValue> limit = valueFor(endpoint.endpoint, *record.limitText, &problem);
            if (!limit) {
                errors.add(record.limitLine, QStringLiteral("[%1] limit: %2").arg(header, problem));
                continue;
            }
            alarm.limit = *limit;
            for (const AlarmRecord *other : others.value(alarm.endpointId)) {
                if (other->alarm.kind == alarm.kind && other->alarm.limit == alarm.limit) {
                    errors.add(record.limitLine,
                               QStringLiteral("[%1] limit: the same condition as [alarm %2] on line %3")
                                   .arg(header, other->alarm.id)
                                   .arg(other->line));
                }
            }
            others[alarm.endpointId].append(&record);
        }
    }
}

void Builder::checkInterlocks()
{
    static const QRegularExpression pattern(QStringLiteral("^(\\S+?)\\s*(==|!=|>=|<=|>|<)\\s*(.+)$"));
    const QStringList ops = {QStringLiteral("=="), QStringLiteral("!="), QStringLiteral(">"),
                             QStringLiteral(">="), QStringLiteral("<"),  QStringLiteral("<=")};
    for (InterlockRecord &record : m_interlocks) {
        Config::Interlock &interlock = record.interlock;
        const QString header = QStringLiteral("interlock ") + interlock.id;
        if (!interlock.target.isEmpty()) {
            const auto target = m_endpointIndex.constFind(interlock.target);
            if (target == m_endpointIndex.cend()) {
                errors.add(
                    record.targetLine,
                    QStringLiteral("[%1] target: there is no [endpoint %2] section").arg(header, interlock.target));
            } else if (!m_endpoints.at(*target).endpoint.writable) {
                errors.add(record.targetLine,
                           QStringLiteral("[%1] target: %2 is not writable, so it takes no commands to refuse")
                               .arg(header, interlock.target));
            }
        }
        if (!record.requiresText)
            continue;
        const QRegularExpressionMatch match = pattern.match(*record.requiresText);
        if (!match.hasMatch()) {
            errors.add(record.requiresLine,
                       QStringLiteral("[%1] requires: \"%2\" is not <endpoint> <op> <value> with op one of %3")
                           .arg(header, *record.requiresText, ops.join(u' ')));
            continue;
        }
        interlock.requiresEndpointId = match.captured(1);
        interlock.op = Config::Op(ops.indexOf(match.captured(2)));
        QString valueText = match.captured(3).trimmed();
        if (valueText.size() >= 2 && valueText.startsWith(u'"') && valueText.endsWith(u'"'))
            valueText = valueText.mid(1, valueText.size() - 2);
        const auto index = m_endpointIndex.constFind(interlock.requiresEndpointId);
        if (index == m_endpointIndex.cend()) {
            errors.add(record.requiresLine,
                       QStringLiteral("[%1] requires: there is no [endpoint %2] section")
                           .arg(header, interlock.requiresEndpointId));
            continue;
        }
        const Config::Endpoint &endpoint = m_endpoints.at(*index).endpoint;
        if (!m_endpoints.at(*index).typeRead)
            continue;
        const bool ordered = interlock.op != Config::Op::Equal && interlock.op != Config::Op::NotEqual;
        if (ordered && endpoint.type != Config::ValueType::Number) {
            errors.add(record.requiresLine,
                       QStringLiteral("[%1] requires: %2 compares numbers; %3 is a %4 (use == or !=)")
                           .arg(header, match.captured(2), endpoint.endpointId, typeName(endpoint.type)));
            continue;
        }
        QString problem;
        const std::optional<QJsonValue> value = valueFor(endpoint, valueText, &problem);
        if (!value) {
            errors.add(record.requiresLine, QStringLiteral("[%1] requires: %2").arg(header, problem));
            continue;
        }
        interlock.value = *value;
    }
}

void Builder::checkFleet()
{
    for (const FleetRecord &record : std::as_const(m_fleet)) {
        if (!record.originRead)
            continue;
        const Config::Origin &origin = record.origin;
        if (m_groupsRead && !source.groups.contains(origin.group)) {
            errors.add(record.originLine,
                       QStringLiteral("[%1] origin: the group %2 is not in [sparkplug] groups")
                           .arg(record.header, origin.group));
        }
        const QString originText
            = origin.group + u'/' + origin.edgeNode + (origin.device.isEmpty() ? QString() : u'/' + origin.device);
        for (const auto &[key, metric, line] : record.metrics) {
            const QString metricKey = originText + u'\n' + metric;
            if (const auto first = m_claims.constFind(metricKey); first != m_claims.cend()) {
                errors.add(line,
                           QStringLiteral("[%1] %2: %3 of %4 is already %5")
                               .arg(record.header, key, metric, originText, *first));
                continue;
            }
            m_claims.insert(metricKey, QStringLiteral("[%1] %2 (line %3)").arg(record.header, key).arg(line));
        }
    }
}

void Builder::assemble()
{
    QList<Config::Tile> tiles = m_tiles;
    QList<Config::Device> devices;
    for (const DeviceRecord &record : std::as_const(m_devices))
        devices.append(record.device);
    for (const EndpointRecord &record : std::as_const(m_endpoints))
        devices[m_deviceIndex.value(record.deviceKey)].endpoints.append(record.endpoint);
    for (int i = 0; i < m_devices.size(); ++i)
        tiles[m_tileIndex.value(m_devices.at(i).tileId)].devices.append(devices.at(i));
    source.tiles = tiles;
    for (const AlarmRecord &record : std::as_const(m_alarms))
        source.alarms.append(record.alarm);
    for (const InterlockRecord &record : std::as_const(m_interlocks))
        source.interlocks.append(record.interlock);
    for (const FleetRecord &record : std::as_const(m_fleet)) {
        if (record.drone)
            source.drones.append(record.droneConfig);
        else
            source.machines.append(record.machine);
    }
    for (auto it = m_fileTokens.cbegin(); it != m_fileTokens.cend(); ++it)
        options.tokens.insert(it.key(), it.value());
    for (const auto &[token, role, line] : std::as_const(m_sectionTokens))
        options.tokens.insert(token, role);
}

} // namespace

std::optional<GatewayConfigFile> GatewayConfigFile::read(const QString &path, QStringList *errors)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        errors->append(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    return parse(file.readAll(), path, errors);
}

std::optional<GatewayConfigFile> GatewayConfigFile::parse(const QByteArray &text, const QString &path,
                                                          QStringList *errors)
{
    Builder builder(path);
    builder.read(IniDocument::parse(text));
    if (builder.errors.any()) {
        std::stable_sort(builder.errors.list.begin(), builder.errors.list.end(), [](const auto &a, const auto &b) {
            // Errors without a line (a missing section) come last.
            return (a.first == 0 ? INT_MAX : a.first) < (b.first == 0 ? INT_MAX : b.first);
        });
        for (const auto &error : std::as_const(builder.errors.list))
            errors->append(error.second);
        return std::nullopt;
    }
    GatewayConfigFile config;
    config.m_options = builder.options;
    config.m_source = builder.source;
    return config;
}
