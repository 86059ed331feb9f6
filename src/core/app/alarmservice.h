#pragma once

#include "net/connectionservice.h"
#include "store/localstore.h"

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QUuid>

// Turns an operator's acknowledgement, shelving or unshelving into a request
// that reaches the server even across outages and restarts: each is written to
// the store's outbox first, then delivered while the link is live, one at a
// time in the order they were made. The server's alarm requests are
// idempotent, so delivering one twice after a lost answer is harmless.
class AlarmService : public QObject
{
    Q_OBJECT

public:
    // Neither is owned; the store must be open and outlive the service.
    AlarmService(ConnectionService *connection, LocalStore *store, QObject *parent = nullptr);

    // Each returns the outbox's request id: the same one when the operator
    // repeats the latest action still waiting for this alarm. A null id means
    // the outbox could not store it (see lastError()) and nothing was sent.
    QUuid acknowledge(const QString &alarmId, const QString &note = {});
    QUuid shelve(const QString &alarmId, int minutes, const QString &reason);
    QUuid unshelve(const QString &alarmId);

    // Actions stored and not yet answered by the server.
    int pendingCount() const { return m_pendingCount; }
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    void requestDelivered(const QUuid &requestId, const QJsonObject &alarm);
    // Definitive: the entry is kept as failed with the reason and never retried.
    void requestRefused(const QUuid &requestId, const QString &code, const QString &message);
    void pendingChanged(int count);

private:
    QUuid enqueue(LocalStore::OutboxKind kind, const QString &alarmId, QJsonObject payload);
    void deliverNext();
    void onAnswer(const LocalStore::OutboxEntry &entry, const Protocol::Result &result);
    void refreshPendingCount();
    void setPendingCount(int count);

    ConnectionService *m_connection;
    LocalStore *m_store;
    QUuid m_inFlight;
    int m_pendingCount = 0;
    QString m_lastError;
};
