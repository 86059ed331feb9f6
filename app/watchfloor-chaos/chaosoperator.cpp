#include "chaosoperator.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QWebSocketHandshakeOptions>

ChaosOperator::ChaosOperator(quint32 seed, std::function<QStringList()> alarmIds, QObject *parent)
    : QObject(parent)
    , m_random(seed)
    , m_alarmIds(std::move(alarmIds))
{
    m_next.setSingleShot(true);
    connect(&m_next, &QTimer::timeout, this, &ChaosOperator::act);
    m_reconnect.setSingleShot(true);
    m_reconnect.setInterval(500);
    connect(&m_reconnect, &QTimer::timeout, this, [this] {
        QWebSocketHandshakeOptions options;
        options.setSubprotocols({QStringLiteral("watchfloor.v1")});
        m_socket.open(QNetworkRequest(QUrl(m_url)), options);
    });
    connect(&m_socket, &QWebSocket::connected, this, [this] {
        const QJsonObject auth {{QStringLiteral("type"), QStringLiteral("auth")},
                                {QStringLiteral("id"), m_requestId++},
                                {QStringLiteral("token"), QString()},
                                {QStringLiteral("operator"), QStringLiteral("chaos-operator")},
                                {QStringLiteral("client"), QStringLiteral("watchfloor-chaos")}};
        m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(auth).toJson(QJsonDocument::Compact)));
        m_authenticated = true;
    });
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        m_authenticated = false;
        if (!m_url.isEmpty())
            m_reconnect.start();
    });
}

void ChaosOperator::start(const QString &url, int meanIntervalMs)
{
    m_url = url;
    m_meanIntervalMs = meanIntervalMs;
    m_socket.abort();
    m_reconnect.start(0);
    scheduleNext();
}

void ChaosOperator::stop()
{
    m_url.clear();
    m_next.stop();
    m_reconnect.stop();
    m_socket.close();
}

void ChaosOperator::scheduleNext()
{
    m_next.start(m_meanIntervalMs / 2 + int(m_random.bounded(m_meanIntervalMs)));
}

void ChaosOperator::act()
{
    scheduleNext();
    const QStringList ids = m_alarmIds();
    if (!m_authenticated || ids.isEmpty())
        return;
    const QString alarmId = ids.at(int(m_random.bounded(int(ids.size()))));
    const int roll = int(m_random.bounded(10));
    QJsonObject request {{QStringLiteral("id"), m_requestId++}, {QStringLiteral("alarmId"), alarmId}};
    if (roll < 6) {
        request[u"type"] = QStringLiteral("ack_alarm");
        request[u"note"] = QStringLiteral("second operator");
    } else if (roll < 8) {
        request[u"type"] = QStringLiteral("shelve_alarm");
        request[u"minutes"] = 1;
        request[u"reason"] = QStringLiteral("second operator");
    } else {
        request[u"type"] = QStringLiteral("unshelve_alarm");
    }
    m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Compact)));
    ++m_actions;
}
