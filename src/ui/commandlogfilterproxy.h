#pragma once

#include <QSortFilterProxyModel>

// The command log narrowed and sorted: by status group, by operator, by
// endpoint and by free text (the cells' words, the command id and the
// error). Every filter left empty passes every row.
class CommandLogFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum class StatusFilter { All, Pending, Succeeded, Unsuccessful }; // Unsuccessful: failed, rejected, timed out

    explicit CommandLogFilterProxy(QObject *parent = nullptr);

    void setStatusFilter(StatusFilter filter);
    StatusFilter statusFilter() const { return m_status; }
    // Exactly this operator (case-insensitive); empty: everyone.
    void setOperatorName(const QString &name);
    QString operatorName() const { return m_operator; }
    // Endpoint ids containing this (case-insensitive).
    void setEndpointText(const QString &text);
    QString endpointText() const { return m_endpoint; }
    void setText(const QString &text);
    QString text() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    StatusFilter m_status = StatusFilter::All;
    QString m_operator;
    QString m_endpoint;
    QString m_text;
};
