#include "profilelistdelegate.h"

#include "config/profilecatalog.h"

#include <QDir>
#include <QPainter>

namespace {

constexpr int kPadding = 8;

} // namespace

ProfileListDelegate::ProfileListDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

QString ProfileListDelegate::originText(int origin)
{
    using Origin = ProfileCatalog::Entry::Origin;
    switch (Origin(origin)) {
    case Origin::User:
        return tr("Your profile");
    case Origin::System:
        return tr("This workstation's");
    case Origin::BuiltIn:
        return tr("Built in");
    }
    return {};
}

QString ProfileListDelegate::detailText(const QModelIndex &index)
{
    const auto origin = ProfileCatalog::Entry::Origin(index.data(OriginRole).toInt());
    const QString origins = originText(int(origin));
    if (origin == ProfileCatalog::Entry::Origin::BuiltIn)
        return origins; // a resource path means nothing to an operator
    return tr("%1 · %2").arg(origins, displayPath(index.data(PathRole).toString()));
}

QString ProfileListDelegate::displayPath(const QString &path)
{
    const QString home = QDir::homePath();
    if (home != u'/' && path.startsWith(home + u'/'))
        return QDir::toNativeSeparators(u'~' + path.mid(home.size()));
    return QDir::toNativeSeparators(path);
}

QSize ProfileListDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const int line = opt.fontMetrics.lineSpacing();
    return {opt.rect.width() > 0 ? opt.rect.width() : 320, 2 * kPadding + 2 * line + 2};
}

void ProfileListDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QPalette &pal = opt.palette;
    const bool selected = opt.state.testFlag(QStyle::State_Selected);
    painter->save();
    painter->fillRect(opt.rect, selected ? pal.color(QPalette::Highlight) : pal.color(QPalette::Base));
    painter->setPen(pal.color(QPalette::Midlight));
    painter->drawLine(opt.rect.bottomLeft(), opt.rect.bottomRight());

    const QColor ink = selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text);
    const QColor quiet = selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::PlaceholderText);
    const int line = opt.fontMetrics.lineSpacing();
    const QRect text = opt.rect.adjusted(kPadding + 4, kPadding, -kPadding, -kPadding);

    QFont name = opt.font;
    name.setBold(true);
    painter->setFont(name);
    painter->setPen(ink);
    painter->drawText(
        QRect(text.left(), text.top(), text.width(), line), Qt::AlignVCenter | Qt::AlignLeft,
        QFontMetrics(name).elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideRight, text.width()));

    QFont small = opt.font;
    if (small.pointSizeF() > 0)
        small.setPointSizeF(small.pointSizeF() * 0.9);
    painter->setFont(small);
    painter->setPen(quiet);
    // A long path keeps its file name: the middle goes.
    painter->drawText(QRect(text.left(), text.top() + line + 2, text.width(), line), Qt::AlignVCenter | Qt::AlignLeft,
                      QFontMetrics(small).elidedText(detailText(index), Qt::ElideMiddle, text.width()));

    if (opt.state.testFlag(QStyle::State_HasFocus)) {
        painter->setPen(QPen(selected ? ink : pal.color(QPalette::Highlight), 1, Qt::DotLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(opt.rect.adjusted(1, 1, -2, -2));
    }
    painter->restore();
}
