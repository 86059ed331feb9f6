#include "alarmsview.h"
#include "prioritycode.h"

#include "alarmdelegate.h"
#include "alarmfilterproxy.h"
#include "alarmgroupproxy.h"
#include "alarmnotedialog.h"
#include "emptynotice.h"
#include "filteredtableview.h"
#include "services/alarmactions.h"
#include "services/linkstatus.h"
#include "shelvedialog.h"
#include "stretchwithfloor.h"
#include "theme.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using Domain::AlarmSeverity;
using Domain::AlarmState;

namespace {

constexpr int kBlinkHalfPeriodMs = 500; // about 1 Hz, well under flash-hazard rates

} // namespace

AlarmsView::AlarmsView(AlarmModel *alarms, AlarmRateMeter *rate, AlarmActions *actions, LinkStatus *link,
                       QWidget *parent)
    : QWidget(parent)
    , m_alarms(alarms)
    , m_actions(actions)
    , m_link(link)
    , m_rate(rate)
    , m_proxy(new AlarmFilterProxy(AlarmFilterProxy::Section::InPlay, this))
    , m_shelvedProxy(new AlarmFilterProxy(AlarmFilterProxy::Section::Shelved, this))
    , m_groups(new AlarmGroupProxy(this))
    , m_delegate(new AlarmDelegate(this))
{
    setObjectName(QStringLiteral("alarmsView"));
    AlarmModel *model = alarms;
    m_proxy->setSourceModel(model);
    m_shelvedProxy->setSourceModel(model);
    m_groups->setSourceModel(m_proxy);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);

    // The rate strip: how hard the alarm system is pushing the operator.
    auto *strip = new QHBoxLayout;
    m_rateLabel = new QLabel(this);
    m_rateLabel->setObjectName(QStringLiteral("alarmRateLabel"));
    m_rateLabel->setToolTip(tr("Alarms raised on this console in the last 10 minutes. EEMUA 191 / ISA-18.2: about "
                               "1 per 10 minutes is acceptable; more than 10 in 10 minutes is an alarm flood."));
    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(QStringLiteral("alarmSummaryLabel"));
    strip->addWidget(m_rateLabel);
    strip->addStretch(1);
    strip->addWidget(m_summaryLabel);
    layout->addLayout(strip);

    // Stays in sight while actions made offline would be lost on a restart.
    m_storeBanner = new QLabel(this);
    m_storeBanner->setObjectName(QStringLiteral("alarmStoreBanner"));
    m_storeBanner->setWordWrap(true);
    m_storeBanner->setFrameShape(QFrame::StyledPanel);
    m_storeBanner->setVisible(false);
    layout->addWidget(m_storeBanner);

    // Filters.
    m_list = new FilteredTableView(m_groups, m_delegate, this);
    m_list->setSpacing(layout->spacing());
    m_severityFilter = new QComboBox(m_list);
    m_severityFilter->setObjectName(QStringLiteral("severityFilter"));
    m_severityFilter->setAccessibleName(tr("Minimum severity"));
    m_severityFilter->addItem(tr("All severities"), int(AlarmSeverity::Info));
    m_severityFilter->addItem(tr("Low and above"), int(AlarmSeverity::Low));
    m_severityFilter->addItem(tr("Medium and above"), int(AlarmSeverity::Medium));
    m_severityFilter->addItem(tr("High and above"), int(AlarmSeverity::High));
    m_severityFilter->addItem(tr("Critical only"), int(AlarmSeverity::Critical));
    m_stateFilter = new QComboBox(m_list);
    m_stateFilter->setObjectName(QStringLiteral("stateFilter"));
    m_stateFilter->setAccessibleName(tr("State"));
    m_stateFilter->addItem(tr("All states"), QVariantList());
    m_stateFilter->addItem(tr("Unacknowledged"),
                           QVariantList {int(AlarmState::ActiveUnacked), int(AlarmState::RtnUnacked)});
    m_stateFilter->addItem(AlarmDelegate::stateText(AlarmState::ActiveUnacked),
                           QVariantList {int(AlarmState::ActiveUnacked)});
    m_stateFilter->addItem(AlarmDelegate::stateText(AlarmState::ActiveAcked),
                           QVariantList {int(AlarmState::ActiveAcked)});
    m_stateFilter->addItem(AlarmDelegate::stateText(AlarmState::RtnUnacked),
                           QVariantList {int(AlarmState::RtnUnacked)});
    m_sourceFilter = new QComboBox(m_list);
    m_sourceFilter->setObjectName(QStringLiteral("sourceFilter"));
    m_sourceFilter->setAccessibleName(tr("Source kind"));
    m_sourceFilter->addItem(tr("All sources"), -1);
    for (auto kind : {Domain::AlarmSourceKind::Drone, Domain::AlarmSourceKind::Machine,
                      Domain::AlarmSourceKind::Endpoint, Domain::AlarmSourceKind::System})
        m_sourceFilter->addItem(AlarmDelegate::sourceKindText(kind), int(kind));
    for (QComboBox *combo : {m_severityFilter, m_stateFilter, m_sourceFilter})
        m_list->addFilter(combo);
    m_search = m_list->addSearchBox(QStringLiteral("alarmSearch"), tr("Search alarms"),
                                    tr("Search message, source, operator, note (Ctrl+F)"));
    for (QComboBox *combo : {m_severityFilter, m_stateFilter, m_sourceFilter})
        connect(combo, &QComboBox::currentIndexChanged, this, &AlarmsView::applyFilters);
    connect(m_search, &QLineEdit::textChanged, this, &AlarmsView::applyFilters);
    // In a flood, one condition over many sources is one row until opened.
    m_groupBox = new QCheckBox(tr("&Group by condition"), m_list);
    m_groupBox->setObjectName(QStringLiteral("groupByConditionBox"));
    m_groupBox->setChecked(m_groups->grouping());
    m_groupBox->setToolTip(tr("List alarms of one condition over many sources (battery low on twenty drones) as one "
                              "row with their count; double-click or Enter on it lists them"));
    connect(m_groupBox, &QCheckBox::toggled, m_groups, &AlarmGroupProxy::setGrouping);

    // Actions, reachable by buttons, context menus and keys alike.
    m_acknowledge = new QAction(tr("&Acknowledge…"), this);
    m_acknowledge->setObjectName(QStringLiteral("acknowledgeAction"));
    m_acknowledge->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_expand = new QAction(tr("&Expand group"), this);
    m_expand->setObjectName(QStringLiteral("expandGroupAction"));
    m_shelve = new QAction(tr("&Shelve…"), this);
    m_shelve->setObjectName(QStringLiteral("shelveAction"));
    m_shelve->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_unshelve = new QAction(tr("&Unshelve"), this);
    m_unshelve->setObjectName(QStringLiteral("unshelveAction"));
    m_unshelve->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    auto *findAction = new QAction(tr("Search alarms"), this);
    findAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    connect(findAction, &QAction::triggered, m_search, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    for (QAction *action : {m_acknowledge, m_shelve, m_unshelve, findAction}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }
    connect(m_acknowledge, &QAction::triggered, this, &AlarmsView::acknowledgeSelected);
    connect(m_shelve, &QAction::triggered, this, &AlarmsView::shelveSelected);
    connect(m_unshelve, &QAction::triggered, this, &AlarmsView::unshelveSelected);
    connect(m_expand, &QAction::triggered, this, [this] { toggleGroup(m_table->currentIndex().row()); });

    // The actions' buttons under the filters; the keyboard reaches them before the table.
    auto *actionRow = new QHBoxLayout;
    QWidget *before = m_search;
    for (QAction *action : {m_acknowledge, m_shelve, m_unshelve}) {
        auto *button = new QToolButton(m_list);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setObjectName(action->objectName() + u"Button");
        actionRow->addWidget(button);
        setTabOrder(before, button);
        before = button;
    }
    // How the rows are listed, beside what can be done with them (the
    // filter row is full on a 1024-pixel screen).
    actionRow->addWidget(m_groupBox);
    setTabOrder(before, m_groupBox);
    before = m_groupBox;
    m_statusLabel = new QLabel(m_list);
    m_statusLabel->setObjectName(QStringLiteral("alarmStatusLabel"));
    actionRow->addWidget(m_statusLabel, 1);
    m_waitingLabel = new QLabel(m_list);
    m_waitingLabel->setObjectName(QStringLiteral("alarmWaitingLabel"));
    m_waitingLabel->setToolTip(tr("Acknowledgements and shelvings made on this console that the server has not "
                                  "confirmed yet"));
    actionRow->addWidget(m_waitingLabel);
    m_list->addAboveTable(actionRow);

    // The alarms in play above, the shelved ones below: both always in sight.
    m_list->setOrientation(Qt::Vertical);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table = m_list->table();
    setTabOrder(before, m_table);
    setUpTable(m_table);
    m_table->setObjectName(QStringLiteral("alarmTable"));
    m_table->setAccessibleName(tr("Alarms"));
    m_table->setColumnHidden(AlarmModel::ShelvedUntilColumn, true);
    // Shelved alarms are listed below, not filtered away.
    const auto filtered = [this] {
        return m_proxy->minimumSeverity() != Domain::AlarmSeverity::Info || !m_proxy->states().isEmpty()
            || m_proxy->sourceKind() != -1 || !m_proxy->searchText().isEmpty();
    };
    m_list->setEmptyText(
        [this] {
            if (!m_link->isLive())
                return tr("Not live: no alarms received yet");
            return m_alarms->rowCount() > 0 ? tr("No alarms in play: every alarm is shelved") : tr("No alarms");
        },
        filtered);
    auto *shelvedPane = new QWidget(m_list);
    auto *shelvedLayout = new QVBoxLayout(shelvedPane);
    shelvedLayout->setContentsMargins(0, 4, 0, 0);
    m_shelvedTitle = new QLabel(shelvedPane);
    m_shelvedTitle->setObjectName(QStringLiteral("shelvedTitle"));
    QFont titleFont = m_shelvedTitle->font();
    titleFont.setBold(true);
    m_shelvedTitle->setFont(titleFont);
    shelvedLayout->addWidget(m_shelvedTitle);
    m_shelvedTable = new QTableView(shelvedPane);
    m_shelvedTable->setModel(m_shelvedProxy);
    m_shelvedTable->setItemDelegate(m_delegate);
    FilteredTableView::setUpTable(m_shelvedTable, QAbstractItemView::ExtendedSelection);
    setUpTable(m_shelvedTable);
    m_shelvedTable->setObjectName(QStringLiteral("shelvedTable"));
    m_shelvedTable->setAccessibleName(tr("Shelved alarms"));
    for (int column :
         {AlarmModel::StateColumn, AlarmModel::AckedByColumn, AlarmModel::AckedAtColumn, AlarmModel::NoteColumn})
        m_shelvedTable->setColumnHidden(column, true);
    EmptyNotice::forList(
        m_shelvedTable, [] { return tr("No shelved alarms"); }, filtered);
    shelvedLayout->addWidget(m_shelvedTable);
    m_list->addPane(shelvedPane);
    m_list->splitter()->setStretchFactor(0, 3);
    m_list->splitter()->setStretchFactor(1, 1);
    layout->addWidget(m_list, 1);

    // Enter or a double-click on a group opens or closes it.
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (m_groups->isGroupRow(index.row()))
            toggleGroup(index.row());
    });
    for (QTableView *table : {m_table, m_shelvedTable}) {
        connect(table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AlarmsView::updateActions);
        connect(table, &QWidget::customContextMenuRequested, this,
                [this, table](const QPoint &pos) { showContextMenu(table, pos); });
    }
    connect(model, &LiveTableModel::contentsUpdated, this, [this] {
        updateSummary();
        updateActions();
    });
    connect(model, &QAbstractItemModel::rowsRemoved, this, &AlarmsView::updateSummary);
    connect(m_link, &LinkStatus::stateChanged, this, &AlarmsView::updateActions);
    // The actions follow whichever alarm service is current and say so when it changes.
    connect(
        m_actions, &AlarmActions::actionRefused, this,
        [this](const QString &alarmId, Domain::AlarmAction::Kind kind, const QString &code, const QString &message) {
            // actionFailed came first for the same request: the last
            // action's line has said it; an earlier action's refusal is said here.
            if (std::exchange(m_failureTracked, false))
                return;
            m_statusLabel->setText(
                code == u"occurrence_changed"
                    ? tr("Alarm %1 came back: acknowledge it again.").arg(alarmId)
                    : tr("%1 of alarm %2 not done: %3").arg(AlarmActions::actionName(kind), alarmId, message));
        });
    // The last action's line follows each of its requests to its answer.
    connect(m_actions, &AlarmActions::actionSent, this, &AlarmsView::updateStatus);
    connect(m_actions, &AlarmActions::actionUnconfirmed, this, &AlarmsView::updateStatus);
    connect(m_actions, &AlarmActions::actionDelivered, this, [this](const QUuid &id) {
        if (m_batch.ids.contains(id)) {
            m_batch.confirmed.insert(id, QDateTime::currentDateTime());
            updateStatus();
        }
    });
    connect(m_actions, &AlarmActions::actionFailed, this,
            [this](const QUuid &id, const QString &code, const QString &message) {
                m_failureTracked = m_batch.ids.contains(id);
                if (!m_failureTracked)
                    return;
                m_batch.refused.insert(id,
                                       code == u"occurrence_changed" ? tr("the alarm came back; acknowledge it again")
                                                                     : (message.isEmpty() ? code : message));
                updateStatus();
            });
    connect(m_link, &LinkStatus::stateChanged, this, &AlarmsView::updateStatus);
    connect(m_actions, &AlarmActions::pendingChanged, this, &AlarmsView::updateWaiting);
    connect(m_actions, &AlarmActions::keepsOfflineActionsChanged, this, &AlarmsView::updateWaiting);
    connect(m_rate, &AlarmRateMeter::activationsChanged, this, &AlarmsView::updateRate);

    m_blinkTimer.setInterval(kBlinkHalfPeriodMs);
    connect(&m_blinkTimer, &QTimer::timeout, this, &AlarmsView::blink);
    m_blinkTimer.start();

    updateRate();
    updateSummary();
    updateActions();
    updateWaiting();
}

void AlarmsView::setUpTable(QTableView *table)
{
    table->setSortingEnabled(true);
    table->sortByColumn(AlarmModel::SeverityColumn, Qt::AscendingOrder); // most severe first
    table->setContextMenuPolicy(Qt::CustomContextMenu);
    sizeColumns(table);
    // The message takes the room left, but stays readable: on a narrow
    // window the table scrolls sideways rather than hide what happened.
    m_messageFloors.append(new StretchWithFloor(table, AlarmModel::MessageColumn, messageFloor(table)));
}

int AlarmsView::messageFloor(const QTableView *table)
{
    return table->fontMetrics().averageCharWidth() * kMessageFloorChars;
}

void AlarmsView::sizeColumns(QTableView *table)
{
    QHeaderView *header = table->horizontalHeader();
    const QFontMetrics metrics = table->fontMetrics();
    QFont bold = table->font(); // priority words and unacknowledged states are written in bold
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    int widestWord = 0;
    for (AlarmSeverity priority : {AlarmSeverity::Critical, AlarmSeverity::High, AlarmSeverity::Medium,
                                   AlarmSeverity::Low, AlarmSeverity::Info, AlarmSeverity::Unknown})
        widestWord = std::max(widestWord, boldMetrics.horizontalAdvance(PriorityCode::word(priority)));
    // The mark, its gap and the cell's margins beside the word.
    header->resizeSection(AlarmModel::SeverityColumn, widestWord + metrics.height() + 24);
    header->resizeSection(AlarmModel::StateColumn,
                          boldMetrics.horizontalAdvance(AlarmDelegate::stateText(AlarmState::RtnUnacked)) + 24);
    header->resizeSection(AlarmModel::SourceColumn, metrics.horizontalAdvance(QStringLiteral("Machine M-0000")) + 16);
    header->resizeSection(AlarmModel::RaisedColumn, metrics.horizontalAdvance(QStringLiteral("00:00:00")) + 24);
    header->resizeSection(AlarmModel::AckedAtColumn, metrics.horizontalAdvance(QStringLiteral("00:00:00")) + 24);
    header->resizeSection(AlarmModel::ShelvedUntilColumn, metrics.horizontalAdvance(QStringLiteral("m")) * 34);
    header->resizeSection(AlarmModel::CountColumn, metrics.horizontalAdvance(QStringLiteral("99× chattering")) + 16);
    // No header is cut short: every column is at least as wide as its title.
    FilteredTableView::fitTableColumnsToTitles(table, {AlarmModel::MessageColumn});
}

void AlarmsView::setWatchOnly(bool watchOnly)
{
    m_watchOnly = watchOnly;
    for (QTableView *table : {m_table, m_shelvedTable}) {
        table->clearSelection();
        table->setSelectionMode(watchOnly ? QAbstractItemView::NoSelection : QAbstractItemView::ExtendedSelection);
        table->setContextMenuPolicy(watchOnly ? Qt::NoContextMenu : Qt::CustomContextMenu);
    }
    for (QAction *action : {m_acknowledge, m_shelve, m_unshelve}) {
        for (QObject *button : action->associatedObjects()) {
            if (auto *widget = qobject_cast<QToolButton *>(button))
                widget->setVisible(!watchOnly);
        }
    }
    // Nobody there types either: the filters and the search go, the whole list stays.
    m_list->setFiltersShown(!watchOnly);
    // A floor screen keeps a flood reduced to its conditions; nobody there
    // can change how the rows are listed.
    m_groupBox->setVisible(!watchOnly);
    if (watchOnly)
        m_groupBox->setChecked(true);
    updateActions();
    updateWaiting();
}

QString AlarmsView::actionsUnavailableReason() const
{
    if (m_watchOnly)
        return tr("This screen only watches: acknowledge and shelve alarms from an operator workstation.");
    if (m_link->isViewer())
        return tr("Your role (viewer) may watch alarms but not acknowledge or shelve them.");
    return {};
}

QStringList AlarmsView::selectedIds(QTableView *table, bool unacknowledgedOnly) const
{
    QStringList ids;
    for (const auto &[id, occurrence] : selectedOccurrences(table, unacknowledgedOnly))
        ids.append(id);
    return ids;
}

QList<std::pair<QString, qint64>> AlarmsView::selectedOccurrences(QTableView *table, bool unacknowledgedOnly) const
{
    // A selected group stands for every alarm in it; an alarm selected both
    // on its own row and through its group counts once.
    QModelIndexList alarms;
    for (const QModelIndex &row : table->selectionModel()->selectedRows()) {
        if (table == m_table)
            alarms.append(m_groups->alarmIndexes(row.row()));
        else
            alarms.append(row);
    }
    QList<std::pair<QString, qint64>> selected;
    QSet<QString> seen;
    for (const QModelIndex &alarm : std::as_const(alarms)) {
        if (unacknowledgedOnly && alarm.data(AlarmModel::AcknowledgedRole).toBool())
            continue;
        const QString id = alarm.data(AlarmModel::AlarmIdRole).toString();
        if (!seen.contains(id)) {
            seen.insert(id);
            selected.append({id, alarm.data(AlarmModel::CountRole).toLongLong()});
        }
    }
    return selected;
}

int AlarmsView::rowOfAlarm(const QString &alarmId) const
{
    return m_groups->rowOfAlarm(alarmId);
}

void AlarmsView::toggleGroup(int row)
{
    const QString condition = m_groups->conditionAt(row);
    if (condition.isEmpty())
        return;
    m_groups->toggleExpanded(row);
    // The group's row stays the current one, opened or closed.
    const int groupRow = m_groups->rowOfGroup(condition);
    if (groupRow >= 0)
        m_table->setCurrentIndex(m_groups->index(groupRow, m_table->currentIndex().column()));
    updateActions();
}

QStringList AlarmsView::describe(const QStringList &alarmIds) const
{
    QStringList texts;
    for (const QString &id : alarmIds) {
        const auto alarm = m_alarms->alarm(id);
        texts.append(alarm ? tr("%1 · %2").arg(PriorityCode::word(alarm->severity), alarm->message) : id);
    }
    return texts;
}

void AlarmsView::acknowledgeSelected()
{
    // Each acknowledgement is for the occurrence on screen when the operator chose it.
    const auto selected = selectedOccurrences(m_table, true);
    if (selected.isEmpty() || !actionsUnavailableReason().isEmpty())
        return;
    QStringList ids;
    for (const auto &[id, occurrence] : selected)
        ids.append(id);
    auto *dialog = new AlarmNoteDialog(describe(ids), m_requireNote, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, selected, dialog] {
        // An alarm kept only for this acknowledgement is let go here, not sent.
        QList<QUuid> made;
        for (const auto &[id, occurrence] : selected)
            made.append(m_actions->acknowledge(id, dialog->note(), occurrence));
        track(made, tr("Acknowledgement"));
    });
    dialog->open();
}

void AlarmsView::shelveSelected()
{
    const auto selected = selectedOccurrences(m_table, false);
    if (selected.isEmpty() || !actionsUnavailableReason().isEmpty())
        return;
    QStringList ids;
    for (const auto &[id, occurrence] : selected)
        ids.append(id);
    // Recorded by the server under the operator this session signed in as.
    auto *dialog = new ShelveDialog(describe(ids), m_link->settings().operatorName, m_link->role(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, selected, dialog] {
        QList<QUuid> made;
        for (const auto &[id, occurrence] : selected)
            made.append(m_actions->shelve(id, dialog->minutes(), dialog->reason(), occurrence));
        track(made, tr("Shelving"));
    });
    dialog->open();
}

void AlarmsView::unshelveSelected()
{
    const QStringList ids = selectedIds(m_shelvedTable, false);
    if (ids.isEmpty() || !actionsUnavailableReason().isEmpty())
        return;
    QList<QUuid> made;
    for (const QString &id : ids)
        made.append(m_actions->unshelve(id));
    track(made, tr("Unshelving"));
}

void AlarmsView::track(const QList<QUuid> &made, const QString &what)
{
    m_batch = {};
    m_batch.what = what;
    for (const QUuid &id : made) {
        if (id.isNull())
            ++m_batch.letGo;
        else if (!m_batch.ids.contains(id)) // a repeat of an action still waiting is that action
            m_batch.ids.append(id);
    }
    updateStatus();
}

void AlarmsView::updateStatus()
{
    if (m_batch.what.isEmpty())
        return;
    // Each request where it really stands: confirmed by the server (at
    // when), refused, sent and awaiting its answer, handed to a server that
    // confirms nothing, or queued here; never one word for all of them.
    int sent = 0;
    int unconfirmed = 0;
    int queued = 0;
    QDateTime lastConfirmed;
    for (const QUuid &id : std::as_const(m_batch.ids)) {
        if (m_batch.confirmed.contains(id)) {
            const QDateTime at = m_batch.confirmed.value(id);
            if (!lastConfirmed.isValid() || at > lastConfirmed)
                lastConfirmed = at;
            continue;
        }
        if (m_batch.refused.contains(id))
            continue;
        switch (m_actions->progressOf(id)) {
        case AlarmService::Progress::Sent:
            ++sent;
            break;
        case AlarmService::Progress::Unconfirmed:
            ++unconfirmed;
            break;
        case AlarmService::Progress::Queued:
            ++queued;
            break;
        case AlarmService::Progress::None:
            break;
        }
    }
    QStringList parts;
    if (const int confirmed = int(m_batch.confirmed.size()); confirmed > 0)
        parts << tr("%n confirmed at %1", nullptr, confirmed)
                     .arg(QLocale().toString(lastConfirmed.time(), QStringLiteral("HH:mm:ss")));
    if (sent > 0)
        parts << tr("%n sent, waiting for the server's answer", nullptr, sent);
    if (unconfirmed > 0)
        parts << tr("%n sent, unconfirmed (this server confirms nothing)", nullptr, unconfirmed);
    // Not handed to the link yet: on a live link only for a moment (the
    // next pass, or the send pace in a flood); otherwise it waits for the link.
    if (queued > 0 && m_link->isLive())
        parts << tr("%n being sent", nullptr, queued);
    else if (queued > 0)
        parts << (m_actions->keepsOfflineActions()
                      ? tr("%n queued until the link is live", nullptr, queued)
                      : tr("%n queued until the link is live, in memory only (lost if the console closes)", nullptr,
                           queued));
    if (!m_batch.refused.isEmpty()) {
        const QString reason = m_batch.refused.value(m_batch.ids.value(0), m_batch.refused.cbegin().value());
        parts << tr("%n refused: %1", nullptr, int(m_batch.refused.size())).arg(reason);
    }
    if (m_batch.letGo > 0)
        parts << tr("%n not sent: the alarm had already gone", nullptr, m_batch.letGo);
    m_statusLabel->setText(parts.isEmpty() ? QString() : tr("%1: %2.").arg(m_batch.what, parts.join(u"; ")));
}

void AlarmsView::updateWaiting()
{
    const int waiting = m_actions->pendingCount();
    m_waitingLabel->setText(waiting > 0 ? tr("%n action(s) waiting for the server", nullptr, waiting) : QString());
    m_waitingLabel->setVisible(waiting > 0);
    const bool keeps = m_actions->keepsOfflineActions();
    if (!keeps) {
        m_storeBanner->setText(tr("Alarm actions made while the link is down cannot be kept: %1. Acknowledging on "
                                  "a live link works; offline actions are lost if the console closes.")
                                   .arg(m_actions->storeProblem()));
    }
    // A screen that only watches makes no actions to keep.
    m_storeBanner->setVisible(!keeps && !m_watchOnly);
}

void AlarmsView::applyFilters()
{
    const auto severity = AlarmSeverity(m_severityFilter->currentData().toInt());
    QSet<int> states;
    const QVariantList chosen = m_stateFilter->currentData().toList();
    for (const QVariant &state : chosen)
        states.insert(state.toInt());
    const int kind = m_sourceFilter->currentData().toInt();
    for (AlarmFilterProxy *proxy : {m_proxy, m_shelvedProxy}) {
        proxy->setMinimumSeverity(severity);
        proxy->setSourceKind(kind);
        proxy->setSearchText(m_search->text());
    }
    // The shelved list has a single state; a state filter narrows only the alarms in play.
    m_proxy->setStates(states);
    updateSummary();
    updateActions();
}

void AlarmsView::updateActions()
{
    const QString unavailable = actionsUnavailableReason();
    const bool canAct = unavailable.isEmpty();
    const bool anyUnacked = canAct && !selectedIds(m_table, true).isEmpty();
    const bool anyInPlay = canAct && m_table->selectionModel()->hasSelection();
    const bool anyShelved = canAct && m_shelvedTable->selectionModel()->hasSelection();
    m_acknowledge->setEnabled(anyUnacked);
    m_shelve->setEnabled(anyInPlay);
    m_unshelve->setEnabled(anyShelved);
    // Opening a group only changes what is listed: a watching screen may too.
    const QString condition = m_groups->conditionAt(m_table->currentIndex().row());
    m_expand->setEnabled(!condition.isEmpty());
    m_expand->setText(!condition.isEmpty() && m_groups->isExpanded(condition) ? tr("C&ollapse group")
                                                                              : tr("&Expand group"));
    if (!canAct) {
        for (QAction *action : {m_acknowledge, m_shelve, m_unshelve})
            action->setToolTip(unavailable);
        return;
    }
    m_acknowledge->setToolTip(anyUnacked ? tr("Acknowledge the selected alarms, with an optional note (Ctrl+K)")
                                         : tr("Select unacknowledged alarms to acknowledge them (Ctrl+K)"));
    if (m_requireNote && anyUnacked)
        m_acknowledge->setToolTip(tr("Acknowledge the selected alarms; a note is required (Ctrl+K)"));
    m_shelve->setToolTip(anyInPlay ? tr("Shelve the selected alarms for a time, with a reason (Ctrl+Shift+S)")
                                   : tr("Select alarms to shelve them (Ctrl+Shift+S)"));
    m_unshelve->setToolTip(anyShelved ? tr("Return the selected shelved alarms to the list (Ctrl+Shift+U)")
                                      : tr("Select shelved alarms to unshelve them (Ctrl+Shift+U)"));
}

void AlarmsView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // The flood's reversed colours are the theme's: set them again for the new one.
    if (event->type() == QEvent::PaletteChange)
        updateRate();
    // Larger type (the kiosk's, the operator's): the priority word, the
    // state, the source and the time keep their room; the message gives way.
    if (event->type() == QEvent::FontChange) {
        for (QTableView *table : {m_table, m_shelvedTable})
            sizeColumns(table);
        for (StretchWithFloor *floor : std::as_const(m_messageFloors))
            floor->setFloor(messageFloor(floor->table()));
    }
}

void AlarmsView::updateRate()
{
    const int activations = m_rate->activationsInLast10Minutes();
    const AlarmRateMeter::Rate rate = m_rate->rate();
    QString text;
    QPalette palette = this->palette();
    QFont font = m_rateLabel->font();
    const bool flood = rate == AlarmRateMeter::Rate::Flood;
    font.setBold(flood);
    // A flood is reversed out in the ink, as in the alarm banner: loud
    // without borrowing an alarm priority's colour or mark (PriorityCode).
    m_rateLabel->setAutoFillBackground(flood);
    m_rateLabel->setMargin(flood ? 3 : 0);
    if (flood) {
        palette.setColor(QPalette::Window, this->palette().color(QPalette::WindowText));
        palette.setColor(QPalette::WindowText, this->palette().color(QPalette::Window));
    }
    switch (rate) {
    case AlarmRateMeter::Rate::Flood:
        text = tr("FLOOD: %1 alarms in 10 min").arg(activations);
        break;
    case AlarmRateMeter::Rate::Manageable:
        text = tr("Alarm rate: %1 in 10 min (above the target of 1)").arg(activations);
        break;
    case AlarmRateMeter::Rate::Acceptable:
        text = tr("Alarm rate: %1 in 10 min (acceptable)").arg(activations);
        break;
    }
    m_rateLabel->setText(text);
    m_rateLabel->setFont(font);
    m_rateLabel->setPalette(palette);
    m_rateLabel->setAccessibleName(text);
}

void AlarmsView::updateSummary()
{
    AlarmModel *model = m_alarms;
    const int shelved = m_shelvedProxy->rowCount();
    m_summaryLabel->setText(tr("%1 listed of %2 · %3 unacknowledged · %4 shelved")
                                .arg(m_proxy->rowCount())
                                .arg(model->rowCount() - shelved)
                                .arg(model->unacknowledgedCount())
                                .arg(shelved));
    m_shelvedTitle->setText(tr("Shelved alarms (%1)").arg(shelved));
}

void AlarmsView::blink()
{
    // Only unacknowledged marks blink; with none left the phase rests on,
    // so nothing on screen moves while all is acknowledged.
    const bool wanted = m_alarms->unacknowledgedCount() > 0 ? !m_delegate->blinkPhase() : true;
    if (wanted == m_delegate->blinkPhase())
        return;
    m_delegate->setBlinkPhase(wanted);
    m_table->viewport()->update();
    m_shelvedTable->viewport()->update();
}

void AlarmsView::showContextMenu(QTableView *table, const QPoint &pos)
{
    if (m_watchOnly)
        return;
    QMenu menu(this);
    if (table == m_shelvedTable) {
        menu.addAction(m_unshelve);
    } else {
        menu.addAction(m_acknowledge);
        menu.addAction(m_shelve);
        if (m_groups->isGroupRow(table->indexAt(pos).row())
            || !m_groups->conditionAt(table->indexAt(pos).row()).isEmpty()) {
            menu.addSeparator();
            menu.addAction(m_expand);
        }
    }
    menu.exec(table->viewport()->mapToGlobal(pos));
}
