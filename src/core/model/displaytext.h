#pragma once

#include <QCoreApplication>
#include <QString>

// Texts from a server are shown, not trusted: a message of a megabyte would
// keep the GUI laying out text for seconds at every paint, toast and tooltip.
// Every such text is cut once, where it enters the console's models, to a
// length any screen can show, and says that it was cut and how long it was.
class DisplayText
{
    Q_DECLARE_TR_FUNCTIONS(DisplayText)

public:
    // Enough for any real alarm message, a few screen lines at most.
    static constexpr qsizetype kMaxChars = 2000;

    // The text itself when no longer than maxChars; otherwise its first
    // maxChars characters (never half a surrogate pair) and a mark saying
    // how many characters the whole had.
    static QString cut(const QString &text, qsizetype maxChars = kMaxChars);
    static bool isCut(const QString &original, qsizetype maxChars = kMaxChars) { return original.size() > maxChars; }
};
