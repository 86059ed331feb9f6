#include "emptynotice.h"

#include <QAbstractItemView>
#include <QAbstractScrollArea>
#include <QEvent>
#include <QSortFilterProxyModel>

EmptyNotice::EmptyNotice(QAbstractScrollArea *area, Text text)
    : QLabel(area->viewport())
    , m_viewport(area->viewport())
    , m_text(std::move(text))
{
    setObjectName(QStringLiteral("emptyNotice"));
    setAlignment(Qt::AlignCenter);
    setWordWrap(true);
    setMargin(12);
    setAttribute(Qt::WA_TransparentForMouseEvents);
    // Quieter than the data it stands in for, but readable across a room.
    setForegroundRole(QPalette::PlaceholderText);
    setAutoFillBackground(false);
    m_viewport->installEventFilter(this);
    setGeometry(m_viewport->rect());
    m_clock.setInterval(1000);
    connect(&m_clock, &QTimer::timeout, this, &EmptyNotice::refresh);
    refresh();
}

EmptyNotice *EmptyNotice::forList(QAbstractItemView *view, Text nothingYet, Filtered filtered)
{
    QAbstractItemModel *model = view->model();
    auto *notice = new EmptyNotice(view, [model, nothingYet = std::move(nothingYet), filtered = std::move(filtered)] {
        return listText(model, nothingYet, filtered);
    });
    notice->follow(model);
    if (const auto *proxy = qobject_cast<const QSortFilterProxyModel *>(model))
        notice->follow(proxy->sourceModel());
    return notice;
}

QString EmptyNotice::listText(const QAbstractItemModel *model, const Text &nothingYet, const Filtered &filtered)
{
    if (!model || model->rowCount() > 0)
        return {};
    const auto *proxy = qobject_cast<const QSortFilterProxyModel *>(model);
    if (proxy && proxy->sourceModel() && proxy->sourceModel()->rowCount() > 0 && (!filtered || filtered()))
        return tr("No rows match the filters");
    return nothingYet ? nothingYet() : QString();
}

void EmptyNotice::follow(const QAbstractItemModel *model)
{
    if (!model)
        return;
    connect(model, &QAbstractItemModel::rowsInserted, this, &EmptyNotice::refresh);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &EmptyNotice::refresh);
    connect(model, &QAbstractItemModel::modelReset, this, &EmptyNotice::refresh);
    connect(model, &QAbstractItemModel::layoutChanged, this, &EmptyNotice::refresh);
}

void EmptyNotice::refresh()
{
    const QString text = m_text ? m_text() : QString();
    if (text != this->text())
        setText(text);
    setAccessibleName(text);
    setVisible(!text.isEmpty());
    if (text.isEmpty())
        m_clock.stop();
    else if (!m_clock.isActive())
        m_clock.start();
}

bool EmptyNotice::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_viewport && event->type() == QEvent::Resize)
        setGeometry(m_viewport->rect());
    return QLabel::eventFilter(watched, event);
}
