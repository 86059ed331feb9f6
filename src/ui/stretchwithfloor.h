#pragma once

#include <QObject>

class QTableView;
class QWidget;

// Keeps one column of a table as wide as the room the other columns leave,
// as QHeaderView::Stretch does, but never narrower than a floor: on a narrow
// window the table scrolls sideways instead of squeezing that column to
// nothing (the alarm summary's message on a 1024-pixel screen). The column
// is Interactive, so the operator may still resize it; the next change of
// the table's width or of another column fits it again.
class StretchWithFloor : public QObject
{
    Q_OBJECT

public:
    // Parented to `table`; `floorPx` is the column's least width in pixels.
    StretchWithFloor(QTableView *table, int column, int floorPx);

    int floor() const { return m_floor; }
    // A new floor (the table's type changed size); the column is fitted again.
    void setFloor(int floorPx);
    QTableView *table() const { return m_table; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fit();

    QTableView *m_table;
    int m_column;
    QWidget *m_viewport; // the table's, as given when made
    int m_floor;
    bool m_fitting = false;
};
