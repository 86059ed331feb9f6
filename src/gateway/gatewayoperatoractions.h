#pragma once

#include "gatewaybackend.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

class PlantSource;
class GatewayAlarmBook;

// Contract: runs an operator's `command`, `ack_alarm`, `shelve_alarm` or
// `unshelve_alarm` request against the plant source (commands) and the alarm
// book (alarm requests), the same for every front end
// (WebSocket and REST), and says what it caused. It checks the request's
// fields, the occurrence an acknowledgement or shelving names, and answers an
// alarm request whose `requestId` has run before from memory, changing
// nothing (`repeated`). Publishing the outcome is the caller's.
class GatewayOperatorActions
{
public:
    using Outcome = GatewayBackend::Outcome;

    GatewayOperatorActions(PlantSource &source, GatewayAlarmBook &alarms);

    // `type` is one of the four request types; anything else is an alarm
    // request that the alarm book refuses. `sourceMs` is the source time the
    // alarm book runs on (shelving periods count from it).
    Outcome run(const QString &operatorName, const QString &type, const QJsonObject &request, qint64 sourceMs);

    // The answers to alarm requests kept for repeats, at most this many; the
    // oldest are forgotten first.
    static constexpr qsizetype kRememberedAnswers = 10000;

private:
    Outcome runCommand(const QString &operatorName, const QJsonObject &request);
    Outcome runAlarmRequest(const QString &operatorName, const QString &type, const QJsonObject &request,
                            qint64 sourceMs);
    Outcome runAlarmAction(const QString &operatorName, const QString &type, const QJsonObject &request,
                           qint64 sourceMs);

    PlantSource &m_source;
    GatewayAlarmBook &m_alarms;
    QHash<QString, Outcome> m_answers; // "type/requestId" → the answer given
    QList<QString> m_answerOrder; // oldest first
};
