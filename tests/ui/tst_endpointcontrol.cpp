#include "endpointcontrol.h"

#include "domain/plant.h"
#include "model/tilemodel.h"

#include <QApplication>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>

// The control panel's endpoint widget as a view over one row: it keeps no
// copy of the row, redraws only what the roles of a change touch, and an
// operator's unapplied edit survives changes that leave the editor's limits
// as they were. The row is a plain QStandardItemModel's, in TileModel's roles,
// so what the control draws can only have come from that row.
class TestEndpointControl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void readsTheRowAndRedrawsOnlyForTheRolesNamed();
    void anUnappliedEditSurvivesUnlessTheLimitsChange();
    void aFinishedCommandHandsTheEditorBack();
    void aRowThatMovesIsFollowed();
    void anOnOffEndpointHasTwoActionsBesideItsState_data();
    void anOnOffEndpointHasTwoActionsBesideItsState();
    void theProfileCanNameTheActions();

private:
    void set(int role, const QVariant &value) { m_item->setData(value, role); }

    QStandardItemModel m_model;
    QStandardItem *m_item = nullptr;
    std::unique_ptr<EndpointControl> m_control;
};

void TestEndpointControl::init()
{
    m_model.clear();
    m_item = new QStandardItem;
    set(TileModel::IdRole, QStringLiteral("T1.H101.setpoint"));
    set(TileModel::NameRole, QStringLiteral("Setpoint"));
    set(TileModel::ValueTypeRole, int(Domain::ValueType::Number));
    set(TileModel::WritableRole, true);
    set(TileModel::MinRole, 20.0);
    set(TileModel::MaxRole, 95.0);
    set(TileModel::StepRole, 0.5);
    set(TileModel::UnitRole, QStringLiteral("°C"));
    set(TileModel::ValueRole, 60.0);
    set(TileModel::StaleRole, false);
    m_model.appendRow(m_item);
    m_control = std::make_unique<EndpointControl>(QStringLiteral("T1.H101.setpoint"));
    m_control->setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
    m_control->setRow(m_model.index(0, 0));
    m_control->show();
}

void TestEndpointControl::cleanup()
{
    m_control.reset();
}

void TestEndpointControl::readsTheRowAndRedrawsOnlyForTheRolesNamed()
{
    QCOMPARE(m_control->kind(), EndpointControl::Kind::Setpoint);
    QCOMPARE(m_control->valueText(), QStringLiteral("60.0\u00A0°C"));

    // No copy: what the control answers is the row's at once...
    set(TileModel::ValueRole, 61.5);
    QCOMPARE(m_control->value().toDouble(), 61.5);
    // ...but it redraws when told which roles changed, and only for those it draws.
    m_control->refresh({TileModel::LastUpdateRole, TileModel::AgeRole, TileModel::TrendRole});
    QCOMPARE(m_control->valueText(), QStringLiteral("60.0\u00A0°C"));
    m_control->refresh({TileModel::ValueRole});
    QCOMPARE(m_control->valueText(), QStringLiteral("61.5\u00A0°C"));
    QCOMPARE(m_control->spinBox()->value(), 61.5);

    set(TileModel::StaleRole, true);
    QVERIFY(!m_control->staleShown());
    m_control->refresh({TileModel::StaleRole});
    QVERIFY(m_control->staleShown());
    QVERIFY(!m_control->isActionable()); // a stale number cannot be set

    // A row that is no longer a setpoint stops being edited as one.
    set(TileModel::WritableRole, false);
    m_control->refresh({TileModel::WritableRole});
    QCOMPARE(m_control->kind(), EndpointControl::Kind::None);
    QVERIFY(!m_control->spinBox()->isVisibleTo(m_control.get()));
}

void TestEndpointControl::anUnappliedEditSurvivesUnlessTheLimitsChange()
{
    QDoubleSpinBox *spin = m_control->spinBox();
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, QStringLiteral("72.5"));
    QCOMPARE(spin->value(), 72.5);

    // New readings and limits that stay the same leave the typing alone.
    set(TileModel::ValueRole, 63.0);
    m_control->refresh({TileModel::ValueRole});
    m_control->refresh({TileModel::MinRole, TileModel::MaxRole, TileModel::StepRole});
    m_control->refresh(); // a structure pass
    QCOMPARE(spin->value(), 72.5);
    QCOMPARE(m_control->valueText(), QStringLiteral("63.0\u00A0°C"));

    // New limits take the edit back to the actual value.
    set(TileModel::MaxRole, 70.0);
    m_control->refresh({TileModel::MaxRole});
    QCOMPARE(spin->maximum(), 70.0);
    QCOMPARE(spin->value(), 63.0);
}

void TestEndpointControl::aFinishedCommandHandsTheEditorBack()
{
    QDoubleSpinBox *spin = m_control->spinBox();
    set(TileModel::PendingCommandIdRole, QStringLiteral("c-1"));
    set(TileModel::PendingValueRole, 80.0);
    set(TileModel::PendingOwnRole, false); // another console's
    m_control->refresh({TileModel::PendingCommandIdRole, TileModel::PendingValueRole, TileModel::PendingOwnRole});
    QVERIFY(m_control->busyShown());
    QCOMPARE(m_control->requestedText(), QStringLiteral("requested 80.0\u00A0°C"));
    QVERIFY(!m_control->isActionable());

    // The operator types while it is pending; then it finishes.
    spin->setEnabled(true);
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, QStringLiteral("30"));
    QCOMPARE(spin->value(), 30.0);
    set(TileModel::PendingCommandIdRole, QVariant());
    set(TileModel::PendingValueRole, QVariant());
    set(TileModel::ValueRole, 80.0);
    m_control->refresh({TileModel::PendingCommandIdRole, TileModel::PendingValueRole, TileModel::ValueRole});
    QVERIFY(!m_control->busyShown());
    QCOMPARE(spin->value(), 80.0);
    QVERIFY(m_control->isActionable());
}

void TestEndpointControl::aRowThatMovesIsFollowed()
{
    m_model.insertRow(0, new QStandardItem(QStringLiteral("another endpoint")));
    QCOMPARE(m_item->row(), 1);
    set(TileModel::ValueRole, 55.0);
    m_control->refresh({TileModel::ValueRole});
    QCOMPARE(m_control->valueText(), QStringLiteral("55.0\u00A0°C"));
    QCOMPARE(m_control->nameText(), QStringLiteral("Setpoint"));
}

void TestEndpointControl::anOnOffEndpointHasTwoActionsBesideItsState_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("on");
    QTest::addColumn<QString>("off");
    QTest::newRow("pump") << QStringLiteral("pump") << QStringLiteral("Start") << QStringLiteral("Stop");
    QTest::newRow("motor") << QStringLiteral("Motor") << QStringLiteral("Start") << QStringLiteral("Stop");
    QTest::newRow("valve") << QStringLiteral("valve") << QStringLiteral("Open") << QStringLiteral("Close");
    QTest::newRow("heater") << QStringLiteral("heater") << QStringLiteral("On") << QStringLiteral("Off");
}

void TestEndpointControl::anOnOffEndpointHasTwoActionsBesideItsState()
{
    QFETCH(QString, kind);
    QFETCH(QString, on);
    QFETCH(QString, off);
    // An endpoint row under its device's row, as the TileModel has it.
    QStandardItemModel model;
    auto *device = new QStandardItem;
    device->setData(QStringLiteral("Pump P-101"), TileModel::NameRole);
    device->setData(kind, TileModel::DeviceKindRole);
    auto *endpoint = new QStandardItem;
    endpoint->setData(QStringLiteral("T1.P101.running"), TileModel::IdRole);
    endpoint->setData(QStringLiteral("Running"), TileModel::NameRole);
    endpoint->setData(int(Domain::ValueType::Bool), TileModel::ValueTypeRole);
    endpoint->setData(true, TileModel::WritableRole);
    endpoint->setData(false, TileModel::ValueRole);
    endpoint->setData(false, TileModel::StaleRole);
    device->appendRow(endpoint);
    model.appendRow(device);
    EndpointControl control(QStringLiteral("T1.P101.running"));
    control.setDeviceName(QStringLiteral("Pump P-101"));
    control.setRow(endpoint->index());
    control.show();
    QSignalSpy requested(&control, &EndpointControl::commandRequested);

    QCOMPARE(control.kind(), EndpointControl::Kind::Toggle);
    QPushButton *start = control.actionButton(true);
    QPushButton *stop = control.actionButton(false);
    // Two buttons that say what they do, never the state...
    QVERIFY(start->isVisible() && stop->isVisible());
    QCOMPARE(start->text(), on);
    QCOMPARE(stop->text(), off);
    QVERIFY(!start->isCheckable() && !stop->isCheckable());
    // ...which shows apart, in the endpoint's own words.
    QCOMPARE(control.stateText(), QStringLiteral("Off"));
    auto *state = control.findChild<QLabel *>(QStringLiteral("endpointValue"));
    QVERIFY(state->isVisible());
    QVERIFY(state != static_cast<QWidget *>(start) && state != static_cast<QWidget *>(stop));
    // The action of the state it is in is not offered.
    QVERIFY(start->isEnabled());
    QVERIFY(!stop->isEnabled());
    QVERIFY2(stop->toolTip().contains(QStringLiteral("already")), qPrintable(stop->toolTip()));
    QCOMPARE(start->accessibleName(), QString(on + QStringLiteral(" Pump P-101 Running (now Off)")));

    start->click();
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(1), QVariant(true));
    QCOMPARE(control.stateText(), QStringLiteral("Off")); // the server's, until it says otherwise

    // Running: the words stay, the state changes, and only the other action is offered.
    endpoint->setData(true, TileModel::ValueRole);
    control.refresh({TileModel::ValueRole});
    QCOMPARE(start->text(), on);
    QCOMPARE(stop->text(), off);
    QCOMPARE(control.stateText(), QStringLiteral("On"));
    QVERIFY(!start->isEnabled());
    QVERIFY(stop->isEnabled());

    // Not live: only switching off, which the stop action does.
    endpoint->setData(true, TileModel::StaleRole);
    control.refresh({TileModel::StaleRole});
    QVERIFY(!start->isEnabled());
    QVERIFY(stop->isEnabled());
    endpoint->setData(false, TileModel::ValueRole);
    control.refresh({TileModel::ValueRole});
    QVERIFY(!start->isEnabled()); // a stale Off is not a reason to switch on
}

void TestEndpointControl::theProfileCanNameTheActions()
{
    QStandardItemModel model;
    auto *device = new QStandardItem;
    device->setData(QStringLiteral("heater"), TileModel::DeviceKindRole);
    auto *endpoint = new QStandardItem;
    endpoint->setData(QStringLiteral("T1.H101.on"), TileModel::IdRole);
    endpoint->setData(QStringLiteral("On"), TileModel::NameRole);
    endpoint->setData(int(Domain::ValueType::Bool), TileModel::ValueTypeRole);
    endpoint->setData(true, TileModel::WritableRole);
    endpoint->setData(false, TileModel::ValueRole);
    device->appendRow(endpoint);
    model.appendRow(device);
    EndpointControl control(QStringLiteral("T1.H101.on"));
    control.setRow(endpoint->index());
    QCOMPARE(control.actionButton(true)->text(), QStringLiteral("On"));

    // By kind, whatever its case...
    control.setActionWordMapping({{QStringLiteral("Heater"), {QStringLiteral("Fire"), QStringLiteral("Quench")}}});
    QCOMPARE(control.actionButton(true)->text(), QStringLiteral("Fire"));
    QCOMPARE(control.actionButton(false)->text(), QStringLiteral("Quench"));
    // ...and by endpoint id, which wins over the kind.
    control.setActionWordMapping({{QStringLiteral("heater"), {QStringLiteral("Fire"), QStringLiteral("Quench")}},
                                  {QStringLiteral("T1.H101.on"), {QStringLiteral("Light"), QStringLiteral("Douse")}}});
    QCOMPARE(control.actionButton(true)->text(), QStringLiteral("Light"));
    QCOMPARE(control.actionButton(false)->text(), QStringLiteral("Douse"));
    // Another endpoint's mapping leaves it to its kind.
    control.setActionWordMapping({{QStringLiteral("T2.H101.on"), {QStringLiteral("Light"), QStringLiteral("Douse")}}});
    QCOMPARE(control.actionButton(true)->text(), QStringLiteral("On"));
}

QTEST_MAIN(TestEndpointControl)
#include "tst_endpointcontrol.moc"
