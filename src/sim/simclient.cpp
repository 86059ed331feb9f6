#include "simclient.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QWebSocket>

SimClient::SimClient(QWebSocket *socket)
    : m_socket(socket)
{ }

void SimClient::markGone()
{
    m_gone = true;
    m_outbox.clear();
}

void SimClient::queue(const QJsonObject &message)
{
    if (!m_gone)
        m_outbox.append(message);
}

qsizetype SimClient::flush()
{
    if (m_outbox.isEmpty())
        return 0;
    if (m_outbox.size() == 1) {
        send(m_outbox.first());
    } else {
        QJsonArray events;
        for (const QJsonObject &m : std::as_const(m_outbox))
            events.append(m);
        send({{QLatin1StringView("type"), QStringLiteral("batch")}, {QLatin1StringView("events"), events}});
    }
    const qsizetype sent = m_outbox.size();
    m_outbox.clear();
    return sent;
}

void SimClient::send(const QJsonObject &message)
{
    if (m_gone)
        return;
    m_socket->sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

void SimClient::queueResult(const QJsonValue &id, const QJsonObject &data)
{
    queue({{QLatin1StringView("type"), QStringLiteral("result")},
           {QLatin1StringView("id"), id},
           {QLatin1StringView("ok"), true},
           {QLatin1StringView("data"), data}});
}

void SimClient::queueRefusal(const QJsonValue &id, const QJsonObject &error)
{
    queue({{QLatin1StringView("type"), QStringLiteral("result")},
           {QLatin1StringView("id"), id},
           {QLatin1StringView("ok"), false},
           {QLatin1StringView("error"), error}});
}

void SimClient::queueRefusal(const QJsonValue &id, const QString &code, const QString &message)
{
    queueRefusal(id, {{QLatin1StringView("code"), code}, {QLatin1StringView("message"), message}});
}

void SimClient::sendError(const QString &code, const QString &message)
{
    QJsonObject body {{QLatin1StringView("type"), QStringLiteral("error")},
                      {QLatin1StringView("code"), code},
                      {QLatin1StringView("message"), message}};
    if (session)
        body = session->stampOwn(body, QDateTime::currentMSecsSinceEpoch());
    send(body);
}
