#include "stretchwithfloor.h"

#include <QEvent>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>

#include <algorithm>

StretchWithFloor::StretchWithFloor(QTableView *table, int column, int floorPx)
    : QObject(table)
    , m_table(table)
    , m_column(column)
    , m_viewport(table->viewport())
    , m_floor(floorPx)
{
    QHeaderView *header = table->horizontalHeader();
    header->setSectionResizeMode(column, QHeaderView::Interactive);
    connect(header, &QHeaderView::sectionResized, this, [this](int logical) {
        if (logical != m_column)
            fit();
    });
    m_viewport->installEventFilter(this);
    fit();
}

void StretchWithFloor::setFloor(int floorPx)
{
    m_floor = floorPx;
    fit();
}

bool StretchWithFloor::eventFilter(QObject *watched, QEvent *event)
{
    // The stored viewport, not m_table->viewport(): the viewport still sends
    // events while the table is being destroyed, when the table is no
    // longer a scroll area to ask.
    if (watched == m_viewport && event->type() == QEvent::Resize)
        fit();
    return QObject::eventFilter(watched, event);
}

void StretchWithFloor::fit()
{
    if (m_fitting)
        return;
    const QHeaderView *header = m_table->horizontalHeader();
    int others = 0;
    for (int section = 0; section < header->count(); ++section) {
        if (section != m_column && !header->isSectionHidden(section))
            others += header->sectionSize(section);
    }
    // The viewport shrinks by the horizontal scroll bar's height, never in
    // width, so the room is the same with or without it.
    const int width = std::max(m_floor, m_table->viewport()->width() - others);
    if (header->sectionSize(m_column) == width)
        return;
    m_fitting = true;
    m_table->horizontalHeader()->resizeSection(m_column, width);
    m_fitting = false;
}
