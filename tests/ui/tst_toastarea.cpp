#include "theme.h"
#include "toastarea.h"
#include "toastwidget.h"

#include <QEnterEvent>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

ToastSpec spec(const QString &id, ToastLevel level = ToastLevel::Info, const QString &alarmId = {})
{
    ToastSpec s;
    s.id = id;
    s.level = level;
    s.title = QStringLiteral("Title of ") + id;
    s.message = QStringLiteral("Message of ") + id;
    s.source = QStringLiteral("DR-0042");
    s.time = QDateTime(QDate(2026, 3, 2), QTime(8, 15, 30), Qt::UTC);
    s.alarmId = alarmId;
    if (!alarmId.isEmpty()) // an alarm's toast wears its priority's code
        s.priority = level == ToastLevel::Critical ? Domain::AlarmSeverity::Critical : Domain::AlarmSeverity::High;
    return s;
}

// The area's rectangle in the window, against the window's bottom-right corner.
QPoint bottomRightGap(const ToastArea &area, const QWidget &window)
{
    const QRect r = area.geometry();
    return {window.width() - 1 - r.right(), window.height() - 1 - r.bottom()};
}

} // namespace

class TestToastArea : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void postOne();
    void updateInPlace();
    void flood();
    void s7_queueStaysBoundedAndKeepsCriticalOnes();
    void timedToastGoesAndNextComes();
    void criticalStays();
    void criticalComesFirst();
    void noticeYieldsToAlarms();
    void hoverPausesTimer();
    void acknowledge();
    void showAndClose();
    void dismissFromOutside();
    void followsResize();
    void neverTakesFocus();
    void accessibleNames();
    void screenshot();

private:
    std::unique_ptr<QWidget> m_window;
    ToastArea *m_area = nullptr;
};

void TestToastArea::initTestCase()
{
    Theme::apply();
}

void TestToastArea::init()
{
    m_window = std::make_unique<QWidget>();
    m_window->resize(1000, 700);
    m_area = new ToastArea(m_window.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    // The pointer away from where the toasts come: under it, they would pause.
    QTest::mouseMove(m_window.get(), QPoint(5, 5));
}

void TestToastArea::cleanup()
{
    m_window.reset();
    m_area = nullptr;
}

void TestToastArea::postOne()
{
    QVERIFY(!m_area->isVisible());
    m_area->post(spec(QStringLiteral("a")));
    QCOMPARE(m_area->visibleCount(), 1);
    QCOMPARE(m_area->hiddenCount(), 0);
    QCOMPARE(m_area->visibleIds(), QStringList {QStringLiteral("a")});
    QVERIFY(m_area->isVisible());
    ToastWidget *toast = m_area->toast(QStringLiteral("a"));
    QVERIFY(toast);
    QVERIFY(toast->isVisible());
    QVERIFY(!m_area->moreButton()->isVisible());
    // Info: no Acknowledge, but Show and close; the level as a word, not only a colour.
    QVERIFY(!toast->acknowledgeButton()->isVisible());
    QVERIFY(toast->showButton()->isVisible());
    QVERIFY(toast->closeButton()->isVisible());
    QCOMPARE(toast->findChild<QLabel *>(QStringLiteral("toastLevel"))->text(), QStringLiteral("NOTICE"));
    QCOMPARE(toast->findChild<QLabel *>(QStringLiteral("toastTitle"))->text(), QStringLiteral("Title of a"));
    // Within the window, in its bottom-right corner, above the content.
    QVERIFY(m_window->rect().contains(m_area->geometry()));
    QVERIFY(bottomRightGap(*m_area, *m_window).x() < 40);
    QVERIFY(bottomRightGap(*m_area, *m_window).y() < 40);
    QVERIFY(m_area->geometry().left() > m_window->width() / 2);
}

void TestToastArea::updateInPlace()
{
    m_area->post(spec(QStringLiteral("a")));
    ToastWidget *toast = m_area->toast(QStringLiteral("a"));
    ToastSpec changed = spec(QStringLiteral("a"), ToastLevel::Critical, QStringLiteral("AL-1"));
    changed.title = QStringLiteral("Now critical");
    m_area->post(changed);
    QCOMPARE(m_area->visibleCount(), 1);
    QCOMPARE(m_area->toast(QStringLiteral("a")), toast);
    QCOMPARE(toast->findChild<QLabel *>(QStringLiteral("toastTitle"))->text(), QStringLiteral("Now critical"));
    QCOMPARE(toast->findChild<QLabel *>(QStringLiteral("toastLevel"))->text(), QStringLiteral("Critical alarm"));
    QVERIFY(toast->acknowledgeButton()->isVisible());
    // Now critical: it no longer expires.
    QCOMPARE(toast->duration(), 0);
    QVERIFY(!toast->isCountingDown());
}

void TestToastArea::flood()
{
    QSignalSpy showAll(m_area, &ToastArea::showAllRequested);
    for (int i = 0; i < 10; ++i)
        m_area->post(spec(QStringLiteral("t%1").arg(i), ToastLevel::Warning));
    QCOMPARE(m_area->visibleCount(), 3);
    QCOMPARE(m_area->hiddenCount(), 7);
    QCOMPARE(m_area->findChildren<ToastWidget *>().size(), 3);
    QVERIFY(m_area->moreButton()->isVisible());
    QCOMPARE(m_area->moreButton()->text(), QStringLiteral("+7 more"));
    // Newest on top.
    QCOMPARE(m_area->visibleIds(), (QStringList {QStringLiteral("t2"), QStringLiteral("t1"), QStringLiteral("t0")}));
    QVERIFY(m_area->toast(QStringLiteral("t2"))->y() < m_area->toast(QStringLiteral("t0"))->y());
    QVERIFY(m_area->toast(QStringLiteral("t0"))->geometry().bottom() < m_area->moreButton()->y());

    QTest::mouseClick(m_area->moreButton(), Qt::LeftButton);
    QCOMPARE(showAll.size(), 1);

    m_area->setMaximumVisible(5);
    QCOMPARE(m_area->visibleCount(), 5);
    QCOMPARE(m_area->moreButton()->text(), QStringLiteral("+5 more"));
    m_area->setMaximumVisible(2);
    QCOMPARE(m_area->visibleCount(), 2);
    QCOMPARE(m_area->hiddenCount(), 8);
    QCOMPARE(m_area->moreButton()->text(), QStringLiteral("+8 more"));
    // Still inside the window, however many there are.
    QVERIFY(m_window->rect().contains(m_area->geometry()));
}

void TestToastArea::s7_queueStaysBoundedAndKeepsCriticalOnes()
{
    // A flood of sticky critical toasts with calm ones among them: the queue
    // holds a bounded number, calm ones dropped first, and "+N more" still
    // counts every toast not on screen.
    constexpr int kPosted = 3000;
    for (int i = 0; i < kPosted; ++i) {
        const ToastLevel level = i % 3 == 0 ? ToastLevel::Info : ToastLevel::Critical;
        m_area->post(spec(QStringLiteral("f%1").arg(i), level, QStringLiteral("A-%1").arg(i)));
    }
    QCOMPARE(m_area->visibleCount(), 3);
    QVERIFY2(m_area->hiddenCount() <= m_area->maximumQueued(), qPrintable(QString::number(m_area->hiddenCount())));
    QCOMPARE(m_area->hiddenCount() + m_area->droppedCount(), kPosted - 3);
    QCOMPARE(m_area->moreButton()->text(), QStringLiteral("+%1 more").arg(kPosted - 3));
    const QStringList waiting = m_area->hiddenIds();
    for (const QString &id : waiting)
        QCOMPARE(m_area->toast(id), nullptr);
    QCOMPARE(int(std::count_if(waiting.cbegin(), waiting.cend(),
                               [](const QString &id) { return id.mid(1).toInt() % 3 == 0; })),
             0); // only critical ones wait: the calm ones went first
    // The newest critical one still waits to come up; an update finds it.
    const QString newest = QStringLiteral("f%1").arg(kPosted - 1);
    QVERIFY(waiting.contains(newest));
    m_area->dismiss(newest);
    QVERIFY(!m_area->hiddenIds().contains(newest));
    // Showing all of them (the notification center) starts the count afresh.
    QTest::mouseClick(m_area->moreButton(), Qt::LeftButton);
    QCOMPARE(m_area->droppedCount(), 0);
    QCOMPARE(m_area->moreButton()->text(), QStringLiteral("+%1 more").arg(m_area->hiddenCount()));
}

void TestToastArea::timedToastGoesAndNextComes()
{
    m_area->setDuration(ToastLevel::Info, 150);
    m_area->setMaximumVisible(1);
    QSignalSpy dismissed(m_area, &ToastArea::dismissed);
    m_area->post(spec(QStringLiteral("first")));
    m_area->post(spec(QStringLiteral("second")));
    QCOMPARE(m_area->visibleIds(), QStringList {QStringLiteral("first")});
    QCOMPARE(m_area->hiddenCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_area->visibleIds(), QStringList {QStringLiteral("second")}, 2000);
    QCOMPARE(m_area->hiddenCount(), 0);
    QVERIFY(!m_area->moreButton()->isVisible());
    QCOMPARE(dismissed.size(), 1);
    QCOMPARE(dismissed.at(0).at(0).toString(), QStringLiteral("first"));
    QTRY_COMPARE_WITH_TIMEOUT(m_area->visibleCount(), 0, 2000);
    QVERIFY(!m_area->isVisible());
}

void TestToastArea::criticalStays()
{
    m_area->setDuration(ToastLevel::Info, 100);
    m_area->setDuration(ToastLevel::Success, 100);
    m_area->setDuration(ToastLevel::Warning, 150);
    m_area->setDuration(ToastLevel::Error, 200);
    m_area->post(spec(QStringLiteral("crit"), ToastLevel::Critical, QStringLiteral("AL-1")));
    m_area->post(spec(QStringLiteral("info"), ToastLevel::Info));
    m_area->post(spec(QStringLiteral("error"), ToastLevel::Error));
    QCOMPARE(m_area->visibleCount(), 3);
    QTRY_COMPARE_WITH_TIMEOUT(m_area->visibleCount(), 1, 2000);
    QTest::qWait(400); // well past every other level's duration
    QCOMPARE(m_area->visibleIds(), QStringList {QStringLiteral("crit")});
}

void TestToastArea::criticalComesFirst()
{
    m_area->setMaximumVisible(2);
    m_area->post(spec(QStringLiteral("i1")));
    m_area->post(spec(QStringLiteral("i2")));
    m_area->post(spec(QStringLiteral("i3")));
    // A critical one does not wait behind calmer ones: the oldest calm one steps back.
    m_area->post(spec(QStringLiteral("c1"), ToastLevel::Critical, QStringLiteral("AL-1")));
    QCOMPARE(m_area->visibleIds(), (QStringList {QStringLiteral("c1"), QStringLiteral("i2")}));
    QCOMPARE(m_area->hiddenIds(), (QStringList {QStringLiteral("i1"), QStringLiteral("i3")}));
    m_area->post(spec(QStringLiteral("c2"), ToastLevel::Critical, QStringLiteral("AL-2")));
    m_area->post(spec(QStringLiteral("c3"), ToastLevel::Critical, QStringLiteral("AL-3")));
    QCOMPARE(m_area->visibleIds(), (QStringList {QStringLiteral("c2"), QStringLiteral("c1")}));
    // Queued: the critical one comes up before the info ones that came earlier.
    QCOMPARE(m_area->hiddenIds(),
             (QStringList {QStringLiteral("c3"), QStringLiteral("i2"), QStringLiteral("i1"), QStringLiteral("i3")}));
    m_area->dismiss(QStringLiteral("c1"));
    QCOMPARE(m_area->visibleIds(), (QStringList {QStringLiteral("c3"), QStringLiteral("c2")}));
    m_area->dismiss(QStringLiteral("c2"));
    // The calm one that comes up goes below the critical one, not on top.
    QCOMPARE(m_area->visibleIds(), (QStringList {QStringLiteral("c3"), QStringLiteral("i2")}));
}

void TestToastArea::noticeYieldsToAlarms()
{
    m_area->setMaximumVisible(2);
    m_area->post(spec(QStringLiteral("n1"), ToastLevel::Warning));
    m_area->post(spec(QStringLiteral("n2"), ToastLevel::Error));
    // A high alarm (not critical) takes a notice's place: the bottom-most notice steps back.
    m_area->post(spec(QStringLiteral("a1"), ToastLevel::Error, QStringLiteral("AL-1")));
    QCOMPARE(m_area->visibleIds(), (QStringList {QStringLiteral("a1"), QStringLiteral("n2")}));
    QCOMPARE(m_area->hiddenIds(), QStringList {QStringLiteral("n1")});
    // A notice arriving later still goes below the alarm, never above it.
    m_area->dismiss(QStringLiteral("n2"));
    m_area->post(spec(QStringLiteral("n3"), ToastLevel::Error));
    QCOMPARE(m_area->visibleIds(), (QStringList {QStringLiteral("a1"), QStringLiteral("n1")}));
    QCOMPARE(m_area->hiddenIds(), QStringList {QStringLiteral("n3")});
    m_area->post(spec(QStringLiteral("a2"), ToastLevel::Warning, QStringLiteral("AL-2")));
    QCOMPARE(m_area->visibleIds(), (QStringList {QStringLiteral("a2"), QStringLiteral("a1")}));
    // A full area of alarms: a notice waits, and never displaces one.
    m_area->post(spec(QStringLiteral("n4"), ToastLevel::Error));
    QCOMPARE(m_area->visibleIds(), (QStringList {QStringLiteral("a2"), QStringLiteral("a1")}));
    // Queued alarms come up before the notices that came earlier.
    m_area->post(spec(QStringLiteral("a3"), ToastLevel::Warning, QStringLiteral("AL-3")));
    QCOMPARE(m_area->hiddenIds().constFirst(), QStringLiteral("a3"));
    m_area->dismiss(QStringLiteral("a1"));
    QCOMPARE(m_area->visibleIds(), (QStringList {QStringLiteral("a3"), QStringLiteral("a2")}));
    // A full queue drops a notice before any alarm.
    m_area->setMaximumQueued(2);
    m_area->post(spec(QStringLiteral("a4"), ToastLevel::Warning, QStringLiteral("AL-4")));
    const QStringList waiting = m_area->hiddenIds();
    QCOMPARE(waiting.size(), 2);
    QCOMPARE(waiting.constFirst(), QStringLiteral("a4"));
}

void TestToastArea::hoverPausesTimer()
{
    m_area->setDuration(ToastLevel::Success, 200);
    m_area->post(spec(QStringLiteral("s"), ToastLevel::Success));
    ToastWidget *toast = m_area->toast(QStringLiteral("s"));
    const QPointF inside(10, 10);
    QEnterEvent enter(inside, inside, toast->mapToGlobal(inside));
    QCoreApplication::sendEvent(toast, &enter);
    QVERIFY(!toast->isCountingDown());
    QTest::qWait(500);
    QCOMPARE(m_area->visibleIds(), QStringList {QStringLiteral("s")});
    QEvent leave(QEvent::Leave);
    QCoreApplication::sendEvent(toast, &leave);
    QVERIFY(toast->isCountingDown());
    QTRY_COMPARE_WITH_TIMEOUT(m_area->visibleCount(), 0, 2000);
}

void TestToastArea::acknowledge()
{
    QSignalSpy ack(m_area, &ToastArea::acknowledgeRequested);
    QSignalSpy dismissed(m_area, &ToastArea::dismissed);
    m_area->post(spec(QStringLiteral("toast-7"), ToastLevel::Critical, QStringLiteral("AL-77")));
    ToastWidget *toast = m_area->toast(QStringLiteral("toast-7"));
    QVERIFY(toast->acknowledgeButton()->isVisible());
    QTest::mouseClick(toast->acknowledgeButton(), Qt::LeftButton);
    QCOMPARE(ack.size(), 1);
    QCOMPARE(ack.at(0).at(0).toString(), QStringLiteral("AL-77"));
    QCOMPARE(ack.at(0).at(1).toString(), QStringLiteral("toast-7"));
    // Acted on: it goes.
    QCOMPARE(m_area->visibleCount(), 0);
    QCOMPARE(dismissed.size(), 1);
}

void TestToastArea::showAndClose()
{
    QSignalSpy show(m_area, &ToastArea::showRequested);
    QSignalSpy dismissed(m_area, &ToastArea::dismissed);
    m_area->post(spec(QStringLiteral("a"), ToastLevel::Critical, QStringLiteral("AL-1")));
    m_area->post(spec(QStringLiteral("b"), ToastLevel::Critical, QStringLiteral("AL-2")));
    QTest::mouseClick(m_area->toast(QStringLiteral("a"))->showButton(), Qt::LeftButton);
    QCOMPARE(show.size(), 1);
    QCOMPARE(show.at(0).at(0).toString(), QStringLiteral("a"));
    QCOMPARE(m_area->visibleIds(), QStringList {QStringLiteral("b")});
    QTest::mouseClick(m_area->toast(QStringLiteral("b"))->closeButton(), Qt::LeftButton);
    QCOMPARE(m_area->visibleCount(), 0);
    QCOMPARE(show.size(), 1);
    QCOMPARE(dismissed.size(), 2);
    QCOMPARE(dismissed.at(1).at(0).toString(), QStringLiteral("b"));
}

void TestToastArea::dismissFromOutside()
{
    QSignalSpy dismissed(m_area, &ToastArea::dismissed);
    m_area->setMaximumVisible(1);
    m_area->post(spec(QStringLiteral("a"), ToastLevel::Critical, QStringLiteral("AL-1")));
    m_area->post(spec(QStringLiteral("b")));
    m_area->post(spec(QStringLiteral("c")));
    // A queued one goes from the queue; the count follows.
    m_area->dismiss(QStringLiteral("c"));
    QCOMPARE(m_area->hiddenCount(), 1);
    QCOMPARE(m_area->moreButton()->text(), QStringLiteral("+1 more"));
    m_area->dismiss(QStringLiteral("a"));
    QCOMPARE(m_area->visibleIds(), QStringList {QStringLiteral("b")});
    QCOMPARE(m_area->hiddenCount(), 0);
    QCOMPARE(dismissed.size(), 2);
    m_area->dismiss(QStringLiteral("unknown"));
    QCOMPARE(dismissed.size(), 2);
    m_area->post(spec(QStringLiteral("d")));
    m_area->clear();
    QCOMPARE(m_area->visibleCount(), 0);
    QCOMPARE(m_area->hiddenCount(), 0);
    QVERIFY(!m_area->isVisible());
}

void TestToastArea::followsResize()
{
    m_area->post(spec(QStringLiteral("a"), ToastLevel::Warning));
    m_area->post(spec(QStringLiteral("b"), ToastLevel::Critical, QStringLiteral("AL-1")));
    const QPoint gap = bottomRightGap(*m_area, *m_window);
    for (const QSize size : {QSize(1400, 900), QSize(640, 480), QSize(1000, 700)}) {
        m_window->resize(size);
        QTRY_COMPARE(m_window->size(), size);
        QCOMPARE(bottomRightGap(*m_area, *m_window), gap);
        QVERIFY(m_window->rect().contains(m_area->geometry()));
    }
    // A narrow window: the toasts narrow too and stay inside.
    m_window->resize(300, 600);
    QTRY_COMPARE(m_window->width(), 300);
    QVERIFY(m_window->rect().contains(m_area->geometry()));
    QCOMPARE(bottomRightGap(*m_area, *m_window), gap);
    // Content added to the window later does not cover the toasts.
    auto *late = new QLabel(QStringLiteral("late content"), m_window.get());
    late->show();
    QCOMPARE(m_window->children().constLast(), m_area);
}

void TestToastArea::neverTakesFocus()
{
    auto *edit = new QPushButton(QStringLiteral("work"), m_window.get());
    edit->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    edit->setFocus();
    QCOMPARE(QApplication::focusWidget(), edit);
    m_area->post(spec(QStringLiteral("a"), ToastLevel::Critical, QStringLiteral("AL-1")));
    QCoreApplication::processEvents();
    QCOMPARE(QApplication::focusWidget(), edit);
    QCOMPARE(QApplication::activeWindow(), m_window.get());
    ToastWidget *toast = m_area->toast(QStringLiteral("a"));
    QVERIFY(toast->testAttribute(Qt::WA_ShowWithoutActivating));
    // Keyboard reachable, but a click leaves the keyboard where it was.
    QCOMPARE(toast->acknowledgeButton()->focusPolicy(), Qt::TabFocus);
    QCOMPARE(toast->closeButton()->focusPolicy(), Qt::TabFocus);
    QVERIFY(!m_window->isModal() && !toast->isModal());
}

void TestToastArea::accessibleNames()
{
    m_area->setMaximumVisible(1);
    m_area->post(spec(QStringLiteral("a"), ToastLevel::Critical, QStringLiteral("AL-1")));
    m_area->post(spec(QStringLiteral("b")));
    ToastWidget *toast = m_area->toast(QStringLiteral("a"));
    QVERIFY(toast->accessibleName().contains(QStringLiteral("Critical alarm")));
    QVERIFY(toast->accessibleName().contains(QStringLiteral("Title of a")));
    for (const QPushButton *button : {toast->acknowledgeButton(), toast->showButton(), toast->closeButton()})
        QVERIFY2(!button->accessibleName().isEmpty(), qPrintable(button->objectName()));
    QVERIFY(m_area->moreButton()->accessibleName().contains(QStringLiteral("1")));
}

// Saves toasts of every level to $WATCHFLOOR_SCREENSHOT_DIR/toasts.png (or a
// scratch folder), at the normal font and at 1.5 times it.
void TestToastArea::screenshot()
{
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString dir = qEnvironmentVariable("WATCHFLOOR_SCREENSHOT_DIR", scratch.path());
    const QFont normal = QApplication::font();
    for (const qreal scale : {1.0, 1.5}) {
        QFont font = normal;
        font.setPointSizeF(normal.pointSizeF() * scale);
        QApplication::setFont(font);
        QWidget window;
        window.resize(900, int(980 * scale));
        window.setAutoFillBackground(true);
        auto *content = new QLabel(QStringLiteral("Console content"), &window);
        content->setGeometry(20, 20, 300, 40);
        auto *area = new ToastArea(&window);
        area->setMaximumVisible(5);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QList<std::pair<ToastLevel, QString>> toasts {
            {ToastLevel::Info, QStringLiteral("Operator bob signed in")},
            {ToastLevel::Success, QStringLiteral("Build finished on M-07")},
            {ToastLevel::Warning, QStringLiteral("Battery low on DR-0042")},
            {ToastLevel::Error, QStringLiteral("Command timed out")},
            {ToastLevel::Critical, QStringLiteral("Motor overtemperature")},
        };
        int n = 0;
        for (const auto &[level, title] : toasts) {
            ToastSpec s = spec(QStringLiteral("t%1").arg(n++), level,
                               level == ToastLevel::Critical ? QStringLiteral("AL-9") : QString());
            s.title = title;
            s.message = QStringLiteral("Reported by the plant; details in the notification center.");
            area->post(s);
        }
        for (int i = 0; i < 6; ++i)
            area->post(spec(QStringLiteral("more%1").arg(i)));
        QCOMPARE(area->visibleCount(), 5);
        QCOMPARE(area->moreButton()->text(), QStringLiteral("+6 more"));
        QVERIFY(window.rect().contains(area->geometry()));
        QCoreApplication::processEvents();
        const QString name = scale == 1.0 ? QStringLiteral("/toasts.png") : QStringLiteral("/toasts-large-font.png");
        QVERIFY(window.grab().save(dir + name));
    }
    QApplication::setFont(normal);
}

QTEST_MAIN(TestToastArea)
#include "tst_toastarea.moc"
