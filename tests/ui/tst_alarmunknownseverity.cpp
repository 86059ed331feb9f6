#include "alarmdelegate.h"
#include "alarmfilterproxy.h"
#include "alarmsview.h"
#include "prioritycode.h"
#include "services/session.h"
#include "theme.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QTableView>
#include <QTest>

using Domain::Alarm;
using Domain::AlarmSeverity;
using Domain::AlarmState;

// An alarm whose severity this console does not know (a newer server's)
// is shown in the Alarms view as Unknown, with the most severe: a mark of
// its own, the word and the alarm colour, never colour alone (A1).
class TestAlarmUnknownSeverity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void a1_unknownSeverityShowsAndRanksWithCritical();
};

namespace {

Alarm alarm(const QString &id, AlarmSeverity severity)
{
    Alarm a;
    a.alarmId = id;
    a.severity = severity;
    a.message = QStringLiteral("alarm ") + id;
    a.state = AlarmState::ActiveUnacked;
    a.timestamp = QDateTime::currentDateTimeUtc();
    return a;
}

int rowOf(const AlarmFilterProxy *proxy, const QString &id)
{
    for (int row = 0; row < proxy->rowCount(); ++row) {
        if (proxy->index(row, 0).data(AlarmModel::AlarmIdRole).toString() == id)
            return row;
    }
    return -1;
}

QImage severityCell(AlarmsView *view, int row)
{
    QTableView *table = view->alarmTable();
    table->clearSelection();
    view->delegate()->setBlinkPhase(true);
    const QRect rect = table->visualRect(table->model()->index(row, AlarmModel::SeverityColumn));
    return table->viewport()->grab(rect).toImage();
}

bool hasColour(const QImage &image, const QColor &colour)
{
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (image.pixelColor(x, y) == colour)
                return true;
        }
    }
    return false;
}

} // namespace

void TestAlarmUnknownSeverity::a1_unknownSeverityShowsAndRanksWithCritical()
{
    Session session;
    AlarmsView view(session.alarms(), session.alarmRate(), session.alarmActions(), session.link());
    QAbstractItemModelTester tester(view.alarmProxy(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    view.resize(1280, 480);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    session.alarms()->applyBatch({alarm(QStringLiteral("low"), AlarmSeverity::Low),
                                  alarm(QStringLiteral("new"), AlarmSeverity::Unknown),
                                  alarm(QStringLiteral("medium"), AlarmSeverity::Medium),
                                  alarm(QStringLiteral("critical"), AlarmSeverity::Critical)});
    AlarmFilterProxy *proxy = view.alarmProxy();
    QCOMPARE(proxy->rowCount(), 4);

    // Sorted most severe first: the unknown one sits with the critical one.
    const int unknownRow = rowOf(proxy, QStringLiteral("new"));
    QVERIFY(unknownRow < rowOf(proxy, QStringLiteral("medium")));
    QVERIFY(rowOf(proxy, QStringLiteral("critical")) < rowOf(proxy, QStringLiteral("medium")));
    QVERIFY(unknownRow <= 1);

    // Its word, its colour and a mark of its own.
    QCOMPARE(AlarmDelegate::cellText(proxy->index(unknownRow, AlarmModel::SeverityColumn)), QStringLiteral("Unknown"));
    QVERIFY(PriorityCode::color(AlarmSeverity::Unknown) != PriorityCode::color(AlarmSeverity::Critical));
    const QImage unknownCell = severityCell(&view, unknownRow);
    const QImage criticalCell = severityCell(&view, rowOf(proxy, QStringLiteral("critical")));
    QVERIFY(hasColour(unknownCell, PriorityCode::color(AlarmSeverity::Unknown)));
    QVERIFY(unknownCell != criticalCell);

    // No severity filter hides it: "Critical only" keeps it.
    auto *severity = view.findChild<QComboBox *>(QStringLiteral("severityFilter"));
    QVERIFY(severity);
    severity->setCurrentIndex(severity->findData(int(AlarmSeverity::Critical)));
    QCOMPARE(proxy->rowCount(), 2);
    QVERIFY(rowOf(proxy, QStringLiteral("new")) >= 0);

    // It counts among the unacknowledged critical alarms.
    QCOMPARE(session.alarms()->unacknowledgedAtLeast(AlarmSeverity::Critical), 2);
}

QTEST_MAIN(TestAlarmUnknownSeverity)
#include "tst_alarmunknownseverity.moc"
