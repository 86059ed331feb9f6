#include "profile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>

std::optional<Profile> Profile::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = tr("%1: cannot read the profile: %2").arg(path, file.errorString());
        return std::nullopt;
    }

    Profile profile;
    profile.path = path;
    profile.name = QFileInfo(path).completeBaseName();

    QString section;
    int lineNumber = 0;
    bool haveUrl = false;
    QString tokenSource; // the key that gave the token, to refuse a second one
    while (!file.atEnd()) {
        ++lineNumber;
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        const auto where = [&](const QString &key) {
            return QStringLiteral("%1:%2: [%3] %4: ").arg(path).arg(lineNumber).arg(section, key);
        };
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u';'))
            continue;
        if (line.startsWith(u'[')) {
            if (!line.endsWith(u']')) {
                *error = QStringLiteral("%1:%2: ").arg(path).arg(lineNumber) + tr("malformed section header");
                return std::nullopt;
            }
            section = line.mid(1, line.size() - 2).trimmed();
            if (section != u"server" && section != u"connection" && section != u"operator" && section != u"data"
                && section != u"alarms" && section != u"notifications" && section != u"commands") {
                *error = QStringLiteral("%1:%2: ").arg(path).arg(lineNumber)
                    + tr("unknown section [%1] (expected [server], [connection], [operator], [alarms], "
                         "[notifications], [commands] or [data])")
                          .arg(section);
                return std::nullopt;
            }
            continue;
        }
        const qsizetype eq = line.indexOf(u'=');
        if (eq <= 0) {
            *error = QStringLiteral("%1:%2: ").arg(path).arg(lineNumber) + tr("expected key=value");
            return std::nullopt;
        }
        const QString key = line.left(eq).trimmed();
        const QString value = line.mid(eq + 1).trimmed();

        if (section == u"server" && key == u"url") {
            const QUrl url(value, QUrl::StrictMode);
            if (!url.isValid() || (url.scheme() != u"ws" && url.scheme() != u"wss") || url.host().isEmpty()) {
                *error = where(key) + tr("\"%1\" is not a ws:// or wss:// URL with a host").arg(value);
                return std::nullopt;
            }
            // The first url is the primary; later ones are fallbacks, in order.
            if (haveUrl)
                profile.connection.fallbackUrls.append(url);
            else
                profile.connection.url = url;
            haveUrl = true;
        } else if (section == u"server" && (key == u"token" || key == u"token-file" || key == u"token-env")) {
            if (!tokenSource.isEmpty()) {
                *error = where(key)
                    + tr("the token is already given by %1; give only one of token, token-file, "
                         "token-env")
                          .arg(tokenSource);
                return std::nullopt;
            }
            tokenSource = key;
            if (key == u"token") {
                profile.connection.token = value;
            } else if (key == u"token-file") {
                // Relative to the profile, so a profile and its token can move together.
                const QString tokenPath = QFileInfo(QFileInfo(path).dir(), value).filePath();
                QFile tokenFile(tokenPath);
                if (!tokenFile.open(QIODevice::ReadOnly | QIODevice::Text)) {
                    *error
                        = where(key) + tr("cannot read the token file %1: %2").arg(tokenPath, tokenFile.errorString());
                    return std::nullopt;
                }
                profile.connection.token = QString::fromUtf8(tokenFile.readAll()).trimmed();
                if (profile.connection.token.isEmpty()) {
                    *error = where(key) + tr("the token file %1 is empty").arg(tokenPath);
                    return std::nullopt;
                }
            } else {
                if (!qEnvironmentVariableIsSet(qPrintable(value))) {
                    *error = where(key) + tr("the environment variable %1 is not set").arg(value);
                    return std::nullopt;
                }
                profile.connection.token = qEnvironmentVariable(qPrintable(value));
            }
        } else if (section == u"server" && key == u"dialect") {
            using Dialect = ConnectionSettings::Dialect;
            static const QHash<QString, Dialect> dialects = {{QStringLiteral("auto"), Dialect::Auto},
                                                             {QStringLiteral("watchfloor"), Dialect::Watchfloor},
                                                             {QStringLiteral("plain"), Dialect::Plain},
                                                             {QStringLiteral("socketio"), Dialect::SocketIo}};
            if (!dialects.contains(value)) {
                *error = where(key) + tr("\"%1\" is not one of auto, watchfloor, plain, socketio").arg(value);
                return std::nullopt;
            }
            profile.connection.dialect = dialects.value(value);
        } else if (section == u"server" && key == u"ca-file") {
            const QString caPath = QFileInfo(QFileInfo(path).dir(), value).filePath();
            if (!QFileInfo(caPath).isReadable()) {
                *error = where(key) + tr("cannot read the CA file %1").arg(caPath);
                return std::nullopt;
            }
            profile.connection.caFile = caPath;
        } else if (section == u"connection" || section == u"data") {
            // Every key here is a whole number of milliseconds, attempts or samples.
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
            };
            static const QHash<QString, std::pair<int SessionSettings::*, Range>> dataNumbers = {
                {QStringLiteral("frame-ms"), {&SessionSettings::frameMs, {1, 1000}}},
                {QStringLiteral("drone-period-ms"), {&SessionSettings::dronePeriodMs, {100, 86400000}}},
                {QStringLiteral("machine-period-ms"), {&SessionSettings::machinePeriodMs, {100, 86400000}}},
                {QStringLiteral("endpoint-period-ms"), {&SessionSettings::endpointPeriodMs, {100, 86400000}}},
                {QStringLiteral("health-period-ms"), {&SessionSettings::healthPeriodMs, {100, 86400000}}},
                {QStringLiteral("history-samples"), {&SessionSettings::historySamples, {0, 100000}}},
            };
            if (section == u"connection" && key == u"polling-fallback") {
                if (value != u"true" && value != u"false") {
                    *error = where(key) + tr("expected true or false");
                    return std::nullopt;
                }
                profile.connection.pollingFallback = value == u"true";
                continue;
            }
            int *target = nullptr;
            Range range;
            if (section == u"connection") {
                if (const auto it = connectionNumbers.constFind(key); it != connectionNumbers.cend()) {
                    target = &(profile.connection.*(it->first));
                    range = it->second;
                }
            } else if (const auto it = dataNumbers.constFind(key); it != dataNumbers.cend()) {
                target = &(profile.session.*(it->first));
                range = it->second;
            }
            if (!target) {
                *error = where(key) + tr("unknown key");
                return std::nullopt;
            }
            bool ok = false;
            const int number = value.toInt(&ok);
            const auto [min, max] = range;
            if (!ok || number < min || number > max) {
                *error = where(key) + tr("expected a whole number from %1 to %2").arg(min).arg(max);
                return std::nullopt;
            }
            *target = number;
        } else if (section == u"alarms" && key == u"require-note") {
            if (value != u"true" && value != u"false") {
                *error = where(key) + tr("expected true or false");
                return std::nullopt;
            }
            profile.requireAckNote = value == u"true";
        } else if (section == u"notifications") {
            Preferences &defaults = profile.preferenceDefaults;
            if (key == u"toast-threshold") {
                const auto severity = Preferences::severityFromWord(value);
                if (!severity) {
                    *error = where(key) + tr("\"%1\" is not one of critical, high, medium, low, info").arg(value);
                    return std::nullopt;
                }
                defaults.toastThreshold = *severity;
            } else if (key == u"sound" || key == u"desktop") {
                if (value != u"true" && value != u"false") {
                    *error = where(key) + tr("expected true or false");
                    return std::nullopt;
                }
                (key == u"sound" ? defaults.sound : defaults.desktopNotifications) = value == u"true";
            } else if (key == u"sound-repeat-seconds") {
                bool ok = false;
                const int seconds = value.toInt(&ok);
                if (!ok || seconds < Preferences::kMinSoundRepeatSeconds
                    || seconds > Preferences::kMaxSoundRepeatSeconds) {
                    *error = where(key)
                        + tr("expected a whole number from %1 to %2")
                              .arg(Preferences::kMinSoundRepeatSeconds)
                              .arg(Preferences::kMaxSoundRepeatSeconds);
                    return std::nullopt;
                }
                defaults.soundRepeatSeconds = seconds;
            } else if (key == u"theme") {
                const auto mode = Preferences::themeFromWord(value);
                if (!mode) {
                    *error = where(key) + tr("\"%1\" is not one of light, dark").arg(value);
                    return std::nullopt;
                }
                defaults.theme = *mode;
            } else {
                *error = where(key) + tr("unknown key");
                return std::nullopt;
            }
        } else if (section == u"commands") {
            if (key == u"enabled") {
                if (value != u"true" && value != u"false") {
                    *error = where(key) + tr("expected true or false");
                    return std::nullopt;
                }
                profile.commandsEnabled = value == u"true";
            } else if (key == u"timeout-seconds") {
                bool ok = false;
                const int seconds = value.toInt(&ok);
                if (!ok || seconds < 1 || seconds > 300) {
                    *error = where(key) + tr("expected a whole number from %1 to %2").arg(1).arg(300);
                    return std::nullopt;
                }
                profile.commandTimeoutSeconds = seconds;
            } else if (key == u"confirm") {
                QStringList ids;
                for (const QString &id : value.split(u',', Qt::SkipEmptyParts)) {
                    const QString trimmed = id.trimmed();
                    if (trimmed.contains(u' ')) {
                        *error = where(key)
                            + tr("\"%1\" is not an endpoint id (a list is separated by commas)").arg(trimmed);
                        return std::nullopt;
                    }
                    ids.append(trimmed);
                }
                profile.confirmEndpoints += ids;
            } else {
                *error = where(key) + tr("unknown key");
                return std::nullopt;
            }
        } else if (section == u"operator" && key == u"name") {
            profile.connection.operatorName = value;
        } else {
            *error = where(key) + tr("unknown key");
            return std::nullopt;
        }
    }

    if (!haveUrl) {
        *error = tr("%1: [server] url is required").arg(path);
        return std::nullopt;
    }
    if (profile.connection.operatorName.isEmpty())
        profile.connection.operatorName = qEnvironmentVariable("USER", QStringLiteral("operator"));
    return profile;
}
