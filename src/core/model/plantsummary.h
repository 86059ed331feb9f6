#pragma once

#include "plantcounts.h"

#include <QObject>

class AlarmModel;
class CommandModel;
class DroneModel;
class MachineModel;
class OperatorModel;

// The plant's figures (PlantCounts) read from the models, and a signal when
// they change. The session owns it and refreshes it after each batch or
// snapshot, so a view that shows the figures (the Overview, the kiosk) is
// given this and not the session.
class PlantSummary : public QObject
{
    Q_OBJECT

public:
    // The models are not owned and must outlive the summary.
    PlantSummary(const DroneModel *drones, const MachineModel *machines, const AlarmModel *alarms,
                 const OperatorModel *operators, const CommandModel *commands, QObject *parent = nullptr);

    // Counted from the models now.
    PlantCounts counts() const;
    // Counts again, and announces countsChanged() if anything moved since
    // the last refresh.
    void refresh();

Q_SIGNALS:
    void countsChanged();

private:
    const DroneModel *m_drones;
    const MachineModel *m_machines;
    const AlarmModel *m_alarms;
    const OperatorModel *m_operators;
    const CommandModel *m_commands;
    PlantCounts m_last;
};
