#pragma once

#include "config/preferences.h"
#include "domain/alarm.h"

#include <QColor>
#include <QCoreApplication>
#include <QRectF>
#include <QString>

#include <array>

class QPainter;

// The console's one alarm priority code, after ISA-101 and ISA-18.2: each
// priority a server may send has exactly one colour (per theme), one shape
// and one word, and every surface that shows a priority (the alarm summary,
// toasts, the notification center, the bell, the Overview's tiles, the alarm
// banner, the kiosk) takes all three from here and paints the shape with
// paint(). Never colour alone: the shape and the word say it without colour.
// docs/alarms.md ("One priority code") holds the same table.
//
// A server notice (system_alert, a broadcast) is not an alarm and never
// wears this code: NoticeCode is its own.
class PriorityCode
{
    Q_DECLARE_TR_FUNCTIONS(PriorityCode)

public:
    enum class Shape {
        Diamond, // with an exclamation mark
        TriangleUp, // with an exclamation mark
        Square,
        TriangleDown,
        Ring, // small, never filled
        Circle, // large, with a question mark
    };

    struct Entry
    {
        Domain::AlarmSeverity priority;
        QColor light; // on the light theme's surfaces
        QColor dark; // on the dark theme's surfaces
        Shape shape;
    };

    // Every priority, most urgent first (Unknown ranks with Critical but is
    // listed last, as the severity enumeration has it).
    static const std::array<Entry, 6> &table();
    static constexpr std::array<Domain::AlarmSeverity, 6> kPriorities {
        Domain::AlarmSeverity::Critical, Domain::AlarmSeverity::High, Domain::AlarmSeverity::Medium,
        Domain::AlarmSeverity::Low,      Domain::AlarmSeverity::Info, Domain::AlarmSeverity::Unknown};

    // The colour in the theme last applied (Theme::mode()), or in `mode`.
    static QColor color(Domain::AlarmSeverity priority);
    static QColor color(Domain::AlarmSeverity priority, ThemeMode mode);
    static Shape shape(Domain::AlarmSeverity priority);
    // "Critical", "High", … as every surface writes it (translated).
    static QString word(Domain::AlarmSeverity priority);
    // What a shape is called, for the docs and tooltips.
    static QString shapeName(Shape shape);
    // Critical, High and Unknown: what needs a person now. Their words are
    // bold and their marks carry an exclamation or question mark.
    static bool isUrgent(Domain::AlarmSeverity priority);

    // The priority's shape filling `rect`, in its colour. Hollow draws only
    // the outline (the off phase of an unacknowledged alarm's blink, or a
    // count of zero).
    static void paint(QPainter *painter, Domain::AlarmSeverity priority, const QRectF &rect, bool hollow = false);
};
