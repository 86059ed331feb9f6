#pragma once

#include "words.h"

#include <QDateTime>
#include <QList>
#include <QString>

// Who else is at a console and what they did.
namespace Domain {

enum class OperatorRole { Viewer, Operator, Admin };

// One item of a `presence` snapshot or of a presence event's `operators`.
struct OperatorPresence
{
    QString name;
    OperatorRole role = OperatorRole::Viewer;
    QDateTime since;
    QString client; // empty when the console did not say
};

// `presence`: everyone at a console now, the whole list.
struct Presence
{
    QList<OperatorPresence> operators;
};

// `presence_changed`: who arrived and who went since the last presence news.
// An operator counts once per name and client, however many connections;
// `left` items carry only the name and client.
struct PresenceChange
{
    QList<OperatorPresence> joined;
    QList<OperatorPresence> left;
};

struct UserActivity
{
    QString operatorName; // `operator` on the wire
    QString action; // ack_alarm, command, broadcast, …: open-ended
    QString target; // empty when the action has none
    QDateTime timestamp;
    // The target as the operator knows it (ActivityTargets), named by the
    // console when the activity arrives; empty: the target has no other name.
    QString targetName {};
};

// The words of its enumerations, as the wire and the store spell them.
inline constexpr auto kRoles = std::to_array<std::pair<OperatorRole, QStringView>>({
    {OperatorRole::Viewer, u"viewer"},
    {OperatorRole::Operator, u"operator"},
    {OperatorRole::Admin, u"admin"},
});

} // namespace Domain
