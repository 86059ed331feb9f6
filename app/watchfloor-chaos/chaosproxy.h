#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <deque>
#include <memory>

// A TCP proxy between one console and the reference server that misbehaves
// on request, as networks and servers do. It understands just enough of
// HTTP and WebSocket framing to break things where it hurts: it can cut a
// frame in its middle, replay the last frames a console received on its next
// connection in reverse order, make the server refuse a resume (by garbling
// the session id in the console's `resume`), and refuse WebSocket upgrades
// while letting the REST API through. Every fault is undone by the next call
// or by clear(); nothing is random in here (the caller decides).
class ChaosProxy : public QObject
{
    Q_OBJECT

public:
    explicit ChaosProxy(quint16 targetPort, QObject *parent = nullptr);
    ~ChaosProxy() override;

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    int connectionCount() const { return int(m_pairs.size()); }

    // Cuts every connection on both sides at once, without a goodbye.
    void dropAll();
    // New connections are closed at once (a server that is gone).
    void setRefusing(bool refusing) { m_refusing = refusing; }
    // Holds every byte back in both directions without closing anything.
    void setStalled(bool stalled);
    // The next bytes from the server get halfway to the console, then both
    // sides are cut: a frame broken in its middle.
    void cutMidFrame() { m_cutMidFrame = true; }
    // Holds every chunk this long in each direction, in order.
    void setDelayMs(int ms) { m_delayMs = ms; }
    // Cuts connections that ask for a WebSocket; plain HTTP passes (the REST fallback).
    void setRefusingWebSockets(bool refusing) { m_refusingWebSockets = refusing; }
    // Drops the link now; the next connection, once the server has greeted
    // it, first gets the last frames this one received, newest first.
    void duplicateAcrossReconnect();
    // The next `resume` the console sends names a session the server never
    // issued, so the server refuses it and the console must resynchronise.
    void refuseNextResume() { m_refuseResume = true; }
    // Undoes every lasting fault (stall, delay, refusals).
    void clear();

Q_SIGNALS:
    void resumeGarbled();

private:
    // Complete WebSocket frames from a byte stream that starts after the
    // HTTP header.
    struct FrameScanner
    {
        QByteArray buffer;
        bool headerDone = false;
        QByteArray header;
        // Feeds bytes; returns the HTTP header bytes (once) and whole frames.
        QList<QByteArray> feed(const QByteArray &bytes, bool *headerJustDone);
    };
    struct Pair
    {
        std::unique_ptr<QTcpSocket> client;
        std::unique_ptr<QTcpSocket> upstream;
        FrameScanner fromClient;
        FrameScanner fromServer;
        bool webSocket = false;
        bool replayPending = false;
        std::deque<std::pair<qint64, QByteArray>> toServer; // (release time, bytes)
        std::deque<std::pair<qint64, QByteArray>> toClient;
    };

    void onNewConnection();
    void onClientData(Pair *pair);
    void onServerData(Pair *pair);
    void send(Pair *pair, bool toClient, const QByteArray &bytes);
    void release();
    void remove(Pair *pair);
    QByteArray rewriteResume(const QByteArray &frame);

    quint16 m_targetPort;
    QTcpServer m_server;
    std::vector<std::unique_ptr<Pair>> m_pairs;
    bool m_refusing = false;
    bool m_stalled = false;
    bool m_cutMidFrame = false;
    bool m_refusingWebSockets = false;
    bool m_refuseResume = false;
    int m_delayMs = 0;
    QList<QByteArray> m_recentFrames; // server to console, newest last
    QList<QByteArray> m_replay; // to inject on the next connection
    QElapsedTimer m_clock;
    QTimer m_releaseTimer;
};
