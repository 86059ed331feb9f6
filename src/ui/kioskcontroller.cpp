#include "kioskcontroller.h"

#include "config/pinhash.h"
#include "config/profile.h"
#include "kioskexitdialog.h"
#include "model/alarmmodel.h"
#include "screenkeeper.h"
#include "services/commandservice.h"

#include <QApplication>
#include <QEvent>
#include <QHeaderView>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QShortcut>

#include <algorithm>
#include <utility>

namespace {

Q_LOGGING_CATEGORY(lcKiosk, "watchfloor.kiosk")

using View = MainWindow::View;

// The profile's names, in the order of MainWindow::View.
// Type much smaller cannot be read from across a hall, much larger no longer fits.
constexpr int kMinimumFontPercent = 50;
constexpr int kMaximumFontPercent = 400;

void setApplicationFont(const QFont &font)
{
    QApplication::setFont(font);
    // Qt 6.4 does not always pass the change on to the windows already open
    // (seen when going back to the desktop's font): tell each one, and it
    // tells its widgets.
    QEvent change(QEvent::ApplicationFontChange);
    const QWidgetList windows = QApplication::topLevelWidgets();
    for (QWidget *window : windows)
        QCoreApplication::sendEvent(window, &change);
    // Nor to table headers, which kept the earlier type: each takes its
    // font afresh from its table.
    const QWidgetList widgets = QApplication::allWidgets();
    for (QWidget *widget : widgets) {
        if (auto *header = qobject_cast<QHeaderView *>(widget); header && !header->testAttribute(Qt::WA_SetFont))
            header->setFont(QFont());
    }
}

} // namespace

KioskController::KioskController(MainWindow *window, AlarmModel *alarms, const KioskSettings &settings, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_alarms(alarms)
    , m_settings(settings)
    , m_keeper(new ScreenKeeper(this))
    , m_lockout(KioskExitDialog::kDefaultLockout)
{
    for (const QString &name : std::as_const(m_settings.views)) {
        if (const std::optional<View> view = viewFromName(name))
            m_rotation.append(*view);
        else
            qCWarning(lcKiosk) << "Unknown kiosk view left out:" << name;
    }
    if (m_rotation.isEmpty())
        m_rotation.append(View::Overview);

    m_rotateTimer.setSingleShot(false);
    connect(&m_rotateTimer, &QTimer::timeout, this, &KioskController::rotate);
    m_cursorTimer.setSingleShot(true);
    connect(&m_cursorTimer, &QTimer::timeout, this, &KioskController::hideCursor);
}

KioskController::~KioskController()
{
    stop();
}

QStringList KioskController::viewNames()
{
    // The profile's names, in the window's order of views.
    return Profile::viewNames();
}

std::optional<MainWindow::View> KioskController::viewFromName(const QString &name)
{
    const qsizetype index = Profile::viewNames().indexOf(name.trimmed().toLower());
    if (index < 0)
        return std::nullopt;
    return View(index);
}

void KioskController::start()
{
    if (m_running)
        return;
    m_running = true;

    // Commands: never more than the caller's profile switch already allows.
    if (!m_settings.commandsAllowed)
        m_window->commandService()->setCommandsAllowed(false);

    // Type for reading across the floor; set on the application, so every
    // widget that has no font of its own follows, the existing ones too.
    m_savedFont = QApplication::font();
    const int percent = std::clamp(m_settings.fontPercent, kMinimumFontPercent, kMaximumFontPercent);
    QFont large = *m_savedFont;
    if (large.pointSizeF() > 0)
        large.setPointSizeF(large.pointSizeF() * percent / 100.0);
    else
        large.setPixelSize(std::max(1, large.pixelSize() * percent / 100));
    setApplicationFont(large);

    m_window->setKioskMode(true);
    m_window->setWindowFlag(Qt::FramelessWindowHint, true);
    m_window->showFullScreen();

    // The exit chord works wherever the focus is, in every window of the console.
    const QKeySequence chord = QKeySequence::fromString(m_settings.exitChord, QKeySequence::PortableText);
    if (chord.isEmpty())
        qCWarning(lcKiosk) << "The kiosk's exit chord is not a key sequence:" << m_settings.exitChord;
    m_exitShortcut = new QShortcut(chord, m_window);
    m_exitShortcut->setContext(Qt::ApplicationShortcut);
    connect(m_exitShortcut, &QShortcut::activated, this, &KioskController::requestExit);

    // The pointer: hidden after a while without movement, back on the next one.
    qApp->installEventFilter(this);
    if (m_settings.cursorHideSeconds > 0)
        m_cursorTimer.start(std::chrono::seconds(m_settings.cursorHideSeconds));

    // Alarms waiting for acknowledgement hold the Alarms view.
    // The count moves with every batch or reconcile applied, and with rows let go.
    AlarmModel *alarms = m_alarms;
    connect(alarms, &LiveTableModel::contentsUpdated, this, &KioskController::updateAlarmHold);
    connect(alarms, &QAbstractItemModel::modelReset, this, &KioskController::updateAlarmHold);
    connect(alarms, &QAbstractItemModel::rowsRemoved, this, &KioskController::updateAlarmHold);

    m_rotationIndex = 0;
    m_window->showView(m_rotation.constFirst());
    Q_EMIT viewShown(m_rotation.constFirst());
    if (m_settings.rotateSeconds > 0 && m_rotation.size() > 1)
        m_rotateTimer.setInterval(std::chrono::seconds(m_settings.rotateSeconds));
    updateAlarmHold();
    if (!m_heldOnAlarms && m_rotateTimer.interval() > 0 && m_rotation.size() > 1)
        m_rotateTimer.start();

    m_keeper->start(QGuiApplication::applicationDisplayName(), tr("A Watchfloor kiosk shows the plant on this screen"));
}

void KioskController::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_rotateTimer.stop();
    m_cursorTimer.stop();
    qApp->removeEventFilter(this);
    m_alarms->disconnect(this);
    showCursor();
    if (m_savedFont)
        setApplicationFont(*std::exchange(m_savedFont, std::nullopt));
    m_keeper->stop();
    delete m_exitShortcut;
    m_exitShortcut = nullptr;
}

bool KioskController::commandsAllowed() const
{
    return m_window->commandService()->commandsAllowed();
}

void KioskController::setLockoutDuration(std::chrono::milliseconds duration)
{
    m_lockout = duration;
    if (m_exitDialog)
        m_exitDialog->setLockoutDuration(duration);
}

void KioskController::rotate()
{
    if (m_heldOnAlarms || m_rotation.size() < 2)
        return;
    m_rotationIndex = (m_rotationIndex + 1) % int(m_rotation.size());
    const View view = m_rotation.at(m_rotationIndex);
    m_window->showView(view);
    Q_EMIT viewShown(view);
}

void KioskController::updateAlarmHold()
{
    const bool waiting
        = m_settings.rotation == KioskSettings::Rotation::HoldOnAlarms && m_alarms->unacknowledgedCount() > 0;
    if (waiting == m_heldOnAlarms)
        return;
    m_heldOnAlarms = waiting;
    if (waiting) {
        // What needs someone now is on screen until it was acknowledged.
        m_rotateTimer.stop();
        m_window->showView(View::Alarms);
        Q_EMIT viewShown(View::Alarms);
    } else {
        // Back where the rotation was, for a whole turn before the next.
        const View view = m_rotation.at(m_rotationIndex);
        m_window->showView(view);
        Q_EMIT viewShown(view);
        if (m_rotateTimer.interval() > 0 && m_rotation.size() > 1)
            m_rotateTimer.start();
    }
    Q_EMIT alarmHoldChanged(waiting);
}

bool KioskController::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::MouseMove:
    case QEvent::MouseButtonPress:
    case QEvent::TabletMove:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
        // Only what the pointer's hardware sends, not what the console
        // synthesises for itself; each restarts the countdown.
        if (event->spontaneous()) {
            showCursor();
            if (m_settings.cursorHideSeconds > 0)
                m_cursorTimer.start(std::chrono::seconds(m_settings.cursorHideSeconds));
        }
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void KioskController::hideCursor()
{
    if (m_cursorHidden || !m_running)
        return;
    m_cursorHidden = true;
    QGuiApplication::setOverrideCursor(QCursor(Qt::BlankCursor));
    Q_EMIT cursorHiddenChanged(true);
}

void KioskController::showCursor()
{
    if (!m_cursorHidden)
        return;
    m_cursorHidden = false;
    QGuiApplication::restoreOverrideCursor();
    Q_EMIT cursorHiddenChanged(false);
}

void KioskController::requestExit()
{
    if (!m_running)
        return;
    if (!PinHash::isWellFormed(m_settings.exitPinHash)) {
        if (!m_settings.exitPinHash.isEmpty())
            qCWarning(lcKiosk) << "The kiosk's exit PIN hash is not usable; the kiosk cannot be closed here.";
        if (!m_adminOnly) {
            m_adminOnly = new QMessageBox(QMessageBox::Information, tr("Kiosk"),
                                          tr("This screen can only be stopped by its administrator."), QMessageBox::Ok,
                                          m_window);
            m_adminOnly->setObjectName(QStringLiteral("kioskAdministratorOnly"));
            m_adminOnly->setInformativeText(tr("No exit PIN is set for this kiosk."));
        }
        m_adminOnly->open();
        return;
    }
    if (!m_exitDialog) {
        m_exitDialog = new KioskExitDialog(m_settings.exitPinHash, m_window);
        m_exitDialog->setLockoutDuration(m_lockout);
        connect(m_exitDialog, &QDialog::accepted, this, &KioskController::unlockAndQuit);
    }
    m_exitDialog->reset();
    m_exitDialog->open();
}

void KioskController::unlockAndQuit()
{
    Q_EMIT exitUnlocked();
    stop();
    m_window->setCloseLocked(false);
    m_window->close();
    QCoreApplication::quit();
}
