#include "alerting.h"
#include "prioritycode.h"

#include "alarmdelegate.h"
#include "alarmsound.h"
#include "desktopnotifier.h"
#include "model/alarmmodel.h"
#include "model/alarmrate.h"
#include "noticecode.h"
#include "services/notificationcenter.h"
#include "toastarea.h"

#include <QLocale>

#include <chrono>

using Domain::AlarmSeverity;
using Kind = NotificationModel::Kind;

Alerting::Alerting(NotificationCenter *center, AlarmModel *alarms, AlarmRateMeter *rate, QWidget *window,
                   QWidget *toastHost)
    : QObject(window)
    , m_center(center)
    , m_rate(rate)
    , m_toasts(new ToastArea(toastHost))
    , m_desktop(new DesktopNotifier(window))
    , m_sound(new AlarmSound(alarms, this))
{
    connect(center, &NotificationCenter::notificationPosted, this, &Alerting::onPosted);
    connect(center, &NotificationCenter::notificationChanged, this, &Alerting::onChanged);
    connect(m_toasts, &ToastArea::acknowledgeRequested, this,
            [this](const QString &, const QString &toastId) { Q_EMIT acknowledgeRequested(toastId); });
    connect(m_toasts, &ToastArea::showRequested, this, [this](const QString &toastId) {
        if (toastId != floodSummaryId()) {
            Q_EMIT showRequested(toastId);
            return;
        }
        // Seen: the next summary counts from now.
        m_summarised.clear();
        m_summarisedSince = {};
        Q_EMIT alarmsViewRequested();
    });
    connect(rate, &AlarmRateMeter::rateChanged, this, [this](AlarmRateMeter::Rate now) {
        // A flood over: its summary stays on screen as it is; the next one starts afresh.
        if (now != AlarmRateMeter::Rate::Flood) {
            m_summarised.clear();
            m_summarisedSince = {};
        }
    });
    connect(m_toasts, &ToastArea::showAllRequested, this, &Alerting::showAllRequested);
    connect(m_sound, &AlarmSound::muteChanged, this, [this] {
        m_preferences.mutedUntil = m_sound->mutedUntil();
        Q_EMIT muteChanged(m_sound->mutedUntil());
    });
    setPreferences(m_preferences);
}

void Alerting::setPreferences(const Preferences &preferences)
{
    m_preferences = preferences;
    m_desktop->setEnabled(preferences.desktopNotifications);
    m_sound->setEnabled(preferences.sound);
    m_sound->setRepeatInterval(std::chrono::seconds(preferences.soundRepeatSeconds));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QSignalBlocker quiet(m_sound); // restoring the stored mute is not the operator muting
    if (preferences.isMuted(now))
        m_sound->muteFor(std::chrono::minutes((now.secsTo(preferences.mutedUntil) + 59) / 60));
    else
        m_sound->unmute();
}

ToastLevel Alerting::levelOf(const NotificationModel::Item &item)
{
    if ((item.kind == Kind::Connection || item.kind == Kind::Command) && item.severity == AlarmSeverity::Info)
        return ToastLevel::Success; // the link is back, the command done
    switch (item.severity) {
    case AlarmSeverity::Critical:
    case AlarmSeverity::Unknown: // ranks with Critical
        return item.kind == Kind::Alarm ? ToastLevel::Critical : ToastLevel::Error;
    case AlarmSeverity::High:
        return ToastLevel::Error;
    case AlarmSeverity::Medium:
        return ToastLevel::Warning;
    case AlarmSeverity::Low:
    case AlarmSeverity::Info:
        break;
    }
    return ToastLevel::Info;
}

QString Alerting::headingOf(const NotificationModel::Item &item)
{
    switch (item.kind) {
    case Kind::Alarm:
        return tr("%1 alarm").arg(PriorityCode::word(item.severity));
    case Kind::System:
        return tr("Server notice");
    case Kind::Connection:
        return tr("Link to the server");
    case Kind::Command:
        return tr("Command");
    }
    return {};
}

QString Alerting::sourceOf(const NotificationModel::Item &item)
{
    if (!item.sourceKind || item.kind == Kind::Connection)
        return item.sourceId;
    return item.sourceId.isEmpty() ? AlarmDelegate::sourceKindText(*item.sourceKind)
                                   : AlarmDelegate::sourceKindText(*item.sourceKind) + u' ' + item.sourceId;
}

void Alerting::onPosted(const NotificationModel::Item &item)
{
    // The outcome of the operator's own command answers an action just
    // taken: always toasted. Everything else by the threshold.
    if (item.kind != Kind::Command && !m_preferences.wantsToast(item.severity))
        return;
    if (item.kind == Kind::Alarm && m_rate->rate() == AlarmRateMeter::Rate::Flood
        && Domain::severityRank(item.severity) > Domain::severityRank(AlarmSeverity::High)) {
        summarise(item);
        return;
    }
    ToastSpec spec;
    spec.id = item.id;
    spec.level = levelOf(item);
    if (item.kind == Kind::Alarm) {
        spec.priority = item.severity;
        spec.title = item.title;
        spec.message = item.message;
    } else {
        // A notice's identical repeats are one toast whose line counts them.
        const QString title
            = item.kind == Kind::System ? NoticeCode::mergedText(item.title, item.count, item.time) : item.title;
        spec.title = headingOf(item);
        spec.message = item.message.isEmpty() ? title : title + u'\n' + item.message;
    }
    spec.source = sourceOf(item);
    spec.time = item.time;
    if (NotificationModel::needsAck(item) && !m_watchOnly)
        spec.alarmId = item.alarmId;
    m_toasts->post(spec);
    // A desktop notification stands alone: it names what kind of news it is.
    const QString heading = headingOf(item);
    const bool alarm = item.kind == Kind::Alarm;
    const QString where = alarm ? spec.source
        : spec.source.isEmpty() ? heading
                                : heading + QStringLiteral(" · ") + spec.source;
    m_desktop->notify(where, item.message.isEmpty() ? item.title : item.title + u'\n' + item.message, spec.level,
                      alarm ? heading : QString());
}

QString Alerting::floodSummaryText() const
{
    QStringList parts;
    for (auto it = m_summarised.cbegin(); it != m_summarised.cend(); ++it) {
        if (it.value() > 0)
            parts << tr("+%1 %2", "alarms summarised in a flood: how many, their priority")
                         .arg(QLocale().toString(it.value()), PriorityCode::word(it.key()));
    }
    if (parts.isEmpty())
        return {};
    return tr("%1 since %2", "the flood summary: its counts, the time of the first")
        .arg(parts.join(QStringLiteral(", ")),
             QLocale().toString(m_summarisedSince.toLocalTime().time(), QStringLiteral("HH:mm:ss")));
}

void Alerting::summarise(const NotificationModel::Item &item)
{
    if (m_summarised.isEmpty())
        m_summarisedSince = item.time.isValid() ? item.time : QDateTime::currentDateTimeUtc();
    ++m_summarised[item.severity];
    ToastSpec spec;
    spec.id = floodSummaryId();
    // The most urgent priority it counts (the map is ordered most urgent first).
    spec.priority = m_summarised.firstKey();
    spec.level = ToastLevel::Warning;
    spec.title = floodSummaryText();
    spec.message = tr("Alarm flood: these get no toast of their own. Show opens the Alarms view.");
    spec.time = item.time;
    m_toasts->post(spec);
}

void Alerting::onChanged(const NotificationModel::Item &item)
{
    // Acknowledged (here or elsewhere) or cleared: the toast has said its piece.
    if (item.kind == Kind::Alarm && !NotificationModel::needsAck(item))
        m_toasts->dismiss(item.id);
}
