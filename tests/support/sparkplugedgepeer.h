#pragma once

#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <functional>

// A real Sparkplug B edge node for the tests: tests/interop/sparkplug-edge.js,
// an edge node made of the npm sparkplug-client package, run by Node in a
// QProcess and scripted with JSON lines (README.md in tests/interop lists the
// commands and events).
//
// start() returns once the script has accepted its configuration (its
// "ready" event); false with errorString() otherwise, including a missing
// node or node_modules, which the test must treat as a failure, never as a
// skip. The node then connects and births by itself.
//
// Events are kept in arrival order. waitFor() takes the first kept event
// that matches and removes it, so a test can wait for "the next DDATA sent"
// without counting; events it does not ask for simply stay. The event loop
// runs while it waits, so an MqttClient of the test keeps working.
//
// On a timeout, and from dumpDiagnostics(), the node's stderr and the events
// not yet taken are printed with qWarning. The destructor closes the node's
// stdin (the script then exits) and kills it if it lingers.
class SparkplugEdgePeer
{
public:
    struct Metric
    {
        QString name;
        QString type; // a Sparkplug datatype name, "Int32", "Boolean", ...
        QString value; // as text: "42", "true", "18446744073709551615"
        // A DCMD to this metric is reported but not applied.
        bool readOnly = false;
    };
    struct Device
    {
        QString id;
        QList<Metric> metrics;
    };
    struct Options
    {
        QString host = QStringLiteral("127.0.0.1");
        quint16 port = 1883;
        QString groupId = QStringLiteral("Plant");
        QString edgeNodeId = QStringLiteral("Edge1");
        QString clientId; // empty: the script makes one up
        QList<Metric> nodeMetrics;
        QList<Device> devices;
        int periodMs = 0; // 0: no periodic DDATA
        int reconnectMs = 1000;
        bool aliases = false;
        bool ignoreCommands = false;
        // bdSeq as sparkplug-client keeps it (0 on every connection) rather
        // than one more per connection as the specification asks.
        bool packageBdSeq = false;
        // No births on connection: the test sends "birth".
        bool manualBirth = false;
    };

    static QString nodeExecutable();
    static QString scriptPath();

    SparkplugEdgePeer();
    ~SparkplugEdgePeer();
    SparkplugEdgePeer(const SparkplugEdgePeer &) = delete;
    SparkplugEdgePeer &operator=(const SparkplugEdgePeer &) = delete;

    static QStringList arguments(const Options &options);

    bool start(const Options &options);
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    QString errorString() const { return m_error; }

    // Writes one command line: {"cmd": command, ...fields}. False when the
    // node is not running.
    bool send(const QString &command, const QJsonObject &fields = {});

    // The first kept event named `event` (and accepted by `match`, when
    // given), removed from the kept ones; an empty object after `timeoutMs`
    // or when the node has exited without sending it.
    QJsonObject waitFor(const QString &event, int timeoutMs = 10000,
                        const std::function<bool(const QJsonObject &)> &match = {});
    // The node's process has ended (after crash or exit-clean); its exit code.
    bool waitForExit(int timeoutMs = 10000);
    int exitCode() const { return m_process.exitCode(); }

    // Events received and not yet taken by waitFor().
    QList<QJsonObject> pendingEvents();
    QString standardError();
    void dumpDiagnostics();

    // SIGKILL, then waits: no NDEATH, no DISCONNECT, the socket closed by
    // the kernel, as in a real crash.
    void kill();
    // SIGSTOP and SIGCONT: the node holds its connection and does nothing,
    // its timers included, until thawed.
    bool freeze();
    bool thaw();

private:
    void readEvents();

    QProcess m_process;
    QByteArray m_stdoutBuffer;
    QByteArray m_stderr;
    QList<QJsonObject> m_events;
    QString m_error;
};
