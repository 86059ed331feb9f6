#pragma once

#include "mqttclientsettings.h"

#include <QByteArray>
#include <QHash>
#include <QMap>
#include <QObject>
#include <QString>
#include <QTimer>

#include <vector>

class QHostInfo;
class QSocketNotifier;
struct mosquitto;
struct mosquitto_message;

// An MQTT 3.1.1 client on libmosquitto, run entirely by the Qt event loop of
// the thread it lives in: a QSocketNotifier watches the library's socket for
// reading (and for writing while the library has bytes queued), and a timer
// lets it send keep-alive pings. No call blocks; there is no extra thread.
//
// Lifecycle. open() starts connecting and keeps the client connected until
// close() or abort(): a lost link or a failed attempt (refused, unreachable,
// timed out, CONNACK refused) is reported and retried after a delay that
// starts at reconnectDelayMin and doubles up to reconnectDelayMax. The state
// is Connecting whenever the client is open but not connected, waiting to
// retry included, and Disconnected only when it is not open.
//
// - close() sends DISCONNECT when connected, so the broker discards the will.
// - abort() drops the TCP connection without DISCONNECT, as a crash would, so
//   the broker publishes the will.
// Both take effect at once and stop the retries; open() starts again.
//
// Subscriptions are remembered: each filter given to subscribe() is
// subscribed again after every (re)connection until unsubscribe().
//
// Publishing needs a connection. publish() while not Connected returns false
// and reports errorOccurred: nothing is queued for later, so the caller
// decides what a message is worth after a gap (Sparkplug rebirths, say). A
// message accepted while connected belongs to libmosquitto: QoS 0 may be
// lost if the link drops before it is written; QoS 1 and 2 ones are kept
// until acknowledged and sent again after a reconnection, except after a
// connect timeout (which starts over with a fresh library handle). The client
// promises no delivery across a lost link.
//
// Signals are emitted from the event loop, some from inside libmosquitto's
// callbacks: a slot may call any method of the client, but must delete it
// with deleteLater(), never directly.
class MqttClient : public QObject
{
    Q_OBJECT

public:
    enum class State { Disconnected, Connecting, Connected };
    Q_ENUM(State)

    explicit MqttClient(const MqttClientSettings &settings, QObject *parent = nullptr);
    ~MqttClient() override; // like abort(): no DISCONNECT

    const MqttClientSettings &settings() const { return m_settings; }
    // Takes effect at the next open().
    void setSettings(const MqttClientSettings &settings) { m_settings = settings; }
    State state() const { return m_state; }

    // Starts connecting. False, with errorOccurred, when the settings are
    // invalid (then nothing happens); true when open already.
    bool open();
    void close();
    void abort();

    // qos 0 to 2. Returns false (and reports errorOccurred) for an invalid
    // filter or qos; a valid one is remembered even while not connected.
    // subscribed() tells when the broker has granted it, each time.
    bool subscribe(const QString &filter, int qos);
    bool unsubscribe(const QString &filter);
    QMap<QString, int> subscriptions() const { return m_subscriptions; }

    // See the contract above: false, with errorOccurred, when not connected,
    // for an invalid topic or qos, or when libmosquitto refuses the message.
    bool publish(const QString &topic, const QByteArray &payload, int qos = 0, bool retain = false);

Q_SIGNALS:
    void stateChanged(MqttClient::State state);
    // The broker accepted the CONNECT (CONNACK 0); remembered subscriptions
    // have been sent again.
    void connected();
    // The client left Connected: the reason is the socket error, a keep-alive
    // timeout, or close()/abort().
    void disconnected(const QString &reason);
    // grantedQos is 0 to 2; a refusal (0x80) is reported by errorOccurred.
    void subscribed(const QString &filter, int grantedQos);
    void messageReceived(const QString &topic, const QByteArray &payload, bool retained);
    void errorOccurred(const QString &message);

private:
    class LibraryCall;
    struct DoomedHandle
    {
        mosquitto *handle;
        bool flush;
    };

    static void onConnectCallback(mosquitto *handle, void *self, int rc);
    static void onDisconnectCallback(mosquitto *handle, void *self, int rc);
    static void onMessageCallback(mosquitto *handle, void *self, const mosquitto_message *message);
    static void onSubscribeCallback(mosquitto *handle, void *self, int mid, int count, const int *granted);
    static void onLogCallback(mosquitto *handle, void *self, int level, const char *text);

    bool createHandle();
    // Forgets the handle (and its socket); it is destroyed once no call into
    // libmosquitto is running.
    void releaseHandle(bool sendDisconnect);
    void destroyDoomedHandles();
    void startAttempt();
    void hostLookedUp(const QHostInfo &info);
    void connectTo(const QString &address);
    void handleConnack(int rc);
    void sendSubscribe(const QString &filter, int qos);
    void linkLost(const QString &reason);
    void attemptTimedOut();
    // The attempt or the link ended: report it and schedule the next attempt.
    void attemptFailed(const QString &reason);
    void stop(bool sendDisconnect, const QString &reason);
    void setState(State state);

    void readReady();
    void writeReady();
    void housekeeping();
    // After every call into libmosquitto: follows its socket (it may have
    // opened, closed or have bytes to write) and notices a lost link.
    void afterLibraryCall(int rc, int error);
    void dropNotifiers();

    MqttClientSettings m_settings;
    State m_state = State::Disconnected;
    bool m_open = false;
    mosquitto *m_handle = nullptr;
    // True from a successful mosquitto_connect_async() until the link is lost.
    bool m_linkActive = false;
    std::vector<DoomedHandle> m_doomedHandles;
    int m_libraryDepth = 0;
    int m_socket = -1;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    QTimer m_housekeepingTimer;
    QTimer m_retryTimer;
    QTimer m_attemptTimer;
    int m_lookupId = -1;
    int m_attempt = 0;
    std::chrono::milliseconds m_retryDelay {0};
    QString m_refusal; // why the broker refused the CONNECT, until the link closes
    QMap<QString, int> m_subscriptions;
    QHash<int, QString> m_pendingSubscribes; // message id -> filter
};
