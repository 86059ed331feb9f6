#include "diagnosticssnapshot.h"

#include "net/connectionservice.h"

#include "alarmservice.h"
#include "commandservice.h"
#include "model/alarmmodel.h"
#include "session.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMetaEnum>
#include <QSaveFile>

namespace {

// Finished commands listed besides those in flight: enough to check what
// became of recent ones, bounded whatever the run's length.
constexpr qsizetype kRecentCommands = 200;
// Outbox outcomes kept, for the same reason.
constexpr qsizetype kRecentOutcomes = 500;

void appendBounded(QJsonArray &list, const QJsonValue &value)
{
    list.append(value);
    while (list.size() > kRecentOutcomes)
        list.removeFirst();
}

QString recoveryWord(Domain::LinkRecovery recovery)
{
    switch (recovery) {
    case Domain::LinkRecovery::Resumed:
        return QStringLiteral("resumed");
    case Domain::LinkRecovery::Resynced:
        return QStringLiteral("resynced");
    case Domain::LinkRecovery::None:
        break;
    }
    return QStringLiteral("none");
}

QJsonValue isoOrNull(const QDateTime &at)
{
    return at.isValid() ? QJsonValue(at.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

// A command's state as the report spells it: the wire's word, or the two
// states only this console knows.
QString stateWord(Domain::CommandState state)
{
    switch (state) {
    case Domain::CommandState::Requested:
        return QStringLiteral("requested");
    case Domain::CommandState::Lost:
        return QStringLiteral("lost");
    default:
        return Domain::wordOf(Domain::kCommandStates, state);
    }
}

QJsonValue valueJson(const QVariant &value)
{
    return value.isValid() ? QJsonValue::fromVariant(value) : QJsonValue();
}

} // namespace

DiagnosticsSnapshot::DiagnosticsSnapshot(Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    m_sinceStateChange.start();
    m_sinceLive.start();
    m_lastState = session->connection()->state();
    m_wasLive = session->connection()->isLive();
    connect(session->connection(), &ConnectionService::stateChanged, this, &DiagnosticsSnapshot::onStateChanged);
    trackOutbox();
}

// The outbox's outcomes are only signalled, so they are kept here as they come.
void DiagnosticsSnapshot::trackOutbox()
{
    m_outbox = m_session->alarmService();
    if (!m_outbox)
        return;
    connect(m_outbox, &AlarmService::requestDelivered, this, [this](const QUuid &requestId, const QJsonObject &) {
        appendBounded(m_delivered, requestId.toString(QUuid::WithoutBraces));
    });
    connect(m_outbox, &AlarmService::requestRefused, this,
            [this](const QUuid &requestId, const QString &code, const QString &message) {
                appendBounded(m_refused,
                              QJsonObject {{QStringLiteral("requestId"), requestId.toString(QUuid::WithoutBraces)},
                                           {QStringLiteral("code"), code},
                                           {QStringLiteral("message"), message}});
            });
}

void DiagnosticsSnapshot::onStateChanged(Domain::LinkState state)
{
    if (state == m_lastState)
        return;
    m_lastState = state;
    m_sinceStateChange.restart();
    const bool live = m_session->connection()->isLive();
    if (live != m_wasLive) {
        m_wasLive = live;
        m_sinceLive.restart();
    }
}

QJsonObject DiagnosticsSnapshot::capture() const
{
    QJsonObject doc;
    doc[u"format"] = QStringLiteral("watchfloor-diagnostics");
    doc[u"version"] = kFormatVersion;
    doc[u"writtenAt"] = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    doc[u"pid"] = QCoreApplication::applicationPid();
    doc[u"application"] = QCoreApplication::applicationVersion();
    doc[u"link"] = link();
    auto none = [](int, QJsonObject &) {};
    doc[u"drones"] = entities(*m_session->drones(), [this](int row, QJsonObject &item) {
        const QModelIndex index = m_session->drones()->index(row, 0);
        item[u"state"] = valueJson(index.data(DroneModel::StateRole));
        item[u"battery"] = valueJson(index.data(DroneModel::BatteryRole));
    });
    doc[u"machines"] = entities(*m_session->machines(), [this](int row, QJsonObject &item) {
        item[u"status"] = valueJson(m_session->machines()->index(row, 0).data(MachineModel::StatusRole));
    });
    doc[u"endpoints"] = endpoints();
    doc[u"health"] = entities(*m_session->health(), none);
    doc[u"operators"] = entities(*m_session->operators(), none);
    doc[u"alarms"] = alarms();
    doc[u"commands"] = commands();
    doc[u"outbox"] = outbox();
    return doc;
}

QJsonObject DiagnosticsSnapshot::link() const
{
    const ConnectionService *c = m_session->connection();
    QJsonObject link;
    // The enum's own name, lower case: stable for tools, whatever the language.
    link[u"state"]
        = QString::fromLatin1(QMetaEnum::fromType<Domain::LinkState>().valueToKey(int(c->state()))).toLower();
    link[u"live"] = c->isLive();
    link[u"liveData"] = m_session->hasLiveData();
    link[u"stateAgeMs"] = m_sinceStateChange.elapsed();
    link[u"liveForMs"] = c->isLive() ? m_sinceLive.elapsed() : qint64(-1);
    link[u"downForMs"] = c->isLive() ? qint64(-1) : m_sinceLive.elapsed();
    const QDateTime lastMessage = c->lastMessageAt();
    link[u"lastMessageAt"] = isoOrNull(lastMessage);
    link[u"lastMessageAgeMs"]
        = lastMessage.isValid() ? lastMessage.msecsTo(QDateTime::currentDateTimeUtc()) : qint64(-1);
    link[u"lastLiveAt"] = isoOrNull(c->lastLiveAt());
    link[u"dialect"] = ConnectionSettings::dialectWord(c->dialect());
    link[u"server"] = c->currentUrl().toString();
    link[u"sessionId"] = c->sessionId();
    link[u"role"] = c->role();
    link[u"lastSeq"] = QString::number(c->lastSeq()); // a string: JSON numbers lose precision past 2^53
    link[u"lastRecovery"] = recoveryWord(c->lastRecovery());
    link[u"lastOutageMs"] = c->lastOutageMs();
    link[u"protocolErrors"] = c->protocolErrorCount();
    link[u"attempt"] = c->attempt();
    link[u"lastError"] = c->lastError();
    link[u"failureReason"] = c->failureReason();
    return link;
}

QJsonObject DiagnosticsSnapshot::entities(const LiveTableModel &model,
                                          const std::function<void(int, QJsonObject &)> &fill) const
{
    QJsonArray items;
    int stale = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        QJsonObject item;
        item[u"id"] = model.keyAt(row);
        item[u"stale"] = model.isStale(row);
        item[u"ageMs"] = model.ageMs(row);
        fill(row, item);
        stale += model.isStale(row) ? 1 : 0;
        items.append(item);
    }
    QJsonObject result;
    result[u"expectedPeriodMs"] = model.expectedPeriodMs();
    result[u"count"] = model.rowCount();
    result[u"stale"] = stale;
    result[u"items"] = items;
    return result;
}

QJsonObject DiagnosticsSnapshot::endpoints() const
{
    const TileModel *tiles = m_session->tiles();
    QJsonArray items;
    int stale = 0;
    // Tiles hold devices, devices hold endpoints.
    for (int t = 0; t < tiles->rowCount(); ++t) {
        const QModelIndex tile = tiles->index(t, 0);
        for (int d = 0; d < tiles->rowCount(tile); ++d) {
            const QModelIndex device = tiles->index(d, 0, tile);
            for (int e = 0; e < tiles->rowCount(device); ++e) {
                const QModelIndex endpoint = tiles->index(e, 0, device);
                QJsonObject item;
                item[u"id"] = endpoint.data(TileModel::IdRole).toString();
                const bool isStale = endpoint.data(TileModel::StaleRole).toBool();
                item[u"stale"] = isStale;
                item[u"ageMs"] = valueJson(endpoint.data(TileModel::AgeRole));
                item[u"value"] = valueJson(endpoint.data(TileModel::ValueRole));
                item[u"pendingCommandId"] = valueJson(endpoint.data(TileModel::PendingCommandIdRole));
                stale += isStale ? 1 : 0;
                items.append(item);
            }
        }
    }
    QJsonObject result;
    result[u"expectedPeriodMs"] = tiles->expectedPeriodMs();
    result[u"count"] = int(items.size());
    result[u"stale"] = stale;
    result[u"items"] = items;
    return result;
}

QJsonObject DiagnosticsSnapshot::alarms() const
{
    const AlarmModel *model = m_session->alarms();
    QJsonObject result = entities(*model, [model](int row, QJsonObject &item) {
        const Domain::Alarm &alarm = model->alarmAt(row);
        item[u"severity"] = Domain::wordOf(Domain::kAlarmSeverities, alarm.severity);
        item[u"state"] = Domain::wordOf(Domain::kAlarmStates, alarm.state);
        item[u"acknowledged"] = !AlarmModel::isUnacknowledged(alarm.state);
        item[u"ackedBy"] = alarm.ackedBy ? QJsonValue(*alarm.ackedBy) : QJsonValue();
        item[u"ackedAt"] = alarm.ackedAt ? isoOrNull(*alarm.ackedAt) : QJsonValue();
        item[u"count"] = alarm.count;
        item[u"chattering"] = alarm.chattering;
        item[u"raisedAt"] = isoOrNull(alarm.timestamp);
        item[u"shelvedUntil"] = alarm.shelvedUntil ? isoOrNull(*alarm.shelvedUntil) : QJsonValue();
        item[u"shelvedBy"] = alarm.shelvedBy ? QJsonValue(*alarm.shelvedBy) : QJsonValue();
        item[u"unconfirmed"] = model->isUnconfirmed(alarm.alarmId);
    });
    result[u"unacknowledged"] = model->unacknowledgedCount();
    return result;
}

QJsonObject DiagnosticsSnapshot::commands() const
{
    QJsonArray inFlight;
    QJsonArray recent;
    if (m_commands) {
        const QList<CommandService::Command> all = m_commands->commands();
        for (const CommandService::Command &command : all) {
            QJsonObject item;
            item[u"commandId"] = command.commandId;
            item[u"endpointId"] = command.endpointId;
            item[u"phase"] = stateWord(command.status);
            item[u"sentAt"] = isoOrNull(command.issuedAt);
            item[u"errorCode"] = command.errorCode;
            item[u"late"] = command.late;
            item[u"changedAt"] = isoOrNull(command.lastChange);
            if (command.isFinal())
                recent.append(item);
            else
                inFlight.append(item);
        }
        while (recent.size() > kRecentCommands)
            recent.removeFirst();
    }
    QJsonObject result;
    result[u"available"] = !m_commands.isNull();
    result[u"inFlight"] = inFlight;
    result[u"recent"] = recent;
    result[u"pendingOnServer"] = m_session->commands()->pendingCount();
    return result;
}

QJsonObject DiagnosticsSnapshot::outbox() const
{
    QJsonObject result;
    const AlarmService *service = m_session->alarmService();
    // Acting works without a store; keeping actions across outages does not.
    result[u"available"] = service && service->keepsOfflineActions();
    result[u"waiting"] = service ? service->pendingCount() : 0;
    result[u"lastError"] = service ? service->lastError() : QString();
    result[u"delivered"] = m_delivered;
    result[u"refused"] = m_refused;
    return result;
}

bool DiagnosticsSnapshot::writeTo(const QString &path, QString *error) const
{
    return writeDocument(capture(), path, error);
}

bool DiagnosticsSnapshot::writeDocument(const QJsonObject &document, const QString &path, QString *error)
{
    const QFileInfo info(path);
    QDir().mkpath(info.absolutePath());
    // QSaveFile writes beside the target and renames over it on commit.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    const QByteArray bytes = QJsonDocument(document).toJson(QJsonDocument::Indented);
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = file.errorString();
        file.cancelWriting();
        return false;
    }
    return true;
}
