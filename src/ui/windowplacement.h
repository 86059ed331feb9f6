#pragma once

#include <QPoint>
#include <QSize>

class QWidget;

// Where a window of the console opens: at its preferred size, but never
// larger than the free area of its screen (the desktop's panels left out,
// the window manager's frame included where it is known), so that on a small
// screen nothing of the window lies off-screen.
namespace WindowPlacement {

// Resizes the top-level `window` to `preferred`, bounded by the free area of
// its screen, and moves it inside that area when it would stick out. Call it
// before the first show; the window's native handle is created for it.
void openWithin(QWidget *window, const QSize &preferred);

// Moves the top-level `window`'s frame to `wanted`, or as near to it as keeps
// the whole window inside the free area of its screen.
void moveWithin(QWidget *window, const QPoint &wanted);

} // namespace WindowPlacement
