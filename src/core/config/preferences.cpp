#include "preferences.h"

#include "domain/alarm.h"

#include <QSettings>

namespace {

QString group(const QString &profileKey)
{
    return QStringLiteral("preferences/") + profileKey;
}

// QSettings hands back strings for INI files and native types elsewhere;
// only the exact words "true" and "false" (or a real bool) count.
std::optional<bool> readBool(const QVariant &value)
{
    if (value.typeId() == QMetaType::Bool)
        return value.toBool();
    const QString word = value.toString();
    if (word == u"true")
        return true;
    if (word == u"false")
        return false;
    return std::nullopt;
}

} // namespace

QString Preferences::severityWord(Domain::AlarmSeverity severity)
{
    // The first word of a severity in the table is its canonical one.
    const QString word = Domain::wordOf(Domain::kAlarmSeverities, severity);
    return word.isEmpty() ? QStringLiteral("info") : word;
}

std::optional<Domain::AlarmSeverity> Preferences::severityFromWord(QStringView word)
{
    return Domain::valueOf(Domain::kAlarmSeverities, word);
}

QString Preferences::themeWord(ThemeMode mode)
{
    return mode == ThemeMode::Dark ? QStringLiteral("dark") : QStringLiteral("light");
}

std::optional<ThemeMode> Preferences::themeFromWord(QStringView word)
{
    if (word == u"light")
        return ThemeMode::Light;
    if (word == u"dark")
        return ThemeMode::Dark;
    return std::nullopt;
}

Preferences Preferences::load(const QString &profileKey, const Preferences &defaults)
{
    QSettings settings;
    settings.beginGroup(group(profileKey));
    Preferences p = defaults;

    if (const auto severity = severityFromWord(settings.value(QStringLiteral("toast-threshold")).toString()))
        p.toastThreshold = *severity;
    if (const auto on = readBool(settings.value(QStringLiteral("sound"))))
        p.sound = *on;
    bool ok = false;
    const int repeat = settings.value(QStringLiteral("sound-repeat-seconds")).toInt(&ok);
    if (ok && repeat >= kMinSoundRepeatSeconds && repeat <= kMaxSoundRepeatSeconds)
        p.soundRepeatSeconds = repeat;
    if (const auto on = readBool(settings.value(QStringLiteral("desktop"))))
        p.desktopNotifications = *on;
    // Stored empty: the operator unmuted, which overrides the default.
    if (settings.contains(QStringLiteral("muted-until"))) {
        const QString muted = settings.value(QStringLiteral("muted-until")).toString();
        if (muted.isEmpty())
            p.mutedUntil = {};
        else if (const QDateTime until = QDateTime::fromString(muted, Qt::ISODateWithMs); until.isValid())
            p.mutedUntil = until.toUTC();
    }
    if (const auto mode = themeFromWord(settings.value(QStringLiteral("theme")).toString()))
        p.theme = *mode;
    if (const auto on = readBool(settings.value(QStringLiteral("live-updates"))))
        p.liveUpdates = *on;
    return p;
}

Preferences Preferences::load(const QString &profileKey)
{
    return load(profileKey, Preferences());
}

void Preferences::save(const QString &profileKey) const
{
    QSettings settings;
    settings.beginGroup(group(profileKey));
    settings.setValue(QStringLiteral("toast-threshold"), severityWord(toastThreshold));
    settings.setValue(QStringLiteral("sound"), sound ? QStringLiteral("true") : QStringLiteral("false"));
    settings.setValue(QStringLiteral("sound-repeat-seconds"), soundRepeatSeconds);
    settings.setValue(QStringLiteral("desktop"),
                      desktopNotifications ? QStringLiteral("true") : QStringLiteral("false"));
    settings.setValue(QStringLiteral("muted-until"),
                      mutedUntil.isValid() ? mutedUntil.toUTC().toString(Qt::ISODateWithMs) : QString());
    settings.setValue(QStringLiteral("theme"), themeWord(theme));
    settings.setValue(QStringLiteral("live-updates"), liveUpdates ? QStringLiteral("true") : QStringLiteral("false"));
}
