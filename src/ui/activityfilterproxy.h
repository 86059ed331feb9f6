#pragma once

#include <QSortFilterProxyModel>

// The activity log narrowed by a text: rows whose operator, action (as
// raw name or in words) or target (as sent or by its name) contain it.
// Keeps the log's order, newest first.
class ActivityFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit ActivityFilterProxy(QObject *parent = nullptr);

    // Case-insensitive; empty: every row.
    void setText(const QString &text);
    QString text() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
};
