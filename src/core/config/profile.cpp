#include "profile.h"

#include "pinhash.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

namespace {

const QStringList kSections = {
    QStringLiteral("server"),   QStringLiteral("simulator"),     QStringLiteral("operator"),
    QStringLiteral("display"),  QStringLiteral("connection"),    QStringLiteral("data"),
    QStringLiteral("alarms"),   QStringLiteral("notifications"), QStringLiteral("commands"),
    QStringLiteral("features"), QStringLiteral("kiosk"),         QStringLiteral("texts"),
};

// Keys that moved to [features]; named in the error so an older profile is
// easy to mend.
const QHash<QString, QString> kMovedKeys = {
    {QStringLiteral("connection/polling-fallback"), QStringLiteral("[features] polling-fallback")},
    {QStringLiteral("commands/enabled"), QStringLiteral("[features] commands")},
};

// One line being read; its checks fill `error` and say false.
struct Reader
{
    const QString &path;
    int line = 0;
    QString section;
    QString key;
    QString value;
    QString *error;

    bool fail(const QString &message) const
    {
        *error = QStringLiteral("%1:%2: [%3] %4: ").arg(path).arg(line).arg(section, key) + message;
        return false;
    }

    bool toBool(bool *out) const
    {
        if (value != u"true" && value != u"false")
            return fail(Profile::tr("expected true or false"));
        *out = value == u"true";
        return true;
    }

    bool toInt(int *out, int min, int max) const
    {
        bool ok = false;
        const int number = value.toInt(&ok);
        if (!ok || number < min || number > max)
            return fail(Profile::tr("expected a whole number from %1 to %2").arg(min).arg(max));
        *out = number;
        return true;
    }

    // A comma-separated list whose words all come from `allowed`, each once.
    bool toWordList(QStringList *out, const QStringList &allowed) const
    {
        QStringList words;
        for (const QString &part : value.split(u',')) {
            const QString word = part.trimmed();
            if (word.isEmpty())
                continue;
            if (!allowed.contains(word))
                return fail(Profile::tr("\"%1\" is not one of %2").arg(word, allowed.join(QStringLiteral(", "))));
            if (words.contains(word))
                return fail(Profile::tr("\"%1\" is listed twice").arg(word));
            words.append(word);
        }
        if (words.isEmpty())
            return fail(Profile::tr("expected at least one of %1").arg(allowed.join(QStringLiteral(", "))));
        *out = words;
        return true;
    }

    // A file named relative to the profile, so a profile and its token or
    // certificate can move together.
    QString relativeFile() const { return QFileInfo(QFileInfo(path).dir(), value).filePath(); }
};

bool readServer(const Reader &r, Profile &profile, bool &haveUrl, QString &tokenSource)
{
    const QString &key = r.key;
    const QString &value = r.value;
    if (key == u"url") {
        const QUrl url(value, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"ws" && url.scheme() != u"wss") || url.host().isEmpty())
            return r.fail(Profile::tr("\"%1\" is not a ws:// or wss:// URL with a host").arg(value));
        // The first url is the primary; later ones are fallbacks, in order.
        if (haveUrl)
            profile.connection.fallbackUrls.append(url);
        else
            profile.connection.url = url;
        haveUrl = true;
        return true;
    }
    if (key == u"token" || key == u"token-file" || key == u"token-env") {
        if (!tokenSource.isEmpty()) {
            return r.fail(Profile::tr("the token is already given by %1; give only one of token, token-file, "
                                      "token-env")
                              .arg(tokenSource));
        }
        tokenSource = key;
        if (key == u"token") {
            profile.connection.token = value;
        } else if (key == u"token-file") {
            const QString tokenPath = r.relativeFile();
            QFile tokenFile(tokenPath);
            if (!tokenFile.open(QIODevice::ReadOnly | QIODevice::Text))
                return r.fail(Profile::tr("cannot read the token file %1: %2").arg(tokenPath, tokenFile.errorString()));
            profile.connection.token = QString::fromUtf8(tokenFile.readAll()).trimmed();
            if (profile.connection.token.isEmpty())
                return r.fail(Profile::tr("the token file %1 is empty").arg(tokenPath));
        } else {
            if (!qEnvironmentVariableIsSet(qPrintable(value)))
                return r.fail(Profile::tr("the environment variable %1 is not set").arg(value));
            profile.connection.token = qEnvironmentVariable(qPrintable(value));
        }
        return true;
    }
    if (key == u"dialect") {
        const auto dialect = ConnectionSettings::dialectFromWord(value);
        if (!dialect)
            return r.fail(Profile::tr("\"%1\" is not one of auto, watchfloor, plain, socketio").arg(value));
        profile.connection.dialect = *dialect;
        return true;
    }
    if (key == u"ca-file") {
        const QString caPath = r.relativeFile();
        if (!QFileInfo(caPath).isReadable())
            return r.fail(Profile::tr("cannot read the CA file %1").arg(caPath));
        profile.connection.caFile = caPath;
        return true;
    }
    if (key == u"channels")
        return r.toWordList(&profile.session.channels, SessionSettings::allChannels());
    return r.fail(Profile::tr("unknown key"));
}

bool readSimulator(const Reader &r, SimulatorSettings &simulator)
{
    if (r.key == u"enabled")
        return r.toBool(&simulator.enabled);
    if (r.key == u"drones")
        return r.toInt(&simulator.drones, 0, 5000);
    if (r.key == u"machines")
        return r.toInt(&simulator.machines, 0, 5000);
    if (r.key == u"tiles")
        return r.toInt(&simulator.tiles, 0, 100);
    if (r.key == u"seed") {
        int seed = 0;
        if (!r.toInt(&seed, 0, std::numeric_limits<int>::max()))
            return false;
        simulator.seed = quint32(seed);
        return true;
    }
    return r.fail(Profile::tr("unknown key"));
}

bool readNumbers(const Reader &r, Profile &profile)
{
    using Range = std::pair<int, int>;
    static const QHash<QString, std::pair<int ConnectionSettings::*, Range>> connectionNumbers = {
        {QStringLiteral("backoff-base-ms"), {&ConnectionSettings::backoffBaseMs, {10, 600000}}},
        {QStringLiteral("backoff-cap-ms"), {&ConnectionSettings::backoffCapMs, {10, 3600000}}},
        {QStringLiteral("max-attempts"), {&ConnectionSettings::maxAttempts, {0, 1000000}}},
        {QStringLiteral("connect-timeout-ms"), {&ConnectionSettings::connectTimeoutMs, {100, 600000}}},
        {QStringLiteral("request-timeout-ms"), {&ConnectionSettings::requestTimeoutMs, {100, 600000}}},
        {QStringLiteral("heartbeat-ms"), {&ConnectionSettings::heartbeatMs, {100, 3600000}}},
        {QStringLiteral("stable-after-ms"), {&ConnectionSettings::stableAfterMs, {0, 3600000}}},
        {QStringLiteral("attempts-per-server"), {&ConnectionSettings::attemptsPerServer, {1, 1000}}},
        {QStringLiteral("primary-probe-ms"), {&ConnectionSettings::primaryProbeMs, {100, 3600000}}},
        {QStringLiteral("poll-after-attempts"), {&ConnectionSettings::pollAfterAttempts, {1, 1000}}},
        {QStringLiteral("poll-after-ms"), {&ConnectionSettings::pollAfterMs, {0, 3600000}}},
    };
    static const QHash<QString, std::pair<int SessionSettings::*, Range>> dataNumbers = {
        {QStringLiteral("frame-ms"), {&SessionSettings::frameMs, {1, 1000}}},
        {QStringLiteral("drone-period-ms"), {&SessionSettings::dronePeriodMs, {100, 86400000}}},
        {QStringLiteral("machine-period-ms"), {&SessionSettings::machinePeriodMs, {100, 86400000}}},
        {QStringLiteral("endpoint-period-ms"), {&SessionSettings::endpointPeriodMs, {100, 86400000}}},
        {QStringLiteral("health-period-ms"), {&SessionSettings::healthPeriodMs, {100, 86400000}}},
        {QStringLiteral("history-samples"), {&SessionSettings::historySamples, {0, 100000}}},
    };
    if (r.section == u"connection") {
        if (const auto it = connectionNumbers.constFind(r.key); it != connectionNumbers.cend())
            return r.toInt(&(profile.connection.*(it->first)), it->second.first, it->second.second);
    } else if (const auto it = dataNumbers.constFind(r.key); it != dataNumbers.cend()) {
        return r.toInt(&(profile.session.*(it->first)), it->second.first, it->second.second);
    }
    return r.fail(Profile::tr("unknown key"));
}

bool readNotifications(const Reader &r, Preferences &defaults)
{
    if (r.key == u"toast-threshold") {
        const auto severity = Preferences::severityFromWord(r.value);
        if (!severity)
            return r.fail(Profile::tr("\"%1\" is not one of critical, high, medium, low, info").arg(r.value));
        defaults.toastThreshold = *severity;
        return true;
    }
    if (r.key == u"sound")
        return r.toBool(&defaults.sound);
    if (r.key == u"desktop")
        return r.toBool(&defaults.desktopNotifications);
    if (r.key == u"sound-repeat-seconds")
        return r.toInt(&defaults.soundRepeatSeconds, Preferences::kMinSoundRepeatSeconds,
                       Preferences::kMaxSoundRepeatSeconds);
    if (r.key == u"theme") {
        const auto mode = Preferences::themeFromWord(r.value);
        if (!mode)
            return r.fail(Profile::tr("\"%1\" is not one of light, dark").arg(r.value));
        defaults.theme = *mode;
        return true;
    }
    return r.fail(Profile::tr("unknown key"));
}

bool readCommands(const Reader &r, Profile &profile)
{
    if (r.key == u"timeout-seconds")
        return r.toInt(&profile.commandTimeoutSeconds, 1, 300);
    if (r.key == u"confirm") {
        for (const QString &id : r.value.split(u',', Qt::SkipEmptyParts)) {
            const QString trimmed = id.trimmed();
            if (trimmed.contains(u' '))
                return r.fail(Profile::tr("\"%1\" is not an endpoint id (a list is separated by commas)").arg(trimmed));
            profile.confirmEndpoints.append(trimmed);
        }
        return true;
    }
    if (r.key == u"action-words") {
        // "pump: Start/Stop, T1.V101.open: Open/Shut": a device kind or an
        // endpoint id, then the word that switches on and the one that switches off.
        for (const QString &item : r.value.split(u',', Qt::SkipEmptyParts)) {
            const qsizetype colon = item.indexOf(u':');
            const QString key = item.left(colon).trimmed();
            const QStringList words = colon < 0 ? QStringList() : item.mid(colon + 1).split(u'/');
            if (key.isEmpty() || key.contains(u' ') || words.size() != 2 || words.at(0).trimmed().isEmpty()
                || words.at(1).trimmed().isEmpty())
                return r.fail(Profile::tr("\"%1\" is not \"kind or endpoint id: on word/off word\" (e.g. \"pump: "
                                          "Start/Stop\")")
                                  .arg(item.trimmed()));
            profile.actionWords.insert(key, {words.at(0).trimmed(), words.at(1).trimmed()});
        }
        return true;
    }
    return r.fail(Profile::tr("unknown key"));
}

bool readFeatures(const Reader &r, FeatureSwitches &features)
{
    if (r.key == u"polling-fallback")
        return r.toBool(&features.pollingFallback);
    if (r.key == u"desktop-notifications")
        return r.toBool(&features.desktopNotifications);
    if (r.key == u"sound")
        return r.toBool(&features.sound);
    if (r.key == u"commands")
        return r.toBool(&features.commands);
    return r.fail(Profile::tr("unknown key"));
}

bool readKiosk(const Reader &r, KioskSettings &kiosk)
{
    if (r.key == u"enabled")
        return r.toBool(&kiosk.enabled);
    if (r.key == u"views")
        return r.toWordList(&kiosk.views, Profile::viewNames());
    if (r.key == u"rotate-seconds")
        return r.toInt(&kiosk.rotateSeconds, 0, 86400);
    if (r.key == u"rotation") {
        if (r.value == u"hold-on-alarms")
            kiosk.rotation = KioskSettings::Rotation::HoldOnAlarms;
        else if (r.value == u"rotate")
            kiosk.rotation = KioskSettings::Rotation::Rotate;
        else
            return r.fail(Profile::tr("\"%1\" is not one of hold-on-alarms, rotate").arg(r.value));
        return true;
    }
    if (r.key == u"cursor-hide-seconds")
        return r.toInt(&kiosk.cursorHideSeconds, 1, 3600);
    if (r.key == u"font-percent")
        return r.toInt(&kiosk.fontPercent, 100, 300);
    if (r.key == u"commands")
        return r.toBool(&kiosk.commandsAllowed);
    if (r.key == u"exit-chord") {
        // Modifiers and one key, in the form Qt's key sequences are written.
        static const QRegularExpression chord(QStringLiteral(
            "^((Ctrl|Alt|Shift|Meta)\\+){2,4}([A-Z0-9]|F([1-9]|1[0-9]|2[0-4])|Esc|Pause|Home|End|Del|Ins)$"));
        if (!chord.match(r.value).hasMatch())
            return r.fail(Profile::tr("\"%1\" is not a key chord of at least two modifiers and one key, such as "
                                      "Ctrl+Alt+Shift+Q")
                              .arg(r.value));
        kiosk.exitChord = r.value;
        return true;
    }
    if (r.key == u"exit-pin-hash") {
        QString why;
        if (!PinHash::isWellFormed(r.value, &why))
            return r.fail(Profile::tr("not a PIN hash made by watchfloor --hash-pin: %1").arg(why));
        kiosk.exitPinHash = r.value;
        return true;
    }
    return r.fail(Profile::tr("unknown key"));
}

// label.<server text> = <shown text>; message.<server template> = <translation>.
bool readTexts(const Reader &r, ServerTexts &texts)
{
    const auto rest = [&r](QLatin1StringView prefix) { return r.key.mid(prefix.size()).trimmed(); };
    QString why;
    bool ok = false;
    if (r.key.startsWith(QLatin1StringView("label.")))
        ok = texts.addLabel(rest(QLatin1StringView("label.")), r.value, &why);
    else if (r.key.startsWith(QLatin1StringView("message.")))
        ok = texts.addMessage(rest(QLatin1StringView("message.")), r.value, &why);
    else
        return r.fail(Profile::tr("unknown key (expected label.<server text> or message.<server template>)"));
    return ok || r.fail(why);
}

bool readDisplay(const Reader &r, QString &language)
{
    if (r.key != u"language")
        return r.fail(Profile::tr("unknown key"));
    if (r.value == u"system") {
        language.clear();
        return true;
    }
    static const QRegularExpression form(QStringLiteral("^[a-z]{2}([_-][A-Z]{2})?$"));
    const QLocale locale(r.value);
    const QString code = QLocale::languageToCode(locale.language());
    if (!form.match(r.value).hasMatch() || !Profile::languages().contains(code)) {
        return r.fail(Profile::tr("\"%1\" is not system or a language the console speaks (%2), such as de or fr_CH")
                          .arg(r.value, Profile::languages().join(QStringLiteral(", "))));
    }
    language = r.value;
    return true;
}

} // namespace

QStringList Profile::viewNames()
{
    // The main window's views, in its order (MainWindow::View).
    return {QStringLiteral("overview"),      QStringLiteral("drones"), QStringLiteral("machines"),
            QStringLiteral("control-panel"), QStringLiteral("alarms"), QStringLiteral("activity"),
            QStringLiteral("command-log")};
}

QStringList Profile::languages()
{
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr")};
}

std::optional<Profile> Profile::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = tr("%1: cannot read the profile: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return parse(file.readAll(), path, error);
}

std::optional<Profile> Profile::parse(const QByteArray &text, const QString &path, QString *error)
{
    Profile profile;
    profile.path = path;
    profile.name = QFileInfo(path).completeBaseName();

    Reader r {path, 0, {}, {}, {}, error};
    bool haveUrl = false;
    QString tokenSource; // the key that gave the token, to refuse a second one
    QHash<QString, int> seen; // section/key -> line, to refuse a key given twice
    const QList<QByteArray> lines = text.split('\n');
    for (const QByteArray &rawLine : lines) {
        ++r.line;
        const QString line = QString::fromUtf8(rawLine).trimmed();
        const QString lineStart = QStringLiteral("%1:%2: ").arg(path).arg(r.line);
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u';'))
            continue;
        if (line.startsWith(u'[')) {
            if (!line.endsWith(u']')) {
                *error = lineStart + tr("malformed section header");
                return std::nullopt;
            }
            r.section = line.mid(1, line.size() - 2).trimmed();
            if (!kSections.contains(r.section)) {
                QStringList names;
                for (const QString &section : kSections)
                    names.append(u'[' + section + u']');
                *error = lineStart
                    + tr("unknown section [%1] (expected one of %2)").arg(r.section, names.join(QStringLiteral(", ")));
                return std::nullopt;
            }
            continue;
        }
        const qsizetype eq = line.indexOf(u'=');
        if (eq <= 0) {
            *error = lineStart + tr("expected key=value");
            return std::nullopt;
        }
        if (r.section.isEmpty()) {
            *error = lineStart + tr("a key before the first [section]");
            return std::nullopt;
        }
        r.key = line.left(eq).trimmed();
        r.value = line.mid(eq + 1).trimmed();

        const QString qualified = r.section + u'/' + r.key;
        if (const auto moved = kMovedKeys.constFind(qualified); moved != kMovedKeys.cend()) {
            r.fail(tr("this switch is now %1").arg(*moved));
            return std::nullopt;
        }
        // url (fallbacks), confirm and action-words (long lists) repeat on purpose; any
        // other key given twice is a mistake that would silently keep the last.
        if (qualified != u"server/url" && qualified != u"commands/confirm" && qualified != u"commands/action-words") {
            if (const auto first = seen.constFind(qualified); first != seen.cend()) {
                r.fail(tr("given twice (first on line %1)").arg(*first));
                return std::nullopt;
            }
            seen.insert(qualified, r.line);
        }

        bool ok = false;
        if (r.section == u"server")
            ok = readServer(r, profile, haveUrl, tokenSource);
        else if (r.section == u"simulator")
            ok = readSimulator(r, profile.simulator);
        else if (r.section == u"connection" || r.section == u"data")
            ok = readNumbers(r, profile);
        else if (r.section == u"alarms")
            ok = r.key == u"require-note"            ? r.toBool(&profile.requireAckNote)
                : r.key == u"action-max-age-minutes" ? r.toInt(&profile.alarmActionMaxAgeMinutes, 1, 24 * 60)
                                                     : r.fail(tr("unknown key"));
        else if (r.section == u"notifications")
            ok = readNotifications(r, profile.preferenceDefaults);
        else if (r.section == u"commands")
            ok = readCommands(r, profile);
        else if (r.section == u"features")
            ok = readFeatures(r, profile.features);
        else if (r.section == u"kiosk")
            ok = readKiosk(r, profile.kiosk);
        else if (r.section == u"display")
            ok = readDisplay(r, profile.language);
        else if (r.section == u"texts")
            ok = readTexts(r, profile.texts);
        else if (r.section == u"operator")
            ok = r.key == u"name" ? (profile.connection.operatorName = r.value, true) : r.fail(tr("unknown key"));
        if (!ok)
            return std::nullopt;
    }

    if (profile.simulator.enabled && haveUrl) {
        *error = tr("%1: [simulator] enabled=true and [server] url exclude each other: give one").arg(path);
        return std::nullopt;
    }
    if (!profile.simulator.enabled && !haveUrl) {
        *error = tr("%1: [server] url is required (or [simulator] enabled=true)").arg(path);
        return std::nullopt;
    }
    profile.connection.pollingFallback = profile.features.pollingFallback;
    if (profile.connection.operatorName.isEmpty())
        profile.connection.operatorName = qEnvironmentVariable("USER", QStringLiteral("operator"));
    return profile;
}
