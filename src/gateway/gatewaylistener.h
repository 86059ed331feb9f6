#pragma once

#include "gatewayhttpgate.h"

#include <QSslConfiguration>
#include <QTcpServer>

#include <functional>
#include <optional>

class QTcpSocket;

// The one port of the reference server. It accepts each connection (with TLS
// when configured), reads the head of its first request without consuming
// it, and hands WebSocket upgrades to webSocketUpgradeReceived and everything
// else to whoever takes pending connections (QHttpServer, bound to it).
//
// Every request of an HTTP connection passes a GatewayHttpGate first: a request
// with a body needs a token setTokenCheck() accepts, and no body may exceed
// setMaxBodyBytes(); both are decided at the request's head, before its body
// is read, because QHttpServer 6.4 buffers whole requests.
//
// QtHttpServer 6.4 can upgrade WebSockets itself, but through a private
// QWebSocketServer that selects no subprotocol; sorting connections here
// keeps our own QWebSocketServer, with `watchfloor.v1` and its limits.
class GatewayListener : public QTcpServer
{
    Q_OBJECT

public:
    explicit GatewayListener(QObject *parent = nullptr);

    // With a configuration, every connection must speak TLS first.
    void setTlsConfiguration(const QSslConfiguration &configuration) { m_tls = configuration; }
    bool isSecure() const { return m_tls.has_value(); }
    // A connection that has not sent a whole request head by then is dropped.
    void setHeadTimeoutMs(int ms) { m_headTimeoutMs = ms; }
    // Whether an `Authorization: Bearer` token may send a request body.
    void setTokenCheck(std::function<bool(const QByteArray &token)> accepted) { m_tokenAccepted = std::move(accepted); }
    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }

    static constexpr qsizetype kMaxHeadBytes = GatewayHttpGate::kMaxHeadBytes;

Q_SIGNALS:
    // The socket still holds the whole upgrade request, unread.
    void webSocketUpgradeReceived(QTcpSocket *socket);

protected:
    void incomingConnection(qintptr handle) override;

private:
    void inspect(QTcpSocket *socket);

    std::optional<QSslConfiguration> m_tls;
    int m_headTimeoutMs = 5000;
    std::function<bool(const QByteArray &token)> m_tokenAccepted;
    qint64 m_maxBodyBytes = 64 * 1024;
};
