#include "alarmnotedialog.h"
#include "alarmsview.h"
#include "support/consolefixture.h"
#include "theme.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QScopeGuard>
#include <QScreen>
#include <QTableView>
#include <QTest>

// The acknowledgement dialog on a small screen, 1024×700 (the offscreen
// platform configured by screens-1024x700.json), at normal and at 150 %
// type: a short title that fits beside the title bar's buttons, the alarms
// in the body, and the whole dialog on the screen.
class TestAlarmNoteDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void titleFitsAndDetailIsInTheBody_data();
    void titleFitsAndDetailIsInTheBody();
};

namespace {

SimOptions flood()
{
    SimOptions o;
    o.drones = 24; // the flood runs every third drone low: eight alarms
    o.machines = 0;
    o.tiles = 0;
    o.rate = 0.5;
    o.scenarios = {QStringLiteral("alarm-flood")};
    return o;
}

QRect freeArea()
{
    return QGuiApplication::primaryScreen()->availableGeometry();
}

} // namespace

void TestAlarmNoteDialog::initTestCase()
{
    Theme::apply();
    QCOMPARE(freeArea().size(), QSize(1024, 700)); // the test's screen, not the platform's default
}

void TestAlarmNoteDialog::titleFitsAndDetailIsInTheBody_data()
{
    QTest::addColumn<qreal>("scale");
    QTest::newRow("normal type") << 1.0;
    QTest::newRow("150 % type") << 1.5;
}

void TestAlarmNoteDialog::titleFitsAndDetailIsInTheBody()
{
    QFETCH(qreal, scale);
    const QFont normal = QApplication::font();
    const auto restore = qScopeGuard([&normal] { QApplication::setFont(normal); });
    QFont type = normal;
    type.setPointSizeF(normal.pointSizeF() * scale);
    QApplication::setFont(type);

    ConsoleFixture console(flood());
    console.openStore();
    AlarmsView view(console.session.alarms(), console.session.alarmRate(), console.session.alarmActions(),
                    console.session.link());
    view.resize(1000, 640);
    view.groupBox()->setChecked(false); // one row per alarm: the rows are what is counted
    view.show();
    console.session.start();
    QTableView *table = view.alarmTable();
    QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() >= AlarmNoteDialog::kListed + 1, 15000);
    table->selectAll();
    QTRY_VERIFY(view.acknowledgeAction()->isEnabled());
    // Acknowledging asks about the selected alarms still waiting.
    int selected = 0;
    for (const QModelIndex &row : table->selectionModel()->selectedRows())
        selected += row.data(AlarmModel::AcknowledgedRole).toBool() ? 0 : 1;
    QVERIFY(selected > AlarmNoteDialog::kListed);
    view.acknowledgeAction()->trigger();
    auto *dialog = view.findChild<AlarmNoteDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());

    // A short title: what is asked and how many, no alarm's text.
    const QString title = dialog->windowTitle();
    QCOMPARE(title, AlarmNoteDialog::tr("Acknowledge %1 alarms").arg(selected));
    // Whole beside the title bar's icon and buttons.
    QFont titleFont = dialog->font();
    titleFont.setBold(true);
    QCOMPARE(titleFont.pointSizeF(), type.pointSizeF());
    const int titleNeeds = QFontMetrics(titleFont).horizontalAdvance(title) + AlarmNoteDialog::kTitleBarRoom;
    QVERIFY2(dialog->width() >= titleNeeds,
             qPrintable(QStringLiteral("%1 wide for a title needing %2").arg(dialog->width()).arg(titleNeeds)));
    // The detail in the body: the count and the first alarms, the rest counted.
    QString body;
    for (const QLabel *label : dialog->findChildren<QLabel *>())
        body += label->text() + u'\n';
    QVERIFY(body.contains(QString::number(selected)));
    QVERIFY(body.contains(AlarmNoteDialog::tr("… and %1 more").arg(selected - AlarmNoteDialog::kListed)));
    // The dialog on the screen, every line of its body within it.
    QVERIFY2(
        freeArea().contains(dialog->frameGeometry()),
        qPrintable(QStringLiteral("%1×%2").arg(dialog->frameGeometry().width()).arg(dialog->frameGeometry().height())));
    auto *alarms = dialog->findChild<QLabel *>(QStringLiteral("ackAlarms"));
    QVERIFY(alarms);
    QVERIFY(alarms->sizeHint().width() <= alarms->width());
    const QString dir = qEnvironmentVariable("WATCHFLOOR_SCREENSHOT_DIR");
    if (!dir.isEmpty() && QDir().mkpath(dir))
        dialog->grab().save(QDir(dir).filePath(
            QStringLiteral("ack-dialog-%1.png").arg(scale > 1.0 ? QStringLiteral("150") : QStringLiteral("100"))));
    dialog->reject();
}

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" WATCHFLOOR_SCREENS_JSON);
    QApplication app(argc, argv);
    TestAlarmNoteDialog test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_alarmnotedialog.moc"
