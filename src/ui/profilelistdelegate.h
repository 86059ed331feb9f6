#pragma once

#include <QStyledItemDelegate>

// Draws one profile of the start dialog's list on two lines: its name, and
// beneath it, quieter, where it comes from (the operator's own, the
// workstation's, built in) and its file.
class ProfileListDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    enum Role : int {
        PathRole = Qt::UserRole + 1, // QString: the profile's file
        OriginRole, // int: ProfileCatalog::Entry::Origin
    };

    explicit ProfileListDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // "Your profile", "This workstation's" or "Built in".
    static QString originText(int origin);
    // The second line: origin and file.
    static QString detailText(const QModelIndex &index);
    // A file as an operator reads it: under the home folder as ~/…
    static QString displayPath(const QString &path);
};
