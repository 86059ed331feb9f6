#pragma once

#include "config/preferences.h"
#include "toastlevel.h"

#include <QColor>
#include <QCoreApplication>
#include <QDateTime>
#include <QRectF>
#include <QString>

class QPainter;

// The look of what is not an alarm: server notices (system_alert, admin
// broadcasts), the link's news and the outcomes of commands. Its own code,
// apart from PriorityCode: one notice blue (green only for a success) that is
// none of the alarm priorities' colours, and a speech bubble, a shape no
// priority has, holding the level's glyph; the level's word says the rest.
// docs/alarms.md ("One priority code") holds it beside the
// priorities' table.
class NoticeCode
{
    Q_DECLARE_TR_FUNCTIONS(NoticeCode)

public:
    enum class Level { Info, Success, Warning, Error };

    // A toast's level as a notice's (Critical, an alarm's level, reads Error).
    static Level levelOf(ToastLevel level);
    static QColor color(Level level);
    static QColor color(Level level, ThemeMode mode);
    // "NOTICE", "DONE", "WARNING", "ERROR" (translated).
    static QString word(Level level);
    // The glyph inside the bubble: i, ✓, !, ×.
    static QString glyph(Level level);
    // A notice's line: its text, and for identical repeats merged into one
    // ("Disk almost full ×5, last 08:21:07") how many and the latest's local time.
    static QString mergedText(const QString &text, qint64 count, const QDateTime &last);
    // The bubble filling `rect`, in the level's colour, with its glyph.
    static void paint(QPainter *painter, Level level, const QRectF &rect);
};
