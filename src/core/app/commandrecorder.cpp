#include "commandrecorder.h"

#include "model/commandlogmodel.h"
#include "model/commandmodel.h"
#include "model/plantvalues.h"
#include "store/localstore.h"

#include <QVariantMap>

using Protocol::CommandState;

CommandRecorder::CommandRecorder(CommandModel *commands, LocalStore *store, QObject *parent)
    : QObject(parent)
    , m_commands(commands)
    , m_store(store)
{
    if (!commands || !store)
        return;
    connect(commands, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &within, int first, int last) {
        if (!within.isValid())
            recordRows(first, last);
    });
    connect(commands, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles) {
                // Only a new status is news for the log.
                if (roles.isEmpty() || roles.contains(CommandModel::HistoryRole))
                    recordRows(topLeft.row(), bottomRight.row());
            });
    // What is kept here follows the model's rows, so it is bounded as they
    // are. A command the model drops and lists again is looked up in the
    // store, and its log entry goes on.
    connect(commands, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &within, int first, int last) {
                if (within.isValid())
                    return;
                for (int row = first; row <= last; ++row)
                    m_logged.remove(m_commands->commandAt(row).commandId);
            });
    connect(commands, &QAbstractItemModel::modelAboutToBeReset, this, [this] { m_logged.clear(); });
    connect(commands, &QAbstractItemModel::modelReset, this, [this] { recordRows(0, m_commands->rowCount() - 1); });
    recordRows(0, commands->rowCount() - 1);
}

void CommandRecorder::recordRows(int first, int last)
{
    for (int row = first; row <= last; ++row)
        record(row);
}

void CommandRecorder::record(int row)
{
    const Protocol::CommandStatus &command = m_commands->commandAt(row);
    Logged &logged = m_logged[command.commandId];
    const QUuid id = CommandLogModel::storeId(command.commandId);
    const QVariantList history = m_commands->index(row, 0).data(CommandModel::HistoryRole).toList();
    for (qsizetype i = logged.changesSeen; i < history.size(); ++i) {
        const QVariantMap change = history.at(i).toMap();
        const auto status = CommandState(change.value(QStringLiteral("status")).toInt());
        const QDateTime at = change.value(QStringLiteral("at")).toDateTime();
        if (!logged.inStore) {
            // Perhaps an earlier run logged it: its entry goes on.
            if (const std::optional<LocalStore::Command> known = m_store->command(id)) {
                logged.inStore = true;
                logged.lastStatus = CommandLogModel::stateFromName(known->status);
            } else if (!logFirst(row, logged, status, at)) {
                return;
            } else {
                logged.changesSeen = int(i) + 1;
                continue;
            }
        }
        if (logged.lastStatus) {
            const CommandState last = *logged.lastStatus;
            if (last == status || (PlantValues::isFinal(last) && !PlantValues::isFinal(status))) {
                logged.changesSeen = int(i) + 1;
                continue;
            }
        }
        const QString error = PlantValues::isFinal(status) ? command.error.value_or(QString()) : QString();
        if (!m_store->updateCommand(id, CommandLogModel::stateName(status),
                                    CommandLogModel::toJson(command.actualValue), error, at)) {
            failed();
            return;
        }
        succeeded();
        logged.lastStatus = status;
        logged.changesSeen = int(i) + 1;
    }
}

bool CommandRecorder::logFirst(int row, Logged &logged, CommandState status, const QDateTime &at)
{
    const Protocol::CommandStatus &command = m_commands->commandAt(row);
    LocalStore::Command entry;
    entry.commandId = CommandLogModel::storeId(command.commandId);
    entry.endpointId = command.endpointId;
    entry.requestedValue = CommandLogModel::toJson(command.requestedValue);
    entry.operatorName = command.operatorName;
    entry.status = CommandLogModel::stateName(status);
    entry.actualValue = CommandLogModel::toJson(command.actualValue);
    if (PlantValues::isFinal(status))
        entry.error = command.error.value_or(QString());
    entry.createdAt = at;
    if (!m_store->appendCommand(entry)) {
        failed();
        return false;
    }
    succeeded();
    logged.inStore = true;
    logged.lastStatus = status;
    return true;
}

void CommandRecorder::succeeded()
{
    ++m_writes;
    m_failing = false;
    m_lastError.clear();
}

void CommandRecorder::failed()
{
    m_lastError = m_store->lastError();
    if (m_failing)
        return;
    m_failing = true;
    Q_EMIT storeFailed(m_lastError);
}
