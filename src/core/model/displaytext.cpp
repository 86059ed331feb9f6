#include "displaytext.h"

#include <QLocale>

#include <algorithm>

QString DisplayText::cut(const QString &text, qsizetype maxChars)
{
    if (text.size() <= maxChars)
        return text;
    qsizetype keep = std::max<qsizetype>(0, maxChars);
    if (keep > 0 && text.at(keep - 1).isHighSurrogate())
        --keep;
    return text.left(keep) + QStringLiteral("… ")
        + tr("[cut for display: %1 characters in all]").arg(QLocale().toString(text.size()));
}
