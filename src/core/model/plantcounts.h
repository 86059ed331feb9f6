#pragma once

#include "domain/alarm.h"

#include <array>
#include <optional>

// What the operator's views count and summarise (PlantSummary keeps it current).
struct PlantCounts
{
    int drones = 0;
    std::array<int, 6> dronesByState {}; // by Domain::DroneState
    int lowBattery = 0;
    int buildsInProgress = 0;
    int machines = 0;
    std::array<int, 4> machinesByStatus {}; // by Domain::MachineState
    // Alarms the server holds, by Domain::AlarmSeverity, then Domain::AlarmState.
    std::array<std::array<int, 5>, 6> alarms {};
    int unacknowledgedAlarms = 0; // AlarmModel::unacknowledgedCount(): the one count of waiting alarms
    std::optional<Domain::AlarmSeverity> mostUrgentUnacknowledged; // AlarmModel::mostUrgentUnacknowledged()
    int operatorsOnline = 0;
    int pendingCommands = 0;

    // Active (acknowledged or not) alarms of `severity`.
    int activeAlarms(Domain::AlarmSeverity severity) const
    {
        const auto &states = alarms.at(size_t(severity));
        return states.at(size_t(Domain::AlarmState::ActiveUnacked))
            + states.at(size_t(Domain::AlarmState::ActiveAcked));
    }
    bool operator==(const PlantCounts &) const = default;
};
