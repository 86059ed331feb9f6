#pragma once

#include "config/preferences.h"

#include <QColor>

#include <array>

// The console's look, after ISA-101: calm greys for normal operation, colour
// reserved for what is abnormal, and never colour alone. Two modes, light and
// dark; every colour below belongs to the mode last applied, so whatever
// reads them at paint time follows a switch.
namespace Theme {

void apply(); // the light mode
// Style and palette of the whole application. Every widget gets the new
// palette (and a PaletteChange); custom-painted parts read the colours below
// when they paint, or restyle themselves on that event.
void apply(ThemeMode mode);
ThemeMode mode();

// Status colours: each reads at least 4.5:1 against the palette's Base.
QColor liveColor(); // muted green: the link is live
QColor neutralColor(); // grey: normal, nothing to do
QColor warningColor(); // amber: degraded, look soon
QColor alarmColor(); // red: act now
QColor staleBackground(); // banner behind "not live" messages
QColor staleBannerText(); // text on staleBackground
QColor staleText(); // values that are the last known, not live

// Trend charts: a quiet frame and grid, greys for the lines.
struct ChartColors
{
    QColor background;
    QColor frame;
    QColor title;
    QColor legend;
    QColor grid;
    QColor axisLine;
    QColor labels;
    std::array<QColor, 3> series; // strongest first
    QColor limit; // a threshold line not crossed
};
ChartColors chartColors();

} // namespace Theme
