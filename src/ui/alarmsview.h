#pragma once

#include "model/alarmrate.h"

#include <QDateTime>
#include <QHash>
#include <QUuid>

#include <QTimer>
#include <QWidget>

class AlarmActions;
class AlarmDelegate;
class AlarmFilterProxy;
class AlarmGroupProxy;
class FilteredTableView;
class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QTableView;
class StretchWithFloor;
class LinkStatus;

// The ISA-18.2 alarms view: the alarms in play in a sortable, filterable
// table, the shelved ones listed apart below it, the console's alarm rate
// (AlarmRateMeter) of the last ten minutes against the EEMUA 191 figures, and the operator's actions
// (acknowledge with a note, timed shelve with a reason, unshelve), which go
// through AlarmActions to the alarm service so they survive outages.
//
// Keyboard: Ctrl+K acknowledges the selected alarms, Ctrl+Shift+S shelves
// them, Ctrl+Shift+U unshelves the selected shelved ones, Ctrl+F goes to the
// search box; the context menu of each table offers the same.
class AlarmsView : public QWidget
{
    Q_OBJECT

public:
    // The message column's least width, in average characters: narrower,
    // the table scrolls sideways.
    static constexpr int kMessageFloorChars = 28;

    // None is owned; each must outlive the view. The link says whether the
    // operator may act (a viewer may not).
    AlarmsView(AlarmModel *alarms, AlarmRateMeter *rate, AlarmActions *actions, LinkStatus *link,
               QWidget *parent = nullptr);

    // Whether an acknowledgement needs a note (a profile option).
    void setRequireNote(bool required) { m_requireNote = required; }
    // A floor screen only watches: no row can be selected and no acknowledge,
    // shelve or unshelve is reachable, by button, menu or key; the filters
    // and the search are hidden and the whole list shown.
    void setWatchOnly(bool watchOnly);
    bool isWatchOnly() const { return m_watchOnly; }
    bool requireNote() const { return m_requireNote; }

    QTableView *alarmTable() const { return m_table; }
    QTableView *shelvedTable() const { return m_shelvedTable; }
    AlarmFilterProxy *alarmProxy() const { return m_proxy; }
    AlarmFilterProxy *shelvedProxy() const { return m_shelvedProxy; }
    // The alarm table's rows: the alarms in play, grouped by condition.
    AlarmGroupProxy *groupProxy() const { return m_groups; }
    QCheckBox *groupBox() const { return m_groupBox; }
    // The alarm table's row of an alarm (on its own or in an opened group), or -1.
    int rowOfAlarm(const QString &alarmId) const;
    AlarmRateMeter *rateMeter() const { return m_rate; }
    AlarmDelegate *delegate() const { return m_delegate; }
    QLabel *rateLabel() const { return m_rateLabel; }
    QLabel *waitingLabel() const { return m_waitingLabel; }
    QLabel *storeBanner() const { return m_storeBanner; }
    // The line that says where the operator's last action stands.
    QLabel *statusLabel() const { return m_statusLabel; }
    QAction *acknowledgeAction() const { return m_acknowledge; }
    QAction *shelveAction() const { return m_shelve; }
    QAction *unshelveAction() const { return m_unshelve; }
    // Opens or closes the current row's group.
    QAction *expandAction() const { return m_expand; }

    // Why the actions are unavailable to this operator; empty when they are not.
    QString actionsUnavailableReason() const;

public Q_SLOTS:
    // Each opens its dialog (AlarmNoteDialog, ShelveDialog) window-modally
    // and acts when it is accepted; unshelving needs no dialog.
    void acknowledgeSelected();
    void shelveSelected();
    void unshelveSelected();

protected:
    void changeEvent(QEvent *event) override;

private:
    // Sorting, the context menu and the column widths both tables share.
    void setUpTable(QTableView *table);
    // Widths for the fixed columns from the table's font; the message's floor.
    static void sizeColumns(QTableView *table);
    static int messageFloor(const QTableView *table);
    QStringList selectedIds(QTableView *table, bool unacknowledgedOnly) const;
    // Each selected alarm with the occurrence (activation count) shown for it.
    QList<std::pair<QString, qint64>> selectedOccurrences(QTableView *table, bool unacknowledgedOnly) const;
    QStringList describe(const QStringList &alarmIds) const;
    void toggleGroup(int row);
    void applyFilters();
    void updateActions();
    void updateRate();
    void updateSummary();
    void blink();
    void showContextMenu(QTableView *table, const QPoint &pos);
    // The operator's last action, on one or more alarms: `made` the request
    // ids queued (a null id: nothing was, the alarm was let go), followed
    // until each is confirmed or refused.
    void track(const QList<QUuid> &made, const QString &what);
    void updateStatus();
    void updateWaiting();

    AlarmModel *m_alarms;
    AlarmActions *m_actions;
    LinkStatus *m_link;
    AlarmRateMeter *m_rate;
    bool m_requireNote = false;
    bool m_watchOnly = false;
    AlarmFilterProxy *m_proxy;
    AlarmFilterProxy *m_shelvedProxy;
    AlarmGroupProxy *m_groups;
    AlarmDelegate *m_delegate;
    FilteredTableView *m_list = nullptr;
    QTableView *m_table = nullptr;
    QList<StretchWithFloor *> m_messageFloors; // owned by their tables
    QTableView *m_shelvedTable = nullptr;
    QLabel *m_rateLabel = nullptr;
    QLabel *m_summaryLabel = nullptr;
    QLabel *m_shelvedTitle = nullptr;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_waitingLabel = nullptr; // actions the server has not answered yet
    QLabel *m_storeBanner = nullptr; // offline actions cannot be kept
    QComboBox *m_severityFilter = nullptr;
    QComboBox *m_stateFilter = nullptr;
    QComboBox *m_sourceFilter = nullptr;
    QLineEdit *m_search = nullptr;
    QAction *m_acknowledge = nullptr;
    QAction *m_shelve = nullptr;
    QAction *m_unshelve = nullptr;
    QAction *m_expand = nullptr;
    QCheckBox *m_groupBox = nullptr;
    QTimer m_blinkTimer;
    struct Batch
    {
        QString what; // "Acknowledgement"
        QList<QUuid> ids; // queued by it
        int letGo = 0; // asked for but not queued
        QHash<QUuid, QDateTime> confirmed; // local time of each confirmation
        QHash<QUuid, QString> refused; // the reason of each refusal
    };
    Batch m_batch;
    bool m_failureTracked = false; // the refusal being announced is of m_batch's
};
