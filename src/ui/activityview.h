#pragma once

#include <QWidget>

class ActivityDelegate;
class ActivityFilterProxy;
class QAbstractItemModel;
class QLabel;
class QLineEdit;
class QTableView;
class Session;

// Who is at a console now and what operators did lately: the operators
// present (role, since when, from which console, their last action) above,
// the recent activity log below, newest first, narrowed by a text filter.
class ActivityView : public QWidget
{
    Q_OBJECT

public:
    // The session is not owned and must outlive the view.
    explicit ActivityView(Session *session, QWidget *parent = nullptr);

    QTableView *operatorTable() const { return m_operatorTable; }
    QTableView *activityTable() const { return m_activityTable; }
    ActivityFilterProxy *activityProxy() const { return m_activityProxy; }
    QLineEdit *filterBox() const { return m_filter; }

private:
    QTableView *makeTable(QAbstractItemModel *model, ActivityDelegate *delegate);
    void updateTitles();

    Session *m_session;
    ActivityFilterProxy *m_activityProxy;
    QTableView *m_operatorTable = nullptr;
    QTableView *m_activityTable = nullptr;
    QLabel *m_operatorsTitle = nullptr;
    QLabel *m_activityTitle = nullptr;
    QLineEdit *m_filter = nullptr;
};
