#include "gatewayhttpgate.h"

#include "gatewaysocketlinger.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

namespace {

QByteArrayView trimmed(QByteArrayView v)
{
    return v.trimmed();
}

// A whole number of decimal digits, or -1.
qint64 parseLength(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 18)
        return -1;
    qint64 value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

// A chunk size in hex (before any `;` extension), or -1.
qint64 parseChunkSize(QByteArrayView line)
{
    if (const qsizetype semicolon = line.indexOf(';'); semicolon >= 0)
        line = line.first(semicolon);
    line = trimmed(line);
    if (line.isEmpty() || line.size() > 15)
        return -1;
    qint64 value = 0;
    for (const char c : line) {
        int digit = -1;
        if (c >= '0' && c <= '9')
            digit = c - '0';
        else if (c >= 'a' && c <= 'f')
            digit = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            digit = c - 'A' + 10;
        if (digit < 0)
            return -1;
        value = value * 16 + digit;
    }
    return value;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 413:
        return "Payload Too Large";
    case 431:
        return "Request Header Fields Too Large";
    default:
        return "Error";
    }
}

} // namespace

GatewayHttpGate::GatewayHttpGate(QTcpSocket *socket, QObject *lingerOwner, Policy policy)
    : QObject(socket)
    , m_socket(socket)
    , m_lingerOwner(lingerOwner)
    , m_policy(std::move(policy))
{
    connect(socket, &QIODevice::readyRead, this, &GatewayHttpGate::onReadyRead);
}

void GatewayHttpGate::onReadyRead()
{
    if (m_state == State::Refused)
        return;
    // Whoever serves the requests reads everything it is given, so what is
    // available now is exactly what arrived since the last time.
    feed(m_socket->peek(m_socket->bytesAvailable()));
}

bool GatewayHttpGate::feed(QByteArrayView bytes)
{
    while (!bytes.isEmpty()) {
        switch (m_state) {
        case State::Refused:
            return false;
        case State::Head: {
            if (m_pending.isEmpty()) {
                // Line ends between requests are allowed and ignored.
                while (!bytes.isEmpty() && (bytes.front() == '\r' || bytes.front() == '\n'))
                    bytes = bytes.sliced(1);
                if (bytes.isEmpty())
                    return true;
            }
            const qsizetype before = m_pending.size();
            const qsizetype take = std::min(bytes.size(), kMaxHeadBytes + 4 - before);
            m_pending.append(bytes.first(take));
            const qsizetype end = m_pending.indexOf("\r\n\r\n", std::max<qsizetype>(0, before - 3));
            if (end < 0) {
                if (m_pending.size() >= kMaxHeadBytes) {
                    refuse(431, "header_too_large",
                           QStringLiteral("a request head may have at most %1 bytes").arg(kMaxHeadBytes));
                    return false;
                }
                return true; // all of `bytes` was taken; the rest of the head comes later
            }
            const QByteArray head = m_pending.first(end);
            bytes = bytes.sliced(end + 4 - before);
            m_pending.clear();
            if (!decide(head))
                return false;
            break;
        }
        case State::Body:
        case State::ChunkData: {
            const qint64 n = std::min<qint64>(m_remaining, bytes.size());
            m_remaining -= n;
            bytes = bytes.sliced(n);
            if (m_remaining == 0)
                m_state = m_state == State::Body ? State::Head : State::ChunkDataEnd;
            break;
        }
        case State::ChunkSize:
        case State::ChunkDataEnd:
        case State::Trailer: {
            const qsizetype newline = bytes.indexOf('\n');
            const qsizetype take = newline < 0 ? bytes.size() : newline;
            if (m_pending.size() + take > kMaxChunkLineBytes) {
                refuse(400, "bad_request",
                       QStringLiteral("a chunk line is longer than %1 bytes").arg(kMaxChunkLineBytes));
                return false;
            }
            m_pending.append(bytes.first(take));
            if (newline < 0)
                return true;
            bytes = bytes.sliced(newline + 1);
            QByteArray line = std::exchange(m_pending, {});
            if (line.endsWith('\r'))
                line.chop(1);
            if (!chunkLine(line))
                return false;
            break;
        }
        }
    }
    return true;
}

bool GatewayHttpGate::decide(QByteArrayView head)
{
    qint64 contentLength = 0;
    bool hasLength = false;
    bool chunked = false;
    QByteArray token;
    qsizetype at = head.indexOf('\n'); // the request line is not ours to judge
    while (at >= 0 && at + 1 < head.size()) {
        const qsizetype next = head.indexOf('\n', at + 1);
        const QByteArrayView line = head.sliced(at + 1, (next < 0 ? head.size() : next) - at - 1);
        at = next;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArrayView name = trimmed(line.first(colon));
        const QByteArrayView value = trimmed(line.sliced(colon + 1));
        if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
            const qint64 length = parseLength(value);
            if (length < 0 || (hasLength && length != contentLength)) {
                refuse(400, "bad_request", QStringLiteral("Content-Length must be one whole number"));
                return false;
            }
            contentLength = length;
            hasLength = true;
        } else if (name.compare("transfer-encoding", Qt::CaseInsensitive) == 0) {
            if (!value.toByteArray().toLower().trimmed().endsWith("chunked")) {
                refuse(400, "bad_request", QStringLiteral("a body may only be sent chunked or with Content-Length"));
                return false;
            }
            chunked = true;
        } else if (name.compare("authorization", Qt::CaseInsensitive) == 0) {
            token = value.startsWith("Bearer ") ? trimmed(value.sliced(7)).toByteArray() : QByteArray();
        }
    }

    const bool hasBody = chunked || contentLength > 0;
    if (hasBody && !(m_policy.tokenAccepted && m_policy.tokenAccepted(token))) {
        refuse(401, "unauthorized", QStringLiteral("send Authorization: Bearer <token>, a valid one"),
               "WWW-Authenticate: Bearer\r\n");
        return false;
    }
    if (!chunked && contentLength > m_policy.maxBodyBytes) {
        refuse(413, "too_large", QStringLiteral("a request body may have at most %1 bytes").arg(m_policy.maxBodyBytes));
        return false;
    }
    m_bodyBytes = 0;
    m_remaining = contentLength;
    m_state = chunked ? State::ChunkSize : contentLength > 0 ? State::Body : State::Head;
    return true;
}

bool GatewayHttpGate::chunkLine(QByteArrayView line)
{
    switch (m_state) {
    case State::ChunkSize: {
        const qint64 size = parseChunkSize(line);
        if (size < 0) {
            refuse(400, "bad_request", QStringLiteral("a chunk must start with its size in hex"));
            return false;
        }
        if (size == 0) {
            m_state = State::Trailer;
            return true;
        }
        m_bodyBytes += size;
        if (m_bodyBytes > m_policy.maxBodyBytes) {
            refuse(413, "too_large",
                   QStringLiteral("a request body may have at most %1 bytes").arg(m_policy.maxBodyBytes));
            return false;
        }
        m_remaining = size;
        m_state = State::ChunkData;
        return true;
    }
    case State::ChunkDataEnd:
        if (!line.isEmpty()) {
            refuse(400, "bad_request", QStringLiteral("a chunk must end where its size says"));
            return false;
        }
        m_state = State::ChunkSize;
        return true;
    case State::Trailer:
        if (line.isEmpty()) {
            m_state = State::Head;
            return true;
        }
        // Trailer fields count towards the body's bound.
        m_bodyBytes += line.size() + 2;
        if (m_bodyBytes > m_policy.maxBodyBytes) {
            refuse(413, "too_large",
                   QStringLiteral("a request body may have at most %1 bytes").arg(m_policy.maxBodyBytes));
            return false;
        }
        return true;
    default:
        return true;
    }
}

void GatewayHttpGate::refuse(int status, const QByteArray &code, const QString &message, const QByteArray &extraHeaders)
{
    m_state = State::Refused;
    m_pending.clear();
    // Whoever serves the requests sees nothing more of this connection.
    QObject::disconnect(m_socket, &QIODevice::readyRead, nullptr, nullptr);
    const QByteArray body
        = QJsonDocument(QJsonObject {{QLatin1StringView("error"),
                                      QJsonObject {{QLatin1StringView("code"), QString::fromLatin1(code)},
                                                   {QLatin1StringView("message"), message}}}})
              .toJson(QJsonDocument::Compact);
    m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status)
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
                    + "\r\nConnection: close\r\n" + extraHeaders + "\r\n" + body);
    GatewaySocketLinger::hold(m_lingerOwner, m_socket, GatewaySocketLinger::Mode::HalfCloseAtOnce, m_policy.lingerMs);
    m_socket->disconnectFromHost();
}
