#pragma once

#include "plantcondition.h"
#include "plantevent.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

// The alarm engine of the gateway core, after ISA-18.2: turns changes in
// the truth of the plant source's conditions into alarms with a life cycle (active,
// acknowledged, returned to normal, cleared), timed shelving and chatter
// detection. Pure logic: the caller supplies the time, so a test can drive it
// step by step and two runs fed the same calls give the same alarms.
//
// Every call that changes something returns one event per alarm it changed,
// in alarm id order, each carrying the whole alarm so that consoles can upsert
// it. nowMs is monotonic source time; wallNow (UTC) only stamps messages.
class GatewayAlarmBook
{
public:
    struct Options
    {
        int maxShelveMinutes = 480;
        qint64 chatterWindowMs = 60000;
        int chatterTransitions = 3; // activations and returns to normal inside the window
    };

    struct Error
    {
        QString code; // not_found, out_of_range, bad_request; empty after a success
        QString message;
    };

    GatewayAlarmBook();
    explicit GatewayAlarmBook(const Options &options);

    // Takes the truth of the conditions the source knows about this step; a
    // condition not listed keeps its last truth. Also lets chatter flags lapse.
    PlantEvents update(const PlantConditions &conditions, qint64 nowMs, const QDateTime &wallNow);

    // The operator calls: on failure they change nothing, return no events and
    // fill *error (when given). A shelving needs a reason and the operator's
    // name (bad_request without either), recorded as `shelveReason` and
    // `shelvedBy`; the name is the one the caller authenticated, never one
    // the request states.
    PlantEvents acknowledge(const QString &alarmId, const QString &operatorName, const QString &note, qint64 nowMs,
                            const QDateTime &wallNow, Error *error = nullptr);
    PlantEvents shelve(const QString &alarmId, int minutes, const QString &reason, const QString &operatorName,
                       qint64 nowMs, const QDateTime &wallNow, Error *error = nullptr);
    PlantEvents unshelve(const QString &alarmId, qint64 nowMs, Error *error = nullptr);

    // Whether an action meant for the `occurrence` (the alarm's `count`) an
    // operator saw still applies: an empty code when it does; not_found; or
    // occurrence_changed when the alarm has activated again since, because
    // that new occurrence needs an operator who has seen it.
    Error checkOccurrence(const QString &alarmId, qint64 occurrence) const;

    // Unshelves every alarm whose shelving has run out by nowMs. Also lets
    // chatter flags lapse.
    PlantEvents expireShelving(qint64 nowMs);

    // Every alarm not cleared, shelved ones included, in id order.
    QJsonArray snapshot() const;
    // The alarm as events carry it; empty when there is no such alarm.
    QJsonObject alarmJson(const QString &alarmId) const;
    // Empty until the condition has first been active.
    QString alarmIdForCondition(const QString &conditionId) const;
    qsizetype size() const { return m_alarms.size(); }

private:
    enum class State { ActiveUnacked, ActiveAcked, RtnUnacked, Cleared, Shelved };

    struct Alarm
    {
        QString id;
        QString severity;
        QString message;
        QString sourceKind;
        QString sourceId;
        State state = State::Cleared;
        bool conditionActive = false;
        QDateTime activatedAt;
        int count = 0;
        QString ackedBy;
        QDateTime ackedAt;
        QString note;
        QDateTime shelvedUntil;
        qint64 shelvedUntilMs = 0;
        QString shelvedBy;
        QString shelveReason;
        QList<qint64> recentTransitions; // the last chatterTransitions only, oldest first
        bool chattering = false;
    };

    qsizetype createAlarm(const PlantCondition &condition);
    void applyTransition(Alarm &alarm, bool active, qint64 nowMs, const QDateTime &wallNow) const;
    void endShelving(Alarm &alarm);
    bool refreshChattering(Alarm &alarm, qint64 nowMs) const;
    Alarm *find(const QString &alarmId, Error *error);
    PlantEvents eventsFor(QList<qsizetype> indexes) const;
    static PlantEvent event(const Alarm &alarm);
    static QJsonObject toJson(const Alarm &alarm);
    static QString stateName(State state);

    Options m_options;
    QList<Alarm> m_alarms; // in creation order: index i holds alarm i + 1
    QHash<QString, qsizetype> m_byCondition;
    QHash<QString, qsizetype> m_byId;
};
