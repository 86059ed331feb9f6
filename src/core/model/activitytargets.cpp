#include "activitytargets.h"

#include "alarmmodel.h"
#include "machinemodel.h"
#include "tilemodel.h"

using Domain::AlarmSourceKind;

ActivityTargets::ActivityTargets(const TileModel *tiles, const AlarmModel *alarms, const MachineModel *machines)
    : m_tiles(tiles)
    , m_alarms(alarms)
    , m_machines(machines)
{ }

QString ActivityTargets::name(const QString &action, const QString &target) const
{
    if (target.isEmpty())
        return {};
    if (action == u"command") {
        const QString path = m_tiles->endpointPath(target);
        return path == target ? QString() : path;
    }
    if (action == u"ack_alarm" || action == u"shelve_alarm" || action == u"unshelve_alarm")
        return alarmName(target);
    return {};
}

QString ActivityTargets::alarmName(const QString &alarmId) const
{
    const std::optional<Domain::Alarm> alarm = m_alarms->alarm(alarmId);
    if (!alarm)
        return tr("Alarm %1").arg(alarmId);
    QString source;
    if (alarm->source && !alarm->source->id.isEmpty()) {
        const QString &id = alarm->source->id;
        switch (alarm->source->kind) {
        case AlarmSourceKind::Drone:
            source = tr("Drone %1").arg(id);
            break;
        case AlarmSourceKind::Machine: {
            const int row = m_machines->rowOf(id);
            const QString machineName = row < 0 ? QString() : m_machines->machineAt(row).name;
            source = machineName.isEmpty() ? tr("Machine %1").arg(id) : machineName;
            break;
        }
        case AlarmSourceKind::Endpoint:
            source = m_tiles->endpointPath(id);
            break;
        case AlarmSourceKind::System:
        case AlarmSourceKind::Other:
            source = id;
            break;
        }
    }
    if (alarm->message.isEmpty())
        return source.isEmpty() ? tr("Alarm %1").arg(alarmId) : source;
    // A message that names its source (by name or id) already says it all.
    const QString id = alarm->source ? alarm->source->id : QString();
    if (source.isEmpty() || alarm->message.contains(source, Qt::CaseInsensitive)
        || (!id.isEmpty() && alarm->message.contains(id, Qt::CaseInsensitive)))
        return alarm->message;
    return tr("%1 · %2", "alarm source · message").arg(source, alarm->message);
}
