#pragma once

#include "simfleet.h"
#include "simoptions.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>
#include <vector>

class QWebSocket;
class QWebSocketServer;

// The reference server: speaks the `watchfloor` dialect over WebSocket at
// ws://HOST:PORT/ws to any number of consoles, over a simulated fleet.
class SimServer : public QObject
{
    Q_OBJECT

public:
    explicit SimServer(const SimOptions &options, QObject *parent = nullptr);
    ~SimServer() override;

    // Starts listening; false with errorString() when the address is taken.
    bool listen();
    // Closes every client with 1001 (going away) and stops listening.
    void close();

    quint16 port() const;
    QString url() const;
    QString errorString() const { return m_error; }
    int clientCount() const { return int(m_clients.size()); }
    const SimFleet &fleet() const { return m_fleet; }

Q_SIGNALS:
    void clientAuthenticated(const QString &operatorName);

private:
    struct Client
    {
        QWebSocket *socket = nullptr;
        QString sessionId;
        QString operatorName;
        bool authenticated = false;
        quint64 seq = 0;
        QSet<QString> channels;
        std::unique_ptr<QTimer> authTimer;
    };

    void onNewConnection();
    void onMessage(Client *client, const QString &text);
    void onTick();
    void handleAuth(Client *client, const QJsonObject &request, const QJsonValue &id);
    void handleSubscribe(Client *client, const QJsonObject &request, const QJsonValue &id, bool subscribe);
    void sendResult(Client *client, const QJsonValue &id, const QJsonObject &data);
    void sendFailure(Client *client, const QJsonValue &id, const QString &code, const QString &message);
    void sendError(Client *client, const QString &code, const QString &message);
    QJsonObject makeEvent(Client *client, const QString &type, QJsonObject fields);
    void send(Client *client, const QJsonObject &message);
    void removeClient(Client *client);
    Client *findClient(QWebSocket *socket);

    SimOptions m_options;
    QWebSocketServer *m_server = nullptr;
    std::vector<std::unique_ptr<Client>> m_clients;
    SimFleet m_fleet;
    QList<qint64> m_nextReportMs;
    QElapsedTimer m_clock;
    QTimer m_tick;
    QString m_error;
    quint64 m_nextSessionId = 1;
};
