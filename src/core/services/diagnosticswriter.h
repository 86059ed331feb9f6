#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

class DiagnosticsSnapshot;
class QSocketNotifier;

// Puts DiagnosticsSnapshot documents where support staff and tools read
// them: every interval into one file (the `--diagnostics FILE` option), and
// once on request — SIGUSR1, or the main window's action. Each write is
// atomic. A write that fails is reported once per failure streak and
// retried at the next interval; it never stops the console.
class DiagnosticsWriter : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultIntervalMs = 1000;

    // The snapshot must outlive the writer.
    explicit DiagnosticsWriter(DiagnosticsSnapshot *snapshot, QObject *parent = nullptr);
    ~DiagnosticsWriter() override;

    // Writes to `path` now and then every `intervalMs`.
    void startPeriodic(const QString &path, int intervalMs = kDefaultIntervalMs);
    QString periodicPath() const { return m_periodicPath; }

    // Where a one-off goes: the periodic file when there is one, else
    // watchfloor-diagnostics-PID.json in the system's temporary folder.
    QString oneOffPath() const;
    // Writes one document to `path`; emits written() or writeFailed().
    bool writeOnce(const QString &path);

    // Writes a one-off to oneOffPath() whenever the process receives SIGUSR1.
    // The handler only writes a byte to a pipe; the document is taken later,
    // in the event loop. One writer per process may watch; false when
    // another already does or the pipe could not be made.
    bool watchSignal();

Q_SIGNALS:
    void written(const QString &path);
    void writeFailed(const QString &path, const QString &reason);

private:
    void onSignalByte();

    DiagnosticsSnapshot *m_snapshot;
    QTimer m_timer;
    QString m_periodicPath;
    bool m_failing = false;
    QSocketNotifier *m_notifier = nullptr;
};
