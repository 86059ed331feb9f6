#pragma once

#include <QObject>

class QTableView;

// Keeps a table's columns and rows in proportion to its type: when the
// table's font changes size (the kiosk's 150 %, an operator's font), every
// column the operator or the view sized is widened or narrowed by the same
// factor as the type, and so is the rows' height, so that what fitted a
// column still fits it. A column the header stretches is left to the header.
// For tables whose view sizes its columns once, when it is made; a view that
// sizes its columns again on every font change does not need it.
class ColumnsFollowType : public QObject
{
    Q_OBJECT

public:
    // Parented to `table`.
    explicit ColumnsFollowType(QTableView *table);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void follow();

    QTableView *m_table;
    qreal m_typeWidth; // the average character's width the columns were last sized for
};
