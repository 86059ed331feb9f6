#pragma once

#include <QColor>

// The console's look, after ISA-101: calm greys for normal operation, colour
// reserved for what is abnormal, and never colour alone.
namespace Theme {

void apply(); // style and palette of the whole application

QColor liveColor(); // muted green: the link is live
QColor neutralColor(); // grey: normal, nothing to do
QColor warningColor(); // amber: degraded, look soon
QColor alarmColor(); // red: act now
QColor staleBackground(); // banner behind "not live" messages
QColor staleText(); // values that are the last known, not live

} // namespace Theme
