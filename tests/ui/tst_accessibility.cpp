#include "mainwindow.h"
#include "notificationbell.h"
#include "notificationpanel.h"
#include "services/consoleservices.h"
#include "services/session.h"
#include "simhost.h"
#include "theme.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>

// The main window at 1.5 times the normal font, as an operator with weaker
// eyes sets it: every control can be reached with Tab and is named for a
// screen reader, and nothing in the top bar or on a button is cut short.
class TestAccessibility : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void everyControlIsReachableAndNamed();
    void largeFontIsNotCutShort();

private:
    QFont m_font;
};

namespace {

struct Console
{
    Console()
        : server([] {
            SimOptions o;
            o.drones = 12;
            o.machines = 6;
            o.tiles = 1;
            o.scenarios = {QStringLiteral("alarm-flood")};
            return o;
        }())
    {
        QVERIFY(server.listen());
        QVERIFY(dir.isValid());
        session.openStore(dir.filePath(QStringLiteral("watchfloor.sqlite")));
        ConnectionSettings s;
        s.url = QUrl(server.url());
        s.operatorName = QStringLiteral("alice");
        session.setSettings(s);
        windowServices = std::make_unique<ConsoleServices>(&session);
        window = std::make_unique<MainWindow>(windowServices.get(), QStringLiteral("Plant A"));
        window->resize(1600, 1000);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        session.start();
        QTRY_VERIFY_WITH_TIMEOUT(session.hasLiveData(), 10000);
    }
    SimHost server;
    QTemporaryDir dir;
    Session session;
    std::unique_ptr<ConsoleServices> windowServices;
    std::unique_ptr<MainWindow> window;
};

QString nameOf(QWidget *w)
{
    if (!w->accessibleName().isEmpty())
        return w->accessibleName();
    if (auto *button = qobject_cast<QAbstractButton *>(w))
        return button->text().isEmpty() ? button->toolTip() : button->text();
    if (auto *edit = qobject_cast<QLineEdit *>(w))
        return edit->placeholderText();
    if (auto *combo = qobject_cast<QComboBox *>(w))
        return combo->currentText();
    return {};
}

} // namespace

void TestAccessibility::initTestCase()
{
    Theme::apply(ThemeMode::Light);
    m_font = QApplication::font();
    QFont large = m_font;
    large.setPointSizeF(m_font.pointSizeF() * 1.5);
    QApplication::setFont(large);
}

void TestAccessibility::cleanupTestCase()
{
    QApplication::setFont(m_font);
}

void TestAccessibility::everyControlIsReachableAndNamed()
{
    Console c;
    MainWindow *w = c.window.get();
    w->setNotificationsVisible(true);
    for (MainWindow::View view : {MainWindow::View::Overview, MainWindow::View::Drones, MainWindow::View::Machines,
                                  MainWindow::View::ControlPanel, MainWindow::View::Alarms, MainWindow::View::Activity,
                                  MainWindow::View::CommandLog}) {
        w->showView(view);
        QApplication::processEvents();
        // Walk the Tab chain from the first control; note every visible control on it.
        QSet<QWidget *> chain;
        QWidget *start = w->bell();
        QWidget *at = start;
        for (int steps = 0; steps < 500; ++steps) {
            if (at->isVisible() && at->isEnabled() && (at->focusPolicy() & Qt::TabFocus))
                chain.insert(at);
            at = at->nextInFocusChain();
            if (at == start)
                break;
        }
        QVERIFY(chain.contains(w->bell()));
        QList<QWidget *> controls;
        for (QWidget *child : w->findChildren<QWidget *>()) {
            if (!child->isVisible() || !child->isEnabled())
                continue;
            if (qobject_cast<QAbstractButton *>(child) || qobject_cast<QComboBox *>(child)
                || qobject_cast<QLineEdit *>(child) || qobject_cast<QAbstractItemView *>(child)
                || qobject_cast<QTabBar *>(child))
                controls.append(child);
        }
        QVERIFY(controls.size() > 8);
        for (QWidget *control : std::as_const(controls)) {
            // Line edits inside combo boxes and item views' own widgets are reached through their owner.
            // Headers are reached through their table (and sorted from the view's own controls).
            if (qobject_cast<QComboBox *>(control->parentWidget()) || control->objectName().startsWith(u"qt_")
                || qobject_cast<QHeaderView *>(control))
                continue;
            const QString what = QStringLiteral("%1 '%2' in view %3")
                                     .arg(QString::fromLatin1(control->metaObject()->className()),
                                          control->objectName(), MainWindow::viewTitle(view));
            QVERIFY2(chain.contains(control) || control->focusPolicy() & Qt::TabFocus, qPrintable(what));
            if (!qobject_cast<QAbstractItemView *>(control) && !qobject_cast<QTabBar *>(control))
                QVERIFY2(!nameOf(control).isEmpty(), qPrintable(what + QStringLiteral(" has no name")));
        }
    }
}

void TestAccessibility::largeFontIsNotCutShort()
{
    Console c;
    MainWindow *w = c.window.get();
    QTRY_VERIFY_WITH_TIMEOUT(w->bell()->unreadCount() > 0, 15000);
    QApplication::processEvents();
    QWidget *bar = w->findChild<QWidget *>(QStringLiteral("topBar"));
    QVERIFY(bar);
    for (QLabel *label : bar->findChildren<QLabel *>()) {
        if (label->isVisible() && !label->wordWrap())
            QVERIFY2(label->width() >= label->sizeHint().width(), qPrintable(label->text()));
    }
    for (QAbstractButton *button : w->findChildren<QAbstractButton *>()) {
        if (!button->isVisible() || button->text().isEmpty())
            continue;
        // The text and a little room on either side fit in the button.
        const int needed = button->fontMetrics().horizontalAdvance(QString(button->text()).remove(u'&')) + 8;
        QVERIFY2(button->width() >= needed,
                 qPrintable(QStringLiteral("%1: %2 < %3").arg(button->text()).arg(button->width()).arg(needed)));
    }
    QTemporaryDir scratch;
    const QString dir = qEnvironmentVariable("WATCHFLOOR_SCREENSHOT_DIR", scratch.path());
    w->setNotificationsVisible(true);
    w->showView(MainWindow::View::Alarms);
    QTest::qWait(500);
    QVERIFY(w->grab().save(dir + QStringLiteral("/large-font.png")));
}

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
