#pragma once

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>
#include <utility>

// A TCP proxy for tests that stands between the console and a server and
// misbehaves on request, as networks do: it drops every connection, refuses
// new ones, stalls (holds every byte back without closing anything), or
// stalls one way only, the console's side after its handshake request.
class FaultProxy : public QObject
{
    Q_OBJECT

public:
    explicit FaultProxy(quint16 targetPort, QObject *parent = nullptr)
        : QObject(parent)
        , m_targetPort(targetPort)
    {
        connect(&m_server, &QTcpServer::newConnection, this, &FaultProxy::onNewConnection);
        m_server.listen(QHostAddress::LocalHost, 0);
    }

    ~FaultProxy() override
    {
        // Closing a socket below emits disconnected(), whose handler would
        // reach into the list being destroyed: cut the handlers first.
        const auto pairs = std::exchange(m_pairs, {});
        for (const auto &pair : pairs) {
            pair->client->disconnect(this);
            pair->upstream->disconnect(this);
        }
    }

    quint16 port() const { return m_server.serverPort(); }
    QString url(const QString &path = QStringLiteral("/ws")) const
    {
        return QStringLiteral("ws://127.0.0.1:%1%2").arg(port()).arg(path);
    }
    int connectionCount() const { return int(m_pairs.size()); }
    // Connections accepted since the proxy started, refused ones included.
    int connectionsAccepted() const { return m_accepted; }

    // Cuts every connection on both sides at once, without a goodbye.
    void dropAll()
    {
        const auto pairs = std::move(m_pairs);
        for (const auto &pair : pairs) {
            pair->client->abort();
            pair->upstream->abort();
        }
    }

    void setRefusing(bool refusing) { m_refusing = refusing; }
    // The next bytes from the server get halfway to the console, then both
    // sides are cut: a frame broken in the middle.
    void cutMidFrame() { m_cutMidFrame = true; }
    // Holds every chunk this long in each direction, in order.
    void setDelayMs(int ms) { m_delayMs = ms; }
    // Cuts connections that ask for a WebSocket and lets plain HTTP through:
    // a firewall that breaks upgrades, the case the REST fallback is for.
    void setRefusingWebSockets(bool refusing) { m_refusingWebSockets = refusing; }
    // Sends WebSocket upgrades to another server than plain HTTP (0: the
    // same target for both), as a gateway routing by path would.
    void setWebSocketTargetPort(quint16 port) { m_webSocketPort = port; }

    // Lets each connection's first request (the WebSocket handshake) through,
    // then holds back every later byte from the console (its sign-in, its
    // requests) while the server's side flows on: a link stalled one way, on
    // which the server's sign-in deadline passes. Released bytes go on in order.
    void setHoldingClientAfterHandshake(bool holding)
    {
        m_holdingClient = holding;
        if (!holding) {
            for (const auto &pair : m_pairs)
                forward(pair->client.get(), pair->upstream.get());
        }
    }

    void setStalled(bool stalled)
    {
        m_stalled = stalled;
        if (!stalled) {
            for (const auto &pair : m_pairs) {
                forward(pair->client.get(), pair->upstream.get());
                forward(pair->upstream.get(), pair->client.get());
            }
        }
    }

private:
    struct Pair
    {
        std::unique_ptr<QTcpSocket> client;
        std::unique_ptr<QTcpSocket> upstream;
    };

    void onNewConnection()
    {
        while (QTcpSocket *incoming = m_server.nextPendingConnection()) {
            ++m_accepted;
            if (m_refusing) {
                incoming->abort();
                incoming->deleteLater();
                continue;
            }
            auto pair = std::make_shared<Pair>();
            incoming->setParent(nullptr);
            pair->client.reset(incoming);
            pair->upstream = std::make_unique<QTcpSocket>();
            pair->upstream->setObjectName(QStringLiteral("upstream"));
            QTcpSocket *client = pair->client.get();
            QTcpSocket *upstream = pair->upstream.get();
            connect(client, &QTcpSocket::readyRead, this, [this, client, upstream] { forward(client, upstream); });
            connect(upstream, &QTcpSocket::readyRead, this, [this, client, upstream] { forward(upstream, client); });
            // What the client sent before the server answered goes out now.
            connect(upstream, &QTcpSocket::connected, this, [this, client, upstream] { forward(client, upstream); });
            const auto close = [this, raw = pair.get()] { closePair(raw); };
            connect(client, &QTcpSocket::disconnected, this, close);
            connect(upstream, &QTcpSocket::disconnected, this, close);
            m_pairs.append(pair);
            if (m_webSocketPort == 0) {
                upstream->connectToHost(QHostAddress::LocalHost, m_targetPort);
                continue;
            }
            // The target depends on what the client asks for: wait for its request.
            connect(client, &QTcpSocket::readyRead, this, [this, client, upstream] {
                if (upstream->state() != QAbstractSocket::UnconnectedState
                    || client->state() != QAbstractSocket::ConnectedState)
                    return;
                const bool webSocket = client->peek(4096).toLower().contains("upgrade: websocket");
                upstream->connectToHost(QHostAddress::LocalHost, webSocket ? m_webSocketPort : m_targetPort);
            });
        }
    }

    void forward(QTcpSocket *from, QTcpSocket *to)
    {
        if (m_refusingWebSockets && from->peek(4096).toLower().contains("upgrade: websocket")) {
            from->abort();
            to->abort();
            return;
        }
        if (m_stalled || to->state() != QAbstractSocket::ConnectedState)
            return; // left in `from`'s buffer until the link flows again
        if (m_holdingClient && from->objectName() != u"upstream") {
            if (from->property("handshakePassed").toBool())
                return; // held in `from`'s buffer until released
            const qsizetype headEnd = from->peek(64 * 1024).indexOf("\r\n\r\n");
            if (headEnd < 0)
                return; // the request is not all in yet
            from->setProperty("handshakePassed", true);
            to->write(from->read(headEnd + 4));
            return;
        }
        if (from->objectName() != u"upstream")
            from->setProperty("handshakePassed", true); // holding from now on holds what follows
        if (m_cutMidFrame && from->objectName() == u"upstream" && from->bytesAvailable() > 1) {
            m_cutMidFrame = false;
            to->write(from->read(from->bytesAvailable() / 2));
            to->flush();
            from->abort();
            to->abort();
            return;
        }
        const QByteArray bytes = from->readAll();
        if (m_delayMs <= 0) {
            to->write(bytes);
            return;
        }
        QTimer::singleShot(m_delayMs, to, [to, bytes] {
            if (to->state() == QAbstractSocket::ConnectedState)
                to->write(bytes);
        });
    }

    void closePair(Pair *raw)
    {
        for (qsizetype i = 0; i < m_pairs.size(); ++i) {
            if (m_pairs.at(i).get() != raw)
                continue;
            const auto pair = m_pairs.takeAt(i);
            pair->client->disconnectFromHost();
            pair->upstream->disconnectFromHost();
            pair->client.release()->deleteLater();
            pair->upstream.release()->deleteLater();
            return;
        }
    }

    QTcpServer m_server;
    quint16 m_targetPort;
    QList<std::shared_ptr<Pair>> m_pairs;
    bool m_refusing = false;
    bool m_stalled = false;
    bool m_holdingClient = false;
    bool m_refusingWebSockets = false;
    bool m_cutMidFrame = false;
    int m_delayMs = 0;
    int m_accepted = 0;
    quint16 m_webSocketPort = 0;
};
