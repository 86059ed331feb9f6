#pragma once

#include <QCoreApplication>
#include <QString>

class AlarmModel;
class MachineModel;
class TileModel;

// Names the target of an operator's action (user_activity) the way the
// operator knows it, not by the server's id:
// - a command's endpoint as every command text does, tile › device ›
//   endpoint (TileModel::endpointPath);
// - an alarm acknowledged, shelved or unshelved by its source and message
//   ("Mill 2 · spindle overheating": a drone by its serial, a machine by
//   its name, an endpoint by its path), by its message alone when that
//   names the source already ("Packer 2 (M-0004) on L1 is down"), or as
//   "Alarm A-000017" when the alarm is no longer known.
// Anything else (a broadcast's text) has no other name: empty.
// Ask before the batch that carries the activity is applied, so an alarm
// that the acknowledgement clears is still there to be named.
class ActivityTargets
{
    Q_DECLARE_TR_FUNCTIONS(ActivityTargets)

public:
    // The models are not owned and must outlive this object.
    ActivityTargets(const TileModel *tiles, const AlarmModel *alarms, const MachineModel *machines);

    // The target's name for the operator; empty when it has none but its own.
    QString name(const QString &action, const QString &target) const;

private:
    QString alarmName(const QString &alarmId) const;

    const TileModel *m_tiles;
    const AlarmModel *m_alarms;
    const MachineModel *m_machines;
};
