#include "notificationpanel.h"
#include "prioritycode.h"

#include "services/linkstatus.h"

#include "alarmdelegate.h"
#include "alarmnotedialog.h"
#include "emptynotice.h"
#include "notificationdelegate.h"
#include "notificationfilterproxy.h"
#include "services/notificationcenter.h"
#include "theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

using Domain::AlarmSeverity;
using Kind = NotificationModel::Kind;
using Role = NotificationModel::Role;

namespace {

// What a screen reader says for a row; the model itself holds no text.
class AccessibleTextProxy : public NotificationFilterProxy
{
public:
    using NotificationFilterProxy::NotificationFilterProxy;

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::AccessibleTextRole || role == Qt::ToolTipRole)
            return NotificationDelegate::accessibleText(index);
        return NotificationFilterProxy::data(index, role);
    }
};

} // namespace

NotificationPanel::NotificationPanel(NotificationCenter *center, LinkStatus *link, QWidget *parent)
    : QWidget(parent)
    , m_center(center)
    , m_link(link)
    , m_proxy(new AccessibleTextProxy(this))
    , m_delegate(new NotificationDelegate(this))
{
    setObjectName(QStringLiteral("notificationPanel"));
    setAccessibleName(tr("Notification center"));
    m_proxy->setSourceModel(center->model());
    connect(center, &NotificationCenter::historyCleared, this, [this](const QString &error) {
        if (error.isEmpty())
            report(tr("Notification history cleared."), false);
        else
            report(tr("The history could not be cleared: %1").arg(error), true);
    });

    auto *title = new QLabel(tr("Notifications"), this);
    QFont big = title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.2);
    title->setFont(big);
    auto *close = new QPushButton(tr("Close"), this);
    close->setObjectName(QStringLiteral("closeNotifications"));
    close->setToolTip(tr("Close the notification center (Esc)"));
    connect(close, &QPushButton::clicked, this, &NotificationPanel::closeRequested);
    auto *head = new QHBoxLayout;
    head->addWidget(title);
    head->addStretch();
    head->addWidget(close);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("notificationSummary"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("notificationMessage"));
    m_message->setWordWrap(true);
    m_message->hide();

    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("notificationList"));
    m_list->setAccessibleName(tr("Notifications, newest first"));
    m_list->setModel(m_proxy);
    m_list->setItemDelegate(m_delegate);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setUniformItemSizes(false);
    m_list->setMouseTracking(true);
    EmptyNotice::forList(m_list, [] { return tr("No notifications"); });
    // Opening a notification is reading it.
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        if (current.isValid())
            m_center->markRead(current.data(Role::IdRole).toString());
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this, &NotificationPanel::updateActions);
    connect(m_list, &QListView::activated, this, [this] { acknowledgeSelected(); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 10, 10, 10);
    layout->addLayout(head);
    layout->addWidget(m_summary);
    layout->addWidget(createFilters());
    layout->addWidget(m_list, 1);
    layout->addWidget(m_message);
    layout->addWidget(createActions());

    // A flood posts thousands of notifications in one frame: the summary and
    // the buttons, which look at every listed row, are refreshed once after
    // it, not once per notification.
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(0);
    connect(&m_refresh, &QTimer::timeout, this, [this] {
        updateSummary();
        updateActions();
    });
    const auto refreshSoon = [this] {
        if (!m_refresh.isActive())
            m_refresh.start();
    };
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, refreshSoon);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, refreshSoon);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, refreshSoon);
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, refreshSoon);
    connect(center, &NotificationCenter::unreadCountChanged, this, [this, refreshSoon](int unread) {
        m_markAllRead->setEnabled(unread > 0); // cheap, and answers the operator's click at once
        refreshSoon();
    });
    connect(center, &NotificationCenter::unacknowledgedChanged, this, refreshSoon);
    connect(center, &NotificationCenter::storeFailed, this, [this](const QString &message) {
        report(tr("The notification history could not be saved: %1").arg(message), true);
    });
    connect(m_link, &LinkStatus::stateChanged, this, &NotificationPanel::updateActions);
    updateSummary();
    updateActions();
}

QWidget *NotificationPanel::createFilters()
{
    auto *box = new QWidget(this);
    auto *grid = new QGridLayout(box);
    grid->setContentsMargins(0, 0, 0, 0);

    m_search = new QLineEdit(box);
    m_search->setObjectName(QStringLiteral("notificationSearch"));
    m_search->setPlaceholderText(tr("Search text, source, operator…"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search notifications"));
    connect(m_search, &QLineEdit::textChanged, m_proxy, &NotificationFilterProxy::setSearchText);

    m_severity = new QComboBox(box);
    m_severity->setObjectName(QStringLiteral("notificationSeverityFilter"));
    m_severity->setAccessibleName(tr("Minimum severity"));
    m_severity->addItem(tr("All severities"), int(AlarmSeverity::Info));
    m_severity->addItem(tr("Low and above"), int(AlarmSeverity::Low));
    m_severity->addItem(tr("Medium and above"), int(AlarmSeverity::Medium));
    m_severity->addItem(tr("High and above"), int(AlarmSeverity::High));
    m_severity->addItem(tr("Critical only"), int(AlarmSeverity::Critical));
    connect(m_severity, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setMinimumSeverity(AlarmSeverity(m_severity->currentData().toInt())); });

    m_kind = new QComboBox(box);
    m_kind->setObjectName(QStringLiteral("notificationKindFilter"));
    m_kind->setAccessibleName(tr("Kind of notification"));
    m_kind->addItem(tr("All kinds"), -1);
    m_kind->addItem(tr("Alarms"), int(Kind::Alarm));
    m_kind->addItem(tr("Server notices"), int(Kind::System));
    m_kind->addItem(tr("Link to the server"), int(Kind::Connection));
    m_kind->addItem(tr("Commands"), int(Kind::Command));
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] { m_proxy->setKind(m_kind->currentData().toInt()); });

    m_unreadOnly = new QCheckBox(tr("&Unread only"), box);
    m_unreadOnly->setObjectName(QStringLiteral("unreadOnly"));
    connect(m_unreadOnly, &QCheckBox::toggled, m_proxy, &NotificationFilterProxy::setUnreadOnly);
    m_unackedOnly = new QCheckBox(tr("Waiting for ac&knowledgement"), box);
    m_unackedOnly->setObjectName(QStringLiteral("unacknowledgedOnly"));
    connect(m_unackedOnly, &QCheckBox::toggled, m_proxy, &NotificationFilterProxy::setUnacknowledgedOnly);

    grid->addWidget(m_search, 0, 0, 1, 2);
    grid->addWidget(m_severity, 1, 0);
    grid->addWidget(m_kind, 1, 1);
    grid->addWidget(m_unreadOnly, 2, 0);
    grid->addWidget(m_unackedOnly, 2, 1);
    return box;
}

QWidget *NotificationPanel::createActions()
{
    auto *box = new QWidget(this);
    auto *grid = new QGridLayout(box);
    grid->setContentsMargins(0, 0, 0, 0);
    m_acknowledge = new QPushButton(tr("&Acknowledge…"), box);
    m_acknowledge->setObjectName(QStringLiteral("acknowledgeNotification"));
    connect(m_acknowledge, &QPushButton::clicked, this, &NotificationPanel::acknowledgeSelected);
    m_acknowledgeAll = new QPushButton(tr("Acknowledge all &listed…"), box);
    m_acknowledgeAll->setObjectName(QStringLiteral("acknowledgeAllListed"));
    connect(m_acknowledgeAll, &QPushButton::clicked, this, &NotificationPanel::acknowledgeAllListed);
    m_markAllRead = new QPushButton(tr("&Mark all read"), box);
    m_markAllRead->setObjectName(QStringLiteral("markAllRead"));
    m_markAllRead->setToolTip(tr("Mark every notification read; alarms stay unacknowledged"));
    connect(m_markAllRead, &QPushButton::clicked, this, [this] { m_center->markAllRead(); });
    m_clearHistory = new QPushButton(tr("Clear &history…"), box);
    m_clearHistory->setObjectName(QStringLiteral("clearHistory"));
    m_clearHistory->setToolTip(tr("Forget past notifications on this console; alarms still waiting stay listed"));
    connect(m_clearHistory, &QPushButton::clicked, this, &NotificationPanel::clearHistory);
    grid->addWidget(m_acknowledge, 0, 0);
    grid->addWidget(m_acknowledgeAll, 0, 1);
    grid->addWidget(m_markAllRead, 1, 0);
    grid->addWidget(m_clearHistory, 1, 1);
    return box;
}

void NotificationPanel::setRequireNote(bool required)
{
    m_requireNote = required;
    updateActions();
}

void NotificationPanel::setWatchOnly(bool watchOnly)
{
    m_watchOnly = watchOnly;
    updateActions();
}

QString NotificationPanel::actionsUnavailableReason() const
{
    if (m_watchOnly)
        return tr("This screen only watches: acknowledge alarms from an operator workstation.");
    if (m_link->isViewer())
        return tr("Your role (viewer) may read notifications but not acknowledge alarms.");
    return {};
}

void NotificationPanel::showNotification(const QString &notificationId)
{
    int row = m_proxy->rowOf(notificationId);
    if (row < 0 && m_center->model()->contains(notificationId)) {
        m_search->clear();
        m_severity->setCurrentIndex(0);
        m_kind->setCurrentIndex(0);
        m_unreadOnly->setChecked(false);
        m_unackedOnly->setChecked(false);
        row = m_proxy->rowOf(notificationId);
    }
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->index(row, 0);
    m_list->setCurrentIndex(index);
    m_list->scrollTo(index, QAbstractItemView::PositionAtCenter);
    m_list->setFocus(Qt::OtherFocusReason);
}

void NotificationPanel::acknowledgeSelected()
{
    QStringList ids;
    const QModelIndexList rows = m_list->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        if (index.data(Role::NeedsAckRole).toBool())
            ids.append(index.data(Role::IdRole).toString());
    }
    acknowledge(ids, tr("Acknowledgement"));
}

void NotificationPanel::acknowledgeAllListed()
{
    acknowledge(m_proxy->waitingIds(), tr("Acknowledgement of all listed alarms"));
}

void NotificationPanel::acknowledge(const QStringList &ids, const QString &what)
{
    if (ids.isEmpty())
        return;
    if (const QString reason = actionsUnavailableReason(); !reason.isEmpty()) {
        report(reason, true);
        return;
    }
    QStringList texts;
    for (const QString &id : ids) {
        if (const NotificationModel::Item *item = m_center->model()->item(id))
            texts.append(
                QStringLiteral("%1 · %2 · %3").arg(PriorityCode::word(item->severity), item->sourceId, item->title));
    }
    // The dialog lists what will be acknowledged and is the confirmation:
    // nothing is sent unless the operator accepts it.
    auto *dialog = new AlarmNoteDialog(texts, m_requireNote, this);
    dialog->setObjectName(QStringLiteral("notificationAckDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, ids, what, dialog] {
        const int sent = m_center->acknowledgeAll(ids, dialog->note());
        if (sent == ids.size())
            report(tr("%1 sent for %n alarm(s).", nullptr, sent).arg(what), false);
        else
            report(tr("%1: %2 of %3 sent. %4").arg(what).arg(sent).arg(ids.size()).arg(m_center->lastError()), true);
    });
    dialog->open();
}

void NotificationPanel::clearHistory()
{
    auto *box = new QMessageBox(QMessageBox::Question, tr("Clear notification history"),
                                tr("Forget every past notification on this console? Alarms still waiting for an "
                                   "acknowledgement stay listed. The server's alarms are not changed."),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("clearHistoryConfirmation"));
    QPushButton *clear = box->addButton(tr("Clear history"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, clear](QAbstractButton *button) {
        if (button != clear)
            return;
        m_center->clearHistory(); // historyCleared() says how it went
    });
    box->open();
}

void NotificationPanel::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        Q_EMIT closeRequested();
        return;
    }
    QWidget::keyPressEvent(event);
}

void NotificationPanel::updateActions()
{
    const QString reason = actionsUnavailableReason();
    bool selectedWaiting = false;
    for (const QModelIndex &index : m_list->selectionModel()->selectedRows())
        selectedWaiting = selectedWaiting || index.data(Role::NeedsAckRole).toBool();
    const int listedWaiting = int(m_proxy->waitingIds().size());
    m_acknowledge->setEnabled(reason.isEmpty() && selectedWaiting);
    m_acknowledgeAll->setEnabled(reason.isEmpty() && listedWaiting > 0);
    m_acknowledgeAll->setText(listedWaiting > 0 ? tr("Acknowledge all &listed (%1)…").arg(listedWaiting)
                                                : tr("Acknowledge all &listed…"));
    const QString note = m_requireNote ? tr("; a note is required") : QString();
    m_acknowledge->setToolTip(!reason.isEmpty() ? reason : tr("Acknowledge the selected alarms (Enter)") + note);
    m_acknowledgeAll->setToolTip(
        !reason.isEmpty() ? reason : tr("Acknowledge every listed alarm waiting, after a confirmation") + note);
    m_markAllRead->setEnabled(m_center->unreadCount() > 0);
}

void NotificationPanel::updateSummary()
{
    // The one count of waiting alarms (AlarmModel::unacknowledgedCount()),
    // whatever the filters list: the same number as the banner and the bell.
    const int waiting = m_center->unacknowledgedCount();
    m_summary->setText(tr("%1 listed of %2 · %3 unread · %4 alarms waiting for acknowledgement")
                           .arg(m_proxy->rowCount())
                           .arg(m_center->model()->rowCount())
                           .arg(m_center->unreadCount())
                           .arg(waiting));
}

void NotificationPanel::report(const QString &text, bool failure)
{
    m_message->setText((failure ? QStringLiteral("▲ ") : QString()) + text);
    QPalette pal = m_message->palette();
    pal.setColor(QPalette::WindowText, failure ? Theme::alarmColor() : palette().color(QPalette::WindowText));
    m_message->setPalette(pal);
    m_message->show();
}
