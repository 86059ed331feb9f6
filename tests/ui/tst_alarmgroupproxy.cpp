#include "alarmdelegate.h"
#include "alarmfilterproxy.h"
#include "alarmgroupproxy.h"
#include "model/alarmmodel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>

using Domain::AlarmSeverity;
using Domain::AlarmSourceKind;
using Domain::AlarmState;
using Role = AlarmGroupProxy::Role;

namespace {

const QDateTime kNoon(QDate(2026, 12, 7), QTime(12, 0), Qt::UTC);

// A drone's alarm named as a server names one condition of one source.
Domain::Alarm droneAlarm(const QString &serial, const QString &condition, AlarmSeverity severity, AlarmState state,
                         int minutesAgo)
{
    Domain::Alarm a;
    a.alarmId = QStringLiteral("drone:%1:%2").arg(serial, condition);
    a.severity = severity;
    a.state = state;
    a.message = QStringLiteral("%1 on %2").arg(condition, serial);
    a.source = Domain::AlarmSource {AlarmSourceKind::Drone, serial};
    a.timestamp = kNoon.addSecs(-60 * minutesAgo);
    if (state == AlarmState::ActiveAcked)
        a.ackedBy = QStringLiteral("bob");
    return a;
}

Domain::Alarm cleared(Domain::Alarm a)
{
    a.state = AlarmState::Cleared;
    return a;
}

// The summary's rows over a model, as the alarms view stacks them.
struct Rows
{
    Rows()
    {
        filter.setSourceModel(&model);
        filter.sort(AlarmModel::SeverityColumn, Qt::AscendingOrder);
        groups.setSourceModel(&filter);
    }

    // What each row is, top to bottom: "group:<condition>×<size>",
    // "  <alarm id>" under a group, "<alarm id>" on its own.
    QStringList listed() const
    {
        QStringList rows;
        for (int row = 0; row < groups.rowCount(); ++row) {
            const QModelIndex index = groups.index(row, 0);
            if (const int size = index.data(Role::GroupSizeRole).toInt(); size > 0)
                rows.append(QStringLiteral("group:%1×%2").arg(groups.conditionAt(row)).arg(size));
            else
                rows.append((index.data(Role::GroupMemberRole).toBool() ? QStringLiteral("  ") : QString())
                            + index.data(AlarmModel::AlarmIdRole).toString());
        }
        return rows;
    }

    AlarmModel model;
    AlarmFilterProxy filter {AlarmFilterProxy::Section::InPlay};
    AlarmGroupProxy groups;
    QAbstractItemModelTester tester {&groups, QAbstractItemModelTester::FailureReportingMode::Fatal};
};

const QString kBattery = QStringLiteral("id:drone:*:battery_low");

} // namespace

class TestAlarmGroupProxy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneConditionOverManySourcesIsOneRow();
    void theGroupSaysWhatItsAlarmsNeed();
    void expandingListsTheAlarmsUnderTheGroup();
    void aConditionLeftWithOneAlarmIsThatAlarm();
    void selectionStaysOnItsRowAsTheFloodMovesRows();
    void groupingOffListsEveryAlarm();
    void aNewAlarmRereadsTheGroupsNotEveryRow();
};

void TestAlarmGroupProxy::oneConditionOverManySourcesIsOneRow()
{
    Rows rows;
    rows.model.applyBatch({droneAlarm(QStringLiteral("D1"), QStringLiteral("battery_low"), AlarmSeverity::Medium,
                                      AlarmState::ActiveUnacked, 5),
                           droneAlarm(QStringLiteral("D2"), QStringLiteral("battery_low"), AlarmSeverity::Medium,
                                      AlarmState::ActiveUnacked, 4),
                           droneAlarm(QStringLiteral("D3"), QStringLiteral("motor_fault"), AlarmSeverity::High,
                                      AlarmState::ActiveUnacked, 3),
                           droneAlarm(QStringLiteral("D4"), QStringLiteral("battery_low"), AlarmSeverity::Medium,
                                      AlarmState::ActiveUnacked, 2)});
    // The High alarm first, then the three battery alarms as one row.
    QCOMPARE(rows.listed(),
             (QStringList {QStringLiteral("drone:D3:motor_fault"), QStringLiteral("group:%1×3").arg(kBattery)}));
    QCOMPARE(rows.groups.rowOfGroup(kBattery), 1);
    QCOMPARE(rows.groups.alarmIndexes(1).size(), 3);
    QCOMPARE(rows.groups.alarmIndexes(0).value(0).data(AlarmModel::AlarmIdRole).toString(),
             QStringLiteral("drone:D3:motor_fault"));
    // A hidden alarm has no row of its own; a listed one has.
    QCOMPARE(rows.groups.rowOfAlarm(QStringLiteral("drone:D1:battery_low")), -1);
    QCOMPARE(rows.groups.rowOfAlarm(QStringLiteral("drone:D3:motor_fault")), 0);
    // The words of the group's row.
    const auto cell = [&rows](int column) { return AlarmDelegate::cellText(rows.groups.index(1, column)); };
    QCOMPARE(cell(AlarmModel::SourceColumn), QStringLiteral("Drone × 3"));
    QCOMPARE(cell(AlarmModel::CountColumn), QStringLiteral("3 alarms"));
    QVERIFY2(cell(AlarmModel::MessageColumn).startsWith(QStringLiteral("▸ ")),
             qPrintable(cell(AlarmModel::MessageColumn)));
    QVERIFY2(cell(AlarmModel::MessageColumn).endsWith(QStringLiteral("and 2 more like it")),
             qPrintable(cell(AlarmModel::MessageColumn)));
    // The model's display text is the delegate's (screen readers read it).
    QCOMPARE(rows.groups.index(1, AlarmModel::CountColumn).data().toString(), QStringLiteral("3 alarms"));

    // A fourth source of the same condition joins the group.
    rows.model.applyBatch({droneAlarm(QStringLiteral("D5"), QStringLiteral("battery_low"), AlarmSeverity::Medium,
                                      AlarmState::ActiveUnacked, 1)});
    QCOMPARE(rows.listed(),
             (QStringList {QStringLiteral("drone:D3:motor_fault"), QStringLiteral("group:%1×4").arg(kBattery)}));
}

void TestAlarmGroupProxy::theGroupSaysWhatItsAlarmsNeed()
{
    Rows rows;
    rows.model.applyBatch({droneAlarm(QStringLiteral("D1"), QStringLiteral("battery_low"), AlarmSeverity::Low,
                                      AlarmState::ActiveAcked, 9),
                           droneAlarm(QStringLiteral("D2"), QStringLiteral("battery_low"), AlarmSeverity::Medium,
                                      AlarmState::RtnUnacked, 7),
                           droneAlarm(QStringLiteral("D3"), QStringLiteral("battery_low"), AlarmSeverity::Low,
                                      AlarmState::ActiveUnacked, 3)});
    QCOMPARE(rows.groups.rowCount(), 1);
    const QModelIndex group = rows.groups.index(0, 0);
    // The most urgent priority; the state most in need of the operator;
    // waiting while any waits; raised when the first was.
    QCOMPARE(group.data(AlarmModel::SeverityRole).toInt(), int(AlarmSeverity::Medium));
    QCOMPARE(group.data(AlarmModel::StateRole).toInt(), int(AlarmState::ActiveUnacked));
    QCOMPARE(group.data(AlarmModel::AcknowledgedRole).toBool(), false);
    QCOMPARE(group.data(Role::GroupAcknowledgedRole).toInt(), 1);
    QCOMPARE(group.data(AlarmModel::RaisedAtRole).toDateTime(), kNoon.addSecs(-9 * 60));
    QCOMPARE(group.data(AlarmModel::MessageRole).toString(), QStringLiteral("battery_low on D2"));
    QCOMPARE(AlarmDelegate::cellText(rows.groups.index(0, AlarmModel::AckedByColumn)),
             QStringLiteral("1 of 3 acknowledged"));
    // No alarm id: an action on the group acts on its alarms (alarmIndexes).
    QVERIFY(group.data(AlarmModel::AlarmIdRole).toString().isEmpty());

    // Acknowledged one by one: the summary follows each change.
    QSignalSpy changed(&rows.groups, &QAbstractItemModel::dataChanged);
    auto d2 = droneAlarm(QStringLiteral("D2"), QStringLiteral("battery_low"), AlarmSeverity::Medium,
                         AlarmState::RtnUnacked, 7);
    d2.state = AlarmState::Cleared; // returned and acknowledged: it leaves
    auto d3 = droneAlarm(QStringLiteral("D3"), QStringLiteral("battery_low"), AlarmSeverity::Low,
                         AlarmState::ActiveAcked, 3);
    rows.model.applyBatch({d2, d3});
    QVERIFY(!changed.isEmpty());
    const QModelIndex after = rows.groups.index(0, 0);
    QCOMPARE(after.data(Role::GroupSizeRole).toInt(), 2);
    QCOMPARE(after.data(AlarmModel::SeverityRole).toInt(), int(AlarmSeverity::Low));
    QCOMPARE(after.data(AlarmModel::StateRole).toInt(), int(AlarmState::ActiveAcked));
    QCOMPARE(after.data(AlarmModel::AcknowledgedRole).toBool(), true);
}

void TestAlarmGroupProxy::expandingListsTheAlarmsUnderTheGroup()
{
    Rows rows;
    rows.model.applyBatch({droneAlarm(QStringLiteral("D1"), QStringLiteral("battery_low"), AlarmSeverity::Medium,
                                      AlarmState::ActiveUnacked, 5),
                           droneAlarm(QStringLiteral("D2"), QStringLiteral("battery_low"), AlarmSeverity::High,
                                      AlarmState::ActiveUnacked, 4),
                           droneAlarm(QStringLiteral("D9"), QStringLiteral("motor_fault"), AlarmSeverity::Low,
                                      AlarmState::ActiveUnacked, 3)});
    QVERIFY(rows.groups.toggleExpanded(0));
    QVERIFY(rows.groups.isExpanded(kBattery));
    // Its alarms under it, in the summary's order, then the next row.
    QCOMPARE(rows.listed(),
             (QStringList {QStringLiteral("group:%1×2").arg(kBattery), QStringLiteral("  drone:D2:battery_low"),
                           QStringLiteral("  drone:D1:battery_low"), QStringLiteral("drone:D9:motor_fault")}));
    QCOMPARE(rows.groups.rowOfAlarm(QStringLiteral("drone:D1:battery_low")), 2);
    QCOMPARE(rows.groups.conditionAt(2), kBattery);
    QVERIFY(rows.groups.conditionAt(3).isEmpty());
    QVERIFY(rows.groups.index(0, 0).data(Role::GroupExpandedRole).toBool());
    QVERIFY(AlarmDelegate::cellText(rows.groups.index(0, AlarmModel::MessageColumn)).startsWith(QStringLiteral("▾ ")));
    QVERIFY(AlarmDelegate::cellText(rows.groups.index(1, AlarmModel::SourceColumn)).startsWith(QStringLiteral("└ ")));
    // A member's row reads its own alarm.
    QCOMPARE(rows.groups.index(1, 0).data(AlarmModel::SeverityRole).toInt(), int(AlarmSeverity::High));
    QCOMPARE(rows.groups.mapToSource(rows.groups.index(2, 0)).data(AlarmModel::AlarmIdRole).toString(),
             QStringLiteral("drone:D1:battery_low"));

    // A new alarm of the condition is listed under the open group.
    rows.model.applyBatch({droneAlarm(QStringLiteral("D3"), QStringLiteral("battery_low"), AlarmSeverity::Medium,
                                      AlarmState::ActiveUnacked, 1)});
    QCOMPARE(rows.groups.rowOfAlarm(QStringLiteral("drone:D3:battery_low")), 2);
    QCOMPARE(rows.groups.rowCount(), 5);

    // A member's row closes its group too.
    QVERIFY(rows.groups.toggleExpanded(3));
    QCOMPARE(rows.listed(),
             (QStringList {QStringLiteral("group:%1×3").arg(kBattery), QStringLiteral("drone:D9:motor_fault")}));
    QVERIFY(!rows.groups.toggleExpanded(1)); // an alarm of its own has no group
}

void TestAlarmGroupProxy::aConditionLeftWithOneAlarmIsThatAlarm()
{
    Rows rows;
    const auto d1 = droneAlarm(QStringLiteral("D1"), QStringLiteral("battery_low"), AlarmSeverity::Medium,
                               AlarmState::ActiveUnacked, 5);
    const auto d2 = droneAlarm(QStringLiteral("D2"), QStringLiteral("battery_low"), AlarmSeverity::Medium,
                               AlarmState::ActiveUnacked, 4);
    rows.model.applyBatch({d1, d2});
    rows.groups.setExpanded(kBattery, true);
    QCOMPARE(rows.groups.rowCount(), 3);
    rows.model.applyBatch({cleared(d2)});
    QCOMPARE(rows.listed(), QStringList {QStringLiteral("drone:D1:battery_low")});
    QVERIFY(rows.groups.conditionAt(0).isEmpty());
    // Gone as a group, it does not come back opened.
    QVERIFY(!rows.groups.isExpanded(kBattery));
    rows.model.applyBatch({d2});
    QCOMPARE(rows.listed(), QStringList {QStringLiteral("group:%1×2").arg(kBattery)});
}

void TestAlarmGroupProxy::selectionStaysOnItsRowAsTheFloodMovesRows()
{
    Rows rows;
    rows.model.applyBatch({droneAlarm(QStringLiteral("D1"), QStringLiteral("battery_low"), AlarmSeverity::Low,
                                      AlarmState::ActiveUnacked, 5),
                           droneAlarm(QStringLiteral("D2"), QStringLiteral("battery_low"), AlarmSeverity::Low,
                                      AlarmState::ActiveUnacked, 4),
                           droneAlarm(QStringLiteral("D7"), QStringLiteral("gps_lost"), AlarmSeverity::Low,
                                      AlarmState::ActiveUnacked, 1)});
    QItemSelectionModel selection(&rows.groups);
    const int groupRow = rows.groups.rowOfGroup(kBattery);
    const int gpsRow = rows.groups.rowOfAlarm(QStringLiteral("drone:D7:gps_lost"));
    selection.select(rows.groups.index(groupRow, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    selection.setCurrentIndex(rows.groups.index(gpsRow, 0), QItemSelectionModel::NoUpdate);

    // More urgent alarms arrive above both; one battery alarm clears.
    rows.model.applyBatch({droneAlarm(QStringLiteral("D8"), QStringLiteral("motor_fault"), AlarmSeverity::Critical,
                                      AlarmState::ActiveUnacked, 0),
                           droneAlarm(QStringLiteral("D9"), QStringLiteral("gps_lost"), AlarmSeverity::High,
                                      AlarmState::ActiveUnacked, 0),
                           droneAlarm(QStringLiteral("D3"), QStringLiteral("battery_low"), AlarmSeverity::Low,
                                      AlarmState::ActiveUnacked, 0)});
    // gps_lost is now a group of two: D7's own row went into it.
    QCOMPARE(rows.groups.rowOfAlarm(QStringLiteral("drone:D7:gps_lost")), -1);
    const QModelIndexList selected = selection.selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(rows.groups.conditionAt(selected.first().row()), kBattery);
    QVERIFY(rows.groups.isGroupRow(selected.first().row()));

    // The current row on an alarm of its own follows it as rows come above.
    const int motorRow = rows.groups.rowOfAlarm(QStringLiteral("drone:D8:motor_fault"));
    selection.setCurrentIndex(rows.groups.index(motorRow, 0), QItemSelectionModel::NoUpdate);
    rows.model.applyBatch({droneAlarm(QStringLiteral("D6"), QStringLiteral("fire"), AlarmSeverity::Critical,
                                      AlarmState::ActiveUnacked, 0)});
    QCOMPARE(selection.currentIndex().data(AlarmModel::AlarmIdRole).toString(), QStringLiteral("drone:D8:motor_fault"));
    QCOMPARE(rows.groups.conditionAt(selection.selectedRows().value(0).row()), kBattery);

    // Rows that stay trade places: a Critical battery alarm lifts its whole
    // group above the motor fault. Selection and current row go with them.
    const int before = rows.groups.rowOfGroup(kBattery);
    QVERIFY(before > rows.groups.rowOfAlarm(QStringLiteral("drone:D8:motor_fault")));
    rows.model.applyBatch({droneAlarm(QStringLiteral("D4"), QStringLiteral("battery_low"), AlarmSeverity::Critical,
                                      AlarmState::ActiveUnacked, 0)});
    QVERIFY(rows.groups.rowOfGroup(kBattery) < rows.groups.rowOfAlarm(QStringLiteral("drone:D8:motor_fault")));
    QCOMPARE(selection.currentIndex().data(AlarmModel::AlarmIdRole).toString(), QStringLiteral("drone:D8:motor_fault"));
    QCOMPARE(selection.selectedRows().size(), 1);
    QVERIFY(rows.groups.isGroupRow(selection.selectedRows().value(0).row()));
    QCOMPARE(rows.groups.conditionAt(selection.selectedRows().value(0).row()), kBattery);
}

void TestAlarmGroupProxy::groupingOffListsEveryAlarm()
{
    Rows rows;
    rows.model.applyBatch({droneAlarm(QStringLiteral("D1"), QStringLiteral("battery_low"), AlarmSeverity::Medium,
                                      AlarmState::ActiveUnacked, 5),
                           droneAlarm(QStringLiteral("D2"), QStringLiteral("battery_low"), AlarmSeverity::Medium,
                                      AlarmState::ActiveUnacked, 4)});
    rows.groups.setExpanded(kBattery, true);
    rows.groups.setGrouping(false);
    QCOMPARE(rows.listed(),
             (QStringList {QStringLiteral("drone:D2:battery_low"), QStringLiteral("drone:D1:battery_low")}));
    for (int row = 0; row < rows.groups.rowCount(); ++row)
        QCOMPARE(rows.groups.index(row, 0).data(AlarmModel::AlarmIdRole),
                 rows.filter.index(row, 0).data(AlarmModel::AlarmIdRole));
    rows.groups.setGrouping(true);
    QCOMPARE(rows.groups.rowCount(), 1);
}

void TestAlarmGroupProxy::aNewAlarmRereadsTheGroupsNotEveryRow()
{
    Rows rows;
    rows.model.applyBatch({droneAlarm(QStringLiteral("D1"), QStringLiteral("battery_low"), AlarmSeverity::High,
                                      AlarmState::ActiveUnacked, 5),
                           droneAlarm(QStringLiteral("D2"), QStringLiteral("battery_low"), AlarmSeverity::High,
                                      AlarmState::ActiveUnacked, 4),
                           droneAlarm(QStringLiteral("D7"), QStringLiteral("motor_hot"), AlarmSeverity::Low,
                                      AlarmState::ActiveUnacked, 3)});
    QCOMPARE(rows.listed(),
             (QStringList {QStringLiteral("group:%1×2").arg(kBattery), QStringLiteral("drone:D7:motor_hot")}));

    // A third battery alarm joins the group: the group row is read again,
    // the motor alarm's row, untouched, is not announced as changed.
    QSignalSpy changed(&rows.groups, &QAbstractItemModel::dataChanged);
    rows.model.applyBatch({droneAlarm(QStringLiteral("D3"), QStringLiteral("battery_low"), AlarmSeverity::High,
                                      AlarmState::ActiveUnacked, 2)});
    QCOMPARE(rows.listed(),
             (QStringList {QStringLiteral("group:%1×3").arg(kBattery), QStringLiteral("drone:D7:motor_hot")}));
    QVERIFY(!changed.isEmpty());
    bool groupReread = false;
    for (const QList<QVariant> &signal : std::as_const(changed)) {
        const int first = signal.at(0).toModelIndex().row();
        const int last = signal.at(1).toModelIndex().row();
        QVERIFY2(last < 1, qPrintable(QStringLiteral("rows %1..%2 announced").arg(first).arg(last)));
        groupReread = groupReread || first == 0;
    }
    QVERIFY(groupReread);
}

QTEST_MAIN(TestAlarmGroupProxy)
#include "tst_alarmgroupproxy.moc"
