#include "commandrecorder.h"

#include "domain/endpointfact.h"
#include "model/commandmodel.h"
#include "model/plantvalues.h"
#include "store/localstore.h"
#include "store/storeworker.h"

#include <QVariantMap>

#include <algorithm>

using Domain::CommandState;

namespace {

// How the log stores a status: the protocol's word.
QString wordOf(CommandState state)
{
    return Domain::wordOf(Domain::kCommandStates, state);
}

// A stored value as the model shows it; invalid for null or undefined.
QVariant fromJson(const QJsonValue &value)
{
    return EndpointFact::toVariant(EndpointFact::fromJson(value));
}

CommandLogModel::Entry entryOf(const CommandLog::Command &c)
{
    CommandLogModel::Entry entry;
    entry.commandId = c.commandId.toString(QUuid::WithoutBraces);
    entry.endpointId = c.endpointId;
    entry.operatorName = c.operatorName;
    entry.requestedValue = fromJson(c.requestedValue);
    entry.actualValue = fromJson(c.actualValue);
    entry.status = Domain::valueOf(Domain::kCommandStates, c.status).value_or(CommandState::Queued);
    if (!c.error.isEmpty())
        entry.error = c.error;
    entry.issuedAt = c.createdAt;
    entry.lastChange = c.updatedAt;
    for (const CommandLog::StatusChange &change : c.history) {
        entry.history.append({Domain::valueOf(Domain::kCommandStates, change.status).value_or(CommandState::Queued),
                              change.at, fromJson(change.actualValue),
                              change.error.isEmpty() ? std::nullopt : std::optional<QString>(change.error)});
    }
    return entry;
}

} // namespace

CommandLogModel::History CommandRecorder::readHistory(StoreWorker *store, int limit)
{
    if (!store)
        return {};
    struct Read
    {
        bool open = false;
        std::optional<QList<CommandLog::Command>> commands;
        QString error;
    };
    const Read read = store->callAndWait<Read>([limit](LocalStore &s) {
        Read answer;
        answer.open = s.isOpen();
        if (answer.open) {
            answer.commands = s.commandLog().newest(std::max(0, limit));
            answer.error = s.lastError();
        }
        return answer;
    });
    CommandLogModel::History history;
    history.hasStore = read.open;
    if (!read.open)
        return history;
    if (!read.commands) {
        history.error = read.error;
        return history;
    }
    history.entries.emplace();
    history.entries->reserve(read.commands->size());
    for (const CommandLog::Command &c : *read.commands)
        history.entries->append(entryOf(c));
    return history;
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
    CommandLog::Command entry;
    QList<Change> changes;
};

void CommandRecorder::record(int row)
{
    const Domain::CommandStatus &command = m_commands->commandAt(row);
    int &changesSeen = m_logged[command.commandId];
    const QVariantList history = m_commands->index(row, 0).data(CommandModel::HistoryRole).toList();
    if (changesSeen >= history.size())
        return;
    QList<Change> changes;
    for (qsizetype i = changesSeen; i < history.size(); ++i) {
        const QVariantMap change = history.at(i).toMap();
        changes.append({CommandState(change.value(QStringLiteral("status")).toInt()),
                        change.value(QStringLiteral("at")).toDateTime()});
    }
    // The entry as it is appended if the store does not know the command yet;
    // status, time and error are those of the change that appends it.
    CommandLog::Command entry;
    entry.commandId = CommandLogModel::storeId(command.commandId);
    entry.endpointId = command.endpointId;
    entry.requestedValue = EndpointFact::toJson(command.requestedValue);
    entry.operatorName = command.operatorName;
    entry.actualValue = EndpointFact::toJson(command.actualValue);
    entry.error = command.error.value_or(QString());
    const int firstChange = changesSeen;
    changesSeen = int(history.size());
    const QString commandId = command.commandId;
    const quint64 generation = m_generation;
    m_store->call<Written>([job = Job {entry, changes}](LocalStore &store) { return write(store, job); }, this,
                           [this, commandId, generation, firstChange](const Written &written) {
                               onWritten(commandId, generation, firstChange, written);
                           });
}

CommandRecorder::Written CommandRecorder::write(LocalStore &store, const Job &job)
{
    const CommandLog::Command &entry = job.entry;
    const QList<Change> &changes = job.changes;
    Written result;
    if (!store.isOpen()) {
        // A database that did not open keeps nothing; the alarm service's banner says why.
        result.changesDone = int(changes.size());
        return result;
    }
    const auto fail = [&store, &result] {
        result.error = store.lastError().isEmpty() ? StoreWorker::tr("the write failed") : store.lastError();
    };
    // What the store has: this run's earlier jobs, or an earlier run's entry, which goes on.
    const std::optional<CommandLog::Command> known = store.commandLog().find(entry.commandId);
    bool inStore = known.has_value();
    std::optional<CommandState> last = known ? Domain::valueOf(Domain::kCommandStates, known->status) : std::nullopt;
    for (const Change &change : changes) {
        const QString error = PlantValues::isFinal(change.status) ? entry.error : QString();
        if (!inStore) {
            CommandLog::Command first = entry;
            first.status = wordOf(change.status);
            first.error = error;
            first.createdAt = change.at;
            if (!store.commandLog().append(first)) {
                fail();
                break;
            }
        } else if (last
                   && (*last == change.status
                       || (PlantValues::isFinal(*last) && !PlantValues::isFinal(change.status)))) {
            ++result.changesDone; // a repeat, or a late report of an earlier step
            continue;
        } else if (!store.commandLog().update(entry.commandId, wordOf(change.status), entry.actualValue, error,
                                              change.at)) {
            fail();
            break;
        }
        ++result.writes;
        inStore = true;
        last = change.status;
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
    Q_EMIT storeFailed(m_lastError);
}
