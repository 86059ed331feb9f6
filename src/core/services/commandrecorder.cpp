#include "commandrecorder.h"

#include "model/commandmodel.h"
#include "store/localstore.h"
#include "store/storeworker.h"

#include <QLoggingCategory>

#include <algorithm>

// The store's category: whoever reads the log for the database finds it here.
Q_LOGGING_CATEGORY(lcCommandLog, "watchfloor.store")

using Domain::CommandRecord;
using Domain::CommandState;
using Domain::CommandStep;

CommandLogModel::History CommandRecorder::readHistory(StoreWorker *store, int limit)
{
    if (!store)
        return {};
    return store->callAndWait<CommandLogModel::History>([limit](LocalStore &s) {
        CommandLogModel::History history;
        history.hasStore = s.isOpen();
        if (history.hasStore) {
            history.entries = s.commandLog().newest(std::max(0, limit));
            if (!history.entries)
                history.error = s.lastError();
        }
        return history;
    });
}

CommandRecorder::CommandRecorder(CommandModel *commands, StoreWorker *store, QObject *parent)
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
    connect(commands, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        m_logged.clear();
        ++m_generation;
    });
    connect(commands, &QAbstractItemModel::modelReset, this, [this] { recordRows(0, m_commands->rowCount() - 1); });
    recordRows(0, commands->rowCount() - 1);
}

void CommandRecorder::recordRows(int first, int last)
{
    for (int row = first; row <= last; ++row)
        record(row);
}

struct CommandRecorder::Job
{
    QUuid key; // the command's in the store
    // The command as it is appended if the store does not know it yet (its
    // id the store's key); status, time, actual value and error are those of
    // the step that appends it.
    CommandRecord command;
    QList<CommandStep> steps; // not handed over yet, oldest first
};

void CommandRecorder::record(int row)
{
    const CommandRecord &command = m_commands->commandAt(row);
    int &changesSeen = m_logged[command.commandId];
    if (changesSeen >= command.history.size())
        return;
    Job job;
    job.key = CommandLogModel::storeId(command.commandId);
    job.command = command;
    job.command.commandId = job.key.toString(QUuid::WithoutBraces);
    job.command.history.clear();
    job.steps = command.history.mid(changesSeen);
    const int firstChange = changesSeen;
    changesSeen = int(command.history.size());
    const QString commandId = command.commandId;
    const quint64 generation = m_generation;
    m_store->call<Written>([job = std::move(job)](LocalStore &store) { return write(store, job); }, this,
                           [this, commandId, generation, firstChange](const Written &written) {
                               onWritten(commandId, generation, firstChange, written);
                           });
}

CommandRecorder::Written CommandRecorder::write(LocalStore &store, const Job &job)
{
    Written result;
    if (!store.isOpen()) {
        // A database that did not open keeps nothing; the alarm service's banner says why.
        result.changesDone = int(job.steps.size());
        return result;
    }
    const auto fail = [&store, &result] {
        result.error = store.lastError().isEmpty() ? StoreWorker::tr("the write failed") : store.lastError();
    };
    // What the store has: this run's earlier jobs, or an earlier run's entry, which goes on.
    const std::optional<CommandRecord> known = store.commandLog().find(job.key);
    bool inStore = known.has_value();
    std::optional<CommandState> last = known ? std::optional(known->status) : std::nullopt;
    for (CommandStep step : job.steps) {
        if (!Domain::isFinal(step.status))
            step.error.clear(); // an error belongs to the end of a command
        if (!inStore) {
            CommandRecord first = job.command;
            first.status = step.status;
            first.issuedAt = step.at;
            first.actualValue = step.actualValue;
            first.error = step.error;
            if (!store.commandLog().append(first)) {
                fail();
                break;
            }
        } else if (last && (*last == step.status || (Domain::isFinal(*last) && !Domain::isFinal(step.status)))) {
            ++result.changesDone; // a repeat, or a late report of an earlier step
            continue;
        } else if (!store.commandLog().update(job.key, step)) {
            fail();
            break;
        }
        ++result.writes;
        inStore = true;
        last = step.status;
        ++result.changesDone;
    }
    return result;
}

void CommandRecorder::onWritten(const QString &commandId, quint64 generation, int firstChange, const Written &written)
{
    m_writes += written.writes;
    if (written.error.isEmpty()) {
        if (written.writes > 0) {
            m_failing = false;
            m_lastError.clear();
        }
        return;
    }
    failed(written.error);
    // What was not written is handed back: tried again with the command's next change.
    const auto logged = m_logged.find(commandId);
    if (generation == m_generation && logged != m_logged.end())
        *logged = std::min(*logged, firstChange + written.changesDone);
}

void CommandRecorder::failed(const QString &error)
{
    m_lastError = error;
    if (m_failing)
        return;
    m_failing = true;
    qCWarning(lcCommandLog).noquote() << "The command log cannot be written; commands are still shown:" << m_lastError;
    Q_EMIT storeFailed(m_lastError);
}
