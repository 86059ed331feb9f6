#include "alarmdelegate.h"
#include "alarmfilterproxy.h"
#include "alarmgroupproxy.h"
#include "alarmnotedialog.h"
#include "alarmsview.h"
#include "prioritycode.h"
#include "services/linkstatus.h"
#include "shelvedialog.h"
#include "support/consolefixture.h"
#include "theme.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using Domain::AlarmSeverity;
using Domain::AlarmState;

namespace {

const QString operatorName = QStringLiteral("alice");

SimOptions floodOptions(double rate)
{
    SimOptions o;
    o.drones = 36; // the flood runs every third drone's battery low: twelve alarms at once
    o.machines = 0;
    o.tiles = 0;
    // Slow enough that a drone run low stays in alarm while the test acts on it.
    o.rate = rate;
    o.scenarios = {QStringLiteral("alarm-flood"), QStringLiteral("chattering-sensor")};
    o.tokens = {{QStringLiteral("o"), QStringLiteral("operator")}, {QStringLiteral("v"), QStringLiteral("viewer")}};
    return o;
}

// A console with its store, connected to a simulator raising an alarm flood.
struct Console : ConsoleFixture
{
    explicit Console(const QString &storePath, const QString &token = QStringLiteral("o"), bool withStore = true,
                     double rate = 0.5)
        : ConsoleFixture(floodOptions(rate), {.token = token, .operatorName = operatorName})
    {
        if (withStore)
            openStore(storePath);
        view = std::make_unique<AlarmsView>(session.alarms(), session.alarmRate(), session.alarmActions(),
                                            session.link());
        view->resize(1280, 720);
        view->show();
        // Most tests act on alarms one by one: the table lists each on its
        // own row, in the filter's order (the i16 grouping tests turn it on).
        view->groupBox()->setChecked(false);
        watch({view->alarmProxy(), view->shelvedProxy(), view->groupProxy()});
        session.start();
    }

    std::unique_ptr<AlarmsView> view;
};

// The proxy row of an alarm in play that is active and unacknowledged, the
// most severe first (those stay in alarm longest), or -1.
int activeUnackedRow(const AlarmFilterProxy *proxy)
{
    int best = -1;
    for (int row = 0; row < proxy->rowCount(); ++row) {
        const QModelIndex index = proxy->index(row, 0);
        if (index.data(AlarmModel::StateRole).toInt() != int(AlarmState::ActiveUnacked))
            continue;
        if (best < 0
            || index.data(AlarmModel::SeverityRole).toInt()
                < proxy->index(best, 0).data(AlarmModel::SeverityRole).toInt())
            best = row;
    }
    return best;
}

// The severity cell of a row of the alarms table, drawn in one blink phase.
QImage severityCell(AlarmsView *view, int row, bool blinkOn)
{
    QTableView *table = view->alarmTable();
    table->clearSelection(); // the highlight would hide the colours
    const bool before = view->delegate()->blinkPhase();
    view->delegate()->setBlinkPhase(blinkOn);
    const QRect rect = table->visualRect(table->model()->index(row, AlarmModel::SeverityColumn));
    const QImage image = table->viewport()->grab(rect).toImage();
    view->delegate()->setBlinkPhase(before);
    return image;
}

// An alarm of a constructed set: raised `minutesAgo` before a fixed moment.
Domain::Alarm constructed(const QString &id, AlarmSeverity severity, AlarmState state, int minutesAgo)
{
    Domain::Alarm a;
    a.alarmId = id;
    a.severity = severity;
    a.state = state;
    a.message = QStringLiteral("Battery low");
    a.source = Domain::AlarmSource {Domain::AlarmSourceKind::Drone, id};
    a.timestamp = QDateTime(QDate(2026, 12, 7), QTime(12, 0), Qt::UTC).addSecs(-60 * minutesAgo);
    if (state == AlarmState::ActiveAcked)
        a.ackedBy = QStringLiteral("bob");
    return a;
}

// The ids a proxy lists, top to bottom.
QStringList listedIds(const AlarmFilterProxy *proxy)
{
    QStringList ids;
    for (int row = 0; row < proxy->rowCount(); ++row)
        ids.append(proxy->alarmIdAt(row));
    return ids;
}

// Whether row `upper` may stand above row `lower` in the summary's order.
bool inSummaryOrder(const QModelIndex &upper, const QModelIndex &lower)
{
    const int upperRank = Domain::severityRank(AlarmSeverity(upper.data(AlarmModel::SeverityRole).toInt()));
    const int lowerRank = Domain::severityRank(AlarmSeverity(lower.data(AlarmModel::SeverityRole).toInt()));
    if (upperRank != lowerRank)
        return upperRank < lowerRank;
    const int upperState = AlarmFilterProxy::attentionRank(AlarmState(upper.data(AlarmModel::StateRole).toInt()));
    const int lowerState = AlarmFilterProxy::attentionRank(AlarmState(lower.data(AlarmModel::StateRole).toInt()));
    if (upperState != lowerState)
        return upperState < lowerState;
    return upper.data(AlarmModel::RaisedAtRole).toDateTime() >= lower.data(AlarmModel::RaisedAtRole).toDateTime();
}

} // namespace

class TestAlarmsView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void rowsAppearAndFiltersNarrowThem();
    void acknowledgeReachesTheServerWithTheNote();
    void shelveMovesTheAlarmApartAndUnshelveBringsItBack();
    void floodIndicatorShowsTheFlood();
    void viewerCannotAct();
    void a5_withoutAStoreAcknowledgingWorksAndABannerSaysWhatIsLost();
    void a7_waitingActionsAreCountedAndARefusalIsShown();
    void i16_theStatusLineSaysWhereTheAcknowledgementStands();
    void i16_shelvingCarriesTheReasonAndShowsWhoShelved();
    void i16_summarySortsByPriorityThenStateThenTime();
    void i16_theFloodIsListedInTheSummaryOrder();
    void i16_returnedUnacknowledgedIsDrawnApart();
    void i16_aFloodOfOneConditionIsOneRowThatOpens();
    void i16_aGroupIsAcknowledgedWithOneNote();
    void screenshot();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString storePath() const { return m_dir->filePath(QStringLiteral("watchfloor.sqlite")); }
};

void TestAlarmsView::initTestCase()
{
    Theme::apply();
}

void TestAlarmsView::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestAlarmsView::rowsAppearAndFiltersNarrowThem()
{
    Console console(storePath());
    AlarmsView *view = console.view.get();
    AlarmFilterProxy *proxy = view->alarmProxy();
    QTRY_VERIFY_WITH_TIMEOUT(proxy->rowCount() >= 12, 15000);

    // Severity: only Critical and High remain, and all of them.
    int severe = 0;
    int inPlay = 0;
    for (int row = 0; row < console.session.alarms()->rowCount(); ++row) {
        const Domain::Alarm &a = console.session.alarms()->alarmAt(row);
        if (a.state == AlarmState::Shelved)
            continue;
        ++inPlay;
        severe += a.severity <= AlarmSeverity::High ? 1 : 0;
    }
    QCOMPARE(proxy->rowCount(), inPlay);
    auto *severity = view->findChild<QComboBox *>(QStringLiteral("severityFilter"));
    QVERIFY(severity);
    severity->setCurrentIndex(severity->findData(int(AlarmSeverity::High)));
    QCOMPARE(proxy->rowCount(), severe);
    QVERIFY(proxy->rowCount() < inPlay); // the chattering sensor is a medium alarm
    for (int row = 0; row < proxy->rowCount(); ++row)
        QVERIFY(proxy->index(row, 0).data(AlarmModel::SeverityRole).toInt() <= int(AlarmSeverity::High));
    severity->setCurrentIndex(0);

    // Search: one drone's serial narrows to that drone's alarms.
    const QString source = proxy->index(activeUnackedRow(proxy), 0).data(AlarmModel::SourceIdRole).toString();
    QVERIFY(!source.isEmpty());
    view->findChild<QLineEdit *>(QStringLiteral("alarmSearch"))->setText(source);
    QVERIFY(proxy->rowCount() >= 1);
    QVERIFY(proxy->rowCount() < inPlay);
    for (int row = 0; row < proxy->rowCount(); ++row) {
        const QModelIndex index = proxy->index(row, 0);
        QVERIFY(index.data(AlarmModel::SourceIdRole).toString().contains(source)
                || index.data(AlarmModel::MessageRole).toString().contains(source, Qt::CaseInsensitive));
    }

    // Source kind: the chattering sensor is the only system alarm.
    view->findChild<QLineEdit *>(QStringLiteral("alarmSearch"))->clear();
    auto *kind = view->findChild<QComboBox *>(QStringLiteral("sourceFilter"));
    kind->setCurrentIndex(kind->findData(int(Domain::AlarmSourceKind::System)));
    QTRY_COMPARE_WITH_TIMEOUT(proxy->rowCount(), 1, 15000);
    QCOMPARE(proxy->index(0, 0).data(AlarmModel::SourceIdRole).toString(), QStringLiteral("VS-7"));
    kind->setCurrentIndex(0);

    // The delegate writes severity and state as words.
    auto *state = view->findChild<QComboBox *>(QStringLiteral("stateFilter"));
    state->setCurrentIndex(2); // active, unacknowledged
    QVERIFY(proxy->rowCount() >= 1);
    for (int row = 0; row < proxy->rowCount(); ++row)
        QCOMPARE(proxy->index(row, 0).data(AlarmModel::StateRole).toInt(), int(AlarmState::ActiveUnacked));
}

void TestAlarmsView::acknowledgeReachesTheServerWithTheNote()
{
    Console console(storePath());
    AlarmsView *view = console.view.get();
    view->setRequireNote(true);
    AlarmFilterProxy *proxy = view->alarmProxy();
    QTRY_VERIFY_WITH_TIMEOUT(activeUnackedRow(proxy) >= 0, 15000);
    QTRY_COMPARE(console.session.link()->role(), QStringLiteral("operator"));
    QVERIFY(!view->acknowledgeAction()->isEnabled()); // nothing selected yet

    const int row = activeUnackedRow(proxy);
    const QString id = proxy->alarmIdAt(row);
    view->alarmTable()->selectRow(row);
    QVERIFY(view->acknowledgeAction()->isEnabled());
    QVERIFY(view->acknowledgeAction()->toolTip().contains(QStringLiteral("Ctrl+K")));
    // Ctrl+K from the table opens the note dialog.
    view->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(view));
    view->alarmTable()->setFocus();
    QTest::keyClick(view->alarmTable(), Qt::Key_K, Qt::ControlModifier);
    auto *dialog = view->findChild<AlarmNoteDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->noteRequired());
    QVERIFY(!dialog->canAccept()); // the profile requires a note
    dialog->setNote(QStringLiteral("crew sent to swap the pack"));
    QVERIFY(dialog->canAccept());
    dialog->accept();

    const auto ackedHere = [&] {
        const QJsonObject alarm = console.server->alarms().alarmJson(id);
        return alarm.value(QLatin1StringView("ackedBy")).toString() == operatorName;
    };
    QTRY_VERIFY_WITH_TIMEOUT(ackedHere(), 10000);
    QCOMPARE(console.server->alarms().alarmJson(id).value(QLatin1StringView("note")).toString(),
             QStringLiteral("crew sent to swap the pack"));
    // The row now shows who acknowledged it (unless it returned to normal
    // meanwhile, when the acknowledgement cleared it from the list).
    QTRY_VERIFY_WITH_TIMEOUT(proxy->rowOfAlarm(id) < 0
                                 || proxy->index(proxy->rowOfAlarm(id), AlarmModel::AckedByColumn).data().toString()
                                     == operatorName,
                             10000);
    if (const int now = proxy->rowOfAlarm(id); now >= 0) {
        QCOMPARE(proxy->index(now, 0).data(AlarmModel::StateRole).toInt(), int(AlarmState::ActiveAcked));
        QVERIFY(proxy->index(now, 0).data(AlarmModel::AcknowledgedRole).toBool());
        QCOMPARE(AlarmDelegate::cellText(proxy->index(now, AlarmModel::StateColumn)),
                 QStringLiteral("Active, acknowledged"));
        // Acknowledged: the severity mark is steady; an unacknowledged one blinks.
        QCOMPARE(severityCell(view, now, true), severityCell(view, now, false));
        if (const int other = activeUnackedRow(proxy); other >= 0)
            QVERIFY(severityCell(view, other, true) != severityCell(view, other, false));
    }
    QVERIFY(view->findChild<QLabel *>(QStringLiteral("alarmStatusLabel"))->text().startsWith(u"Acknowledgement"));
}

void TestAlarmsView::shelveMovesTheAlarmApartAndUnshelveBringsItBack()
{
    Console console(storePath());
    AlarmsView *view = console.view.get();
    AlarmFilterProxy *proxy = view->alarmProxy();
    AlarmFilterProxy *shelved = view->shelvedProxy();
    QTRY_VERIFY_WITH_TIMEOUT(activeUnackedRow(proxy) >= 0, 15000);
    QTRY_COMPARE(console.session.link()->role(), QStringLiteral("operator"));
    QCOMPARE(shelved->rowCount(), 0);

    const int row = activeUnackedRow(proxy);
    const QString id = proxy->alarmIdAt(row);
    view->alarmTable()->selectRow(row);
    QVERIFY(view->shelveAction()->isEnabled());
    view->shelveSelected();
    auto *dialog = view->findChild<ShelveDialog *>();
    QVERIFY(dialog);
    QVERIFY(!dialog->canAccept()); // a reason is mandatory
    dialog->setMinutes(1000);
    QCOMPARE(dialog->minutes(), ShelveDialog::kMaxMinutes);
    dialog->setMinutes(15);
    dialog->setReason(QStringLiteral("pack swap under way"));
    QVERIFY(dialog->canAccept());
    dialog->accept();

    QTRY_VERIFY_WITH_TIMEOUT(shelved->rowOfAlarm(id) >= 0, 10000);
    QCOMPARE(proxy->rowOfAlarm(id), -1);
    const QModelIndex listed = shelved->index(shelved->rowOfAlarm(id), 0);
    QCOMPARE(listed.data(AlarmModel::ShelvedByRole).toString(), operatorName);
    QCOMPARE(listed.data(AlarmModel::ShelveReasonRole).toString(), QStringLiteral("pack swap under way"));
    QVERIFY(listed.data(AlarmModel::ShelvedUntilRole).toDateTime().isValid());
    QVERIFY(view->shelvedTable()->isVisible());
    QVERIFY(view->findChild<QLabel *>(QStringLiteral("shelvedTitle"))->text().contains(u"(1)"));

    view->shelvedTable()->selectRow(shelved->rowOfAlarm(id));
    QVERIFY(view->unshelveAction()->isEnabled());
    view->unshelveAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(shelved->rowOfAlarm(id) < 0, 10000);
}

void TestAlarmsView::floodIndicatorShowsTheFlood()
{
    Console console(storePath());
    AlarmsView *view = console.view.get();
    QTRY_COMPARE_WITH_TIMEOUT(view->rateMeter()->rate(), AlarmRateMeter::Rate::Flood, 15000);
    QVERIFY(view->rateMeter()->activationsInLast10Minutes() > 10);
    QTRY_VERIFY2(view->rateLabel()->text().startsWith(u"FLOOD: "), qPrintable(view->rateLabel()->text()));
    QVERIFY(view->rateLabel()->text().endsWith(u" alarms in 10 min"));
    QVERIFY(view->rateLabel()->font().bold());
    // Reversed out in the ink, as in the alarm banner; no alarm priority's mark or colour.
    QVERIFY(view->rateLabel()->autoFillBackground());
    QCOMPARE(view->rateLabel()->palette().color(QPalette::Window), view->palette().color(QPalette::WindowText));
    QVERIFY(!view->findChild<QLabel *>(QStringLiteral("alarmRateIcon")));
    // Unacknowledged alarms are on screen: their marks blink.
    QVERIFY(console.session.alarms()->unacknowledgedCount() > 0);
    QTRY_VERIFY(!view->delegate()->blinkPhase());
    QTRY_VERIFY(view->delegate()->blinkPhase());
}

void TestAlarmsView::viewerCannotAct()
{
    Console console(storePath(), QStringLiteral("v"));
    AlarmsView *view = console.view.get();
    QTRY_VERIFY_WITH_TIMEOUT(view->alarmProxy()->rowCount() > 0, 15000);
    QTRY_COMPARE(console.session.link()->role(), QStringLiteral("viewer"));
    view->alarmTable()->selectRow(0);
    for (QAction *action : {view->acknowledgeAction(), view->shelveAction(), view->unshelveAction()}) {
        QVERIFY(!action->isEnabled());
        QVERIFY2(action->toolTip().contains(u"viewer"), qPrintable(action->toolTip()));
    }
    view->acknowledgeSelected();
    QVERIFY(!view->findChild<AlarmNoteDialog *>());
}

void TestAlarmsView::a5_withoutAStoreAcknowledgingWorksAndABannerSaysWhatIsLost()
{
    Console console(storePath(), QStringLiteral("o"), false);
    AlarmsView *view = console.view.get();
    QVERIFY(console.session.alarmService());
    QVERIFY(view->storeBanner()->isVisibleTo(view));
    QVERIFY2(view->storeBanner()->text().contains(u"cannot be kept"), qPrintable(view->storeBanner()->text()));
    QTRY_VERIFY_WITH_TIMEOUT(activeUnackedRow(view->alarmProxy()) >= 0, 15000);
    QTRY_COMPARE(console.session.link()->role(), QStringLiteral("operator"));
    const int unacked = activeUnackedRow(view->alarmProxy());
    const QString id = view->alarmProxy()->alarmIdAt(unacked);
    view->alarmTable()->selectRow(unacked);
    // On a live link the operator can still acknowledge.
    QVERIFY(view->acknowledgeAction()->isEnabled());
    view->acknowledgeSelected();
    auto *dialog = view->findChild<AlarmNoteDialog *>();
    QVERIFY(dialog);
    dialog->accept();
    QTRY_VERIFY_WITH_TIMEOUT(
        console.server->alarms().alarmJson(id).value(QLatin1StringView("ackedBy")).toString() == operatorName, 10000);
    view->alarmTable()->clearSelection();

    // Most severe first; equal severities newest first.
    AlarmFilterProxy *proxy = view->alarmProxy();
    for (int row = 1; row < proxy->rowCount(); ++row) {
        const QModelIndex above = proxy->index(row - 1, 0);
        const QModelIndex below = proxy->index(row, 0);
        const int a = above.data(AlarmModel::SeverityRole).toInt();
        const int b = below.data(AlarmModel::SeverityRole).toInt();
        QVERIFY(a <= b);
        if (a == b)
            QVERIFY(above.data(AlarmModel::RaisedAtRole).toDateTime()
                    >= below.data(AlarmModel::RaisedAtRole).toDateTime());
    }

    // Once the link is down every row is the last known: greyed.
    const QImage live = severityCell(view, 0, true);
    console.session.stop();
    QTRY_VERIFY(proxy->index(0, 0).data(AlarmModel::StaleRole).toBool());
    QVERIFY(severityCell(view, 0, true) != live);
}

// Saves the view to $WATCHFLOOR_SCREENSHOT_DIR/alarms-view.png when set.
void TestAlarmsView::a7_waitingActionsAreCountedAndARefusalIsShown()
{
    Console console(storePath());
    AlarmsView *view = console.view.get();
    QTRY_COMPARE(console.session.link()->role(), QStringLiteral("operator"));
    QTRY_VERIFY(console.session.alarmService()->isLoaded());
    QVERIFY(!view->storeBanner()->isVisibleTo(view));
    QVERIFY(!view->waitingLabel()->isVisibleTo(view));

    // Two actions made while the link is down wait, and the view says how many.
    console.session.stop();
    AlarmService *service = console.session.alarmService();
    service->acknowledge(QStringLiteral("A-999998"));
    service->acknowledge(QStringLiteral("A-999999"));
    QVERIFY(view->waitingLabel()->isVisibleTo(view));
    QVERIFY2(view->waitingLabel()->text().contains(u'2'), qPrintable(view->waitingLabel()->text()));

    // The server refuses both (no such alarms): the count drops and the refusal is said.
    console.session.start();
    QTRY_VERIFY_WITH_TIMEOUT(!view->waitingLabel()->isVisibleTo(view), 10000);
    QVERIFY2(view->findChild<QLabel *>(QStringLiteral("alarmStatusLabel"))->text().contains(u"A-99999"),
             qPrintable(view->findChild<QLabel *>(QStringLiteral("alarmStatusLabel"))->text()));
}

void TestAlarmsView::i16_theStatusLineSaysWhereTheAcknowledgementStands()
{
    Console console(storePath());
    AlarmsView *view = console.view.get();
    AlarmFilterProxy *proxy = view->alarmProxy();
    QTRY_VERIFY_WITH_TIMEOUT(activeUnackedRow(proxy) >= 0, 15000);
    QTRY_COMPARE(console.session.link()->role(), QStringLiteral("operator"));
    QTRY_VERIFY(console.session.alarmService()->isLoaded());
    const auto acknowledgeOne = [&](const QString &id) {
        const int row = proxy->rowOfAlarm(id);
        QVERIFY(row >= 0);
        view->alarmTable()->clearSelection();
        view->alarmTable()->selectRow(row);
        view->acknowledgeSelected();
        auto *dialog = view->findChild<AlarmNoteDialog *>();
        QVERIFY(dialog);
        dialog->accept();
    };
    const QRegularExpression confirmedAt(QStringLiteral("^Acknowledgement: 1 confirmed at \\d\\d:\\d\\d:\\d\\d\\.$"));

    // On a live link: sent, then confirmed, with the time; never "queued".
    acknowledgeOne(proxy->alarmIdAt(activeUnackedRow(proxy)));
    const QString justMade = view->statusLabel()->text();
    QVERIFY2(!justMade.contains(u"queued"), qPrintable(justMade));
    QTRY_VERIFY2_WITH_TIMEOUT(confirmedAt.match(view->statusLabel()->text()).hasMatch(),
                              qPrintable(view->statusLabel()->text()), 10000);

    // With the link down: queued, with the count, until the link is back.
    QTRY_VERIFY_WITH_TIMEOUT(activeUnackedRow(proxy) >= 0, 15000);
    const QString next = proxy->alarmIdAt(activeUnackedRow(proxy));
    console.session.stop();
    QTRY_VERIFY(!console.session.link()->isLive());
    acknowledgeOne(next);
    QCOMPARE(view->statusLabel()->text(), QStringLiteral("Acknowledgement: 1 queued until the link is live."));
    console.session.start();
    // Then answered: confirmed at a time, or refused with the server's reason (the alarm may have come back).
    QTRY_VERIFY2_WITH_TIMEOUT(confirmedAt.match(view->statusLabel()->text()).hasMatch()
                                  || view->statusLabel()->text().contains(u"refused"),
                              qPrintable(view->statusLabel()->text()), 15000);
}

void TestAlarmsView::i16_shelvingCarriesTheReasonAndShowsWhoShelved()
{
    Console console(storePath());
    AlarmsView *view = console.view.get();
    AlarmFilterProxy *proxy = view->alarmProxy();
    AlarmFilterProxy *shelved = view->shelvedProxy();
    QTRY_VERIFY_WITH_TIMEOUT(activeUnackedRow(proxy) >= 0, 15000);
    QTRY_COMPARE(console.session.link()->role(), QStringLiteral("operator"));
    const QString id = proxy->alarmIdAt(activeUnackedRow(proxy));
    view->alarmTable()->selectRow(proxy->rowOfAlarm(id));
    view->shelveSelected();
    auto *dialog = view->findChild<ShelveDialog *>();
    QVERIFY(dialog);
    // It names who the server records: the operator this console signed in as, not the screen.
    QCOMPARE(dialog->recordedAs(), QString(operatorName + QStringLiteral(" (operator)")));
    // No reason, or blanks: Shelve is refused, and the dialog says why.
    auto *shelve = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    auto *why = dialog->findChild<QLabel *>(QStringLiteral("shelveRefusal"));
    for (const QString &reason : {QString(), QStringLiteral("   ")}) {
        dialog->setReason(reason);
        QVERIFY(!dialog->canAccept());
        QVERIFY(!shelve->isEnabled());
        QVERIFY(why->isVisibleTo(dialog));
        QVERIFY2(why->text().startsWith(QStringLiteral("A reason is required")), qPrintable(why->text()));
    }
    dialog->setReason(QStringLiteral("pack swap booked for 14:00"));
    QVERIFY(shelve->isEnabled());
    QVERIFY(!why->isVisibleTo(dialog));
    shelve->click();

    // At the server, with the reason and the operator's name...
    QTRY_VERIFY_WITH_TIMEOUT(
        console.server->alarms().alarmJson(id).value(QLatin1StringView("state")).toString() == u"shelved", 10000);
    const QJsonObject atServer = console.server->alarms().alarmJson(id);
    QCOMPARE(atServer.value(QLatin1StringView("shelvedBy")).toString(), operatorName);
    QCOMPARE(atServer.value(QLatin1StringView("shelveReason")).toString(),
             QStringLiteral("pack swap booked for 14:00"));
    // ...and in the shelved list, who and why.
    QTRY_VERIFY_WITH_TIMEOUT(shelved->rowOfAlarm(id) >= 0, 10000);
    const QString cell
        = AlarmDelegate::cellText(shelved->index(shelved->rowOfAlarm(id), AlarmModel::ShelvedUntilColumn));
    QVERIFY2(cell.contains(QString(QStringLiteral("by ") + operatorName)), qPrintable(cell));
    QVERIFY2(cell.contains(QStringLiteral("pack swap booked for 14:00")), qPrintable(cell));
    QTRY_VERIFY2(view->statusLabel()->text().startsWith(QStringLiteral("Shelving: 1 confirmed at ")),
                 qPrintable(view->statusLabel()->text()));
}

void TestAlarmsView::i16_summarySortsByPriorityThenStateThenTime()
{
    // A constructed set in every state, as the view sorts it by default.
    AlarmModel model;
    AlarmFilterProxy proxy(AlarmFilterProxy::Section::InPlay);
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(AlarmModel::SeverityColumn, Qt::AscendingOrder);
    model.applyBatch({
        constructed(QStringLiteral("low-au"), AlarmSeverity::Low, AlarmState::ActiveUnacked, 1),
        constructed(QStringLiteral("high-aa-new"), AlarmSeverity::High, AlarmState::ActiveAcked, 1),
        constructed(QStringLiteral("high-rtn"), AlarmSeverity::High, AlarmState::RtnUnacked, 2),
        constructed(QStringLiteral("high-au-old"), AlarmSeverity::High, AlarmState::ActiveUnacked, 30),
        constructed(QStringLiteral("high-au-new"), AlarmSeverity::High, AlarmState::ActiveUnacked, 3),
        constructed(QStringLiteral("crit-aa"), AlarmSeverity::Critical, AlarmState::ActiveAcked, 1),
        constructed(QStringLiteral("crit-rtn"), AlarmSeverity::Critical, AlarmState::RtnUnacked, 5),
        constructed(QStringLiteral("unknown-au"), AlarmSeverity::Unknown, AlarmState::ActiveUnacked, 40),
        constructed(QStringLiteral("high-rtn-old"), AlarmSeverity::High, AlarmState::RtnUnacked, 50),
        constructed(QStringLiteral("shelved"), AlarmSeverity::Critical, AlarmState::Shelved, 1),
    });
    // Priority first (Unknown with Critical), then active-unacknowledged,
    // returned-unacknowledged, acknowledged, then the newest first.
    QCOMPARE(listedIds(&proxy),
             (QStringList {
                 QStringLiteral("unknown-au"),
                 QStringLiteral("crit-rtn"),
                 QStringLiteral("crit-aa"),
                 QStringLiteral("high-au-new"),
                 QStringLiteral("high-au-old"),
                 QStringLiteral("high-rtn"),
                 QStringLiteral("high-rtn-old"),
                 QStringLiteral("high-aa-new"),
                 QStringLiteral("low-au"),
             }));
    // An alarm that returns to normal moves below the active ones at once,
    // among the returned ones by its time.
    model.applyBatch({constructed(QStringLiteral("high-au-new"), AlarmSeverity::High, AlarmState::RtnUnacked, 3)});
    QCOMPARE(listedIds(&proxy).mid(3, 4),
             (QStringList {
                 QStringLiteral("high-au-old"),
                 QStringLiteral("high-rtn"),
                 QStringLiteral("high-au-new"),
                 QStringLiteral("high-rtn-old"),
             }));
    // Sorted by state: the state's urgency first, then priority.
    proxy.sort(AlarmModel::StateColumn, Qt::AscendingOrder);
    QCOMPARE(listedIds(&proxy).mid(0, 3),
             (QStringList {
                 QStringLiteral("unknown-au"),
                 QStringLiteral("high-au-old"),
                 QStringLiteral("low-au"),
             }));
}

void TestAlarmsView::i16_theFloodIsListedInTheSummaryOrder()
{
    Console console(storePath());
    AlarmsView *view = console.view.get();
    AlarmFilterProxy *proxy = view->alarmProxy();
    QTRY_VERIFY_WITH_TIMEOUT(proxy->rowCount() >= 12, 15000);
    QTRY_COMPARE(console.session.link()->role(), QStringLiteral("operator"));
    // Acknowledge one so more than one state is listed.
    const QString acked = proxy->alarmIdAt(activeUnackedRow(proxy));
    console.session.alarmService()->acknowledge(acked, QStringLiteral("on it"));
    QTRY_VERIFY(proxy->rowOfAlarm(acked) < 0
                || proxy->index(proxy->rowOfAlarm(acked), 0).data(AlarmModel::AcknowledgedRole).toBool());
    QCOMPARE(view->alarmTable()->horizontalHeader()->sortIndicatorSection(), int(AlarmModel::SeverityColumn));
    for (int row = 1; row < proxy->rowCount(); ++row)
        QVERIFY2(inSummaryOrder(proxy->index(row - 1, 0), proxy->index(row, 0)), qPrintable(QString::number(row)));
}

void TestAlarmsView::i16_returnedUnacknowledgedIsDrawnApart()
{
    // Rows of one priority in three states, drawn by the alarms delegate.
    AlarmModel model;
    model.applyBatch({
        constructed(QStringLiteral("active"), AlarmSeverity::High, AlarmState::ActiveUnacked, 1),
        constructed(QStringLiteral("returned"), AlarmSeverity::High, AlarmState::RtnUnacked, 1),
        constructed(QStringLiteral("acked"), AlarmSeverity::High, AlarmState::ActiveAcked, 1),
    });
    QTableView table;
    AlarmDelegate delegate;
    table.setModel(&model);
    table.setItemDelegate(&delegate);
    table.resize(900, 200);
    table.horizontalHeader()->resizeSection(AlarmModel::SeverityColumn, 120);
    table.show();
    QVERIFY(QTest::qWaitForWindowExposed(&table));
    const auto cell = [&](int row, bool blinkOn) {
        delegate.setBlinkPhase(blinkOn);
        return table.viewport()->grab(table.visualRect(model.index(row, AlarmModel::SeverityColumn))).toImage();
    };
    const auto priorityInk = [](const QImage &image) {
        const QColor ink = PriorityCode::color(AlarmSeverity::High);
        int pixels = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x)
                pixels += image.pixelColor(x, y) == ink ? 1 : 0;
        }
        return pixels;
    };
    // Not like an active one in either blink phase, nor like an acknowledged one.
    for (bool phase : {true, false}) {
        QVERIFY(cell(1, phase) != cell(0, phase));
        QVERIFY(cell(1, phase) != cell(2, phase));
    }
    // Steady: its condition is gone, it does not blink.
    QCOMPARE(cell(1, true), cell(1, false));
    // Only an outline in the priority's colour: far less of it than a
    // filled mark with its word, even at the active one's outline phase.
    QVERIFY(priorityInk(cell(1, true)) < priorityInk(cell(0, false)));
    QVERIFY(priorityInk(cell(1, true)) > 0);
    // Its state in its own words, slanted.
    QCOMPARE(AlarmDelegate::cellText(model.index(1, AlarmModel::StateColumn)),
             QStringLiteral("Returned, unacknowledged"));
    QVERIFY(AlarmDelegate::isReturnedLook(model.index(1, 0)));
    QVERIFY(!AlarmDelegate::isReturnedLook(model.index(0, 0)));
}

// The group row of the condition with the most alarms listed, or -1.
int largestGroupRow(const AlarmGroupProxy *groups)
{
    int best = -1;
    for (int row = 0; row < groups->rowCount(); ++row) {
        const int size = groups->index(row, 0).data(AlarmGroupProxy::GroupSizeRole).toInt();
        if (size > 0 && (best < 0 || size > groups->index(best, 0).data(AlarmGroupProxy::GroupSizeRole).toInt()))
            best = row;
    }
    return best;
}

void TestAlarmsView::i16_aFloodOfOneConditionIsOneRowThatOpens()
{
    Console console(storePath());
    AlarmsView *view = console.view.get();
    view->groupBox()->setChecked(true);
    AlarmGroupProxy *groups = view->groupProxy();
    QTableView *table = view->alarmTable();
    QCOMPARE(table->model(), groups);
    // Every third drone runs its battery low: one condition, many sources.
    QTRY_VERIFY_WITH_TIMEOUT(
        largestGroupRow(groups) >= 0
            && groups->index(largestGroupRow(groups), 0).data(AlarmGroupProxy::GroupSizeRole).toInt() >= 4,
        20000);
    console.session.stop(); // hold the list still
    const int row = largestGroupRow(groups);
    const QString condition = groups->conditionAt(row);
    const int size = groups->index(row, 0).data(AlarmGroupProxy::GroupSizeRole).toInt();
    // As many as the filter lists of that condition, in one row: the table
    // is shorter by all but one of them.
    int listed = 0;
    for (int at = 0; at < view->alarmProxy()->rowCount(); ++at)
        listed += view->alarmProxy()->index(at, 0).data(AlarmModel::ConditionRole).toString() == condition ? 1 : 0;
    QCOMPARE(size, listed);
    QVERIFY(groups->rowCount() <= view->alarmProxy()->rowCount() - size + 1);
    QCOMPARE(AlarmDelegate::cellText(groups->index(row, AlarmModel::SourceColumn)),
             QStringLiteral("Drone × %1").arg(size));
    QCOMPARE(AlarmDelegate::cellText(groups->index(row, AlarmModel::CountColumn)),
             QStringLiteral("%1 alarms").arg(size));

    // Enter on the group lists its alarms under it; Enter again folds them.
    view->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(view));
    table->setFocus();
    table->setCurrentIndex(groups->index(row, AlarmModel::MessageColumn));
    QTest::keyClick(table, Qt::Key_Return);
    QVERIFY(groups->isExpanded(condition));
    for (int member = row + 1; member <= row + size; ++member) {
        QVERIFY(groups->index(member, 0).data(AlarmGroupProxy::GroupMemberRole).toBool());
        QCOMPARE(groups->conditionAt(member), condition);
    }
    QCOMPARE(table->currentIndex().row(), row);
    QCOMPARE(view->expandAction()->text(), QStringLiteral("C&ollapse group"));
    QTest::keyClick(table, Qt::Key_Return);
    QVERIFY(!groups->isExpanded(condition));
    QCOMPARE(view->expandAction()->text(), QStringLiteral("&Expand group"));

    // The group's mark is the priority code's, like an alarm's.
    const auto severity = AlarmSeverity(groups->index(row, 0).data(AlarmModel::SeverityRole).toInt());
    table->clearSelection();
    const QImage cell
        = table->viewport()->grab(table->visualRect(groups->index(row, AlarmModel::SeverityColumn))).toImage();
    bool coloured = false;
    for (int y = 0; y < cell.height() && !coloured; ++y) {
        for (int x = 0; x < cell.width() && !coloured; ++x)
            coloured = cell.pixelColor(x, y) == PriorityCode::color(severity);
    }
    QVERIFY(coloured);

    // Grouping off: every alarm on its own row again.
    view->groupBox()->setChecked(false);
    QCOMPARE(groups->rowCount(), view->alarmProxy()->rowCount());
}

void TestAlarmsView::i16_aGroupIsAcknowledgedWithOneNote()
{
    Console console(storePath());
    AlarmsView *view = console.view.get();
    view->groupBox()->setChecked(true);
    AlarmGroupProxy *groups = view->groupProxy();
    QTRY_COMPARE(console.session.link()->role(), QStringLiteral("operator"));
    const auto waitingGroup = [groups] {
        for (int row = 0; row < groups->rowCount(); ++row) {
            const QModelIndex index = groups->index(row, 0);
            if (index.data(AlarmGroupProxy::GroupSizeRole).toInt() >= 3
                && index.data(AlarmGroupProxy::GroupAcknowledgedRole).toInt() == 0)
                return row;
        }
        return -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(waitingGroup() >= 0, 20000);
    const int row = waitingGroup();
    QStringList ids;
    for (const QModelIndex &alarm : groups->alarmIndexes(row))
        ids.append(alarm.data(AlarmModel::AlarmIdRole).toString());
    view->alarmTable()->selectRow(row);
    QVERIFY(view->acknowledgeAction()->isEnabled());
    view->acknowledgeSelected();
    auto *dialog = view->findChild<AlarmNoteDialog *>();
    QVERIFY(dialog);
    dialog->setNote(QStringLiteral("charging bay 2 takes them in turn"));
    dialog->accept();

    // One note, every alarm of the group acknowledged with it at the server.
    const auto acknowledged = [&console](const QString &id) {
        const QJsonObject alarm = console.server->alarms().alarmJson(id);
        // Returned to normal meanwhile, an acknowledged alarm leaves the server's list.
        return alarm.isEmpty() || alarm.value(QLatin1StringView("ackedBy")).toString() == operatorName;
    };
    for (const QString &id : std::as_const(ids)) {
        QTRY_VERIFY_WITH_TIMEOUT(acknowledged(id), 10000);
        const QJsonObject alarm = console.server->alarms().alarmJson(id);
        if (!alarm.isEmpty())
            QCOMPARE(alarm.value(QLatin1StringView("note")).toString(),
                     QStringLiteral("charging bay 2 takes them in turn"));
    }
    QVERIFY2(view->statusLabel()->text().startsWith(u"Acknowledgement"), qPrintable(view->statusLabel()->text()));
}

void TestAlarmsView::screenshot()
{
    // Into docs/screenshots/ when WATCHFLOOR_SCREENSHOT_DIR names it; into a scratch
    // folder otherwise, so the view is still rendered and saved every run.
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString dir = qEnvironmentVariable("WATCHFLOOR_SCREENSHOT_DIR", scratch.path());
    Console console(storePath(), QStringLiteral("o"), true, 1.0);
    AlarmsView *view = console.view.get();
    view->groupBox()->setChecked(true); // as an operator sees it
    AlarmFilterProxy *proxy = view->alarmProxy();
    QTRY_COMPARE_WITH_TIMEOUT(view->rateMeter()->rate(), AlarmRateMeter::Rate::Flood, 15000);
    QTRY_COMPARE(console.session.link()->role(), QStringLiteral("operator"));
    // A shift in progress: one acknowledged, one shelved, the rest waiting.
    AlarmService *service = console.session.alarmService();
    const QString acked = proxy->alarmIdAt(activeUnackedRow(proxy));
    service->acknowledge(acked, QStringLiteral("crew on the way"));
    QTRY_VERIFY(proxy->rowOfAlarm(acked) < 0
                || proxy->index(proxy->rowOfAlarm(acked), 0).data(AlarmModel::AcknowledgedRole).toBool());
    QString toShelve;
    for (int row = 0; row < proxy->rowCount() && toShelve.isEmpty(); ++row) {
        if (proxy->alarmIdAt(row) != acked
            && proxy->index(row, 0).data(AlarmModel::StateRole).toInt() == int(AlarmState::ActiveUnacked))
            toShelve = proxy->alarmIdAt(row);
    }
    service->shelve(toShelve, 30, QStringLiteral("battery swap booked"));
    QTRY_VERIFY(view->shelvedProxy()->rowOfAlarm(toShelve) >= 0);
    // The chattering sensor comes round a second time.
    const auto sensorCount = [&] {
        AlarmModel *alarms = console.session.alarms();
        for (int row = 0; row < alarms->rowCount(); ++row) {
            if (alarms->alarmAt(row).source && alarms->alarmAt(row).source->id == u"VS-7")
                return alarms->alarmAt(row).count;
        }
        return qint64(0);
    };
    QTRY_VERIFY_WITH_TIMEOUT(sensorCount() >= 2, 30000);
    view->alarmTable()->selectRow(1);
    QTest::qWait(1200); // let the chattering sensor count up and the blink come round
    QTRY_VERIFY(view->delegate()->blinkPhase());
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(view->grab().save(QDir(dir).filePath(QStringLiteral("alarms-view.png"))));
}

QTEST_MAIN(TestAlarmsView)
#include "tst_alarmsview.moc"
