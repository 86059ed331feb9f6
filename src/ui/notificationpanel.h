#pragma once

#include <QTimer>
#include <QWidget>

class LinkStatus;
class NotificationCenter;
class NotificationDelegate;
class NotificationFilterProxy;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;

// The notification center: every notification newest first, grouped by day,
// with filters and a search box; alarms acknowledged from here (with a note,
// required when the profile says so), one or all listed; read marks; and the
// history kept from earlier runs, which the operator may clear.
class NotificationPanel : public QWidget
{
    Q_OBJECT

public:
    // Neither is owned; the link says whether this operator may acknowledge.
    NotificationPanel(NotificationCenter *center, LinkStatus *link, QWidget *parent = nullptr);

    void setRequireNote(bool required);
    // A floor screen only watches: nothing can be acknowledged from here.
    void setWatchOnly(bool watchOnly);
    bool isWatchOnly() const { return m_watchOnly; }
    bool requireNote() const { return m_requireNote; }
    // Lists and selects a notification, clearing filters that hide it.
    void showNotification(const QString &notificationId);

    QListView *list() const { return m_list; }
    NotificationFilterProxy *proxy() const { return m_proxy; }
    QComboBox *severityFilter() const { return m_severity; }
    QComboBox *kindFilter() const { return m_kind; }
    QCheckBox *unreadOnlyBox() const { return m_unreadOnly; }
    QCheckBox *unacknowledgedOnlyBox() const { return m_unackedOnly; }
    QLineEdit *searchBox() const { return m_search; }
    QPushButton *acknowledgeButton() const { return m_acknowledge; }
    QPushButton *acknowledgeAllButton() const { return m_acknowledgeAll; }
    QPushButton *markAllReadButton() const { return m_markAllRead; }
    QPushButton *clearHistoryButton() const { return m_clearHistory; }
    QLabel *summaryLabel() const { return m_summary; }
    QLabel *messageLabel() const { return m_message; }

    // A problem the operator must know of (a full disk, say), shown under the list.
    void reportProblem(const QString &text) { report(text, true); }

    // Why alarms cannot be acknowledged from this console now; empty if they can.
    QString actionsUnavailableReason() const;

public Q_SLOTS:
    void acknowledgeSelected();
    void acknowledgeAllListed();
    void clearHistory();

Q_SIGNALS:
    void closeRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    QWidget *createFilters();
    QWidget *createActions();
    void acknowledge(const QStringList &ids, const QString &what);
    void updateActions();
    void updateSummary();
    void report(const QString &text, bool failure);

    NotificationCenter *m_center;
    QTimer m_refresh; // coalesces refreshes of the summary and the buttons
    LinkStatus *m_link;
    NotificationFilterProxy *m_proxy;
    NotificationDelegate *m_delegate;
    QListView *m_list = nullptr;
    QComboBox *m_severity = nullptr;
    QComboBox *m_kind = nullptr;
    QCheckBox *m_unreadOnly = nullptr;
    QCheckBox *m_unackedOnly = nullptr;
    QLineEdit *m_search = nullptr;
    QPushButton *m_acknowledge = nullptr;
    QPushButton *m_acknowledgeAll = nullptr;
    QPushButton *m_markAllRead = nullptr;
    QPushButton *m_clearHistory = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_message = nullptr;
    bool m_requireNote = false;
    bool m_watchOnly = false;
};
