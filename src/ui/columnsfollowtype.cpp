#include "columnsfollowtype.h"

#include <QEvent>
#include <QHeaderView>
#include <QTableView>

#include <cmath>

namespace {

qreal typeWidth(const QTableView *table)
{
    return QFontMetricsF(table->font()).averageCharWidth();
}

} // namespace

ColumnsFollowType::ColumnsFollowType(QTableView *table)
    : QObject(table)
    , m_table(table)
    , m_typeWidth(typeWidth(table))
{
    table->installEventFilter(this);
}

bool ColumnsFollowType::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table && event->type() == QEvent::FontChange)
        follow();
    return QObject::eventFilter(watched, event);
}

void ColumnsFollowType::follow()
{
    const qreal now = typeWidth(m_table);
    if (m_typeWidth <= 0 || now <= 0 || qFuzzyCompare(now, m_typeWidth))
        return;
    const qreal factor = now / m_typeWidth;
    m_typeWidth = now;
    QHeaderView *header = m_table->horizontalHeader();
    int last = -1; // the last column shown, which the header may stretch
    for (int column = header->count() - 1; column >= 0 && last < 0; --column)
        if (!header->isSectionHidden(column))
            last = column;
    for (int column = 0; column < header->count(); ++column) {
        if (header->isSectionHidden(column) || header->sectionResizeMode(column) == QHeaderView::Stretch
            || (column == last && header->stretchLastSection()))
            continue;
        header->resizeSection(column, int(std::lround(header->sectionSize(column) * factor)));
    }
    QHeaderView *rows = m_table->verticalHeader();
    rows->setDefaultSectionSize(int(std::lround(rows->defaultSectionSize() * factor)));
}
