#include "chaosproxy.h"

#include <QHostAddress>

#include <utility>

namespace {

constexpr qsizetype kRecentFrames = 16;

// The length of the WebSocket frame at the start of `data`, or 0 if it is
// not complete yet.
qsizetype frameLength(const QByteArray &data)
{
    if (data.size() < 2)
        return 0;
    const auto b1 = quint8(data[1]);
    qsizetype header = 2;
    quint64 length = b1 & 0x7f;
    if (length == 126) {
        if (data.size() < 4)
            return 0;
        length = (quint64(quint8(data[2])) << 8) | quint8(data[3]);
        header = 4;
    } else if (length == 127) {
        if (data.size() < 10)
            return 0;
        length = 0;
        for (int i = 2; i < 10; ++i)
            length = (length << 8) | quint8(data[i]);
        header = 10;
    }
    if (b1 & 0x80)
        header += 4;
    const quint64 total = quint64(header) + length;
    return total <= quint64(data.size()) ? qsizetype(total) : 0;
}

} // namespace

QList<QByteArray> ChaosProxy::FrameScanner::feed(const QByteArray &bytes, bool *headerJustDone)
{
    QList<QByteArray> out;
    buffer += bytes;
    if (!headerDone) {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return out;
        header = buffer.left(end + 4);
        buffer.remove(0, end + 4);
        headerDone = true;
        if (headerJustDone)
            *headerJustDone = true;
        out.append(header);
    }
    while (const qsizetype length = frameLength(buffer)) {
        out.append(buffer.left(length));
        buffer.remove(0, length);
    }
    return out;
}

ChaosProxy::ChaosProxy(quint16 targetPort, QObject *parent)
    : QObject(parent)
    , m_targetPort(targetPort)
{
    m_clock.start();
    m_releaseTimer.setInterval(5);
    connect(&m_releaseTimer, &QTimer::timeout, this, &ChaosProxy::release);
    connect(&m_server, &QTcpServer::newConnection, this, &ChaosProxy::onNewConnection);
}

ChaosProxy::~ChaosProxy()
{
    // Closing a socket emits disconnected(), whose handler would reach into
    // the list being destroyed: cut the handlers first.
    for (const auto &pair : m_pairs) {
        pair->client->disconnect(this);
        pair->upstream->disconnect(this);
    }
}

bool ChaosProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void ChaosProxy::dropAll()
{
    const auto pairs = std::exchange(m_pairs, {});
    for (const auto &pair : pairs) {
        pair->client->disconnect(this);
        pair->upstream->disconnect(this);
        pair->client->abort();
        pair->upstream->abort();
    }
}

void ChaosProxy::setStalled(bool stalled)
{
    m_stalled = stalled;
    if (stalled)
        return;
    // Copies: reading may drop a pair.
    QList<Pair *> pairs;
    for (const auto &pair : m_pairs)
        pairs.append(pair.get());
    for (Pair *pair : pairs) {
        onClientData(pair);
        onServerData(pair);
    }
}

void ChaosProxy::duplicateAcrossReconnect()
{
    m_replay = m_recentFrames;
    dropAll();
}

void ChaosProxy::clear()
{
    m_refusing = false;
    m_refusingWebSockets = false;
    m_delayMs = 0;
    m_cutMidFrame = false;
    setStalled(false);
}

void ChaosProxy::onNewConnection()
{
    while (QTcpSocket *incoming = m_server.nextPendingConnection()) {
        if (m_refusing) {
            incoming->abort();
            incoming->deleteLater();
            continue;
        }
        auto pair = std::make_unique<Pair>();
        pair->client.reset(incoming);
        pair->client->setParent(nullptr);
        pair->upstream = std::make_unique<QTcpSocket>();
        pair->replayPending = !m_replay.isEmpty();
        Pair *p = pair.get();
        connect(p->client.get(), &QTcpSocket::readyRead, this, [this, p] { onClientData(p); });
        connect(p->upstream.get(), &QTcpSocket::readyRead, this, [this, p] { onServerData(p); });
        connect(p->upstream.get(), &QTcpSocket::connected, this, [this, p] { onClientData(p); });
        connect(p->client.get(), &QTcpSocket::disconnected, this, [this, p] { remove(p); });
        connect(p->upstream.get(), &QTcpSocket::disconnected, this, [this, p] { remove(p); });
        connect(p->upstream.get(), &QTcpSocket::errorOccurred, this, [this, p] { remove(p); });
        m_pairs.push_back(std::move(pair));
        p->upstream->connectToHost(QHostAddress::LocalHost, m_targetPort);
    }
}

void ChaosProxy::onClientData(Pair *pair)
{
    if (m_stalled || pair->upstream->state() != QAbstractSocket::ConnectedState)
        return;
    const QByteArray bytes = pair->client->readAll();
    if (bytes.isEmpty())
        return;
    // Plain HTTP (the REST API) passes untouched once its header is known.
    if (pair->fromClient.headerDone && !pair->webSocket) {
        send(pair, false, bytes);
        return;
    }
    bool headerDone = false;
    const QList<QByteArray> parts = pair->fromClient.feed(bytes, &headerDone);
    if (headerDone) {
        pair->webSocket = pair->fromClient.header.toLower().contains("upgrade: websocket");
        if (pair->webSocket && m_refusingWebSockets) {
            remove(pair);
            return;
        }
        if (!pair->webSocket) {
            send(pair, false, pair->fromClient.header + std::exchange(pair->fromClient.buffer, {}));
            return;
        }
    }
    for (const QByteArray &part : parts)
        send(pair, false, pair->webSocket && m_refuseResume ? rewriteResume(part) : part);
}

void ChaosProxy::onServerData(Pair *pair)
{
    if (m_stalled)
        return;
    const QByteArray bytes = pair->upstream->readAll();
    if (bytes.isEmpty())
        return;
    if (m_cutMidFrame && pair->webSocket && pair->fromServer.headerDone) {
        m_cutMidFrame = false;
        pair->client->write(bytes.left(std::max<qsizetype>(1, bytes.size() / 2)));
        pair->client->flush();
        remove(pair);
        return;
    }
    if (!pair->webSocket) {
        send(pair, true, bytes);
        return;
    }
    const QList<QByteArray> parts = pair->fromServer.feed(bytes, nullptr);
    for (const QByteArray &part : parts) {
        send(pair, true, part);
        if (part.startsWith("HTTP/"))
            continue;
        const int opcode = quint8(part[0]) & 0x0f;
        if (opcode == 1 || opcode == 2) {
            m_recentFrames.append(part);
            while (m_recentFrames.size() > kRecentFrames)
                m_recentFrames.removeFirst();
            // The first frame of a new connection is the server's hello; the
            // replay follows it, newest first.
            if (pair->replayPending) {
                pair->replayPending = false;
                for (auto it = m_replay.crbegin(); it != m_replay.crend(); ++it)
                    send(pair, true, *it);
                m_replay.clear();
            }
        }
    }
}

QByteArray ChaosProxy::rewriteResume(const QByteArray &frame)
{
    if (frame.startsWith("GET ") || frame.size() < 6)
        return frame;
    const qsizetype length = frame.size();
    const auto b1 = quint8(frame[1]);
    if (!(b1 & 0x80))
        return frame;
    qsizetype header = 2;
    if ((b1 & 0x7f) == 126)
        header = 4;
    else if ((b1 & 0x7f) == 127)
        header = 10;
    const QByteArray key = frame.mid(header, 4);
    QByteArray payload = frame.mid(header + 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        payload[i] = char(payload[i] ^ key[i % 4]);
    if (!payload.contains("\"resume\""))
        return frame;
    const QByteArray field = "\"sessionId\":\"";
    const qsizetype at = payload.indexOf(field);
    if (at < 0)
        return frame;
    // Same length, so the frame's header stays right.
    for (qsizetype i = at + field.size(); i < payload.size() && payload[i] != '"'; ++i)
        payload[i] = 'x';
    m_refuseResume = false;
    Q_EMIT resumeGarbled();
    for (qsizetype i = 0; i < payload.size(); ++i)
        payload[i] = char(payload[i] ^ key[i % 4]);
    QByteArray out = frame.left(header + 4) + payload;
    Q_ASSERT(out.size() == length);
    return out;
}

void ChaosProxy::send(Pair *pair, bool toClient, const QByteArray &bytes)
{
    auto &queue = toClient ? pair->toClient : pair->toServer;
    if (m_delayMs <= 0 && queue.empty()) {
        (toClient ? pair->client : pair->upstream)->write(bytes);
        return;
    }
    queue.emplace_back(m_clock.elapsed() + m_delayMs, bytes);
    if (!m_releaseTimer.isActive())
        m_releaseTimer.start();
}

void ChaosProxy::release()
{
    const qint64 now = m_clock.elapsed();
    bool waiting = false;
    for (const auto &pair : m_pairs) {
        for (bool toClient : {true, false}) {
            auto &queue = toClient ? pair->toClient : pair->toServer;
            while (!queue.empty() && queue.front().first <= now) {
                (toClient ? pair->client : pair->upstream)->write(queue.front().second);
                queue.pop_front();
            }
            waiting = waiting || !queue.empty();
        }
    }
    if (!waiting)
        m_releaseTimer.stop();
}

void ChaosProxy::remove(Pair *pair)
{
    for (auto it = m_pairs.begin(); it != m_pairs.end(); ++it) {
        if (it->get() != pair)
            continue;
        std::unique_ptr<Pair> gone = std::move(*it);
        m_pairs.erase(it);
        gone->client->disconnect(this);
        gone->upstream->disconnect(this);
        gone->client->abort();
        gone->upstream->abort();
        // Deleting a socket inside its own signal is unsafe: later.
        gone->client.release()->deleteLater();
        gone->upstream.release()->deleteLater();
        return;
    }
}
