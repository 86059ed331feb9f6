#pragma once

#include <QObject>
#include <QRandomGenerator>
#include <QString>
#include <QTimer>
#include <QWebSocket>

#include <functional>

// A second operator at another console: its own WebSocket client to the
// reference server, acknowledging, shelving and unshelving alarms at random
// (from the seed), so the consoles under test see the book change under them.
class ChaosOperator : public QObject
{
    Q_OBJECT

public:
    // `alarmIds` lists the server's current alarms when asked.
    ChaosOperator(quint32 seed, std::function<QStringList()> alarmIds, QObject *parent = nullptr);

    void start(const QString &url, int meanIntervalMs);
    void stop();
    int actions() const { return m_actions; }

private:
    void act();
    void scheduleNext();

    QRandomGenerator m_random;
    std::function<QStringList()> m_alarmIds;
    QWebSocket m_socket;
    QTimer m_next;
    QTimer m_reconnect;
    QString m_url;
    int m_meanIntervalMs = 1500;
    int m_requestId = 1;
    int m_actions = 0;
    bool m_authenticated = false;
};
