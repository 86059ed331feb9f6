#include "plantsummary.h"

#include "alarmmodel.h"
#include "commandmodel.h"
#include "dronemodel.h"
#include "machinemodel.h"
#include "operatormodel.h"

PlantSummary::PlantSummary(const DroneModel *drones, const MachineModel *machines, const AlarmModel *alarms,
                           const OperatorModel *operators, const CommandModel *commands, QObject *parent)
    : QObject(parent)
    , m_drones(drones)
    , m_machines(machines)
    , m_alarms(alarms)
    , m_operators(operators)
    , m_commands(commands)
{ }

PlantCounts PlantSummary::counts() const
{
    PlantCounts c;
    c.drones = m_drones->rowCount();
    for (size_t s = 0; s < c.dronesByState.size(); ++s)
        c.dronesByState[s] = m_drones->countInState(Domain::DroneState(s));
    c.lowBattery = m_drones->lowBatteryCount();
    c.buildsInProgress = m_drones->buildsInProgressCount();
    c.machines = m_machines->rowCount();
    for (size_t s = 0; s < c.machinesByStatus.size(); ++s)
        c.machinesByStatus[s] = m_machines->countByStatus(Domain::MachineState(s));
    for (size_t sev = 0; sev < c.alarms.size(); ++sev) {
        for (size_t state = 0; state < c.alarms[sev].size(); ++state)
            c.alarms[sev][state] = m_alarms->count(Domain::AlarmSeverity(sev), Domain::AlarmState(state));
    }
    c.unacknowledgedAlarms = m_alarms->unacknowledgedCount();
    c.mostUrgentUnacknowledged = m_alarms->mostUrgentUnacknowledged();
    c.operatorsOnline = m_operators->rowCount();
    c.pendingCommands = m_commands->pendingCount();
    return c;
}

void PlantSummary::refresh()
{
    const PlantCounts now = counts();
    if (now == m_last)
        return;
    m_last = now;
    Q_EMIT countsChanged();
}
