#include "controlpanelview.h"
#include "domain/endpointfact.h"
#include "endpointcontrol.h"
#include "net/connectionservice.h"
#include "services/linkstatus.h"
#include "sparkline.h"
#include "support/consolefixture.h"
#include "theme.h"
#include "tilecard.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <QWheelEvent>

#include <memory>

using Kind = EndpointControl::Kind;
using Domain::ValueType;

namespace {

const QString kValve = QStringLiteral("T1.V101.open");
const QString kPump = QStringLiteral("T1.P101.running");
const QString kHeater = QStringLiteral("T1.H101.on");
const QString kSetpoint = QStringLiteral("T1.H101.setpoint");
const QString kMode = QStringLiteral("T1.H101.mode");
const QString kTemperature = QStringLiteral("T1.TT101.temperature");

SimOptions plant()
{
    SimOptions o;
    o.port = 0;
    o.drones = 0;
    o.machines = 0;
    o.tiles = 3;
    o.rate = 2.0; // endpoints refresh every 5 s; a command takes about a second
    return o;
}

// A console showing the control panel, connected to the reference plant.
struct Console : ConsoleFixture
{
    Console()
        : ConsoleFixture(plant(), {.token = {}, .operatorName = QStringLiteral("tester")})
    {
        watch({session.tiles()});
        view = std::make_unique<ControlPanelView>(session.tiles());
        view->resize(1280, 900);
        view->show();
        session.start();
    }

    // Live, every tile of the model has its card, and the cards are laid out.
    bool ready()
    {
        return session.hasLiveData() && session.tiles()->rowCount() > 0
            && view->cards().size() == session.tiles()->rowCount() && view->endpointControl(kValve)
            && view->endpointControl(kValve)->actionButton(true)->height() > 10; // laid out, so clicks land
    }

    EndpointControl *control(const QString &id) const { return view->endpointControl(id); }

    QVariant value(const QString &id) { return session.tiles()->indexOfEndpoint(id).data(TileModel::ValueRole); }

    // Sends a command as the command service will, straight through the connection.
    void command(const QString &endpointId, const QJsonValue &value)
    {
        session.connection()->request(
            QStringLiteral("command"),
            {{QStringLiteral("commandId"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
             {QStringLiteral("endpointId"), endpointId},
             {QStringLiteral("value"), value}},
            [](const Protocol::Result &r) { QVERIFY2(r.ok, qPrintable(r.error.message)); });
    }

    std::unique_ptr<ControlPanelView> view;
};

QString expectedText(const QModelIndex &endpoint)
{
    EndpointFact fact(EndpointFact::fromVariant(endpoint.data(TileModel::ValueRole)));
    fact.setValueType(ValueType(endpoint.data(TileModel::ValueTypeRole).toInt()));
    fact.setUnit(endpoint.data(TileModel::UnitRole).toString());
    fact.setStep(EndpointFact::limitFromVariant(endpoint.data(TileModel::StepRole)));
    return fact.displayText();
}

QString valveText(const QVariant &value)
{
    EndpointFact fact(EndpointFact::fromVariant(value));
    fact.setValueType(ValueType::Bool);
    return fact.displayText();
}

void wheel(QWidget *target)
{
    const QPointF at = QRectF(target->rect()).center();
    QWheelEvent up(at, target->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                   Qt::NoScrollPhase, false);
    QApplication::sendEvent(target, &up);
    QWheelEvent down(at, target->mapToGlobal(at), QPoint(), QPoint(0, -240), Qt::NoButton, Qt::NoModifier,
                     Qt::NoScrollPhase, false);
    QApplication::sendEvent(target, &down);
}

// Past the guard against double clicks, so the next action counts on its own.
void pastRepeatGuard()
{
    QTest::qWait(EndpointControl::kRepeatGuardMs + 100);
}

} // namespace

class TestControlPanelView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Theme::apply(); }
    void cardsEqualTheModel();
    void valuesAndTrendsFollowTheModel();
    void cardsFollowRemovesAndResets();
    void controlsMatchTheEndpoints();
    void toggleEmitsOnceAndTheWheelChangesNothing();
    void setpointAppliesOnEnterOrApplyOnly();
    void selectorAppliesOnApply();
    void pendingCommandShowsRequestedBesideActual();
    void commandsNotAllowedDisableEveryControl();
    void outcomeStaysUntilTheNextCommand();
    void stoppedServerMarksEndpointsStale();
    void gridReflowsWithTheWidth();
    void tabOrderFollowsTheCards();
    void screenshots();
};

void TestControlPanelView::cardsEqualTheModel()
{
    Console console;
    QTRY_VERIFY_WITH_TIMEOUT(console.ready(), 10000);
    TileModel *model = console.session.tiles();
    QCOMPARE(model->rowCount(), 3);
    const QList<TileCard *> cards = console.view->cards();
    QCOMPARE(cards.size(), model->rowCount());
    int endpoints = 0;
    for (int t = 0; t < model->rowCount(); ++t) {
        const QModelIndex tile = model->index(t, 0);
        TileCard *card = cards.at(t);
        QCOMPARE(card->tileId(), tile.data(TileModel::IdRole).toString());
        QCOMPARE(card->title(), tile.data(TileModel::NameRole).toString());
        QVERIFY(!card->title().isEmpty());
        QCOMPARE(card->devices().size(), model->rowCount(tile));
        for (int d = 0; d < model->rowCount(tile); ++d) {
            const QModelIndex device = model->index(d, 0, tile);
            const TileCard::Device &shown = card->devices().at(d);
            QCOMPARE(shown.name, device.data(TileModel::NameRole).toString());
            QCOMPARE(shown.kind, device.data(TileModel::DeviceKindRole).toString());
            auto *header = card->findChild<QWidget *>(QString(QStringLiteral("device:") + shown.deviceId));
            QVERIFY(header);
            QCOMPARE(header->findChild<QLabel *>(QStringLiteral("deviceName"))->text(), shown.name);
            QCOMPARE(header->findChild<QLabel *>(QStringLiteral("deviceKind"))->text(), shown.kind);
            QCOMPARE(shown.endpoints.size(), model->rowCount(device));
            for (int e = 0; e < model->rowCount(device); ++e) {
                const QModelIndex endpoint = model->index(e, 0, device);
                EndpointControl *control = shown.endpoints.at(e);
                QCOMPARE(control->endpointId(), endpoint.data(TileModel::IdRole).toString());
                QCOMPARE(control, console.control(control->endpointId()));
                QCOMPARE(control->parentWidget(), static_cast<QWidget *>(card));
                QCOMPARE(control->nameText(), endpoint.data(TileModel::NameRole).toString());
                ++endpoints;
            }
        }
    }
    QCOMPARE(endpoints, 3 * 8);
    QVERIFY(!console.view->findChild<QLabel *>(QStringLiteral("controlPanelEmpty"))->isVisibleTo(console.view.get()));
}

void TestControlPanelView::valuesAndTrendsFollowTheModel()
{
    Console console;
    QTRY_VERIFY_WITH_TIMEOUT(console.ready(), 10000);
    TileModel *model = console.session.tiles();
    // Every value as the model holds it, formatted, with its unit.
    for (int t = 0; t < model->rowCount(); ++t) {
        const QModelIndex tile = model->index(t, 0);
        for (int d = 0; d < model->rowCount(tile); ++d) {
            const QModelIndex device = model->index(d, 0, tile);
            for (int e = 0; e < model->rowCount(device); ++e) {
                const QModelIndex endpoint = model->index(e, 0, device);
                const QString id = endpoint.data(TileModel::IdRole).toString();
                QCOMPARE(console.control(id)->valueText(), expectedText(endpoint));
            }
        }
    }
    const QString temperature = console.control(kTemperature)->valueText();
    QVERIFY2(temperature.endsWith(QStringLiteral("\u00a0°C")), qPrintable(temperature));
    bool isNumber = false;
    QLocale().toDouble(temperature.chopped(3), &isNumber); // the number in the locale, then "\u00a0°C"
    QVERIFY2(isNumber, qPrintable(temperature));
    QVERIFY(console.control(QStringLiteral("T1.LT101.level"))->valueText().endsWith(u'%'));
    // The first tank starts with everything off.
    QCOMPARE(console.control(kPump)->valueText(), QStringLiteral("Off"));
    QCOMPARE(console.control(kMode)->valueText(), QStringLiteral("auto"));
    QCOMPARE(console.control(kPump)->findChild<QLabel *>(QStringLiteral("endpointValue"))->accessibleName(),
             QStringLiteral("Pump P-101 Running: Off"));
    QCOMPARE(console.control(kPump)->actionButton(true)->accessibleName(),
             QStringLiteral("Start Pump P-101 Running (now Off)"));

    // The trend holds the ring buffer's samples and gains the new ones, redrawn at most once a second.
    Sparkline *trend = console.control(kTemperature)->sparkline();
    QVERIFY(trend->isVisibleTo(console.view.get()));
    QVERIFY(trend->pointCount() >= 1);
    const int updatesBefore = trend->updateCount();
    QTRY_VERIFY_WITH_TIMEOUT(trend->pointCount() >= 2, 15000);
    QTRY_COMPARE(trend->pointCount(), model->history().sampleCount(kTemperature, TileModel::kHistoryMetric));
    const int updatesAtStart = trend->updateCount();
    QTest::qWait(3500);
    QVERIFY(trend->updateCount() - updatesAtStart <= 4);
    QVERIFY(trend->updateCount() > updatesBefore);
    // Bools and enums draw no trend.
    QVERIFY(!console.control(kPump)->sparkline()->isVisibleTo(console.view.get()));
    QVERIFY(!console.control(kMode)->sparkline()->isVisibleTo(console.view.get()));

    // A value the server reports shows at once: open the valve.
    console.command(kValve, true);
    QTRY_COMPARE_WITH_TIMEOUT(console.value(kValve), QVariant(true), 8000);
    QCOMPARE(console.control(kValve)->valueText(), QStringLiteral("On"));
    QTRY_VERIFY(!console.control(kValve)->actionButton(true)->isEnabled()); // open already
    QVERIFY(console.control(kValve)->actionButton(false)->isEnabled());
}

// The first tile of the model as a `tiles` snapshot item would give it.
static Domain::Tile firstTileOf(TileModel *model)
{
    const QModelIndex tile = model->index(0, 0);
    Domain::Tile out;
    out.tileId = tile.data(TileModel::IdRole).toString();
    out.name = tile.data(TileModel::NameRole).toString();
    for (int d = 0; d < model->rowCount(tile); ++d) {
        const QModelIndex device = model->index(d, 0, tile);
        Domain::Device dev;
        dev.deviceId = device.data(TileModel::IdRole).toString();
        dev.name = device.data(TileModel::NameRole).toString();
        dev.kind = device.data(TileModel::DeviceKindRole).toString();
        for (int e = 0; e < model->rowCount(device); ++e)
            dev.endpoints.append(*model->endpoint(model->index(e, 0, device).data(TileModel::IdRole).toString()));
        out.devices.append(dev);
    }
    out.interlocks = model->interlocksFor(kHeater);
    return out;
}

void TestControlPanelView::cardsFollowRemovesAndResets()
{
    Console console;
    QTRY_VERIFY_WITH_TIMEOUT(console.ready(), 10000);
    ControlPanelView *view = console.view.get();
    TileModel *model = console.session.tiles();
    QPointer<EndpointControl> valve = console.control(kValve);
    QPointer<EndpointControl> other = console.control(QStringLiteral("T2.V101.open"));
    QPointer<TileCard> otherCard = view->card(QStringLiteral("T2"));
    QVERIFY(other && otherCard);
    view->setOutcome(kValve, QStringLiteral("Done: Off"), false);
    const Domain::Tile first = firstTileOf(model);

    // A snapshot with the first tile alone: the others' cards and controls go,
    // the first tile's controls stay the same widgets with what they showed.
    model->reconcile({first});
    QTRY_COMPARE(view->cards().size(), 1);
    QVERIFY(!other);
    QVERIFY(!otherCard);
    QCOMPARE(view->endpointControl(QStringLiteral("T2.V101.open")), nullptr);
    QCOMPARE(console.control(kValve), valve.data());
    QCOMPARE(valve->outcomeText(), QStringLiteral("Done: Off"));
    QCOMPARE(view->cards().first()->endpointControls().size(), 8);

    // Nothing left: no card, and the view says why it is empty.
    model->reconcile({});
    QTRY_VERIFY(view->cards().isEmpty());
    QVERIFY(!valve);
    QVERIFY(view->findChild<QLabel *>(QStringLiteral("controlPanelEmpty"))->isVisibleTo(view));

    // The tile back after a reset: a card again, with working controls.
    model->clear();
    model->reconcile({first});
    QTRY_COMPARE(view->cards().size(), 1);
    QVERIFY(!view->findChild<QLabel *>(QStringLiteral("controlPanelEmpty"))->isVisibleTo(view));
    QVERIFY(console.control(kValve));
    QCOMPARE(console.control(kValve)->kind(), Kind::Toggle);
    QPushButton *toggle = console.control(kValve)->actionButton(true);
    QTRY_VERIFY(toggle->isVisible() && toggle->height() > 10); // laid out once the event loop runs
    QVERIFY(toggle->isEnabled());
    QSignalSpy requested(view, &ControlPanelView::commandRequested);
    QTest::mouseClick(toggle, Qt::LeftButton);
    QCOMPARE(requested.size(), 1);
}

void TestControlPanelView::controlsMatchTheEndpoints()
{
    Console console;
    QTRY_VERIFY_WITH_TIMEOUT(console.ready(), 10000);
    TileModel *model = console.session.tiles();
    QWidget *view = console.view.get();
    int toggles = 0;
    int setpoints = 0;
    int selectors = 0;
    int readOnly = 0;
    for (int t = 0; t < model->rowCount(); ++t) {
        const QModelIndex tile = model->index(t, 0);
        for (int d = 0; d < model->rowCount(tile); ++d) {
            const QModelIndex device = model->index(d, 0, tile);
            for (int e = 0; e < model->rowCount(device); ++e) {
                const QModelIndex endpoint = model->index(e, 0, device);
                EndpointControl *control = console.control(endpoint.data(TileModel::IdRole).toString());
                Kind expected = Kind::None;
                if (endpoint.data(TileModel::WritableRole).toBool()) {
                    switch (ValueType(endpoint.data(TileModel::ValueTypeRole).toInt())) {
                    case ValueType::Bool:
                        expected = Kind::Toggle;
                        break;
                    case ValueType::Number:
                        expected = Kind::Setpoint;
                        break;
                    case ValueType::Enum:
                        expected = Kind::Selector;
                        break;
                    }
                }
                QCOMPARE(control->kind(), expected);
                QCOMPARE(control->actionButton(true)->isVisibleTo(view), expected == Kind::Toggle);
                QCOMPARE(control->actionButton(false)->isVisibleTo(view), expected == Kind::Toggle);
                QCOMPARE(control->spinBox()->isVisibleTo(view), expected == Kind::Setpoint);
                QCOMPARE(control->comboBox()->isVisibleTo(view), expected == Kind::Selector);
                QCOMPARE(control->applyButton()->isVisibleTo(view),
                         expected == Kind::Setpoint || expected == Kind::Selector);
                QCOMPARE(control->focusChain().isEmpty(), expected == Kind::None);
                toggles += expected == Kind::Toggle;
                setpoints += expected == Kind::Setpoint;
                selectors += expected == Kind::Selector;
                readOnly += expected == Kind::None;
            }
        }
    }
    QCOMPARE(toggles, 3 * 3);
    QCOMPARE(setpoints, 3);
    QCOMPARE(selectors, 3);
    QCOMPARE(readOnly, 3 * 3);

    QCOMPARE(console.control(kValve)->kind(), Kind::Toggle);
    QCOMPARE(console.control(kTemperature)->kind(), Kind::None);
    QDoubleSpinBox *spin = console.control(kSetpoint)->spinBox();
    QCOMPARE(spin->minimum(), 20.0);
    QCOMPARE(spin->maximum(), 95.0);
    QCOMPARE(spin->singleStep(), 0.5);
    QCOMPARE(spin->decimals(), 1);
    QCOMPARE(spin->value(), console.value(kSetpoint).toDouble());
    QComboBox *combo = console.control(kMode)->comboBox();
    QCOMPARE(combo->count(), 3);
    QCOMPARE(combo->currentText(), console.value(kMode).toString());
}

void TestControlPanelView::toggleEmitsOnceAndTheWheelChangesNothing()
{
    Console console;
    QTRY_VERIFY_WITH_TIMEOUT(console.ready(), 10000);
    QSignalSpy requested(console.view.get(), &ControlPanelView::commandRequested);
    QPushButton *toggle = console.control(kValve)->actionButton(true);
    QPushButton *close = console.control(kValve)->actionButton(false);
    QVERIFY(toggle->isEnabled());
    QVERIFY(!close->isEnabled()); // closed already: nothing to ask for

    // A click asks for what its button says; the state shown stays the actual one.
    QTest::mouseClick(toggle, Qt::LeftButton);
    QTest::mouseClick(close, Qt::LeftButton);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(0).toString(), kValve);
    QCOMPARE(requested.at(0).at(1), QVariant(true));
    QCOMPARE(console.control(kValve)->valueText(), QStringLiteral("Off"));

    // A double click, or two quick clicks: one request.
    pastRepeatGuard();
    QTest::mouseDClick(toggle, Qt::LeftButton);
    QTest::mouseClick(toggle, Qt::LeftButton);
    QCOMPARE(requested.size(), 2);

    // Space on the focused toggle is a deliberate action; Enter and other keys are not.
    pastRepeatGuard();
    toggle->setFocus();
    QTest::keyClick(toggle, Qt::Key_Return);
    QTest::keyClick(toggle, Qt::Key_Enter);
    QTest::keyClick(toggle, Qt::Key_A);
    QCOMPARE(requested.size(), 2);
    QTest::keyClick(toggle, Qt::Key_Space);
    QCOMPARE(requested.size(), 3);
    QCOMPARE(requested.at(2).at(1), QVariant(true));

    // The wheel over a setpoint or a selector, focused or not, changes nothing and sends nothing.
    QDoubleSpinBox *spin = console.control(kSetpoint)->spinBox();
    QComboBox *combo = console.control(kMode)->comboBox();
    const double setpoint = spin->value();
    const int mode = combo->currentIndex();
    wheel(spin);
    wheel(combo);
    spin->setFocus();
    wheel(spin);
    combo->setFocus();
    wheel(combo);
    QCOMPARE(spin->value(), setpoint);
    QCOMPARE(combo->currentIndex(), mode);
    QCOMPARE(requested.size(), 3);
    // ... nor does the wheel over the toggle.
    wheel(toggle);
    QCOMPARE(requested.size(), 3);
}

void TestControlPanelView::setpointAppliesOnEnterOrApplyOnly()
{
    Console console;
    QTRY_VERIFY_WITH_TIMEOUT(console.ready(), 10000);
    QSignalSpy requested(console.view.get(), &ControlPanelView::commandRequested);
    EndpointControl *control = console.control(kSetpoint);
    QDoubleSpinBox *spin = control->spinBox();
    const QLocale locale;

    // Typed: nothing goes out until Enter, then once with the typed number.
    spin->setFocus();
    spin->clear();
    QTest::keyClicks(spin, locale.toString(55.5, 'f', 1));
    QCOMPARE(requested.size(), 0);
    QTest::keyClick(spin, Qt::Key_Return);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(0).toString(), kSetpoint);
    QCOMPARE(requested.at(0).at(1).toDouble(), 55.5);
    // Enter again at once, or Apply: still one.
    QTest::keyClick(spin, Qt::Key_Enter);
    QTest::mouseClick(control->applyButton(), Qt::LeftButton);
    QCOMPARE(requested.size(), 1);
    // The actual value stays what the server says.
    QCOMPARE(control->valueText(), expectedText(console.session.tiles()->indexOfEndpoint(kSetpoint)));

    // Stepped with the keyboard, then Apply.
    pastRepeatGuard();
    spin->clear();
    QTest::keyClicks(spin, locale.toString(60.0, 'f', 1));
    QTest::keyClick(spin, Qt::Key_Up);
    QCOMPARE(requested.size(), 1);
    QTest::mouseClick(control->applyButton(), Qt::LeftButton);
    QCOMPARE(requested.size(), 2);
    QCOMPARE(requested.at(1).at(1).toDouble(), 60.5);

    // Below the minimum: refused with a message, nothing sent.
    pastRepeatGuard();
    spin->clear();
    QTest::keyClicks(spin, QStringLiteral("5"));
    QTest::keyClick(spin, Qt::Key_Return);
    QCOMPARE(requested.size(), 2);
    QVERIFY2(control->hintText().contains(locale.toString(20.0, 'f', 1)), qPrintable(control->hintText()));
    QVERIFY(control->hintText().contains(locale.toString(95.0, 'f', 1)));
    // Off the step grid: refused too.
    spin->clear();
    QTest::keyClicks(spin, locale.toString(55.3, 'f', 1));
    QVERIFY(control->hintText().isEmpty()); // typing again clears the message
    QTest::keyClick(spin, Qt::Key_Return);
    QCOMPARE(requested.size(), 2);
    QVERIFY(!control->hintText().isEmpty());
    // Escape drops the edit: back to the actual value.
    QTest::keyClick(spin, Qt::Key_Escape);
    QCOMPARE(spin->value(), console.value(kSetpoint).toDouble());
    QCOMPARE(requested.size(), 2);
}

void TestControlPanelView::selectorAppliesOnApply()
{
    Console console;
    QTRY_VERIFY_WITH_TIMEOUT(console.ready(), 10000);
    QSignalSpy requested(console.view.get(), &ControlPanelView::commandRequested);
    EndpointControl *control = console.control(kMode);
    QComboBox *combo = control->comboBox();
    QCOMPARE(combo->currentText(), QStringLiteral("auto"));
    combo->setCurrentIndex(combo->findText(QStringLiteral("manual")));
    QCOMPARE(requested.size(), 0); // choosing is not applying
    QTest::mouseClick(control->applyButton(), Qt::LeftButton);
    QTest::mouseClick(control->applyButton(), Qt::LeftButton);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(0).toString(), kMode);
    QCOMPARE(requested.at(0).at(1), QVariant(QStringLiteral("manual")));
    // The actual value is still the server's.
    QCOMPARE(control->valueText(), QStringLiteral("auto"));
    // Telemetry does not overwrite the operator's choice while it is being made.
    QCOMPARE(combo->currentText(), QStringLiteral("manual"));
}

void TestControlPanelView::pendingCommandShowsRequestedBesideActual()
{
    Console console;
    QTRY_VERIFY_WITH_TIMEOUT(console.ready(), 10000);
    EndpointControl *control = console.control(kValve);
    QVERIFY(!control->isPending());
    QVERIFY(!control->busyShown());
    QCOMPARE(control->requestedText(), QString());

    console.command(kValve, true);
    QTRY_VERIFY(control->isPending());
    QVERIFY(!control->actionButton(true)->isEnabled());
    QVERIFY(!control->actionButton(false)->isEnabled());
    QVERIFY(control->busyShown());
    const QString requested = control->requestedText();
    QVERIFY2(requested.contains(QStringLiteral("On")), qPrintable(requested));
    QVERIFY(!control->statusText().isEmpty());
    const QStringList words {QStringLiteral("queued"), QStringLiteral("sent"), QStringLiteral("acked")};
    QSet<QString> seen;
    // While pending the actual value is the server's, never the requested one.
    bool valueAheadOfServer = false;
    QElapsedTimer waited;
    waited.start();
    while (control->isPending()) {
        QVERIFY2(waited.elapsed() < 8000, "the command never finished");
        QVERIFY2(words.contains(control->statusText()), qPrintable(control->statusText()));
        seen.insert(control->statusText());
        if (control->valueText() != valveText(console.value(kValve)))
            valueAheadOfServer = true;
        if (!console.value(kValve).toBool() && control->valueText() == QStringLiteral("On"))
            valueAheadOfServer = true;
        QTest::qWait(20);
        QVERIFY(control->isPending() || !control->busyShown());
    }
    QVERIFY(!valueAheadOfServer);
    QVERIFY(seen.size() >= 2); // the life cycle moves on inline
    // Settled: on the server's value, the control usable again, nothing pending shown.
    QTRY_COMPARE_WITH_TIMEOUT(control->valueText(), QStringLiteral("On"), 5000);
    QVERIFY(control->actionButton(false)->isEnabled());
    QVERIFY(!control->actionButton(true)->isEnabled());
    QCOMPARE(control->stateText(), QStringLiteral("On"));
    QVERIFY(!control->busyShown());
    QCOMPARE(control->requestedText(), QString());
    QCOMPARE(control->statusText(), QString());

    // A setpoint: the requested number beside the actual one, the editor handed back after.
    EndpointControl *setpoint = console.control(kSetpoint);
    const QString before = setpoint->valueText();
    console.command(kSetpoint, 72.5);
    QTRY_VERIFY(setpoint->isPending());
    QVERIFY(!setpoint->spinBox()->isEnabled());
    QVERIFY(!setpoint->applyButton()->isEnabled());
    QVERIFY2(setpoint->requestedText().contains(QString(QLocale().toString(72.5, 'f', 1) + QStringLiteral("\u00a0°C"))),
             qPrintable(setpoint->requestedText()));
    QCOMPARE(setpoint->valueText(), before);
    QTRY_VERIFY_WITH_TIMEOUT(!setpoint->isPending(), 5000);
    QTRY_COMPARE(console.value(kSetpoint).toDouble(), 72.5);
    QCOMPARE(setpoint->spinBox()->value(), 72.5);
    QVERIFY(setpoint->spinBox()->isEnabled());
}

void TestControlPanelView::commandsNotAllowedDisableEveryControl()
{
    Console console;
    QTRY_VERIFY_WITH_TIMEOUT(console.ready(), 10000);
    ControlPanelView *view = console.view.get();
    QSignalSpy requested(view, &ControlPanelView::commandRequested);
    const QString readOnly = QStringLiteral("read-only");
    view->setCommandsAllowed(false, readOnly);
    QVERIFY(!view->commandsAllowed());
    int writable = 0;
    for (TileCard *card : view->cards()) {
        for (EndpointControl *control : card->endpointControls()) {
            if (control->kind() == Kind::None) {
                QCOMPARE(control->reasonText(), QString());
                continue;
            }
            ++writable;
            QCOMPARE(control->reasonText(), readOnly);
            QVERIFY(!control->isActionable());
            for (QWidget *w : control->focusChain()) {
                QVERIFY(!w->isEnabled());
                QVERIFY2(w->toolTip().contains(readOnly), qPrintable(w->toolTip()));
            }
        }
    }
    QCOMPARE(writable, 3 * 5);
    QTest::mouseClick(console.control(kValve)->actionButton(true), Qt::LeftButton);
    QTest::mouseClick(console.control(kSetpoint)->applyButton(), Qt::LeftButton);
    QCOMPARE(requested.size(), 0);

    view->setCommandsAllowed(true);
    for (TileCard *card : view->cards()) {
        for (EndpointControl *control : card->endpointControls()) {
            QCOMPARE(control->reasonText(), QString());
            if (control->kind() == Kind::Toggle) {
                // The action away from the state shown, never the one it is in.
                const bool on = control->value().toBool();
                QVERIFY(control->actionButton(!on)->isEnabled());
                QVERIFY(!control->actionButton(on)->isEnabled());
                continue;
            }
            for (QWidget *w : control->focusChain())
                QVERIFY(w->isEnabled());
        }
    }

    // One endpoint blocked on its own.
    view->setEndpointBlocked(kHeater, QStringLiteral("commands off"));
    QVERIFY(!console.control(kHeater)->actionButton(true)->isEnabled());
    QCOMPARE(console.control(kHeater)->reasonText(), QStringLiteral("commands off"));
    QVERIFY(console.control(kPump)->actionButton(true)->isEnabled());
    QTest::mouseClick(console.control(kHeater)->actionButton(true), Qt::LeftButton);
    QCOMPARE(requested.size(), 0);
    view->setEndpointBlocked(kHeater, {});
    QVERIFY(console.control(kHeater)->actionButton(true)->isEnabled());
    QTest::mouseClick(console.control(kHeater)->actionButton(true), Qt::LeftButton);
    QCOMPARE(requested.size(), 1);
}

void TestControlPanelView::outcomeStaysUntilTheNextCommand()
{
    Console console;
    QTRY_VERIFY_WITH_TIMEOUT(console.ready(), 10000);
    ControlPanelView *view = console.view.get();
    EndpointControl *control = console.control(kValve);
    QCOMPARE(control->outcomeText(), QString());
    auto *line = control->findChild<QLabel *>(QStringLiteral("endpointOutcome"));
    auto *symbol = control->findChild<QLabel *>(QStringLiteral("endpointOutcomeSymbol"));
    QVERIFY(!line->isVisibleTo(view));

    const QString failure = QStringLiteral("Failed: valve stuck — back to Off");
    view->setOutcome(kValve, failure, true);
    QCOMPARE(control->outcomeText(), failure);
    QVERIFY(control->outcomeIsFailure());
    QVERIFY(line->isVisibleTo(view));
    QCOMPARE(line->text(), failure);
    QVERIFY(symbol->isVisibleTo(view)); // a symbol with the words, never colour alone
    QVERIFY(!symbol->pixmap().isNull());
    QVERIFY(line->accessibleName().contains(failure));
    // Values come and go; the outcome stays.
    QTest::qWait(300);
    QCOMPARE(control->outcomeText(), failure);
    // Other endpoints are not touched.
    QCOMPARE(console.control(kPump)->outcomeText(), QString());

    // The next command on the endpoint clears it.
    QTest::mouseClick(control->actionButton(true), Qt::LeftButton);
    QCOMPARE(control->outcomeText(), QString());
    QVERIFY(!line->isVisibleTo(view));

    // A success is said in plain words, no alarm symbol.
    view->setOutcome(kValve, QStringLiteral("Done: On"), false);
    QVERIFY(!control->outcomeIsFailure());
    QVERIFY(line->isVisibleTo(view));
    QVERIFY(!symbol->isVisibleTo(view));
}

void TestControlPanelView::stoppedServerMarksEndpointsStale()
{
    Console console;
    QTRY_VERIFY_WITH_TIMEOUT(console.ready(), 10000);
    const QList<TileCard *> cards = console.view->cards();
    const QImage live = console.control(kTemperature)->grab().toImage();
    for (TileCard *card : cards) {
        for (EndpointControl *control : card->endpointControls()) {
            QVERIFY(!control->isStale());
            QVERIFY(!control->staleShown());
        }
    }
    console.server->close();
    QTRY_VERIFY_WITH_TIMEOUT(!console.session.link()->isLive(), 5000);
    for (TileCard *card : cards) {
        for (EndpointControl *control : card->endpointControls()) {
            QTRY_VERIFY(control->isStale());
            QVERIFY(control->staleShown());
            QVERIFY(control->sparkline()->isStale());
            QVERIFY(control->findChild<QLabel *>(QStringLiteral("endpointValue"))->accessibleName().contains(u"stale"));
        }
    }
    // Same value, drawn greyed.
    QVERIFY(console.control(kTemperature)->grab().toImage() != live);
}

void TestControlPanelView::gridReflowsWithTheWidth()
{
    Console console;
    QTRY_VERIFY_WITH_TIMEOUT(console.ready(), 10000);
    ControlPanelView *view = console.view.get();
    view->resize(1400, 800);
    QTRY_VERIFY(view->columnCount() >= 3);
    QApplication::processEvents();
    const QList<TileCard *> cards = view->cards();
    QTRY_COMPARE(cards.at(1)->y(), cards.at(0)->y());
    QVERIFY(cards.at(1)->x() > cards.at(0)->x());

    view->resize(520, 800);
    QTRY_COMPARE(view->columnCount(), 1);
    QTRY_VERIFY(cards.at(1)->y() > cards.at(0)->y());
    QCOMPARE(cards.at(1)->x(), cards.at(0)->x());
    // Narrow: the cards scroll, none is cut to nothing.
    QVERIFY(cards.at(0)->width() >= 280);

    // A larger font makes wider cards, so fewer of them in a row (at a
    // width where the three cards fit with little to spare).
    view->resize(1100, 800);
    QTRY_VERIFY(view->columnCount() >= 3);
    const int normal = view->columnCount();
    QFont large = view->font();
    large.setPointSizeF(large.pointSizeF() * 1.5);
    view->setFont(large);
    view->resize(1101, 800);
    QTRY_VERIFY(view->columnCount() < normal);
}

void TestControlPanelView::tabOrderFollowsTheCards()
{
    Console console;
    QTRY_VERIFY_WITH_TIMEOUT(console.ready(), 10000);
    ControlPanelView *view = console.view.get();
    QList<QWidget *> chain;
    for (TileCard *card : view->cards())
        for (EndpointControl *control : card->endpointControls())
            chain += control->focusChain();
    QCOMPARE(chain.size(), 3 * 10); // three pairs of actions, spin and Apply, combo and Apply per tile
    for (QWidget *w : std::as_const(chain)) {
        QVERIFY(w->focusPolicy() & Qt::TabFocus);
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
    }
    // Tab walks the controls card by card, device by device, past the
    // action a toggle is in already (disabled).
    chain.removeIf([](QWidget *w) { return !w->isEnabled(); });
    QCOMPARE(chain.size(), 3 * 7);
    view->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(view));
    chain.first()->setFocus();
    const auto holds = [](QWidget *w) {
        QWidget *focus = QApplication::focusWidget();
        return focus && (focus == w || w->isAncestorOf(focus));
    };
    QTRY_VERIFY(holds(chain.first()));
    for (qsizetype i = 1; i < chain.size(); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QVERIFY2(
            holds(chain.at(i)),
            qPrintable(QStringLiteral("%1: %2 instead of %3")
                           .arg(i)
                           .arg(QApplication::focusWidget() ? QApplication::focusWidget()->objectName() : QString(),
                                chain.at(i)->objectName())));
    }
}

// Saves the view, light and dark, to $WATCHFLOOR_SCREENSHOT_DIR (a scratch folder when unset).
void TestControlPanelView::screenshots()
{
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString dir = qEnvironmentVariable("WATCHFLOOR_SCREENSHOT_DIR", scratch.path());
    QVERIFY(QDir().mkpath(dir));
    Console console;
    ControlPanelView *view = console.view.get();
    view->resize(1280, 820);
    QTRY_VERIFY_WITH_TIMEOUT(console.ready(), 10000);
    // A refused command, and one on its way.
    view->setOutcome(kHeater, QStringLiteral("Rejected by interlock: Heater H-101 needs pump P-101 running"), true);
    QTest::qWait(2500); // trends gather a few samples
    console.command(kValve, true);
    QTRY_VERIFY(console.control(kValve)->isPending());
    QVERIFY(view->grab().save(QDir(dir).filePath(QStringLiteral("view-control-panel.png"))));

    Theme::apply(ThemeMode::Dark);
    QApplication::processEvents();
    QVERIFY(view->grab().save(QDir(dir).filePath(QStringLiteral("view-control-panel-dark.png"))));
    Theme::apply(ThemeMode::Light);

    view->setCommandsAllowed(false, QStringLiteral("read-only"));
    QFont large = view->font();
    large.setPointSizeF(large.pointSizeF() * 1.5);
    view->setFont(large);
    QTest::qWait(300); // the cards lay themselves out again
    QVERIFY(view->grab().save(QDir(dir).filePath(QStringLiteral("view-control-panel-large.png"))));
}

QTEST_MAIN(TestControlPanelView)
#include "tst_controlpanelview.moc"
