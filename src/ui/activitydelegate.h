#pragma once

#include "domain/presence.h"

#include <QStyledItemDelegate>

// Writes the operators and activity tables' raw values as words: roles,
// actions the console knows, times in the local zone. Operators whose
// presence is stale are drawn faded and slanted.
class ActivityDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    enum class Table { Operators, Activity };

    explicit ActivityDelegate(Table table, QObject *parent = nullptr);

    static QString roleText(Domain::OperatorRole role);
    // Known actions in words; others as the server named them.
    static QString actionText(const QString &action);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The text a cell shows (also what the activity filter searches).
    static QString cellText(Table table, const QModelIndex &index);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    Table m_table;
};
