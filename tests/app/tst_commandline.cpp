#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

// The two executables as an administrator or ./run uses them.
class TestCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demoScreenshotAfterLiveData();
    void versionAndHelp();
    void refusesAmbiguousOrMissingSource();
    void badProfileNamesFileLineAndKey();
    void simulatorRejectsBadOptions_data();
    void simulatorRejectsBadOptions();
    void simulatorClosesCleanlyOnSigterm();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    static Run run(const QString &program, const QStringList &args, int timeoutMs = 30000);
    QTemporaryDir m_dir;
};

TestCommandLine::Run TestCommandLine::run(const QString &program, const QStringList &args, int timeoutMs)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForStarted() || !p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

void TestCommandLine::demoScreenshotAfterLiveData()
{
    const QString path = m_dir.filePath(QStringLiteral("shots/demo.png"));
    const Run r
        = run(QStringLiteral(WATCHFLOOR_PATH), {QStringLiteral("--demo"), QStringLiteral("--screenshot"), path});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out.trimmed(), path); // prints where it saved the picture
    const QImage shot(path);
    QVERIFY(!shot.isNull());
    QVERIFY(shot.width() >= 800);
    QVERIFY(shot.height() >= 500);
}

void TestCommandLine::versionAndHelp()
{
    const Run version = run(QStringLiteral(WATCHFLOOR_PATH), {QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY2(version.out.contains(QStringLiteral(WATCHFLOOR_VERSION)), qPrintable(version.out));

    const Run help = run(QStringLiteral(WATCHFLOOR_PATH), {QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    for (const char *option :
         {"--profile", "--demo", "--screenshot", "--kiosk", "--list-profiles", "--check-profile", "--hash-pin"})
        QVERIFY2(help.out.contains(QLatin1StringView(option)), option);

    const Run simHelp = run(QStringLiteral(WATCHFLOOR_SIM_PATH), {QStringLiteral("--help")});
    QCOMPARE(simHelp.exitCode, 0);
    for (const char *option : {"--host", "--port", "--drones", "--rate", "--token", "--seed", "--heartbeat-ms"})
        QVERIFY2(simHelp.out.contains(QLatin1StringView(option)), option);
}

void TestCommandLine::refusesAmbiguousOrMissingSource()
{
    const Run none = run(QStringLiteral(WATCHFLOOR_PATH), {});
    QCOMPARE(none.exitCode, 2);
    QVERIFY2(none.err.contains(QStringLiteral("give --profile NAME or --demo")), qPrintable(none.err));

    const Run both = run(QStringLiteral(WATCHFLOOR_PATH),
                         {QStringLiteral("--demo"), QStringLiteral("--profile"), QStringLiteral("x.ini")});
    QCOMPARE(both.exitCode, 2);
}

void TestCommandLine::badProfileNamesFileLineAndKey()
{
    const QString path = m_dir.filePath(QStringLiteral("typo.ini"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("[server]\nurl=ws://127.0.0.1:1/ws\nurll=ws://x/ws\n");
    f.close();
    const Run r = run(QStringLiteral(WATCHFLOOR_PATH), {QStringLiteral("--profile"), path});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(path + QStringLiteral(":3: [server] urll: unknown key")), qPrintable(r.err));
}

void TestCommandLine::simulatorRejectsBadOptions_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("port") << QStringList {QStringLiteral("--port"), QStringLiteral("70000")}
                          << QStringLiteral("--port");
    QTest::newRow("drones") << QStringList {QStringLiteral("--drones"), QStringLiteral("-3")}
                            << QStringLiteral("--drones");
    QTest::newRow("rate") << QStringList {QStringLiteral("--rate"), QStringLiteral("fast")} << QStringLiteral("--rate");
    QTest::newRow("host") << QStringList {QStringLiteral("--host"), QStringLiteral("plant")}
                          << QStringLiteral("--host");
    QTest::newRow("scenario") << QStringList {QStringLiteral("--scenario"), QStringLiteral("alarm-flood,meteor")}
                              << QStringLiteral("\"meteor\" is not one of");
    QTest::newRow("failure rate") << QStringList {QStringLiteral("--command-failure-rate"), QStringLiteral("1.5")}
                                  << QStringLiteral("--command-failure-rate");
    QTest::newRow("tokens file") << QStringList {QStringLiteral("--tokens-file"), QStringLiteral("/nonexistent/tokens")}
                                 << QStringLiteral("--tokens-file: /nonexistent/tokens: cannot read");
}

void TestCommandLine::simulatorRejectsBadOptions()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = run(QStringLiteral(WATCHFLOOR_SIM_PATH), args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

void TestCommandLine::simulatorClosesCleanlyOnSigterm()
{
    QProcess sim;
    sim.start(QStringLiteral(WATCHFLOOR_SIM_PATH), {QStringLiteral("--port"), QStringLiteral("0")});
    QVERIFY(sim.waitForStarted());
    QTRY_VERIFY(sim.canReadLine());
    const QString url = QString::fromUtf8(sim.readLine()).trimmed().section(u' ', -1);
    QVERIFY2(url.startsWith(QStringLiteral("ws://127.0.0.1:")), qPrintable(url));

    QWebSocket console;
    int closeCode = 0;
    connect(&console, &QWebSocket::disconnected, this, [&] { closeCode = int(console.closeCode()); });
    console.open(QUrl(url));
    QTRY_COMPARE(console.state(), QAbstractSocket::ConnectedState);

    sim.terminate(); // SIGTERM
    QTRY_COMPARE(closeCode, 1001); // going away: reconnect later or elsewhere
    QTRY_COMPARE(sim.state(), QProcess::NotRunning);
    QCOMPARE(sim.exitStatus(), QProcess::NormalExit);
    QCOMPARE(sim.exitCode(), 0);
    QVERIFY(sim.readAllStandardError().contains("event=shutdown reason=signal"));
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
