#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

// Who else is at a console and what they did.
namespace Protocol {

enum class OperatorRole { Viewer, Operator, Admin };

// One item of a `presence` snapshot or of a presence event's `operators`.
struct OperatorPresence
{
    QString name;
    OperatorRole role = OperatorRole::Viewer;
    QDateTime since;
    QString client; // empty when the console did not say
};

struct Presence
{
    QList<OperatorPresence> operators;
};

struct UserActivity
{
    QString operatorName; // `operator` on the wire
    QString action; // ack_alarm, command, broadcast, …: open-ended
    QString target; // empty when the action has none
    QDateTime timestamp;
};

} // namespace Protocol
