#include "profilecheck.h"

#include "net/connectionservice.h"

#include "model/alarmmodel.h"
#include "model/commandmodel.h"
#include "model/dronemodel.h"
#include "model/machinemodel.h"
#include "model/operatormodel.h"
#include "model/serverhealthmodel.h"
#include "model/tilemodel.h"

#include <QJsonObject>
#include <QLocale>

ProfileCheck::ProfileCheck(const Profile &profile, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
{
    ConnectionSettings settings = profile.connection;
    // One try at each step: a check that quietly retried would hide what an
    // administrator needs to see. The REST fallback is not the WebSocket.
    settings.maxAttempts = 1;
    settings.attemptsPerServer = 1;
    settings.pollingFallback = false;
    m_session.setSettings(settings);
    m_session.setSessionSettings(profile.session);
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        const ConnectionService *c = m_session.connection();
        QString detail = tr("no answer within %1 s").arg(m_timeout.interval() / 1000.0, 0, 'g', 3);
        if (!c->lastError().isEmpty())
            detail += QStringLiteral(" (") + c->lastError() + u')';
        fail(pendingStep(), detail);
    });
    connect(m_session.connection(), &ConnectionService::stateChanged, this, &ProfileCheck::onStateChanged);
    connect(&m_session, &Session::liveDataArrived, this, &ProfileCheck::onLive);
}

void ProfileCheck::start(int timeoutMs)
{
    m_report.server = m_profile.connection.url;
    m_clock.start();
    m_timeout.start(timeoutMs);
    m_session.start();
}

ProfileCheck::Step ProfileCheck::pendingStep() const
{
    if (!m_connected)
        return Step::Connect;
    if (m_session.connection()->role().isEmpty()
        && m_session.connection()->dialect() != ConnectionSettings::Dialect::Plain)
        return Step::Authenticate;
    if (m_report.liveAfterMs < 0)
        return Step::Snapshots;
    return Step::RoundTrip;
}

void ProfileCheck::onStateChanged(Domain::LinkState state)
{
    if (m_done)
        return;
    const ConnectionService *c = m_session.connection();
    using State = Domain::LinkState;
    if (state == State::Authenticating && !m_connected) {
        m_connected = true;
        m_report.server = c->currentUrl();
        pass(Step::Connect, c->currentUrl().toString());
    } else if (state == State::Live && !m_connected) {
        // Dialects without a handshake are live as soon as the socket opens.
        m_connected = true;
        m_report.server = c->currentUrl();
        pass(Step::Connect, c->currentUrl().toString());
    } else if (state == State::Failed) {
        fail(pendingStep(), c->failureReason().isEmpty() ? c->lastError() : c->failureReason());
    } else if (state == State::Reconnecting || state == State::Offline) {
        fail(pendingStep(), c->lastError().isEmpty() ? ConnectionService::stateName(state) : c->lastError());
    }
}

void ProfileCheck::onLive()
{
    if (m_done || m_report.liveAfterMs >= 0)
        return;
    const ConnectionService *c = m_session.connection();
    m_report.liveAfterMs = m_clock.elapsed();
    m_report.serverName = c->serverName();
    m_report.dialect = ConnectionSettings::dialectWord(c->dialect());
    m_report.role = c->role();
    if (c->dialect() == ConnectionSettings::Dialect::Watchfloor || !c->role().isEmpty())
        pass(Step::Authenticate, c->role().isEmpty() ? tr("accepted") : tr("role %1").arg(c->role()));
    else
        pass(Step::Authenticate, tr("not asked by this server (%1 dialect)").arg(m_report.dialect));
    pass(Step::Snapshots,
         tr("%n channel(s) live after %1 ms", nullptr, int(m_profile.session.channels.size()))
             .arg(m_report.liveAfterMs));
    // The models take what arrived in their next frame.
    QTimer::singleShot(m_profile.session.frameMs + 20, this, &ProfileCheck::measureRoundTrip);
}

void ProfileCheck::measureRoundTrip()
{
    if (m_done)
        return;
    // A WebSocket ping: every dialect's server answers it, unlike requests.
    ConnectionService *c = m_session.connection();
    connect(c, &ConnectionService::roundTripMeasured, this, [this](qint64 ms) {
        if (m_done)
            return;
        m_report.roundTripMs = ms;
        pass(Step::RoundTrip, tr("%1 ms").arg(ms));
        finish(true);
    });
    if (!c->measureRoundTrip())
        fail(Step::RoundTrip, tr("the link closed before the ping"));
}

void ProfileCheck::pass(Step step, const QString &detail)
{
    m_report.steps.append({step, true, detail});
}

void ProfileCheck::fail(Step step, const QString &detail)
{
    if (m_done)
        return;
    m_report.steps.append({step, false, detail});
    finish(false);
}

void ProfileCheck::finish(bool ok)
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    if (ok) {
        const QStringList &channels = m_profile.session.channels;
        auto add = [&](const QString &channel, int count) {
            if (channels.contains(channel))
                m_report.entities.append({channel, count});
        };
        add(QStringLiteral("drones"), m_session.drones()->rowCount());
        add(QStringLiteral("machines"), m_session.machines()->rowCount());
        add(QStringLiteral("tiles"), m_session.tiles()->rowCount());
        add(QStringLiteral("alarms"), m_session.alarms()->rowCount());
        add(QStringLiteral("commands"), m_session.commands()->rowCount());
        add(QStringLiteral("health"), m_session.health()->rowCount());
        add(QStringLiteral("presence"), m_session.operators()->rowCount());
        const AlarmModel *alarms = m_session.alarms();
        m_report.unacknowledged = alarms->unacknowledgedCount();
        m_report.unacknowledgedCritical = alarms->unacknowledgedAtLeast(Domain::AlarmSeverity::Critical);
        m_report.unacknowledgedHigh = alarms->unacknowledgedAtLeast(Domain::AlarmSeverity::High);
    }
    m_report.ok = ok;
    m_session.connection()->stop();
    Q_EMIT finished(ok);
}

QString ProfileCheck::stepName(Step step)
{
    switch (step) {
    case Step::Connect:
        return tr("connect");
    case Step::Authenticate:
        return tr("authenticate");
    case Step::Snapshots:
        return tr("subscribe and snapshots");
    case Step::RoundTrip:
        return tr("round trip");
    }
    return {};
}

QString ProfileCheck::format(const Profile &profile, const Report &report)
{
    const QLocale locale;
    QStringList lines;
    lines << tr("profile: %1").arg(profile.path);
    lines << tr("  valid: ok");
    for (const StepResult &step : report.steps) {
        lines << QStringLiteral("  %1: %2%3")
                     .arg(stepName(step.step), step.ok ? tr("ok") : tr("FAILED"),
                          step.detail.isEmpty() ? QString() : QStringLiteral(" (") + step.detail + u')');
    }
    if (report.ok) {
        QString server = report.server.toString();
        if (!report.serverName.isEmpty())
            server += QStringLiteral(" — ") + report.serverName;
        if (profile.simulator.enabled)
            server += u' ' + tr("(the built-in simulator)");
        lines << tr("server: %1").arg(server);
        lines << tr("dialect: %1").arg(report.dialect);
        lines << tr("role: %1").arg(report.role.isEmpty() ? tr("none given") : report.role);
        lines << tr("round trip: %1")
                     .arg(report.roundTripMs < 0 ? tr("not measured")
                                                 : tr("%1 ms").arg(locale.toString(report.roundTripMs)));
        QStringList counts;
        for (const auto &[channel, count] : report.entities)
            counts << QStringLiteral("%1 %2").arg(channel, locale.toString(count));
        lines << tr("entities: %1").arg(counts.join(QStringLiteral(", ")));
        lines << tr("unacknowledged alarms: %1 (critical %2, critical or high %3)")
                     .arg(locale.toString(report.unacknowledged), locale.toString(report.unacknowledgedCritical),
                          locale.toString(report.unacknowledgedHigh));
    }
    lines << (report.ok ? tr("result: OK") : tr("result: FAILED"));
    return lines.join(u'\n');
}
