#include "alarmactions.h"

#include "alarmservice.h"

AlarmActions::AlarmActions(std::function<bool(const QString &alarmId)> letGo, QObject *parent)
    : QObject(parent)
    , m_letGo(std::move(letGo))
{ }

void AlarmActions::setService(AlarmService *service)
{
    if (service == m_service)
        return;
    if (m_service)
        disconnect(m_service, nullptr, this, nullptr);
    m_service = service;
    if (!service)
        return;
    connect(service, &AlarmService::actionRefused, this, &AlarmActions::actionRefused);
    connect(service, &AlarmService::requestSent, this, &AlarmActions::actionSent);
    connect(service, &AlarmService::requestDelivered, this,
            [this](const QUuid &requestId) { Q_EMIT actionDelivered(requestId); });
    connect(service, &AlarmService::requestUnconfirmed, this, &AlarmActions::actionUnconfirmed);
    connect(service, &AlarmService::requestRefused, this, &AlarmActions::actionFailed);
    connect(service, &AlarmService::pendingChanged, this, &AlarmActions::pendingChanged);
    connect(service, &AlarmService::keepsOfflineActionsChanged, this, &AlarmActions::keepsOfflineActionsChanged);
    // What a view showed was the previous service's.
    Q_EMIT pendingChanged(pendingCount());
    Q_EMIT keepsOfflineActionsChanged(keepsOfflineActions(), storeProblem());
}

QUuid AlarmActions::acknowledge(const QString &alarmId, const QString &note, qint64 occurrence)
{
    if ((m_letGo && m_letGo(alarmId)) || !m_service)
        return {};
    return m_service->acknowledge(alarmId, note, occurrence);
}

QUuid AlarmActions::shelve(const QString &alarmId, int minutes, const QString &reason, qint64 occurrence)
{
    return m_service ? m_service->shelve(alarmId, minutes, reason, occurrence) : QUuid();
}

QUuid AlarmActions::unshelve(const QString &alarmId)
{
    return m_service ? m_service->unshelve(alarmId) : QUuid();
}

AlarmService::Progress AlarmActions::progressOf(const QUuid &requestId) const
{
    return m_service ? m_service->progressOf(requestId) : AlarmService::Progress::None;
}

int AlarmActions::pendingCount() const
{
    return m_service ? m_service->pendingCount() : 0;
}

bool AlarmActions::keepsOfflineActions() const
{
    return m_service ? m_service->keepsOfflineActions() : false;
}

QString AlarmActions::storeProblem() const
{
    return m_service ? m_service->storeProblem() : QString();
}

QString AlarmActions::actionName(Domain::AlarmAction::Kind kind)
{
    return AlarmService::actionName(kind);
}
