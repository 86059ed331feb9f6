#include "core/net/faultproxy.h"
#include "net/connectionservice.h"
#include "services/diagnosticssnapshot.h"
#include "services/diagnosticswriter.h"
#include "services/session.h"
#include "simhost.h"
#include "support/consolefixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {

SimOptions plant()
{
    SimOptions o;
    o.port = 0;
    o.drones = 6;
    o.machines = 8;
    o.tiles = 2;
    o.rate = 20.0;
    o.scenarios = {QStringLiteral("alarm-flood"), QStringLiteral("chattering-sensor")};
    return o;
}

// Who this test's consoles sign in as.
const ConsoleFixture::Login kTester {.token = {}, .operatorName = QStringLiteral("tester")};

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

// The server's alarm book as "id state count ackedBy" lines, sorted.
QStringList serverAlarms(const SimHost &sim)
{
    QStringList lines;
    const QJsonArray items = sim.snapshotAll()[u"channels"][u"alarms"].toArray();
    for (const QJsonValue &v : items) {
        const QJsonObject a = v.toObject();
        lines << QStringLiteral("%1 %2 %3 %4")
                     .arg(a[u"alarmId"].toString(), a[u"state"].toString(QStringLiteral("active_unacked")))
                     .arg(a[u"count"].toInteger(1))
                     .arg(a[u"ackedBy"].toString());
    }
    lines.sort();
    return lines;
}

QStringList shownAlarms(const QJsonObject &doc)
{
    QStringList lines;
    const QJsonArray items = doc[u"alarms"][u"items"].toArray();
    for (const QJsonValue &v : items) {
        const QJsonObject a = v.toObject();
        lines << QStringLiteral("%1 %2 %3 %4")
                     .arg(a[u"id"].toString(), a[u"state"].toString())
                     .arg(a[u"count"].toInteger())
                     .arg(a[u"ackedBy"].toString());
    }
    lines.sort();
    return lines;
}

QStringList ids(const QJsonArray &items)
{
    QStringList out;
    for (const QJsonValue &v : items)
        out << v[u"id"].toString();
    out.sort();
    return out;
}

} // namespace

class TestDiagnosticsSnapshot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsWhatTheServerHolds();
    void everythingIsStaleWhileTheLinkIsDown();
    void periodicFileIsReplacedWhole();
    void sigusr1WritesAOneOff();
};

void TestDiagnosticsSnapshot::showsWhatTheServerHolds()
{
    SimHost sim(plant());
    QVERIFY(sim.listen());
    Session session;
    session.setSettings(ConsoleFixture::settingsFor(sim.url(), kTester));
    DiagnosticsSnapshot snapshot(&session);
    session.start();
    QTRY_VERIFY_WITH_TIMEOUT(session.hasLiveData(), 10000);
    // The flood raises alarms a couple of seconds in (world time); wait until
    // the console and the server agree on a non-empty book.
    QTRY_VERIFY_WITH_TIMEOUT(!serverAlarms(sim).isEmpty(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(shownAlarms(snapshot.capture()), serverAlarms(sim), 10000);

    const QJsonObject doc = snapshot.capture();
    QCOMPARE(doc[u"format"].toString(), QStringLiteral("watchfloor-diagnostics"));
    QCOMPARE(doc[u"version"].toInt(), DiagnosticsSnapshot::kFormatVersion);
    const QJsonObject link = doc[u"link"].toObject();
    QCOMPARE(link[u"state"].toString(), QStringLiteral("live"));
    QVERIFY(link[u"live"].toBool());
    QVERIFY(link[u"liveData"].toBool());
    QVERIFY(link[u"liveForMs"].toInteger() >= 0);
    QCOMPARE(link[u"downForMs"].toInteger(), -1);
    QCOMPARE(link[u"sessionId"].toString(), session.connection()->sessionId());
    QVERIFY(link[u"lastSeq"].toString().toULongLong() > 0);

    QStringList serials;
    for (const QJsonValue &d : sim.snapshotAll()[u"channels"][u"drones"].toArray())
        serials << d[u"serial"].toString();
    serials.sort();
    QCOMPARE(ids(doc[u"drones"][u"items"].toArray()), serials);
    QCOMPARE(doc[u"machines"][u"count"].toInt(), 8);
    QVERIFY(doc[u"endpoints"][u"count"].toInt() > 0);
    for (const char *kind : {"drones", "machines", "endpoints"}) {
        const QJsonObject group = doc[QLatin1String(kind)].toObject();
        for (const QJsonValue &item : group[u"items"].toArray()) {
            QVERIFY2(!item[u"stale"].toBool(), kind);
            QVERIFY2(item[u"ageMs"].toInteger() >= 0, kind);
        }
    }
    const QJsonArray alarmItems = doc[u"alarms"][u"items"].toArray();
    const int unacked = int(std::count_if(alarmItems.begin(), alarmItems.end(),
                                          [](const QJsonValue &a) { return !a[u"acknowledged"].toBool(); }));
    QCOMPARE(doc[u"alarms"][u"unacknowledged"].toInt(), unacked);
    QCOMPARE(doc[u"outbox"][u"available"].toBool(), false); // no store set
    QCOMPARE(doc[u"commands"][u"available"].toBool(), false);
}

void TestDiagnosticsSnapshot::everythingIsStaleWhileTheLinkIsDown()
{
    SimHost sim(plant());
    QVERIFY(sim.listen());
    FaultProxy proxy(sim.port());
    Session session;
    session.setSettings(ConsoleFixture::settingsFor(proxy.url(), kTester));
    DiagnosticsSnapshot snapshot(&session);
    session.start();
    QTRY_VERIFY_WITH_TIMEOUT(session.hasLiveData(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(snapshot.capture()[u"drones"][u"count"].toInt() == 6, 5000);

    proxy.setRefusing(true);
    proxy.dropAll();
    QTRY_VERIFY_WITH_TIMEOUT(!session.connection()->isLive(), 5000);
    const QJsonObject doc = snapshot.capture();
    QCOMPARE(doc[u"link"][u"live"].toBool(), false);
    QVERIFY(doc[u"link"][u"downForMs"].toInteger() >= 0);
    QCOMPARE(doc[u"link"][u"liveForMs"].toInteger(), -1);
    for (const char *kind : {"drones", "machines", "endpoints", "alarms"}) {
        const QJsonObject group = doc[QLatin1String(kind)].toObject();
        QCOMPARE(group[u"stale"].toInt(), group[u"count"].toInt());
    }
}

void TestDiagnosticsSnapshot::periodicFileIsReplacedWhole()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sub/diag.json"));
    Session session;
    DiagnosticsSnapshot snapshot(&session);
    DiagnosticsWriter writer(&snapshot);
    QSignalSpy written(&writer, &DiagnosticsWriter::written);
    writer.startPeriodic(path, 50);
    QCOMPARE(written.count(), 1); // at once
    QCOMPARE(readJson(path)[u"link"][u"state"].toString(), QStringLiteral("disconnected"));
    QTRY_VERIFY(written.count() >= 3);
    // Nothing but the document is left behind: the temporary files were renamed.
    QCOMPARE(QDir(dir.filePath(QStringLiteral("sub"))).entryList(QDir::Files),
             QStringList {QStringLiteral("diag.json")});

    // A folder that cannot be written is reported, and the console goes on.
    QSignalSpy failed(&writer, &DiagnosticsWriter::writeFailed);
    QVERIFY(!writer.writeOnce(QStringLiteral("/proc/watchfloor/diag.json")));
    QCOMPARE(failed.count(), 1);
}

void TestDiagnosticsSnapshot::sigusr1WritesAOneOff()
{
    QTemporaryDir dir;
    qputenv("TMPDIR", dir.path().toLocal8Bit());
    Session session;
    DiagnosticsSnapshot snapshot(&session);
    DiagnosticsWriter writer(&snapshot);
    QVERIFY(writer.watchSignal());
    DiagnosticsWriter second(&snapshot);
    QVERIFY(!second.watchSignal()); // one per process
    QVERIFY(writer.oneOffPath().startsWith(dir.path()));
    QSignalSpy written(&writer, &DiagnosticsWriter::written);
    ::raise(SIGUSR1);
    QTRY_COMPARE(written.count(), 1);
    QCOMPARE(written.at(0).at(0).toString(), writer.oneOffPath());
    QCOMPARE(readJson(writer.oneOffPath())[u"format"].toString(), QStringLiteral("watchfloor-diagnostics"));
}

QTEST_GUILESS_MAIN(TestDiagnosticsSnapshot)
#include "tst_diagnosticssnapshot.moc"
