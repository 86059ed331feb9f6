#include "activitydelegate.h"
#include "activityfilterproxy.h"
#include "activityview.h"
#include "net/connectionservice.h"
#include "support/consolefixture.h"
#include "theme.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

namespace {

const QString operatorName = QStringLiteral("tester");

SimOptions plant()
{
    SimOptions o;
    o.port = 0;
    o.drones = 0;
    o.machines = 12;
    o.tiles = 2; // tank 1's outlet valve takes the test's command
    o.rate = 20.0;
    o.scenarios = {QStringLiteral("machine-breakdown")};
    return o;
}

// The activity view of a console whose operator is "tester".
struct Console : ConsoleFixture
{
    Console()
        : ConsoleFixture(plant(), {.token = {}, .operatorName = operatorName})
    {
        view = std::make_unique<ActivityView>(session.activity(), session.operators());
        view->resize(1280, 800);
        view->show();
        watch({view->activityProxy(), view->operatorTable()->model(), session.operators(), session.activity()});
        session.start();
    }

    // Opens tank 1's outlet valve as the test's operator; true once the server took it.
    bool openValve() { return !sendCommand(QStringLiteral("T1.V101.open"), true).isEmpty(); }

    std::unique_ptr<ActivityView> view;
};

// The row of the operators table showing this operator, or -1.
int operatorRow(QTableView *table, const QString &name)
{
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        if (table->model()->index(row, OperatorModel::NameColumn).data().toString() == name)
            return row;
    }
    return -1;
}

// The first (newest) row of the activity table with this action, or -1.
int activityRow(QTableView *table, const QString &action)
{
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        if (table->model()->index(row, 0).data(ActivityModel::ActionRole).toString() == action)
            return row;
    }
    return -1;
}

} // namespace

class TestActivityView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Theme::apply(); }
    void showsTheOperatorPresent();
    void showsTheOperatorsCommandAndFilters();
    void namesTheAlarmAcknowledged();
    void screenshot();
};

void TestActivityView::showsTheOperatorPresent()
{
    Console console;
    QTableView *table = console.view->operatorTable();
    QTRY_VERIFY_WITH_TIMEOUT(operatorRow(table, operatorName) >= 0, 10000);
    const int row = operatorRow(table, operatorName);
    QCOMPARE(table->model()->rowCount(), console.session.operators()->rowCount());
    // Sorted by name.
    for (int r = 1; r < table->model()->rowCount(); ++r)
        QVERIFY(table->model()->index(r - 1, 0).data().toString() <= table->model()->index(r, 0).data().toString());
    const QModelIndex role = table->model()->index(row, OperatorModel::RoleColumn);
    QCOMPARE(ActivityDelegate::cellText(ActivityDelegate::Table::Operators, role),
             ActivityDelegate::roleText(Domain::OperatorRole(role.data(OperatorModel::OperatorRoleRole).toInt())));
    QVERIFY(!ActivityDelegate::cellText(ActivityDelegate::Table::Operators,
                                        table->model()->index(row, OperatorModel::SinceColumn))
                 .isEmpty());
    QVERIFY(console.view->findChild<QLabel *>(QStringLiteral("operatorsTitle"))
                ->text()
                .contains(QString::number(table->model()->rowCount())));
}

void TestActivityView::showsTheOperatorsCommandAndFilters()
{
    Console console;
    QTRY_VERIFY_WITH_TIMEOUT(console.session.hasLiveData(), 10000);
    QVERIFY(console.openValve());
    QTableView *table = console.view->activityTable();
    QTRY_VERIFY_WITH_TIMEOUT(activityRow(table, QStringLiteral("command")) >= 0, 10000);
    const int row = activityRow(table, QStringLiteral("command"));
    QCOMPARE(table->model()->index(row, ActivityModel::OperatorColumn).data().toString(), operatorName);
    QCOMPARE(ActivityDelegate::cellText(ActivityDelegate::Table::Activity,
                                        table->model()->index(row, ActivityModel::ActionColumn)),
             ActivityDelegate::actionText(QStringLiteral("command")));
    QVERIFY(!ActivityDelegate::cellText(ActivityDelegate::Table::Activity,
                                        table->model()->index(row, ActivityModel::TimeColumn))
                 .isEmpty());
    // The target as every command text names it, tile › device › endpoint;
    // its id in the tool tip and the roles.
    const QModelIndex target = table->model()->index(row, ActivityModel::TargetColumn);
    const QString path = console.session.tiles()->endpointPath(QStringLiteral("T1.V101.open"));
    QVERIFY(path.contains(QStringLiteral(" \u203A ")));
    QCOMPARE(target.data().toString(), path);
    QCOMPARE(ActivityDelegate::cellText(ActivityDelegate::Table::Activity, target), path);
    QCOMPARE(target.data(Qt::ToolTipRole).toString(), QStringLiteral("T1.V101.open"));
    QCOMPARE(target.data(ActivityModel::TargetRole).toString(), QStringLiteral("T1.V101.open"));

    // The operator's row says what they did last.
    QTableView *operators = console.view->operatorTable();
    QTRY_VERIFY(operatorRow(operators, operatorName) >= 0);
    QTRY_VERIFY(ActivityDelegate::cellText(
                    ActivityDelegate::Table::Operators,
                    operators->model()->index(operatorRow(operators, operatorName), OperatorModel::LastActionColumn))
                    .contains(ActivityDelegate::actionText(QStringLiteral("command"))));
    QVERIFY(ActivityDelegate::cellText(
                ActivityDelegate::Table::Operators,
                operators->model()->index(operatorRow(operators, operatorName), OperatorModel::LastActionColumn))
                .endsWith(path));

    // A second command: the newest is on top.
    // Counted before sending: the activity can arrive while the answer is awaited.
    const int count = console.session.activity()->rowCount();
    QVERIFY(console.openValve());
    QTRY_VERIFY(console.session.activity()->rowCount() > count);
    QVERIFY(table->model()->index(0, 0).data(ActivityModel::AtRole).toDateTime()
            >= table->model()->index(table->model()->rowCount() - 1, 0).data(ActivityModel::AtRole).toDateTime());

    // The filter: by words, by target, and nothing for a stranger.
    ActivityFilterProxy *proxy = console.view->activityProxy();
    QTest::keyClicks(console.view->filterBox(), QStringLiteral("v101"));
    QVERIFY(proxy->rowCount() >= 2);
    for (int r = 0; r < proxy->rowCount(); ++r)
        QVERIFY(proxy->index(r, 0).data(ActivityModel::TargetRole).toString().contains(u"V101"));
    // By the name the operator reads as well.
    console.view->filterBox()->setText(path.section(QStringLiteral(" \u203A "), -1));
    QVERIFY(proxy->rowCount() >= 2);
    console.view->filterBox()->setText(ActivityDelegate::actionText(QStringLiteral("command")).toUpper());
    QVERIFY(proxy->rowCount() >= 2);
    console.view->filterBox()->setText(QStringLiteral("nobody-by-this-name"));
    QCOMPARE(proxy->rowCount(), 0);
    QVERIFY(console.view->findChild<QLabel *>(QStringLiteral("activityTitle"))->text().contains(u"0"));
    console.view->filterBox()->clear();
    QCOMPARE(proxy->rowCount(), console.session.activity()->rowCount());
}

// An acknowledged alarm is named by its source and message, not its id.
void TestActivityView::namesTheAlarmAcknowledged()
{
    Console console;
    AlarmModel *alarms = console.session.alarms();
    // A machine breakdown raises an alarm on a machine with a name.
    const auto machineAlarm = [alarms] {
        for (int row = 0; row < alarms->rowCount(); ++row) {
            const Domain::Alarm &alarm = alarms->alarmAt(row);
            if (alarm.source && alarm.source->kind == Domain::AlarmSourceKind::Machine
                && alarm.state == Domain::AlarmState::ActiveUnacked)
                return row;
        }
        return -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(machineAlarm() >= 0, 30000);
    const Domain::Alarm alarm = alarms->alarmAt(machineAlarm());
    MachineModel *machines = console.session.machines();
    const int machineRow = machines->rowOf(alarm.source->id);
    QVERIFY(machineRow >= 0);
    const QString machineName = machines->machineAt(machineRow).name;
    QVERIFY(!machineName.isEmpty());
    QVERIFY(machineName != alarm.source->id);

    const auto answer = console.request(
        QStringLiteral("ack_alarm"),
        {{QStringLiteral("alarmId"), alarm.alarmId}, {QStringLiteral("requestId"), QUuid::createUuid().toString()}});
    QVERIFY(answer && answer->ok);
    QTableView *table = console.view->activityTable();
    QTRY_VERIFY_WITH_TIMEOUT(activityRow(table, QStringLiteral("ack_alarm")) >= 0, 10000);
    const QModelIndex target
        = table->model()->index(activityRow(table, QStringLiteral("ack_alarm")), ActivityModel::TargetColumn);
    const QString shown = target.data().toString();
    QVERIFY2(shown.startsWith(machineName), qPrintable(shown));
    QVERIFY2(shown.contains(alarm.message), qPrintable(shown));
    QVERIFY2(!shown.contains(alarm.alarmId), qPrintable(shown));
    QCOMPARE(target.data(Qt::ToolTipRole).toString(), alarm.alarmId);
    // Found by its id still.
    console.view->filterBox()->setText(alarm.alarmId);
    QCOMPARE(console.view->activityProxy()->rowCount(), 1);
}

// Saves the view to $WATCHFLOOR_SCREENSHOT_DIR/activity-view.png when set.
void TestActivityView::screenshot()
{
    // Into docs/screenshots/ when WATCHFLOOR_SCREENSHOT_DIR names it; into a scratch
    // folder otherwise, so the view is still rendered and saved every run.
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString dir = qEnvironmentVariable("WATCHFLOOR_SCREENSHOT_DIR", scratch.path());
    Console console;
    // A second console, so more than one operator is present.
    Session other;
    ConnectionSettings settings = ConsoleFixture::settingsFor(console.server->url(), {.token = {}});
    settings.operatorName = QStringLiteral("dana");
    other.setSettings(settings);
    other.start();
    QTRY_VERIFY_WITH_TIMEOUT(console.session.hasLiveData(), 10000);
    for (int i = 0; i < 3; ++i)
        QVERIFY(console.openValve());
    QTRY_VERIFY_WITH_TIMEOUT(console.session.operators()->rowCount() >= 2, 10000);
    QTRY_VERIFY(other.hasLiveData());
    other.connection()->request(QStringLiteral("command"),
                                {{QStringLiteral("commandId"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                 {QStringLiteral("endpointId"), QStringLiteral("T1.V101.open")},
                                 {QStringLiteral("value"), false}},
                                [](const Protocol::Result &) {});
    QTRY_VERIFY(console.session.activity()->rowCount() >= 4);
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(console.view->grab().save(QDir(dir).filePath(QStringLiteral("activity-view.png"))));
}

QTEST_MAIN(TestActivityView)
#include "tst_activityview.moc"
