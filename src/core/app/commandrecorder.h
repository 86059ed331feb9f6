#pragma once

#include "protocol/plant.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

class CommandModel;
class LocalStore;

// Writes every command the live model learns about into the local store's
// command log, this console's and other operators' alike: a new command is
// appended, every later change of its status is recorded once, in order,
// with the actual value and error known then. A snapshot that lists known
// commands again writes nothing new, and a command already logged by an
// earlier run continues its entry instead of starting a second one.
//
// The log is a record, not the source of what is shown: a write that fails
// (a full disk) loses nothing on screen. It is reported once, until a write
// succeeds again; the command is retried with its next change.
class CommandRecorder : public QObject
{
    Q_OBJECT

public:
    // Neither is owned; both must outlive the recorder. A null store records nothing.
    CommandRecorder(CommandModel *commands, LocalStore *store, QObject *parent = nullptr);

    // The last failure; empty when the last write succeeded.
    QString lastError() const { return m_lastError; }
    // Status changes written since the recorder started (for tests and diagnostics).
    int writes() const { return m_writes; }
    // Commands whose log state is kept in memory: at most the model's rows.
    qsizetype tracked() const { return m_logged.size(); }

Q_SIGNALS:
    // The first failure after a success (or after the start).
    void storeFailed(const QString &error);

private:
    struct Logged
    {
        bool inStore = false; // appended, now or by an earlier run
        std::optional<Protocol::CommandState> lastStatus; // as the store has it
        int changesSeen = 0; // entries of the model's history dealt with
    };

    void recordRows(int first, int last);
    void record(int row);
    bool logFirst(int row, Logged &logged, Protocol::CommandState status, const QDateTime &at);
    void succeeded();
    void failed();

    QPointer<CommandModel> m_commands;
    LocalStore *m_store;
    QHash<QString, Logged> m_logged; // by command id, only for the model's rows
    QString m_lastError;
    bool m_failing = false;
    int m_writes = 0;
};
