#include "operatorcontrolsocket.h"

#include "net/connectionservice.h"

#include "alarmservice.h"
#include "commandservice.h"
#include "session.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>

namespace {

QByteArray answer(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray refused(const QString &reason)
{
    return answer({{QStringLiteral("ok"), false}, {QStringLiteral("error"), reason}});
}

QByteArray accepted(const QUuid &id)
{
    return answer({{QStringLiteral("ok"), true}, {QStringLiteral("requestId"), id.toString(QUuid::WithoutBraces)}});
}

Domain::EndpointValue parseValue(const QString &text)
{
    if (text == u"true")
        return true;
    if (text == u"false")
        return false;
    bool isNumber = false;
    const double number = text.toDouble(&isNumber);
    if (isNumber)
        return number;
    return text;
}

} // namespace

OperatorControlSocket::OperatorControlSocket(Session *session, CommandService *commands, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_commands(commands)
{
    m_server.setSocketOptions(QLocalServer::UserAccessOption);
    connect(&m_server, &QLocalServer::newConnection, this, &OperatorControlSocket::onNewConnection);
}

OperatorControlSocket::~OperatorControlSocket()
{
    m_server.close();
}

bool OperatorControlSocket::listen(const QString &path, QString *error)
{
    QLocalServer::removeServer(path);
    if (m_server.listen(path))
        return true;
    if (error)
        *error = m_server.errorString();
    return false;
}

void OperatorControlSocket::onNewConnection()
{
    while (QLocalSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
    }
}

void OperatorControlSocket::onReadyRead(QLocalSocket *socket)
{
    while (socket->canReadLine()) {
        const QString line = QString::fromUtf8(socket->readLine()).trimmed();
        if (line.isEmpty())
            continue;
        socket->write(handle(line) + '\n');
    }
}

QByteArray OperatorControlSocket::handle(const QString &line)
{
    const QStringList words = line.split(u' ', Qt::SkipEmptyParts);
    const QString verb = words.value(0);
    if (verb == u"ack" || verb == u"shelve" || verb == u"unshelve") {
        AlarmService *alarms = m_session->alarmService();
        if (!alarms)
            return refused(QStringLiteral("no outbox: acknowledgements are unavailable"));
        const QString alarmId = words.value(1);
        if (alarmId.isEmpty())
            return refused(QStringLiteral("usage: %1 ALARM_ID").arg(verb));
        // As from the Alarms view: only an alarm this console shows, and for
        // the occurrence it shows.
        const auto shown = m_session->alarms()->alarm(alarmId);
        if (!shown)
            return refused(QStringLiteral("no alarm %1 on this console").arg(alarmId));
        if (verb == u"ack" && m_session->letGoUnconfirmed(alarmId))
            return QJsonDocument(QJsonObject {{QStringLiteral("ok"), true}, {QStringLiteral("letGo"), true}})
                .toJson(QJsonDocument::Compact);
        QUuid id;
        if (verb == u"ack") {
            id = alarms->acknowledge(alarmId, {}, shown->count);
        } else if (verb == u"shelve") {
            bool ok = false;
            const int minutes = words.value(2).toInt(&ok);
            if (!ok)
                return refused(QStringLiteral("usage: shelve ALARM_ID MINUTES"));
            id = alarms->shelve(alarmId, minutes, QStringLiteral("control socket"), shown->count);
        } else {
            id = alarms->unshelve(alarmId);
        }
        if (id.isNull())
            return refused(alarms->lastError());
        // The occurrence the operator acted on, as the model showed it then.
        QJsonObject answer {{QStringLiteral("ok"), true},
                            {QStringLiteral("requestId"), id.toString(QUuid::WithoutBraces)}};
        answer[u"count"] = shown->count;
        return QJsonDocument(answer).toJson(QJsonDocument::Compact);
    }
    if (verb == u"command") {
        if (!m_commands)
            return refused(QStringLiteral("no command service"));
        if (words.size() < 3)
            return refused(QStringLiteral("usage: command ENDPOINT_ID VALUE"));
        CommandService::Check check;
        const QUuid id = m_commands->send(words.at(1), parseValue(words.mid(2).join(u' ')), &check);
        return id.isNull() ? refused(check.reason) : accepted(id);
    }
    return refused(QStringLiteral("unknown request: %1").arg(verb));
}
