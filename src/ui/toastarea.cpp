#include "toastarea.h"

#include "toastwidget.h"

#include <QEvent>
#include <QPushButton>
#include <QRegion>
#include <QVBoxLayout>

#include <algorithm>

namespace {

constexpr int kMargin = 12; // from the window's edges

} // namespace

ToastArea::ToastArea(QWidget *window)
    : QWidget(window)
    , m_window(window)
{
    setObjectName(QStringLiteral("toastArea"));
    setAttribute(Qt::WA_ShowWithoutActivating);
    // Only the cards paint; the gaps between them show the window beneath.
    setAttribute(Qt::WA_NoSystemBackground);
    setAutoFillBackground(false);
    setFocusPolicy(Qt::NoFocus);
    setAccessibleName(tr("Notifications"));

    m_stack = new QVBoxLayout;
    m_stack->setContentsMargins(0, 0, 0, 0);
    m_stack->setSpacing(8);
    m_more = new QPushButton(this);
    m_more->setObjectName(QStringLiteral("moreButton"));
    m_more->setFocusPolicy(Qt::TabFocus);
    m_more->setAutoDefault(false);
    m_more->hide();
    connect(m_more, &QPushButton::clicked, this, [this] {
        // The notification center lists what was dropped.
        m_dropped = 0;
        relayout();
        Q_EMIT showAllRequested();
    });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addLayout(m_stack);
    layout->addWidget(m_more, 0, Qt::AlignRight);

    window->installEventFilter(this);
    hide(); // nothing to show yet
}

int ToastArea::rank(const ToastSpec &spec)
{
    if (spec.level == ToastLevel::Critical)
        return 2;
    return spec.priority ? 1 : 0;
}

void ToastArea::post(const ToastSpec &spec)
{
    if (ToastWidget *shown = toast(spec.id)) {
        const bool levelChanged = shown->spec().level != spec.level;
        shown->setSpec(spec);
        if (levelChanged)
            shown->setDuration(duration(spec.level));
        relayout();
        return;
    }
    if (const int queued = queuePosition(spec.id); queued >= 0) {
        // A queued one that became more urgent may now push its way on screen.
        if (rank(spec) <= rank(m_queue.at(queued))) {
            m_queue[queued] = spec;
            relayout();
            return;
        }
        removeQueuedAt(queued);
    }
    if (visibleCount() >= m_maximumVisible) {
        // Never waits behind a calmer one: the lowest on screen (the
        // bottom-most of the lowest rank) steps back into the queue.
        ToastWidget *lowest = nullptr;
        for (ToastWidget *t : std::as_const(m_visible)) {
            if (!lowest || rank(t->spec()) <= rank(lowest->spec()))
                lowest = t;
        }
        if (lowest && rank(lowest->spec()) < rank(spec)) {
            enqueue(lowest->spec(), true);
            removeToast(lowest, false);
        }
    }
    if (visibleCount() < m_maximumVisible)
        showToast(spec);
    else
        enqueue(spec, false);
    trimQueue();
    relayout();
}

void ToastArea::dismiss(const QString &id)
{
    if (ToastWidget *shown = toast(id)) {
        removeToast(shown, true);
        promote();
        relayout();
        return;
    }
    if (const int queued = queuePosition(id); queued >= 0) {
        removeQueuedAt(queued);
        relayout();
        Q_EMIT dismissed(id);
    }
}

void ToastArea::clear()
{
    m_queue.clear();
    m_queuedIds.clear();
    m_dropped = 0;
    while (!m_visible.isEmpty())
        removeToast(m_visible.constFirst(), false);
    relayout();
}

void ToastArea::setMaximumVisible(int count)
{
    m_maximumVisible = qMax(1, count);
    // The oldest ones over the new limit wait again, at the head of the queue.
    while (visibleCount() > m_maximumVisible) {
        ToastWidget *lowest = nullptr;
        for (ToastWidget *t : std::as_const(m_visible)) {
            if (!lowest || rank(t->spec()) <= rank(lowest->spec()))
                lowest = t;
        }
        enqueue(lowest->spec(), true);
        removeToast(lowest, false);
    }
    promote();
    trimQueue();
    relayout();
}

void ToastArea::setMaximumQueued(int count)
{
    m_maximumQueued = qMax(1, count);
    trimQueue();
    relayout();
}

void ToastArea::setDuration(ToastLevel level, int ms)
{
    m_durations[levelIndex(level)] = qMax(0, ms);
}

int ToastArea::duration(ToastLevel level) const
{
    return m_durations[levelIndex(level)];
}

QStringList ToastArea::visibleIds() const
{
    QStringList ids;
    for (const ToastWidget *t : m_visible)
        ids << t->toastId();
    return ids;
}

QStringList ToastArea::hiddenIds() const
{
    QList<ToastSpec> order = m_queue;
    std::stable_sort(order.begin(), order.end(),
                     [](const ToastSpec &a, const ToastSpec &b) { return rank(a) > rank(b); });
    QStringList ids;
    for (const ToastSpec &s : order)
        ids << s.id;
    return ids;
}

ToastWidget *ToastArea::toast(const QString &id) const
{
    for (ToastWidget *t : m_visible) {
        if (t->toastId() == id)
            return t;
    }
    return nullptr;
}

bool ToastArea::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window) {
        switch (event->type()) {
        case QEvent::Resize:
        case QEvent::Show:
            relayout();
            break;
        case QEvent::ChildAdded:
            // Content added to the window later must not cover the toasts.
            if (isVisible())
                raise();
            break;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ToastArea::showToast(const ToastSpec &spec)
{
    auto *card = new ToastWidget(spec, this);
    connect(card, &ToastWidget::acknowledgeClicked, this, [this, card] {
        const ToastSpec s = card->spec();
        Q_EMIT acknowledgeRequested(s.alarmId, s.id);
        dismiss(s.id);
    });
    connect(card, &ToastWidget::showClicked, this, [this, card] {
        const QString toastId = card->toastId();
        Q_EMIT showRequested(toastId);
        dismiss(toastId);
    });
    connect(card, &ToastWidget::closeClicked, this, [this, card] { dismiss(card->toastId()); });
    connect(card, &ToastWidget::expired, this, [this, card] { dismiss(card->toastId()); });
    // Alarms on top, newest first; a notice below every alarm, on top of
    // the older notices.
    qsizetype at = 0;
    if (rank(spec) == 0) {
        while (at < m_visible.size() && rank(m_visible.at(at)->spec()) > 0)
            ++at;
    }
    m_visible.insert(at, card);
    m_stack->insertWidget(int(at), card);
    card->setDuration(duration(spec.level));
    card->show();
}

void ToastArea::removeToast(ToastWidget *card, bool notify)
{
    const QString id = card->toastId();
    m_visible.removeOne(card);
    m_stack->removeWidget(card);
    card->hide();
    // Later: the card may be removing itself from one of its own signals.
    card->deleteLater();
    if (notify)
        Q_EMIT dismissed(id);
}

void ToastArea::promote()
{
    while (visibleCount() < m_maximumVisible && !m_queue.isEmpty()) {
        // Critical ones first, then alarms, then notices, each in the order they came.
        auto next = m_queue.begin();
        for (auto it = m_queue.begin(); it != m_queue.end(); ++it) {
            if (rank(*it) > rank(*next))
                next = it;
        }
        const ToastSpec spec = *next;
        removeQueuedAt(int(next - m_queue.begin()));
        showToast(spec);
    }
}

void ToastArea::relayout()
{
    const int hidden = hiddenCount() + m_dropped;
    m_more->setText(tr("+%n more", nullptr, hidden));
    m_more->setAccessibleName(tr("Show all notifications, %n more not shown", nullptr, hidden));
    m_more->setVisible(hidden > 0);
    if (m_visible.isEmpty() && hidden == 0) {
        hide();
        return;
    }
    // Wide enough for a sentence at the current font, never wider than the window.
    const int wanted = fontMetrics().averageCharWidth() * 46;
    const int width = qMax(1, qMin(wanted, m_window->width() - 2 * kMargin));
    layout()->activate();
    const int height
        = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width) : layout()->totalSizeHint().height();
    setGeometry(m_window->width() - width - kMargin, m_window->height() - height - kMargin, width, height);
    layout()->setGeometry(rect());
    // Mouse clicks between the cards go to the window beneath. The cards'
    // own rectangles, as childrenRegion() skips them while the area is hidden.
    QRegion cards;
    for (const ToastWidget *t : std::as_const(m_visible))
        cards += t->geometry();
    if (hidden > 0)
        cards += m_more->geometry();
    setMask(cards);
    show();
    raise();
}

int ToastArea::queuePosition(const QString &id) const
{
    if (!m_queuedIds.contains(id))
        return -1;
    for (int i = 0; i < m_queue.size(); ++i) {
        if (m_queue.at(i).id == id)
            return i;
    }
    return -1;
}

void ToastArea::enqueue(const ToastSpec &spec, bool atHead)
{
    if (atHead)
        m_queue.prepend(spec);
    else
        m_queue.append(spec);
    m_queuedIds.insert(spec.id);
}

void ToastArea::removeQueuedAt(int position)
{
    m_queuedIds.remove(m_queue.at(position).id);
    m_queue.removeAt(position);
}

void ToastArea::trimQueue()
{
    while (m_queue.size() > m_maximumQueued) {
        // The oldest notice goes first, then the oldest calm alarm; a
        // critical one only when nothing else waits.
        int victim = 0;
        for (int i = 1; i < m_queue.size(); ++i) {
            if (rank(m_queue.at(i)) < rank(m_queue.at(victim)))
                victim = i;
        }
        removeQueuedAt(victim);
        ++m_dropped;
    }
}
