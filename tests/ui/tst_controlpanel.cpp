#include "controlpanelcontroller.h"
#include "controlpanelview.h"
#include "endpointcontrol.h"
#include "gateway/gatewaytestclient.h"
#include "mainwindow.h"
#include "services/commandservice.h"
#include "services/linkstatus.h"
#include "store/storeworker.h"
#include "support/windowfixture.h"
#include "theme.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

// The control panel in the main window, end to end against the reference
// server: a click on a control becomes one command through the command
// service, the control follows it and settles on the server's value, and
// every refusal, confirmation and failure is said under the control.
namespace {

const QString valve = QStringLiteral("T1.V101.open");
const QString pump = QStringLiteral("T1.P101.running");
const QString setpoint = QStringLiteral("T1.H101.setpoint");

struct Console : WindowFixture
{
    explicit Console(const QString &token = QStringLiteral("o"), double failureRate = 0.0)
        : WindowFixture(
            [failureRate] {
                SimOptions o;
                o.drones = 0;
                o.machines = 0;
                o.tiles = 2;
                o.commandFailureRate = failureRate;
                o.tokens = {{QStringLiteral("o"), QStringLiteral("operator")},
                            {QStringLiteral("v"), QStringLiteral("viewer")}};
                return o;
            }(),
            {.token = token})
    {
        openStore();
        openWindow({1400, 900});
        window->showView(MainWindow::View::ControlPanel);
        session.start();
        QTRY_VERIFY_WITH_TIMEOUT(session.hasLiveData(), 10000);
        QTRY_VERIFY(control(valve) != nullptr);
        QTRY_VERIFY_WITH_TIMEOUT(laidOut(valve) && laidOut(pump), 10000);
    }

    // The control laid out and able to act: a click before the layout lands on an empty button.
    bool laidOut(const QString &endpointId) const
    {
        EndpointControl *c = control(endpointId);
        return c && !c->actionButton(true)->size().isEmpty();
    }
    bool ready(const QString &endpointId) const { return laidOut(endpointId) && control(endpointId)->isActionable(); }
    EndpointControl *control(const QString &endpointId) const
    {
        return window->controlPanel()->endpointControl(endpointId);
    }
    QVariant valueOf(const QString &endpointId)
    {
        return session.tiles()->indexOfEndpoint(endpointId).data(TileModel::ValueRole);
    }
    // The command as the profile's database has it, read on the store's thread.
    std::optional<Domain::CommandRecord> stored(const QUuid &id)
    {
        return session.store()->callAndWait<std::optional<Domain::CommandRecord>>(
            [id](LocalStore &store) { return store.commandLog().find(id); });
    }
    int commandsFor(const QString &endpointId)
    {
        int n = 0;
        for (int row = 0; row < session.commands()->rowCount(); ++row)
            n += session.commands()->index(row, 0).data(CommandModel::EndpointIdRole).toString() == endpointId;
        return n;
    }
    QMessageBox *confirmation() const { return window->controlPanelController()->confirmation(); }
};

} // namespace

class TestControlPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Theme::apply(ThemeMode::Light); }
    void toggleSendsOnceAndSettlesOnTheServersValue();
    void criticalEndpointAsksFirst();
    void interlockRefusedBeforeSending();
    void failureRollsBackAndSaysWhy();
    void setpointAppliedOnlyOnEnter();
    void viewerSeesReadOnly();
    void offlineDisablesEveryControl();
    void a22_aClickWhileAConfirmationIsOpenIsAnswered();
    void a4_switchingOffIsNeverBlockedByAnotherConsolesCommand();
    void a14_doneNamesTheValueTheDeviceReached();
    void confirmationNamesThePathAndTheChange();
    void aRefusalGoesWhenItsCauseDoes();
    void aRefusalForTheLinkGoesWhenTheLinkIsBack();
    void screenshots();
};

void TestControlPanel::toggleSendsOnceAndSettlesOnTheServersValue()
{
    Console c;
    EndpointControl *open = c.control(valve);
    QTRY_VERIFY(c.ready(valve));
    QCOMPARE(c.valueOf(valve), QVariant(false));
    QVERIFY(open->isActionable());
    QTest::mouseClick(open->actionButton(true), Qt::LeftButton);
    QTest::mouseClick(open->actionButton(true), Qt::LeftButton); // a double click
    QVERIFY(open->isPending());
    QCOMPARE(c.valueOf(valve), QVariant(false)); // the value is the server's until it says otherwise
    QVERIFY(open->requestedText().contains(QStringLiteral("On")));
    QTRY_VERIFY_WITH_TIMEOUT(!open->isPending(), 10000);
    QTRY_COMPARE(c.valueOf(valve), QVariant(true));
    QVERIFY2(open->outcomeText().startsWith(QStringLiteral("Done at")), qPrintable(open->outcomeText()));
    QVERIFY2(open->outcomeText().endsWith(
                 QStringLiteral(": Hot liquor tank 1 \u203A Outlet valve V-101 \u203A Open: Off\u00A0\u2192\u00A0On")),
             qPrintable(open->outcomeText()));
    QVERIFY(!open->outcomeIsFailure());
    QCOMPARE(c.commandsFor(valve), 1);
    QCOMPARE(c.window->commandService()->commands().size(), 1);
    // And it is in the command log, in the profile's database, with its outcome.
    const QUuid id = c.window->commandService()->commands().constFirst().id;
    QTRY_VERIFY(c.stored(id).has_value() && c.stored(id)->status == Domain::CommandState::Succeeded);
    QCOMPARE(c.stored(id)->operatorName, QStringLiteral("alice"));
}

void TestControlPanel::criticalEndpointAsksFirst()
{
    Console c;
    QTRY_VERIFY(c.ready(valve));
    QTest::mouseClick(c.control(valve)->actionButton(true), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(c.valueOf(valve), QVariant(true), 10000);
    EndpointControl *running = c.control(pump); // marked critical by the server
    QTRY_VERIFY(c.ready(pump));
    QTest::mouseClick(running->actionButton(true), Qt::LeftButton);
    QTRY_VERIFY(c.confirmation() != nullptr);
    QMessageBox *box = c.confirmation();
    QVERIFY(box->isVisible());
    QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel)); // Enter does not confirm
    box->button(QMessageBox::Cancel)->click();
    QTest::qWait(300);
    QCOMPARE(c.commandsFor(pump), 0);
    QVERIFY(running->outcomeText().contains(QStringLiteral("nothing was sent")));

    QTest::qWait(EndpointControl::kRepeatGuardMs); // a second click this soon is taken for a double click
    QTest::mouseClick(running->actionButton(true), Qt::LeftButton);
    QTRY_VERIFY(c.confirmation() != nullptr);
    box = c.confirmation();
    box->findChild<QPushButton *>(QStringLiteral("confirmCommand"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(c.valueOf(pump), QVariant(true), 10000);
    QCOMPARE(c.commandsFor(pump), 1);
}

void TestControlPanel::interlockRefusedBeforeSending()
{
    Console c;
    QCOMPARE(c.valueOf(valve), QVariant(false));
    QTRY_VERIFY(c.ready(pump));
    QTest::mouseClick(c.control(pump)->actionButton(true), Qt::LeftButton);
    QVERIFY(c.confirmation() == nullptr); // never confirm what would be refused
    QVERIFY2(c.control(pump)->outcomeText().contains(QStringLiteral("Pump P-101 needs outlet valve V-101 open")),
             qPrintable(c.control(pump)->outcomeText()));
    QVERIFY(c.control(pump)->outcomeIsFailure());
    QTest::qWait(200);
    QCOMPARE(c.commandsFor(pump), 0);
}

void TestControlPanel::failureRollsBackAndSaysWhy()
{
    Console c(QStringLiteral("o"), 1.0);
    QTRY_VERIFY(c.ready(valve));
    QTest::mouseClick(c.control(valve)->actionButton(true), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(c.control(valve)->outcomeText().startsWith(QStringLiteral("Failed")), 10000);
    QVERIFY(c.control(valve)->outcomeText().contains(QStringLiteral("still Off")));
    QVERIFY(c.control(valve)->outcomeIsFailure());
    QCOMPARE(c.valueOf(valve), QVariant(false));
    QCOMPARE(c.control(valve)->stateText(), QStringLiteral("Off"));
    QTRY_VERIFY(c.control(valve)->actionButton(true)->isEnabled()); // it can be tried again
}

void TestControlPanel::setpointAppliedOnlyOnEnter()
{
    Console c;
    QTRY_VERIFY(c.ready(valve));
    EndpointControl *control = c.control(setpoint);
    QDoubleSpinBox *spin = control->spinBox();
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, QStringLiteral("72.5"));
    QTest::qWait(200);
    QCOMPARE(c.commandsFor(setpoint), 0); // typing sends nothing
    QTest::keyClick(spin, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(c.valueOf(setpoint), QVariant(72.5), 10000);
    QCOMPARE(c.commandsFor(setpoint), 1);
}

void TestControlPanel::viewerSeesReadOnly()
{
    Console c(QStringLiteral("v"));
    QTRY_COMPARE(c.session.link()->role(), QStringLiteral("viewer"));
    QTRY_VERIFY(!c.control(valve)->isActionable());
    QCOMPARE(c.control(valve)->reasonText(), QStringLiteral("read-only"));
}

void TestControlPanel::offlineDisablesEveryControl()
{
    Console c;
    QTRY_VERIFY(c.ready(valve));
    c.server->close();
    QTRY_VERIFY_WITH_TIMEOUT(!c.control(valve)->isActionable(), 10000);
    QCOMPARE(c.control(valve)->reasonText(), QStringLiteral("offline"));
    QTRY_VERIFY(c.control(valve)->staleShown());
}

void TestControlPanel::a22_aClickWhileAConfirmationIsOpenIsAnswered()
{
    Console c;
    const QString otherValve = QStringLiteral("T2.V101.open");
    c.window->commandService()->setCriticalEndpoints({valve, otherValve});
    QTRY_VERIFY(c.ready(valve));
    QTRY_VERIFY(c.control(otherValve) && c.control(otherValve)->isActionable());
    c.control(valve)->actionButton(true)->click();
    QTRY_VERIFY(c.confirmation() != nullptr);
    // The operator clicks another critical endpoint before answering: told, not ignored.
    c.control(otherValve)->actionButton(true)->click();
    QVERIFY2(c.control(otherValve)->outcomeText().contains(QStringLiteral("waiting for your confirmation")),
             qPrintable(c.control(otherValve)->outcomeText()));
    QVERIFY(c.control(otherValve)->outcomeIsFailure());
    c.confirmation()->button(QMessageBox::Cancel)->click();
    QTest::qWait(200);
    QCOMPARE(c.commandsFor(otherValve), 0);
    QCOMPARE(c.commandsFor(valve), 0);
}

void TestControlPanel::a4_switchingOffIsNeverBlockedByAnotherConsolesCommand()
{
    Console c;
    QTRY_VERIFY(c.ready(valve));
    c.control(valve)->actionButton(true)->click();
    QTRY_COMPARE_WITH_TIMEOUT(c.valueOf(valve), QVariant(true), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(c.ready(valve), 10000);
    // Bob, at another console, sends the valve a command of his own.
    GatewayTestClient bob(c.server->url());
    QVERIFY(bob.authenticate(QStringLiteral("o"), QStringLiteral("bob")).value(u"ok").toBool());
    QVERIFY(bob.request({{QLatin1StringView("type"), QStringLiteral("command")},
                         {QLatin1StringView("commandId"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                         {QLatin1StringView("endpointId"), valve},
                         {QLatin1StringView("value"), true}})
                .value(u"ok")
                .toBool());
    EndpointControl *control = c.control(valve);
    QTRY_VERIFY(control->isPending());
    // His command is on its way; closing the valve is still possible from here.
    QVERIFY(control->isActionable());
    QVERIFY(control->actionButton(false)->isEnabled());
    QVERIFY(!control->actionButton(true)->isEnabled()); // open already, and his command on its way
    QTest::qWait(EndpointControl::kRepeatGuardMs);
    control->actionButton(false)->click();
    QTRY_COMPARE_WITH_TIMEOUT(c.valueOf(valve), QVariant(false), 10000);
}

void TestControlPanel::a14_doneNamesTheValueTheDeviceReached()
{
    Console c;
    const QString setpointId = QStringLiteral("T1.H101.setpoint");
    QTRY_VERIFY(c.control(setpointId) != nullptr);
    // A device that settles near, not on, what was asked (a clamp, a coarser step).
    CommandService::Command command;
    command.id = QUuid::createUuid();
    command.commandId = command.id.toString(QUuid::WithoutBraces);
    command.endpointId = setpointId;
    command.requestedValue = 60.0;
    command.actualValue = 59.5;
    command.status = Domain::CommandState::Succeeded;
    Q_EMIT c.window->commandService()->commandChanged(command);
    const QString text = c.control(setpointId)->outcomeText();
    QVERIFY2(text.contains(QLocale().toString(59.5, 'g', 6)), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("asked for")), qPrintable(text));
}

void TestControlPanel::confirmationNamesThePathAndTheChange()
{
    Console c;
    const QString mode = QStringLiteral("T1.H101.mode");
    c.window->commandService()->setCriticalEndpoints({valve, setpoint, mode});
    QTRY_VERIFY(c.ready(valve));
    const QString heater = QStringLiteral("Hot liquor tank 1 \u203A Heater H-101 \u203A ");

    // A profile's words for an action are the confirmation's too.
    c.window->setActionWordMapping({{QStringLiteral("valve"), {QStringLiteral("Admit"), QStringLiteral("Shut")}}});
    QCOMPARE(c.control(valve)->actionButton(true)->text(), QStringLiteral("Admit"));
    QCOMPARE(c.control(valve)->actionButton(false)->text(), QStringLiteral("Shut"));

    // An on/off endpoint: its state now, the one asked for, and the action in its own word.
    c.control(valve)->actionButton(true)->click();
    QTRY_VERIFY(c.confirmation() != nullptr);
    QCOMPARE(
        c.confirmation()->text(),
        QStringLiteral("Hot liquor tank 1 \u203A Outlet valve V-101 \u203A Open: Off\u00A0\u2192\u00A0On. Admit?"));
    QCOMPARE(c.confirmation()->findChild<QPushButton *>(QStringLiteral("confirmCommand"))->text(),
             QStringLiteral("Admit"));
    c.confirmation()->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(c.confirmation() == nullptr);
    QCOMPARE(c.control(valve)->outcomeText(),
             QStringLiteral("Cancelled: nothing was sent; Hot liquor tank 1 \u203A Outlet valve V-101 \u203A Open "
                            "stays Off."));

    // A setpoint: the number now and the number asked for, each with its unit.
    const QString now = QString(QLocale().toString(c.valueOf(setpoint).toDouble(), 'f', 1) + u'\u00A0' + u"°C");
    QDoubleSpinBox *spin = c.control(setpoint)->spinBox();
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, QLocale().toString(72.5, 'f', 1));
    QTest::keyClick(spin, Qt::Key_Return);
    QTRY_VERIFY(c.confirmation() != nullptr);
    QCOMPARE(c.confirmation()->text(),
             QString(heater + QStringLiteral("Setpoint: ") + now + QStringLiteral("\u00A0\u2192\u00A0")
                     + QLocale().toString(72.5, 'f', 1) + QStringLiteral("\u00A0°C. Set?")));
    c.confirmation()->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(c.confirmation() == nullptr);

    // A selector: the choice now and the one asked for; confirmed, the outcome says the same.
    QComboBox *combo = c.control(mode)->comboBox();
    combo->setCurrentIndex(combo->findText(QStringLiteral("manual")));
    c.control(mode)->applyButton()->click();
    QTRY_VERIFY(c.confirmation() != nullptr);
    QCOMPARE(c.confirmation()->text(), QString(heater + QStringLiteral("Mode: auto\u00A0\u2192\u00A0manual. Choose?")));
    c.confirmation()->findChild<QPushButton *>(QStringLiteral("confirmCommand"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(c.control(mode)->outcomeText().startsWith(QStringLiteral("Done at")), 10000);
    QVERIFY2(c.control(mode)->outcomeText().endsWith(heater + QStringLiteral("Mode: auto\u00A0\u2192\u00A0manual")),
             qPrintable(c.control(mode)->outcomeText()));
}

void TestControlPanel::aRefusalGoesWhenItsCauseDoes()
{
    Console c;
    QTRY_VERIFY(c.ready(pump));
    QCOMPARE(c.valueOf(valve), QVariant(false));
    // Refused here: the pump needs the outlet valve open.
    c.control(pump)->actionButton(true)->click();
    const QString refusal = c.control(pump)->outcomeText();
    QVERIFY2(refusal.startsWith(QStringLiteral(
                 "Not sent: Hot liquor tank 1 \u203A Pump P-101 \u203A Running: Off\u00A0\u2192\u00A0On: ")),
             qPrintable(refusal));
    QVERIFY(refusal.contains(QStringLiteral("Pump P-101 needs outlet valve V-101 open")));
    // The valve asked to open: still closed, so the refusal still holds.
    c.control(valve)->actionButton(true)->click();
    QTRY_VERIFY(c.control(valve)->isPending());
    QCOMPARE(c.control(pump)->outcomeText(), refusal);
    // Open: the cause is gone, and so is the line.
    QTRY_COMPARE_WITH_TIMEOUT(c.valueOf(valve), QVariant(true), 10000);
    QTRY_COMPARE(c.control(pump)->outcomeText(), QString());
    QCOMPARE(c.commandsFor(pump), 0); // nothing was sent for it meanwhile
}

void TestControlPanel::aRefusalForTheLinkGoesWhenTheLinkIsBack()
{
    Console c;
    QTRY_VERIFY(c.ready(valve));
    c.session.link()->pause();
    QTRY_VERIFY(!c.control(valve)->isActionable());
    // A click that reached the panel as the link went: refused, and said.
    Q_EMIT c.window->controlPanel()->commandRequested(valve, true);
    QVERIFY2(c.control(valve)->outcomeText().contains(QStringLiteral("The link is not live")),
             qPrintable(c.control(valve)->outcomeText()));
    // Live again: the refusal is out of date and goes; nothing was kept to send.
    c.session.link()->resumeLive();
    QTRY_VERIFY_WITH_TIMEOUT(c.ready(valve), 10000);
    QTRY_COMPARE(c.control(valve)->outcomeText(), QString());
    QCOMPARE(c.commandsFor(valve), 0);
}

void TestControlPanel::screenshots()
{
    QTemporaryDir scratch;
    const QString dir = qEnvironmentVariable("WATCHFLOOR_SCREENSHOT_DIR", scratch.path());
    for (ThemeMode mode : {ThemeMode::Light, ThemeMode::Dark}) {
        Theme::apply(mode);
        Console c;
        QTRY_VERIFY(c.ready(valve));
        QTest::mouseClick(c.control(valve)->actionButton(true), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(c.valueOf(valve), QVariant(true), 10000);
        QTRY_VERIFY(c.ready(pump));
        QTest::mouseClick(c.control(pump)->actionButton(true), Qt::LeftButton);
        QTRY_VERIFY(c.confirmation() != nullptr);
        QMessageBox *box = c.confirmation();
        QVERIFY(QTest::qWaitForWindowExposed(box));
        const QString suffix = mode == ThemeMode::Dark ? QStringLiteral("-dark.png") : QStringLiteral(".png");
        {
            // The question as the operator reads it, over the window where it opens.
            QImage shot = c.window->grab().toImage();
            const QPixmap question = box->grab();
            QRect at(box->geometry().topLeft() - c.window->geometry().topLeft(), question.size());
            if (!shot.rect().contains(at))
                at.moveCenter(shot.rect().center());
            QPainter painter(&shot);
            painter.drawPixmap(at.topLeft(), question);
            painter.end();
            QVERIFY(shot.save(dir + QStringLiteral("/command-confirmation") + suffix));
        }
        box->findChild<QPushButton *>(QStringLiteral("confirmCommand"))->click();
        QTest::mouseClick(c.control(QStringLiteral("T2.P101.running"))->actionButton(true), Qt::LeftButton);
        QTest::qWait(1500);
        QVERIFY(c.window->grab().save(dir + QStringLiteral("/view-control-panel") + suffix));
    }
    Theme::apply(ThemeMode::Light);
}

QTEST_MAIN(TestControlPanel)
#include "tst_controlpanel.moc"
