#include "activitydelegate.h"
#include "activityfilterproxy.h"
#include "activityview.h"
#include "net/connectionservice.h"
#include "services/session.h"
#include "simhost.h"
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

ConnectionSettings settingsFor(const QString &url)
{
    ConnectionSettings s;
    s.url = QUrl(url);
    s.operatorName = operatorName;
    s.connectTimeoutMs = 3000;
    s.backoffBaseMs = 50;
    s.backoffCapMs = 200;
    return s;
}

struct Console
{
    Console()
        : server(plant())
    {
        QVERIFY2(server.listen(), qPrintable(server.errorString()));
        session.setSettings(settingsFor(server.url()));
        view = std::make_unique<ActivityView>(session.activity(), session.operators());
        view->resize(1280, 800);
        view->show();
        const auto mode = QAbstractItemModelTester::FailureReportingMode::Fatal;
        for (QAbstractItemModel *m : std::initializer_list<QAbstractItemModel *> {
                 view->activityProxy(), view->operatorTable()->model(), session.operators(), session.activity()})
            testers.push_back(std::make_unique<QAbstractItemModelTester>(m, mode));
        session.start();
    }

    // Opens tank 1's outlet valve as the test's operator; true once the server took it.
    bool sendCommand()
    {
        bool answered = false;
        bool ok = false;
        session.connection()->request(
            QStringLiteral("command"),
            {{QStringLiteral("commandId"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
             {QStringLiteral("endpointId"), QStringLiteral("T1.V101.open")},
             {QStringLiteral("value"), true}},
            [&](const Protocol::Result &r) {
                answered = true;
                ok = r.ok;
            });
        return QTest::qWaitFor([&] { return answered; }, 5000) && ok;
    }

    SimHost server;
    Session session;
    std::unique_ptr<ActivityView> view;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
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
    QVERIFY(console.sendCommand());
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
    QCOMPARE(table->model()->index(row, ActivityModel::TargetColumn).data().toString(), QStringLiteral("T1.V101.open"));

    // The operator's row says what they did last.
    QTableView *operators = console.view->operatorTable();
    QTRY_VERIFY(operatorRow(operators, operatorName) >= 0);
    QTRY_VERIFY(ActivityDelegate::cellText(
                    ActivityDelegate::Table::Operators,
                    operators->model()->index(operatorRow(operators, operatorName), OperatorModel::LastActionColumn))
                    .contains(ActivityDelegate::actionText(QStringLiteral("command"))));

    // A second command: the newest is on top.
    // Counted before sending: the activity can arrive while the answer is awaited.
    const int count = console.session.activity()->rowCount();
    QVERIFY(console.sendCommand());
    QTRY_VERIFY(console.session.activity()->rowCount() > count);
    QVERIFY(table->model()->index(0, 0).data(ActivityModel::AtRole).toDateTime()
            >= table->model()->index(table->model()->rowCount() - 1, 0).data(ActivityModel::AtRole).toDateTime());

    // The filter: by words, by target, and nothing for a stranger.
    ActivityFilterProxy *proxy = console.view->activityProxy();
    QTest::keyClicks(console.view->filterBox(), QStringLiteral("v101"));
    QVERIFY(proxy->rowCount() >= 2);
    for (int r = 0; r < proxy->rowCount(); ++r)
        QVERIFY(proxy->index(r, 0).data(ActivityModel::TargetRole).toString().contains(u"V101"));
    console.view->filterBox()->setText(ActivityDelegate::actionText(QStringLiteral("command")).toUpper());
    QVERIFY(proxy->rowCount() >= 2);
    console.view->filterBox()->setText(QStringLiteral("nobody-by-this-name"));
    QCOMPARE(proxy->rowCount(), 0);
    QVERIFY(console.view->findChild<QLabel *>(QStringLiteral("activityTitle"))->text().contains(u"0"));
    console.view->filterBox()->clear();
    QCOMPARE(proxy->rowCount(), console.session.activity()->rowCount());
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
    ConnectionSettings settings = settingsFor(console.server.url());
    settings.operatorName = QStringLiteral("dana");
    other.setSettings(settings);
    other.start();
    QTRY_VERIFY_WITH_TIMEOUT(console.session.hasLiveData(), 10000);
    for (int i = 0; i < 3; ++i)
        QVERIFY(console.sendCommand());
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
