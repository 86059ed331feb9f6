#pragma once

#include <QHash>
#include <QHostAddress>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QStringList>

#include <optional>

// How the gateway core serves consoles, whatever its plant source: address,
// tokens, limits, replay, TLS and load mode. `watchfloor-sim --help`,
// docs/simulator.md and docs/gateway.md document each one.
struct GatewayOptions
{
    // The server name the WebSocket handshake and logs give.
    QString serverName = QStringLiteral("watchfloor-gateway");
    QHostAddress host = QHostAddress::LocalHost;
    quint16 port = 0; // 0 picks a free port

    // token -> role (viewer, operator, admin). Empty: any token is accepted
    // with the role `operator`.
    QHash<QString, QString> tokens;

    int authTimeoutMs = 5000;
    int heartbeatMs = 15000; // announced in hello; silent clients are dropped after twice that
    int maxConnections = 100; // beyond: close 1013
    double messagesPerSecond = 10.0; // per client, sustained
    int messageBurst = 20; // per client, at once
    int maxSubscriptions = 50; // per client
    qint64 maxFrameBytes = 1024 * 1024; // beyond: close 1009
    int malformedLimit = 20; // malformed messages in a row before close 1007
    // What a console has not read yet (unsent bytes in its socket), beyond
    // which it is dropped with close 4009.
    qint64 maxSendBufferBytes = 16 * 1024 * 1024;
    // The largest body a REST request may carry; larger ones are answered
    // 413 before their body is read.
    qint64 maxBodyBytes = 64 * 1024;
    // Load mode (GatewayLoadGen): synthetic live updates per second of wall time
    // to every session on drones, machines or telemetry; 0 is off.
    double loadRate = 0.0;
    int loadFrameMs = 5; // how often load frames go out

    // Resume: the server's journal keeps the last replayEvents events for
    // replayAgeMs; each session reaches back as far, within its share.
    qsizetype replayEvents = 10000;
    qint64 replayAgeMs = 5 * 60 * 1000;
    // Sessions whose console went, kept waiting for its `resume`: beyond
    // either cap the one waiting longest goes. (Sessions in use are bounded
    // by maxConnections.)
    int maxWaitingSessions = 400;
    int maxWaitingSessionsPerToken = 50; // per token

    // Reads "token role [comment]" lines ('#' starts a comment) into `tokens`.
    // On error returns a message naming the file and line.
    std::optional<QString> loadTokensFile(const QString &path);

    // Set both and the one port speaks TLS only: wss:// and https://.
    QSslCertificate tlsCertificate;
    QSslKey tlsKey;
    bool tls() const { return !tlsCertificate.isNull(); }

    // Reads a PEM certificate and its PEM private key (RSA or EC) into
    // tlsCertificate and tlsKey. On error returns a message naming the file.
    std::optional<QString> loadTls(const QString &certificatePath, const QString &keyPath);
};
