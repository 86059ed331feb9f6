#pragma once

#include "alarmservice.h"
#include "commandservice.h"
#include "domain/link.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class LiveTableModel;
class Session;

// What the operator is being shown, as one JSON document for support staff
// and outside checkers (docs/reliability.md describes every field): the
// link and its age, each entity's staleness and age, the alarm list, the
// commands in flight and the outbox. It only reads the session's models and
// services; taking one never changes what the console does.
class DiagnosticsSnapshot : public QObject
{
    Q_OBJECT

public:
    static constexpr int kFormatVersion = 1;

    // The session must outlive this object. Set the session's store first:
    // the outbox's outcomes are followed from here on.
    explicit DiagnosticsSnapshot(Session *session, QObject *parent = nullptr);

    // This console's commands (they live with the main window); optional.
    void setCommandService(CommandService *commands) { m_commands = commands; }

    QJsonObject capture() const;
    // Writes capture() to `path` atomically (a temporary file renamed over
    // it), so a reader never sees half a document. False with a reason in
    // `error` when it could not be written; the old file then stays.
    bool writeTo(const QString &path, QString *error = nullptr) const;
    static bool writeDocument(const QJsonObject &document, const QString &path, QString *error = nullptr);

private:
    void onStateChanged(Domain::LinkState state);
    QJsonObject link() const;
    QJsonObject entities(const LiveTableModel &model, const std::function<void(int, QJsonObject &)> &fill) const;
    QJsonObject endpoints() const;
    QJsonObject alarms() const;
    QJsonObject commands() const;
    QJsonObject outbox() const;

    void trackOutbox();

    Session *m_session;
    QPointer<AlarmService> m_outbox;
    // The outbox's recent outcomes, newest last, bounded.
    QJsonArray m_delivered;
    QJsonArray m_refused;
    QPointer<CommandService> m_commands;
    QElapsedTimer m_sinceStateChange; // the link's state age
    QElapsedTimer m_sinceLive; // since the link last left or entered a live state
    bool m_wasLive = false;
    Domain::LinkState m_lastState = Domain::LinkState::Disconnected;
};
