#include "windowplacement.h"

#include <QMargins>
#include <QScreen>
#include <QWidget>
#include <QWindow>

#include <algorithm>

namespace WindowPlacement {

void openWithin(QWidget *window, const QSize &preferred)
{
    // The native window knows its frame (where the platform or window
    // manager says it before mapping; otherwise the frame is left to the
    // window manager, which keeps it on screen).
    window->winId();
    const QScreen *screen = window->screen();
    if (!screen) {
        window->resize(preferred);
        return;
    }
    const QRect free = screen->availableGeometry();
    const QMargins frame = window->windowHandle() ? window->windowHandle()->frameMargins() : QMargins();
    const QSize room(free.width() - frame.left() - frame.right(), free.height() - frame.top() - frame.bottom());
    window->resize(preferred.boundedTo(room));

    moveWithin(window, window->pos());
}

void moveWithin(QWidget *window, const QPoint &wanted)
{
    const QScreen *screen = window->screen();
    if (!screen) {
        window->move(wanted);
        return;
    }
    // move() and pos() are the frame's corner; frameGeometry() its extent.
    const QRect free = screen->availableGeometry();
    const QSize outer = window->frameGeometry().size();
    const int left = std::clamp(wanted.x(), free.left(), std::max(free.left(), free.right() + 1 - outer.width()));
    const int top = std::clamp(wanted.y(), free.top(), std::max(free.top(), free.bottom() + 1 - outer.height()));
    window->move(left, top);
}

} // namespace WindowPlacement
