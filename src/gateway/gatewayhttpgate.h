#pragma once

#include <QByteArray>
#include <QObject>

#include <functional>

class QTcpSocket;

// Stands at the door of one HTTP connection of the REST fallback, ahead of
// QHttpServer (which in Qt 6.4 buffers a whole request, body and all, before
// any handler sees it). It follows the connection's requests as they arrive
// and decides on each one as soon as its head is complete, before a byte of
// its body is buffered:
// - a request that carries a body (Content-Length above 0, or chunked) must
//   show an `Authorization: Bearer` token that tokenAccepted() accepts, or
//   it is answered 401 `unauthorized`;
// - a body declared larger than maxBodyBytes is answered 413 `too_large`,
//   and a chunked body that grows past it is cut off with 413 too;
// - a head larger than kMaxHeadBytes is answered 431, a head it cannot
//   frame (a bad Content-Length, a bad chunk) 400 `bad_request`.
// Every refusal carries the REST API's JSON error shape, ends the
// connection and reads nothing more of it: the rest the peer sends is
// dropped unread (GatewaySocketLinger). Requests it lets pass reach QHttpServer
// unchanged. The gate must be created before QHttpServer takes the socket,
// so that it sees every byte first; it lives as the socket's child.
class GatewayHttpGate : public QObject
{
    Q_OBJECT

public:
    struct Policy
    {
        std::function<bool(const QByteArray &token)> tokenAccepted;
        qint64 maxBodyBytes = 64 * 1024;
        int lingerMs = 2000;
    };

    // `lingerOwner` outlives the socket: it keeps what lingers after a refusal.
    GatewayHttpGate(QTcpSocket *socket, QObject *lingerOwner, Policy policy);

    static constexpr qsizetype kMaxHeadBytes = 16 * 1024;
    static constexpr qsizetype kMaxChunkLineBytes = 1024;

private:
    enum class State { Head, Body, ChunkSize, ChunkData, ChunkDataEnd, Trailer, Refused };

    void onReadyRead();
    // Follows `bytes`, the next part of the stream; false once it refused.
    bool feed(QByteArrayView bytes);
    // A head is complete: decides on its request.
    bool decide(QByteArrayView head);
    // One line of chunked framing (without its line end).
    bool chunkLine(QByteArrayView line);
    void refuse(int status, const QByteArray &code, const QString &message, const QByteArray &extraHeaders = {});

    QTcpSocket *m_socket;
    QObject *m_lingerOwner;
    Policy m_policy;
    State m_state = State::Head;
    QByteArray m_pending; // a head or a chunk line not complete yet
    qint64 m_remaining = 0; // body or chunk bytes still to pass
    qint64 m_bodyBytes = 0; // of the current chunked body
};
