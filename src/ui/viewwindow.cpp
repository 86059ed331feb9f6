#include "viewwindow.h"

#include "alarmbanner.h"
#include "connectionindicator.h"
#include "services/consoleservices.h"
#include "services/linkstatus.h"
#include "stalebanner.h"
#include "viewfactory.h"
#include "windowplacement.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

ViewWindow::ViewWindow(ConsoleServices *services, MainWindow::View view, const QString &profileName, bool withCommands,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_kind(view)
{
    LinkStatus *link = services->link();
    setAttribute(Qt::WA_DeleteOnClose);
    setObjectName(QStringLiteral("viewWindow"));
    const QString title = MainWindow::viewTitle(view);
    setWindowTitle(tr("Watchfloor — %1 — %2").arg(title, profileName));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    // A slim bar: which view and profile this is, and whether it is live.
    auto *bar = new QWidget(central);
    bar->setObjectName(QStringLiteral("viewWindowBar"));
    bar->setAutoFillBackground(true);
    bar->setBackgroundRole(QPalette::Button); // set apart from the view, in either theme
    auto *barLayout = new QHBoxLayout(bar);
    barLayout->setContentsMargins(12, 3, 6, 3);
    auto *name = new QLabel(tr("%1 · %2").arg(title, profileName), bar);
    name->setObjectName(QStringLiteral("viewWindowTitle"));
    QFont nameFont = name->font();
    nameFont.setBold(true);
    name->setFont(nameFont);
    barLayout->addWidget(name);
    barLayout->addStretch(1);
    m_indicator = new ConnectionIndicator(link, bar);
    m_indicator->setAutoRaise(true);
    barLayout->addWidget(m_indicator);
    layout->addWidget(bar);

    m_staleBanner = new StaleBanner(link, central);
    layout->addWidget(m_staleBanner);

    const ViewFactory factory(services);
    // In the fixed frame above the view, never inside it: it cannot scroll away.
    m_alarmBanner = factory.makeAlarmBanner(central);
    layout->addWidget(m_alarmBanner);
    auto *toAlarms = new QAction(tr("Alarms"), this);
    toAlarms->setObjectName(QStringLiteral("showAlarms"));
    toAlarms->setShortcut(QKeySequence(QKeyCombination(Qt::ControlModifier, Qt::Key_5)));
    toAlarms->setShortcutContext(Qt::WindowShortcut);
    connect(toAlarms, &QAction::triggered, m_alarmBanner, &AlarmBanner::activated);
    addAction(toAlarms);

    const ViewFactory::Made made = factory.make(view, central, withCommands);
    m_view = made.view;
    layout->addWidget(made.page, 1);
    setCentralWidget(central);

    m_close = new QAction(tr("Close window"), this);
    m_close->setObjectName(QStringLiteral("closeViewWindow"));
    m_close->setShortcut(QKeySequence(QKeyCombination(Qt::ControlModifier, Qt::Key_W)));
    m_close->setShortcutContext(Qt::WindowShortcut);
    connect(m_close, &QAction::triggered, this, &QWidget::close);
    addAction(m_close);

    WindowPlacement::openWithin(this, QSize(1100, 700));
}
