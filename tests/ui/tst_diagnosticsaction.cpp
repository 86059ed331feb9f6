#include "mainwindow.h"
#include "services/consoleservices.h"
#include "services/diagnosticssnapshot.h"
#include "services/session.h"

#include <QAction>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

class TestDiagnosticsAction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void saveDiagnosticsWritesTheSnapshot();
};

void TestDiagnosticsAction::saveDiagnosticsWritesTheSnapshot()
{
    QTemporaryDir dir;
    Session session;
    ConsoleServices windowServices(&session);
    MainWindow window(&windowServices, QStringLiteral("test"));
    QAction *action = window.saveDiagnosticsAction();
    QVERIFY(action);
    QVERIFY(!action->isEnabled()); // nothing to save yet
    QVERIFY(!window.saveDiagnostics(dir.filePath(QStringLiteral("none.json"))));

    DiagnosticsSnapshot snapshot(&session);
    window.setDiagnostics(&snapshot);
    QVERIFY(action->isEnabled());
    QCOMPARE(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+D")));
    const QString path = dir.filePath(QStringLiteral("diag.json"));
    QString error;
    QVERIFY2(window.saveDiagnostics(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(file.readAll()).object()[u"format"].toString(),
             QStringLiteral("watchfloor-diagnostics"));

    // The window menu offers it...
    auto *menu = window.findChild<QMenu *>(QStringLiteral("windowMenu"));
    QVERIFY(menu);
    Q_EMIT menu->aboutToShow();
    QVERIFY(menu->actions().contains(action));
    // ...but not a floor screen, where nobody may open a file dialog.
    window.setKioskMode(true);
    QVERIFY(!action->isEnabled());
    Q_EMIT menu->aboutToShow();
    QVERIFY(!menu->actions().contains(action));
}

QTEST_MAIN(TestDiagnosticsAction)
#include "tst_diagnosticsaction.moc"
