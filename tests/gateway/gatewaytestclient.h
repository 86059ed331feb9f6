#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTest>
#include <QWebSocket>

#include <functional>

// A bare WebSocket client for testing the reference server from the wire:
// it records every message it receives (batches unpacked, in order) and the
// close code, and speaks the protocol only as far as a test tells it to.
class GatewayTestClient : public QObject
{
    Q_OBJECT

public:
    explicit GatewayTestClient(const QString &url, QObject *parent = nullptr)
        : QObject(parent)
    {
        m_socket.setMaxAllowedIncomingMessageSize(64 * 1024 * 1024);
        connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
            const QJsonObject m = QJsonDocument::fromJson(text.toUtf8()).object();
            if (m.value(QLatin1StringView("type")).toString() == u"batch") {
                for (const auto &event : m.value(QLatin1StringView("events")).toArray())
                    messages.append(event.toObject());
            } else {
                messages.append(m);
            }
        });
        connect(&m_socket, &QWebSocket::disconnected, this, [this] {
            closed = true;
            closeCode = int(m_socket.closeCode());
            closeReason = m_socket.closeReason();
        });
        m_socket.open(QUrl(url));
    }

    QWebSocket &socket() { return m_socket; }

    void send(const QJsonObject &message)
    {
        m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
    }

    // Sends a request with the next id and waits for its result.
    QJsonObject request(QJsonObject message, int timeoutMs = 5000)
    {
        const qint64 id = m_nextId++;
        message.insert(QLatin1StringView("id"), id);
        send(message);
        return waitFor(
            [id](const QJsonObject &m) {
                return m.value(QLatin1StringView("type")).toString() == u"result"
                    && m.value(QLatin1StringView("id")).toInteger() == id;
            },
            timeoutMs);
    }

    // The first message since `from` that matches, waiting for it if needed;
    // an empty object on timeout.
    QJsonObject waitFor(const std::function<bool(const QJsonObject &)> &match, int timeoutMs = 5000, qsizetype from = 0)
    {
        QJsonObject found;
        (void)QTest::qWaitFor(
            [&] {
                for (qsizetype i = from; i < messages.size(); ++i) {
                    if (match(messages.at(i))) {
                        found = messages.at(i);
                        return true;
                    }
                }
                return false;
            },
            timeoutMs);
        return found;
    }

    QJsonObject waitForType(const QString &type, int timeoutMs = 5000, qsizetype from = 0)
    {
        return waitFor([type](const QJsonObject &m) { return m.value(QLatin1StringView("type")).toString() == type; },
                       timeoutMs, from);
    }

    QList<QJsonObject> ofType(const QString &type) const
    {
        QList<QJsonObject> out;
        for (const QJsonObject &m : messages) {
            if (m.value(QLatin1StringView("type")).toString() == type)
                out.append(m);
        }
        return out;
    }

    // Waits for hello, authenticates and returns the auth result.
    QJsonObject authenticate(const QString &token = QStringLiteral("t"), const QString &name = QStringLiteral("tester"))
    {
        if (waitForType(QStringLiteral("hello")).isEmpty())
            return {};
        return request({{QLatin1StringView("type"), QStringLiteral("auth")},
                        {QLatin1StringView("token"), token},
                        {QLatin1StringView("operator"), name},
                        {QLatin1StringView("client"), QStringLiteral("test")}});
    }

    QJsonObject subscribe(const QString &channel, const QJsonObject &filters = {})
    {
        QJsonObject m = filters;
        m.insert(QLatin1StringView("type"), QStringLiteral("subscribe"));
        m.insert(QLatin1StringView("channel"), channel);
        return request(m);
    }

    QList<QJsonObject> messages;
    bool closed = false;
    int closeCode = 0;
    QString closeReason;

private:
    QWebSocket m_socket;
    qint64 m_nextId = 1;
};
