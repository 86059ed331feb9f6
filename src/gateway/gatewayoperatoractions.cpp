#include "gatewayoperatoractions.h"

#include "gatewayalarmbook.h"
#include "plantsource.h"

#include <QDateTime>
#include <QStringBuilder>

GatewayOperatorActions::GatewayOperatorActions(PlantSource &source, GatewayAlarmBook &alarms)
    : m_source(source)
    , m_alarms(alarms)
{ }

GatewayOperatorActions::Outcome GatewayOperatorActions::run(const QString &operatorName, const QString &type,
                                                            const QJsonObject &request, qint64 sourceMs)
{
    return type == u"command" ? runCommand(operatorName, request)
                              : runAlarmRequest(operatorName, type, request, sourceMs);
}

GatewayOperatorActions::Outcome GatewayOperatorActions::runCommand(const QString &operatorName,
                                                                   const QJsonObject &request)
{
    const auto fail = [](const QString &code, const QString &message) {
        return Outcome {{}, {{QLatin1StringView("code"), code}, {QLatin1StringView("message"), message}}, {}, {}, {}};
    };
    const QString commandId = request.value(QLatin1StringView("commandId")).toString();
    const QString endpointId = request.value(QLatin1StringView("endpointId")).toString();
    if (commandId.isEmpty() || commandId.size() > 100 || endpointId.isEmpty()
        || !request.contains(QLatin1StringView("value"))) {
        return fail(QStringLiteral("bad_request"),
                    QStringLiteral("a command needs a commandId (at most 100 characters), an endpointId and a value"));
    }
    // An optional validity: a command that arrives after it is refused.
    QDateTime expiresAt;
    if (const QJsonValue until = request.value(QLatin1StringView("expiresAt")); !until.isUndefined()) {
        expiresAt = QDateTime::fromString(until.toString(), Qt::ISODateWithMs);
        if (!until.isString() || !expiresAt.isValid())
            return fail(QStringLiteral("bad_request"), QStringLiteral("expiresAt must be an ISO 8601 time"));
    }
    const auto submission = m_source.submitCommand(commandId, endpointId, request.value(QLatin1StringView("value")),
                                                   operatorName, QDateTime::currentDateTimeUtc(), expiresAt);
    if (!submission.ok) {
        Outcome outcome = fail(submission.errorCode, submission.message);
        if (!submission.reason.isEmpty())
            outcome.error.insert(QLatin1StringView("reason"), submission.reason);
        return outcome;
    }
    Outcome outcome {submission.status, {}, submission.events, {}, {}};
    if (!submission.events.isEmpty()) { // a repeated commandId is an answer, not a new action
        outcome.activity = QStringLiteral("command");
        outcome.target = endpointId;
    }
    return outcome;
}

GatewayOperatorActions::Outcome GatewayOperatorActions::runAlarmRequest(const QString &operatorName,
                                                                        const QString &type, const QJsonObject &request,
                                                                        qint64 sourceMs)
{
    const QString requestId = request.value(QLatin1StringView("requestId")).toString().left(100);
    if (requestId.isEmpty())
        return runAlarmAction(operatorName, type, request, sourceMs);
    const QString key = type % u'/' % requestId;
    if (const auto known = m_answers.constFind(key); known != m_answers.cend())
        return {known->data, known->error, {}, {}, {}, true}; // answered again, done once
    const Outcome outcome = runAlarmAction(operatorName, type, request, sourceMs);
    m_answers.insert(key, {outcome.data, outcome.error, {}, {}, {}});
    m_answerOrder.append(key);
    if (m_answerOrder.size() > kRememberedAnswers)
        m_answers.remove(m_answerOrder.takeFirst());
    return outcome;
}

GatewayOperatorActions::Outcome GatewayOperatorActions::runAlarmAction(const QString &operatorName, const QString &type,
                                                                       const QJsonObject &request, qint64 sourceMs)
{
    const QString alarmId = request.value(QLatin1StringView("alarmId")).isDouble()
        ? QString::number(request.value(QLatin1StringView("alarmId")).toInteger())
        : request.value(QLatin1StringView("alarmId")).toString();
    const auto fail = [](const GatewayAlarmBook::Error &error) {
        return Outcome {
            {}, {{QLatin1StringView("code"), error.code}, {QLatin1StringView("message"), error.message}}, {}, {}, {}};
    };
    // An acknowledgement or shelving names the occurrence the operator saw;
    // it must not act on a later one. Unshelving acts on the shelving itself.
    const QJsonValue occurrence = request.value(QLatin1StringView("occurrence"));
    if (type != u"unshelve_alarm" && !occurrence.isUndefined() && !occurrence.isNull()) {
        if (!occurrence.isDouble() || occurrence.toDouble() < 1)
            return fail({QStringLiteral("bad_request"), QStringLiteral("occurrence must be a count of 1 or more")});
        const GatewayAlarmBook::Error stale = m_alarms.checkOccurrence(alarmId, occurrence.toInteger());
        if (!stale.code.isEmpty())
            return fail(stale);
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    GatewayAlarmBook::Error error;
    PlantEvents events;
    if (type == u"ack_alarm") {
        events
            = m_alarms.acknowledge(alarmId, operatorName, request.value(QLatin1StringView("note")).toString().left(500),
                                   sourceMs, now, &error);
    } else if (type == u"shelve_alarm") {
        const QJsonValue minutes = request.value(QLatin1StringView("minutes"));
        if (!minutes.isDouble()) {
            error.code = QStringLiteral("bad_request");
            error.message = QStringLiteral("minutes must be a number");
        } else {
            events = m_alarms.shelve(alarmId, int(minutes.toInteger()),
                                     request.value(QLatin1StringView("reason")).toString().left(500), operatorName,
                                     sourceMs, now, &error);
        }
    } else {
        events = m_alarms.unshelve(alarmId, sourceMs, &error);
    }
    if (!error.code.isEmpty())
        return fail(error);
    return {m_alarms.alarmJson(alarmId), {}, events, type, alarmId};
}
