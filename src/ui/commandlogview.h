#pragma once

#include <QWidget>

class CommandLogDelegate;
class CommandLogFilterProxy;
class CommandLogModel;
class FilteredTableView;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTreeWidget;
class LinkStatus;

// Every command sent to the plant, by this console and by other operators:
// the earlier runs' from the local database and this run's live, in a
// sortable table narrowed by status, operator, endpoint and a search, and
// beside it the selected command in detail with every status it went
// through and when. Without a database only this run's commands are listed,
// and the view says so.
class CommandLogView : public QWidget
{
    Q_OBJECT

public:
    // Status filter entries, in the order of statusFilter()'s items.
    enum StatusChoice { AllStatuses, PendingStatuses, SucceededStatus, UnsuccessfulStatuses };
    // The first two entries of operatorFilter(); named operators follow.
    enum OperatorChoice { AllOperators, MyCommands };

    // The session is not owned and must outlive the view; its store (if any)
    // is read once, for the commands of earlier runs.
    // Neither is owned: the console's services own the model (ConsoleServices).
    CommandLogView(CommandLogModel *model, LinkStatus *link, QWidget *parent = nullptr);

    CommandLogModel *model() const { return m_model; }
    CommandLogFilterProxy *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    QComboBox *statusFilter() const { return m_statusFilter; }
    QComboBox *operatorFilter() const { return m_operatorFilter; }
    QLineEdit *endpointBox() const { return m_endpoint; }
    QLineEdit *searchBox() const { return m_search; }
    QLabel *notice() const { return m_notice; }
    QLabel *detailTitle() const { return m_detailTitle; }
    QLabel *detailFigures() const { return m_detailFigures; }
    QTreeWidget *historyTree() const { return m_history; }

    // A screen nobody types on or clicks (a kiosk): the filters and search
    // hidden (the whole list shown), no selection and no detail pane, so the
    // table takes the view's width. Off, all of it is back.
    void setWatchOnly(bool watchOnly);
    bool isWatchOnly() const { return m_watchOnly; }

    // Chooses a named operator in the operator filter; false if none by that name is listed.
    bool filterByOperator(const QString &name);
    // The command shown in the detail pane; empty when none is selected.
    QString selectedCommandId() const { return m_commandId; }
    // Selects a command's row if it is listed; false otherwise.
    bool selectCommand(const QString &commandId);

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *createDetailPane();
    void applyFilters();
    void updateOperators();
    void updateSummary();
    void updateDetail();
    QString ownName() const;

    LinkStatus *m_link;
    CommandLogModel *m_model;
    CommandLogFilterProxy *m_proxy;
    CommandLogDelegate *m_delegate;
    FilteredTableView *m_list = nullptr;
    bool m_watchOnly = false;
    QTableView *m_table = nullptr;
    QComboBox *m_statusFilter = nullptr;
    QComboBox *m_operatorFilter = nullptr;
    QLineEdit *m_endpoint = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_notice = nullptr;
    QLabel *m_detailTitle = nullptr;
    QLabel *m_detailStatusIcon = nullptr;
    QLabel *m_detailStatus = nullptr;
    QLabel *m_detailFigures = nullptr;
    QTreeWidget *m_history = nullptr;
    QStringList m_operatorNames; // the named entries of the operator filter, in order
    QString m_commandId;
};
