#pragma once

#include <QWidget>

class ActivityDelegate;
class ActivityFilterProxy;
class FilteredTableView;
class QAbstractItemModel;
class QLabel;
class QLineEdit;
class QTableView;
class ActivityModel;
class OperatorModel;

// Who is at a console now and what operators did lately: the operators
// present (role, since when, from which console, their last action) above,
// the recent activity log below, newest first, narrowed by a text filter.
class ActivityView : public QWidget
{
    Q_OBJECT

public:
    // The models are not owned and must outlive the view.
    ActivityView(ActivityModel *activity, OperatorModel *operators, QWidget *parent = nullptr);

    QTableView *operatorTable() const { return m_operatorTable; }
    QTableView *activityTable() const { return m_activityTable; }
    ActivityFilterProxy *activityProxy() const { return m_activityProxy; }
    QLineEdit *filterBox() const { return m_filter; }

    // A screen nobody types on (a kiosk): the activity's filter hidden and
    // emptied, so the whole activity is listed; its title stays.
    void setWatchOnly(bool watchOnly);
    bool isWatchOnly() const;

private:
    // Every column at least as wide as its title and 14 ems.
    static void sizeColumns(QTableView *table);
    void updateTitles();

    ActivityModel *m_activity;
    OperatorModel *m_operators;
    ActivityFilterProxy *m_activityProxy;
    QTableView *m_operatorTable = nullptr;
    FilteredTableView *m_activityList = nullptr;
    QTableView *m_activityTable = nullptr;
    QLabel *m_operatorsTitle = nullptr;
    QLabel *m_activityTitle = nullptr;
    QLineEdit *m_filter = nullptr;
};
