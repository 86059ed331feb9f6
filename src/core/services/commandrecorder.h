#pragma once

#include "domain/commandrecord.h"
#include "model/commandlogmodel.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

class CommandModel;
class LocalStore;
class StoreWorker;

// Writes every command the live model learns about into the local store's
// command log, this console's and other operators' alike: a new command is
// appended, every later change of its status is recorded once, in order,
// with the actual value known then, and the error when the change ends the
// command (the model's Domain::CommandStep as it is). A snapshot that lists known
// commands again writes nothing new, and a command already logged by an
// earlier run continues its entry instead of starting a second one.
//
// The log is a record, not the source of what is shown: a write that fails
// (a full disk) loses nothing on screen. It is reported once, until a write
// succeeds again — by storeFailed and by a warning with the reason in the
// `watchfloor.store` log category; the command is retried with its next change.
//
// Every read and write runs on the store's thread, in the order the changes
// arrived: each job carries a command's changes not yet handed over, and
// looks up what the store already has of it before writing.
class CommandRecorder : public QObject
{
    Q_OBJECT

public:
    // Neither is owned; both must outlive the recorder. A null store records nothing.
    CommandRecorder(CommandModel *commands, StoreWorker *store, QObject *parent = nullptr);

    // The newest `limit` commands of the log, for the command log's model.
    // Waits for the store to open and answer: call it at start-up, before
    // the window shows. A null store, or one that did not open, is no store.
    static CommandLogModel::History readHistory(StoreWorker *store, int limit = CommandLogModel::DefaultHistoryLimit);

    // The last failure; empty when the last write succeeded.
    QString lastError() const { return m_lastError; }
    // Status changes written since the recorder started, as far as the
    // store's thread has answered (for tests and diagnostics).
    int writes() const { return m_writes; }
    // Commands whose log state is kept in memory: at most the model's rows.
    qsizetype tracked() const { return m_logged.size(); }

Q_SIGNALS:
    // The first failure after a success (or after the start).
    void storeFailed(const QString &error);

private:
    struct Written
    {
        int changesDone = 0; // of the job's changes, dealt with in order
        int writes = 0;
        QString error; // empty unless a write failed (and the rest was not tried)
    };

    void recordRows(int first, int last);
    void record(int row);
    void onWritten(const QString &commandId, quint64 generation, int firstChange, const Written &written);
    void failed(const QString &error);
    // One command's changes for the store, with its record as it is appended
    // (defined beside write()).
    struct Job;
    // Runs on the store's thread.
    static Written write(LocalStore &store, const Job &job);

    QPointer<CommandModel> m_commands;
    StoreWorker *m_store;
    quint64 m_generation = 0; // a reset of the model makes earlier answers moot
    // By command id, only for the model's rows: entries of its history handed
    // to the store (a failed write hands them back).
    QHash<QString, int> m_logged;
    QString m_lastError;
    bool m_failing = false;
    int m_writes = 0;
};
