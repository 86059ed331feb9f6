#include "mqttclient.h"

#include <QHostAddress>
#include <QHostInfo>
#include <QLoggingCategory>
#include <QSocketNotifier>

#include <mosquitto.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <utility>

namespace {

Q_LOGGING_CATEGORY(lcMqtt, "watchfloor.mqtt", QtInfoMsg)
// libmosquitto's own log: every packet at debug level.
Q_LOGGING_CATEGORY(lcMosquitto, "watchfloor.mqtt.libmosquitto", QtWarningMsg)

// mosquitto_lib_init() must run once before anything else and is not thread
// safe; a function-local static runs it exactly once whichever thread gets
// there first, and cleans up at exit.
class MosquittoLibrary
{
public:
    MosquittoLibrary() { mosquitto_lib_init(); }
    ~MosquittoLibrary() { mosquitto_lib_cleanup(); }
    MosquittoLibrary(const MosquittoLibrary &) = delete;
    MosquittoLibrary &operator=(const MosquittoLibrary &) = delete;
};

void initialiseLibraryOnce()
{
    static const MosquittoLibrary library;
}

// `error` is errno as it was right after the failing call.
QString describe(int rc, int error)
{
    if (rc == MOSQ_ERR_ERRNO)
        return qt_error_string(error);
    if (rc == MOSQ_ERR_KEEPALIVE) // 2.0.11 has no text for it
        return QStringLiteral("the broker did not answer the keep-alive ping");
    return QString::fromUtf8(mosquitto_strerror(rc));
}

} // namespace

// Counts how deep the client is inside libmosquitto, so that a handle
// released from a callback is destroyed only once the library has returned.
class MqttClient::LibraryCall
{
public:
    explicit LibraryCall(MqttClient *client)
        : m_client(client)
    {
        ++m_client->m_libraryDepth;
    }
    ~LibraryCall()
    {
        if (--m_client->m_libraryDepth == 0)
            m_client->destroyDoomedHandles();
    }
    LibraryCall(const LibraryCall &) = delete;
    LibraryCall &operator=(const LibraryCall &) = delete;

private:
    MqttClient *m_client;
};

MqttClient::MqttClient(const MqttClientSettings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{
    initialiseLibraryOnce();
    // libmosquitto sends pings and notices a missing answer only when asked;
    // once a second is what its documentation recommends.
    m_housekeepingTimer.setInterval(1000);
    connect(&m_housekeepingTimer, &QTimer::timeout, this, &MqttClient::housekeeping);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &MqttClient::startAttempt);
    m_attemptTimer.setSingleShot(true);
    connect(&m_attemptTimer, &QTimer::timeout, this, &MqttClient::attemptTimedOut);
}

MqttClient::~MqttClient()
{
    m_open = false;
    if (m_lookupId != -1)
        QHostInfo::abortHostLookup(m_lookupId);
    releaseHandle(false);
    destroyDoomedHandles();
}

bool MqttClient::open()
{
    if (m_open)
        return true;
    const MqttClientSettings &s = m_settings;
    QString problem;
    if (s.keepAliveSeconds < 5 || s.keepAliveSeconds > 65535)
        problem = QStringLiteral("keep-alive must be 5 to 65535 seconds");
    else if (s.reconnectDelayMin.count() <= 0 || s.reconnectDelayMax < s.reconnectDelayMin)
        problem = QStringLiteral("reconnect delays must be positive, the maximum not below the minimum");
    else if (s.connectTimeout.count() <= 0)
        problem = QStringLiteral("the connect timeout must be positive");
    else if (s.host.isEmpty())
        problem = QStringLiteral("no broker host");
    if (!problem.isEmpty()) {
        Q_EMIT errorOccurred(problem);
        return false;
    }
    if (!createHandle())
        return false;
    m_open = true;
    m_retryDelay = s.reconnectDelayMin;
    m_attempt = 0;
    setState(State::Connecting);
    startAttempt();
    return true;
}

void MqttClient::close()
{
    stop(true, QStringLiteral("closed by the client"));
}

void MqttClient::abort()
{
    stop(false, QStringLiteral("aborted by the client"));
}

bool MqttClient::subscribe(const QString &filter, int qos)
{
    const QByteArray utf8 = filter.toUtf8();
    if (qos < 0 || qos > 2 || mosquitto_sub_topic_check(utf8.constData()) != MOSQ_ERR_SUCCESS) {
        Q_EMIT errorOccurred(QStringLiteral("invalid subscription: %1 (QoS %2)").arg(filter).arg(qos));
        return false;
    }
    m_subscriptions.insert(filter, qos);
    if (m_state == State::Connected)
        sendSubscribe(filter, qos);
    return true;
}

bool MqttClient::unsubscribe(const QString &filter)
{
    if (m_subscriptions.remove(filter) == 0)
        return false;
    if (m_state != State::Connected)
        return true;
    int rc;
    int error;
    {
        LibraryCall call(this);
        rc = mosquitto_unsubscribe(m_handle, nullptr, filter.toUtf8().constData());
        error = errno;
    }
    if (rc != MOSQ_ERR_SUCCESS)
        Q_EMIT errorOccurred(QStringLiteral("cannot unsubscribe from %1: %2").arg(filter, describe(rc, error)));
    afterLibraryCall(rc, error);
    return rc == MOSQ_ERR_SUCCESS;
}

bool MqttClient::publish(const QString &topic, const QByteArray &payload, int qos, bool retain)
{
    if (m_state != State::Connected) {
        Q_EMIT errorOccurred(QStringLiteral("not connected: %1 not published").arg(topic));
        return false;
    }
    if (qos < 0 || qos > 2 || payload.size() > INT_MAX) {
        Q_EMIT errorOccurred(
            QStringLiteral("invalid message for %1 (QoS %2, %3 bytes)").arg(topic).arg(qos).arg(payload.size()));
        return false;
    }
    int rc;
    int error;
    {
        LibraryCall call(this);
        rc = mosquitto_publish(m_handle, nullptr, topic.toUtf8().constData(), static_cast<int>(payload.size()),
                               payload.constData(), qos, retain);
        error = errno;
    }
    if (rc != MOSQ_ERR_SUCCESS)
        Q_EMIT errorOccurred(QStringLiteral("cannot publish to %1: %2").arg(topic, describe(rc, error)));
    afterLibraryCall(rc, error);
    return rc == MOSQ_ERR_SUCCESS;
}

void MqttClient::onConnectCallback(mosquitto *handle, void *self, int rc)
{
    auto *client = static_cast<MqttClient *>(self);
    if (handle == client->m_handle)
        client->handleConnack(rc);
}

void MqttClient::onDisconnectCallback(mosquitto *handle, void *self, int rc)
{
    const int error = errno;
    auto *client = static_cast<MqttClient *>(self);
    if (handle != client->m_handle)
        return;
    client->linkLost(rc == MOSQ_ERR_SUCCESS ? QStringLiteral("connection closed") : describe(rc, error));
}

void MqttClient::onMessageCallback(mosquitto *handle, void *self, const mosquitto_message *message)
{
    auto *client = static_cast<MqttClient *>(self);
    if (handle != client->m_handle)
        return;
    Q_EMIT client->messageReceived(QString::fromUtf8(message->topic),
                                   QByteArray(static_cast<const char *>(message->payload), message->payloadlen),
                                   message->retain);
}

void MqttClient::onSubscribeCallback(mosquitto *handle, void *self, int mid, int count, const int *granted)
{
    auto *client = static_cast<MqttClient *>(self);
    if (handle != client->m_handle)
        return;
    const QString filter = client->m_pendingSubscribes.take(mid);
    if (filter.isNull() || count < 1)
        return;
    if (granted[0] < 0 || granted[0] > 2)
        Q_EMIT client->errorOccurred(QStringLiteral("the broker refused the subscription to %1").arg(filter));
    else
        Q_EMIT client->subscribed(filter, granted[0]);
}

void MqttClient::onLogCallback(mosquitto *, void *, int level, const char *text)
{
    if (level & (MOSQ_LOG_ERR | MOSQ_LOG_WARNING))
        qCWarning(lcMosquitto, "%s", text);
    else
        qCDebug(lcMosquitto, "%s", text);
}

bool MqttClient::createHandle()
{
    const QByteArray id = m_settings.clientId.toUtf8();
    mosquitto *handle = mosquitto_new(id.isEmpty() ? nullptr : id.constData(), m_settings.cleanSession, this);
    if (!handle) {
        Q_EMIT errorOccurred(errno == EINVAL ? QStringLiteral("an empty client id needs a clean session")
                                             : qt_error_string(errno));
        return false;
    }
    mosquitto_int_option(handle, MOSQ_OPT_PROTOCOL_VERSION, MQTT_PROTOCOL_V311);
    mosquitto_connect_callback_set(handle, &MqttClient::onConnectCallback);
    mosquitto_disconnect_callback_set(handle, &MqttClient::onDisconnectCallback);
    mosquitto_message_callback_set(handle, &MqttClient::onMessageCallback);
    mosquitto_subscribe_callback_set(handle, &MqttClient::onSubscribeCallback);
    mosquitto_log_callback_set(handle, &MqttClient::onLogCallback);

    int rc = MOSQ_ERR_SUCCESS;
    if (m_settings.username) {
        const QByteArray user = m_settings.username->toUtf8();
        const QByteArray password = m_settings.password.value_or(QString()).toUtf8();
        rc = mosquitto_username_pw_set(handle, user.constData(), m_settings.password ? password.constData() : nullptr);
    }
    if (rc == MOSQ_ERR_SUCCESS && m_settings.will) {
        const MqttClientSettings::Will &will = *m_settings.will;
        rc = will.payload.size() > INT_MAX
            ? MOSQ_ERR_PAYLOAD_SIZE
            : mosquitto_will_set(handle, will.topic.toUtf8().constData(), static_cast<int>(will.payload.size()),
                                 will.payload.constData(), will.qos, will.retain);
    }
    if (rc != MOSQ_ERR_SUCCESS) {
        mosquitto_destroy(handle);
        Q_EMIT errorOccurred(QStringLiteral("invalid settings: %1").arg(describe(rc, errno)));
        return false;
    }
    m_handle = handle;
    return true;
}

void MqttClient::releaseHandle(bool sendDisconnect)
{
    m_linkActive = false;
    dropNotifiers();
    if (!m_handle)
        return;
    mosquitto *handle = std::exchange(m_handle, nullptr);
    // From now on its callbacks are ignored: they no longer match m_handle.
    if (sendDisconnect) {
        // Outside a callback libmosquitto writes the DISCONNECT at once;
        // inside one it only queues it, and destroyDoomedHandles() flushes it.
        LibraryCall call(this);
        mosquitto_disconnect(handle);
    }
    m_doomedHandles.push_back({handle, sendDisconnect});
}

void MqttClient::destroyDoomedHandles()
{
    if (m_libraryDepth > 0)
        return;
    while (!m_doomedHandles.empty()) {
        const DoomedHandle doomed = m_doomedHandles.back();
        m_doomedHandles.pop_back();
        ++m_libraryDepth;
        if (doomed.flush && mosquitto_socket(doomed.handle) != -1 && mosquitto_want_write(doomed.handle))
            mosquitto_loop_write(doomed.handle, 1);
        // Closes the socket without a DISCONNECT of its own.
        mosquitto_destroy(doomed.handle);
        --m_libraryDepth;
    }
}

void MqttClient::startAttempt()
{
    m_retryTimer.stop();
    m_attemptTimer.start(m_settings.connectTimeout);
    if (QHostAddress address; address.setAddress(m_settings.host)) {
        connectTo(address.toString());
        return;
    }
    m_lookupId = QHostInfo::lookupHost(m_settings.host, this, &MqttClient::hostLookedUp);
}

void MqttClient::hostLookedUp(const QHostInfo &info)
{
    if (info.lookupId() != m_lookupId)
        return;
    m_lookupId = -1;
    const QList<QHostAddress> addresses = info.addresses();
    if (info.error() != QHostInfo::NoError || addresses.isEmpty()) {
        attemptFailed(QStringLiteral("cannot resolve %1: %2").arg(m_settings.host, info.errorString()));
        return;
    }
    // A name with several addresses: each attempt tries the next one.
    connectTo(addresses.at(m_attempt++ % addresses.size()).toString());
}

void MqttClient::connectTo(const QString &address)
{
    if (!m_handle && !createHandle()) {
        attemptFailed(QStringLiteral("cannot create the MQTT client"));
        return;
    }
    int rc;
    int error;
    {
        LibraryCall call(this);
        rc = mosquitto_connect_async(m_handle, address.toUtf8().constData(), m_settings.port,
                                     m_settings.keepAliveSeconds);
        error = errno;
    }
    if (rc != MOSQ_ERR_SUCCESS) {
        attemptFailed(describe(rc, error));
        return;
    }
    m_linkActive = true;
    afterLibraryCall(rc, error);
}

void MqttClient::handleConnack(int rc)
{
    if (rc != 0) {
        // libmosquitto closes the link next; linkLost() reports this reason.
        m_refusal = QStringLiteral("the broker refused the connection: %1")
                        .arg(QString::fromUtf8(mosquitto_connack_string(rc)));
        return;
    }
    m_attemptTimer.stop();
    m_retryDelay = m_settings.reconnectDelayMin;
    m_pendingSubscribes.clear();
    for (auto it = m_subscriptions.cbegin(); it != m_subscriptions.cend(); ++it)
        sendSubscribe(it.key(), it.value());
    setState(State::Connected);
    Q_EMIT connected();
}

void MqttClient::sendSubscribe(const QString &filter, int qos)
{
    int mid = 0;
    int rc;
    int error;
    {
        LibraryCall call(this);
        rc = mosquitto_subscribe(m_handle, &mid, filter.toUtf8().constData(), qos);
        error = errno;
    }
    if (rc == MOSQ_ERR_SUCCESS)
        m_pendingSubscribes.insert(mid, filter);
    else
        Q_EMIT errorOccurred(QStringLiteral("cannot subscribe to %1: %2").arg(filter, describe(rc, error)));
    afterLibraryCall(rc, error);
}

void MqttClient::linkLost(const QString &reason)
{
    if (!m_linkActive)
        return;
    m_linkActive = false;
    dropNotifiers();
    attemptFailed(m_refusal.isEmpty() ? reason : std::exchange(m_refusal, QString()));
}

void MqttClient::attemptTimedOut()
{
    // libmosquitto has no call that drops a socket and keeps the handle: the
    // next attempt starts with a new one.
    releaseHandle(false);
    destroyDoomedHandles();
    attemptFailed(QStringLiteral("no connection to %1:%2 after %3 ms")
                      .arg(m_settings.host)
                      .arg(m_settings.port)
                      .arg(m_settings.connectTimeout.count()));
}

void MqttClient::attemptFailed(const QString &reason)
{
    m_attemptTimer.stop();
    m_pendingSubscribes.clear();
    if (!m_open)
        return;
    const bool wasConnected = m_state == State::Connected;
    // The retry is scheduled before any signal, so a slot that calls close()
    // or open() finds the client in a consistent state.
    m_retryTimer.start(m_retryDelay);
    m_retryDelay = std::min(m_retryDelay * 2, m_settings.reconnectDelayMax);
    qCInfo(lcMqtt).noquote() << QStringLiteral("MQTT link to %1:%2: %3; next attempt in %4 ms")
                                    .arg(m_settings.host)
                                    .arg(m_settings.port)
                                    .arg(reason)
                                    .arg(m_retryTimer.interval());
    setState(State::Connecting);
    if (wasConnected)
        Q_EMIT disconnected(reason);
    else
        Q_EMIT errorOccurred(reason);
}

void MqttClient::stop(bool sendDisconnect, const QString &reason)
{
    m_open = false;
    m_retryTimer.stop();
    m_attemptTimer.stop();
    if (m_lookupId != -1) {
        QHostInfo::abortHostLookup(m_lookupId);
        m_lookupId = -1;
    }
    const bool wasConnected = m_state == State::Connected;
    releaseHandle(sendDisconnect && wasConnected);
    destroyDoomedHandles();
    m_pendingSubscribes.clear();
    m_refusal.clear();
    setState(State::Disconnected);
    if (wasConnected)
        Q_EMIT disconnected(reason);
}

void MqttClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void MqttClient::readReady()
{
    if (!m_handle)
        return;
    int rc;
    int error;
    {
        LibraryCall call(this);
        rc = mosquitto_loop_read(m_handle, 1);
        error = errno;
    }
    afterLibraryCall(rc, error);
}

void MqttClient::writeReady()
{
    if (!m_handle)
        return;
    int rc;
    int error;
    {
        LibraryCall call(this);
        rc = mosquitto_loop_write(m_handle, 1);
        error = errno;
    }
    afterLibraryCall(rc, error);
}

void MqttClient::housekeeping()
{
    if (!m_handle)
        return;
    int rc;
    int error;
    {
        LibraryCall call(this);
        rc = mosquitto_loop_misc(m_handle);
        error = errno;
    }
    afterLibraryCall(rc, error);
}

void MqttClient::afterLibraryCall(int rc, int error)
{
    if (!m_handle || !m_linkActive)
        return;
    const int socket = mosquitto_socket(m_handle);
    if (socket == -1) {
        // Closed by libmosquitto without a disconnect callback.
        linkLost(rc == MOSQ_ERR_SUCCESS ? QStringLiteral("connection closed") : describe(rc, error));
        return;
    }
    if (socket != m_socket) {
        dropNotifiers();
        m_socket = socket;
        m_readNotifier = new QSocketNotifier(socket, QSocketNotifier::Read, this);
        connect(m_readNotifier, &QSocketNotifier::activated, this, &MqttClient::readReady);
        m_writeNotifier = new QSocketNotifier(socket, QSocketNotifier::Write, this);
        connect(m_writeNotifier, &QSocketNotifier::activated, this, &MqttClient::writeReady);
        m_housekeepingTimer.start();
    }
    m_writeNotifier->setEnabled(mosquitto_want_write(m_handle));
}

void MqttClient::dropNotifiers()
{
    // Called before or right after libmosquitto closes the socket, never
    // with the event loop in between; deleteLater() because this may run in
    // one of the notifiers' own activated() slots.
    for (QSocketNotifier *notifier : {m_readNotifier, m_writeNotifier}) {
        if (notifier) {
            notifier->setEnabled(false);
            notifier->deleteLater();
        }
    }
    m_readNotifier = nullptr;
    m_writeNotifier = nullptr;
    m_socket = -1;
    m_housekeepingTimer.stop();
}
