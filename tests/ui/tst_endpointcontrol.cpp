#include "endpointcontrol.h"

#include "domain/plant.h"
#include "model/tilemodel.h"

#include <QApplication>
#include <QDoubleSpinBox>
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

QTEST_MAIN(TestEndpointControl)
#include "tst_endpointcontrol.moc"
