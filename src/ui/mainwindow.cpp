#include "mainwindow.h"

#include "activityview.h"
#include "alarmsview.h"
#include "app/session.h"
#include "connectionindicator.h"
#include "dronedelegate.h"
#include "dronedetailpane.h"
#include "machinesview.h"
#include "overviewview.h"
#include "theme.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QSettings>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabBar>
#include <QTableView>
#include <QVBoxLayout>

MainWindow::MainWindow(Session *session, const QString &profileName, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
{
    setWindowTitle(tr("Watchfloor — %1").arg(profileName));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(createTopBar(profileName));

    m_staleBanner = new QLabel(central);
    m_staleBanner->setObjectName(QStringLiteral("staleBanner"));
    m_staleBanner->setAutoFillBackground(true);
    QPalette bannerPalette = m_staleBanner->palette();
    bannerPalette.setColor(QPalette::Window, Theme::staleBackground());
    bannerPalette.setColor(QPalette::WindowText, QColor(0x3a, 0x2c, 0x00));
    m_staleBanner->setPalette(bannerPalette);
    m_staleBanner->setContentsMargins(12, 6, 12, 6);
    QFont bannerFont = m_staleBanner->font();
    bannerFont.setBold(true);
    m_staleBanner->setFont(bannerFont);
    layout->addWidget(m_staleBanner);

    m_tabs = new QTabBar(central);
    m_tabs->setObjectName(QStringLiteral("viewTabs"));
    m_tabs->setExpanding(false);
    m_pages = new QStackedWidget(central);
    connect(m_tabs, &QTabBar::currentChanged, m_pages, &QStackedWidget::setCurrentIndex);
    auto *tabRow = new QHBoxLayout;
    tabRow->setContentsMargins(8, 6, 8, 0);
    tabRow->addWidget(m_tabs);
    tabRow->addStretch(1);
    layout->addLayout(tabRow);
    layout->addWidget(m_pages, 1);

    // In a scroll area: on a small screen the tiles and charts scroll
    // instead of forcing the window taller than the screen.
    auto *overviewScroll = new QScrollArea(m_pages);
    overviewScroll->setFrameShape(QFrame::NoFrame);
    overviewScroll->setWidgetResizable(true);
    m_overview = new OverviewView(session, overviewScroll);
    overviewScroll->setWidget(m_overview);
    addView(View::Overview, overviewScroll, tr("Overview"));
    addView(View::Drones, createDronesPage(), tr("Drones"));
    m_machines = new MachinesView(session, m_pages);
    addView(View::Machines, m_machines, tr("Machines"));
    m_alarms = new AlarmsView(session, m_pages);
    addView(View::Alarms, m_alarms, tr("Alarms"));
    m_activity = new ActivityView(session, m_pages);
    addView(View::Activity, m_activity, tr("Activity"));
    setCentralWidget(central);

    // The session keeps the counts as it applies changes and says when they moved.
    connect(session, &Session::countsChanged, this, &MainWindow::updateSummary);

    ConnectionService *connection = session->connection();
    connect(connection, &ConnectionService::stateChanged, this, &MainWindow::updateStaleBanner);
    connect(connection, &ConnectionService::stateChanged, this, &MainWindow::updateIdentity);
    updateStaleBanner();
    updateIdentity();
    updateSummary();
    resize(1280, 800);
}

void MainWindow::addView(View view, QWidget *page, const QString &title)
{
    const int index = m_pages->addWidget(page);
    Q_ASSERT(index == int(view));
    const QKeySequence key(QKeyCombination(Qt::ControlModifier, Qt::Key(Qt::Key_1 + index)));
    m_tabs->addTab(title);
    m_tabs->setTabToolTip(index, tr("%1 (%2)").arg(title, key.toString(QKeySequence::NativeText)));
    auto *shortcut = new QShortcut(key, this);
    connect(shortcut, &QShortcut::activated, this, [this, view] { showView(view); });
}

void MainWindow::restoreWindowState(const QString &profileKey)
{
    m_stateKey = profileKey;
    if (m_stateKey.isEmpty())
        return;
    QSettings settings;
    settings.beginGroup(QStringLiteral("windows/") + m_stateKey);
    restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    const int view = settings.value(QStringLiteral("view"), int(View::Overview)).toInt();
    if (view >= 0 && view < m_pages->count())
        showView(View(view));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_stateKey.isEmpty()) {
        QSettings settings;
        settings.beginGroup(QStringLiteral("windows/") + m_stateKey);
        settings.setValue(QStringLiteral("geometry"), saveGeometry());
        settings.setValue(QStringLiteral("view"), int(currentView()));
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::showView(View view)
{
    m_tabs->setCurrentIndex(int(view));
}

MainWindow::View MainWindow::currentView() const
{
    return View(m_pages->currentIndex());
}

QWidget *MainWindow::createDronesPage()
{
    auto *body = new QWidget(m_pages);
    auto *bodyLayout = new QVBoxLayout(body);
    bodyLayout->setContentsMargins(12, 10, 12, 12);
    bodyLayout->setSpacing(8);

    auto *heading = new QLabel(tr("Drones"), body);
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.25);
    headingFont.setBold(true);
    heading->setFont(headingFont);
    m_summary = new QLabel(body);
    m_summary->setObjectName(QStringLiteral("droneSummary"));
    auto *headingRow = new QHBoxLayout;
    headingRow->addWidget(heading);
    headingRow->addSpacing(16);
    headingRow->addWidget(m_summary, 1);
    bodyLayout->addLayout(headingRow);

    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_session->drones());
    proxy->setSortRole(DroneModel::SortRole);
    m_droneTable = new QTableView(body);
    m_droneTable->setObjectName(QStringLiteral("droneTable"));
    m_droneTable->setModel(proxy);
    m_droneTable->setItemDelegate(new DroneDelegate(m_droneTable));
    m_droneTable->setSortingEnabled(true);
    m_droneTable->sortByColumn(DroneModel::SerialColumn, Qt::AscendingOrder);
    m_droneTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_droneTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_droneTable->setAlternatingRowColors(true);
    m_droneTable->setShowGrid(false);
    m_droneTable->setWordWrap(false);
    m_droneTable->verticalHeader()->hide();
    m_droneTable->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    m_droneTable->horizontalHeader()->setStretchLastSection(true);
    m_droneTable->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_droneTable->horizontalHeader()->resizeSection(DroneModel::SerialColumn, 100);
    m_droneTable->horizontalHeader()->resizeSection(DroneModel::StateColumn, 125);
    m_droneTable->horizontalHeader()->resizeSection(DroneModel::BatteryColumn, 130);
    m_droneTable->horizontalHeader()->resizeSection(DroneModel::LocationColumn, 200);
    m_droneTable->horizontalHeader()->resizeSection(DroneModel::BuildColumn, 120);
    m_droneTable->horizontalHeader()->resizeSection(DroneModel::OperationColumn, 155);
    // The selected drone's details beside the table; its room is open while shown.
    m_droneDetail = new DroneDetailPane(m_session, body);
    auto *split = new QSplitter(Qt::Horizontal, body);
    split->addWidget(m_droneTable);
    split->addWidget(m_droneDetail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setSizes({930, 310});
    bodyLayout->addWidget(split, 1);
    connect(m_droneTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_droneDetail->showDrone(current.isValid()
                                             ? current.siblingAtColumn(DroneModel::SerialColumn).data().toString()
                                             : QString());
            });
    return body;
}

QWidget *MainWindow::createTopBar(const QString &profileName)
{
    auto *bar = new QWidget(this);
    bar->setObjectName(QStringLiteral("topBar"));
    bar->setAutoFillBackground(true);
    QPalette barPalette = bar->palette();
    barPalette.setColor(QPalette::Window, QColor(0xc9, 0xcd, 0xd1));
    bar->setPalette(barPalette);

    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(12, 6, 8, 6);
    auto *title = new QLabel(tr("Watchfloor"), bar);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    title->setFont(titleFont);
    layout->addWidget(title);
    layout->addSpacing(16);

    auto *profile = new QLabel(bar);
    profile->setObjectName(QStringLiteral("profileLabel"));
    profile->setText(tr("%1 · %2").arg(
        profileName,
        m_session->connection()->settings().url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery)));
    layout->addWidget(profile);
    layout->addStretch(1);

    m_identity = new QLabel(bar);
    m_identity->setObjectName(QStringLiteral("identityLabel"));
    layout->addWidget(m_identity);
    layout->addSpacing(12);

    m_indicator = new ConnectionIndicator(m_session->connection(), bar);
    layout->addWidget(m_indicator);
    return bar;
}

void MainWindow::updateIdentity()
{
    const ConnectionService *c = m_session->connection();
    const QString name = c->settings().operatorName;
    m_identity->setText(c->role().isEmpty() ? name : tr("%1 · %2 role").arg(name, c->role()));
}

void MainWindow::updateStaleBanner()
{
    const ConnectionService *c = m_session->connection();
    if (c->isLive()) {
        m_staleBanner->hide();
        return;
    }
    const QDateTime last = c->lastMessageAt();
    if (c->state() == ConnectionService::State::Paused) {
        // Turned off on purpose: say so, rather than that the link broke.
        m_staleBanner->setText(last.isValid()
                                   ? tr("PAUSED — live updates are off; the values below are as last received at %1.")
                                         .arg(QLocale().toString(last.toLocalTime().time(), QStringLiteral("HH:mm:ss")))
                                   : tr("PAUSED — live updates are off; no data received from the server yet."));
        m_staleBanner->show();
        return;
    }
    QString text = last.isValid() ? tr("NOT LIVE — the values below are as last received at %1 and may be out of date.")
                                        .arg(QLocale().toString(last.toLocalTime().time(), QStringLiteral("HH:mm:ss")))
                                  : tr("NOT LIVE — no data received from the server yet.");
    const QString why = c->state() == ConnectionService::State::Failed ? c->failureReason() : c->lastError();
    if (!why.isEmpty())
        text += u' ' + tr("Link: %1.").arg(why);
    m_staleBanner->setText(text);
    m_staleBanner->show();
}

void MainWindow::updateSummary()
{
    using S = Protocol::DroneState;
    const PlantCounts counts = m_session->counts();
    const auto inState = [&counts](S state) { return counts.dronesByState.at(size_t(state)); };
    m_summary->setText(tr("%1 drones · %2 flying · %3 charging · %4 in error · %5 offline · %6 low battery")
                           .arg(counts.drones)
                           .arg(inState(S::Flying))
                           .arg(inState(S::Charging))
                           .arg(inState(S::Error))
                           .arg(inState(S::Offline))
                           .arg(counts.lowBattery));
}
