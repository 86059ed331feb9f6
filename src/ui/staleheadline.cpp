#include "staleheadline.h"

#include "model/livetablemodel.h"

#include "agetext.h"
#include "theme.h"

#include <QLabel>
#include <QLocale>

QString StaleHeadline::text(const QString &counts, const LiveTableModel &model)
{
    const int stale = model.staleCount();
    if (stale == 0)
        return counts;
    if (stale < model.rowCount())
        return tr("%1 · %2 stale").arg(counts, QLocale().toString(stale));
    return tr("Last known, %1: %2").arg(AgeText::staleBrief(model.newestAgeMs()), counts);
}

bool StaleHeadline::apply(QLabel *label, const QString &counts, const LiveTableModel &model)
{
    label->setText(text(counts, model));
    const int stale = model.staleCount();
    const bool allStale = stale > 0 && stale == model.rowCount();
    if (allStale) {
        // Set each time: a theme change while stale is picked up with the
        // next second's call.
        QPalette palette = label->palette();
        palette.setColor(QPalette::WindowText, Theme::staleText());
        label->setPalette(palette);
        QFont font = label->font();
        font.setItalic(true);
        label->setFont(font);
    } else {
        // Back to what the label inherits, theme and all.
        label->setPalette(QPalette());
        label->setFont(QFont());
    }
    return stale > 0;
}
