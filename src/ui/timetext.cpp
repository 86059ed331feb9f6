#include "timetext.h"

#include <QLocale>

namespace {

const QString kTimeOfDay = QStringLiteral("HH:mm:ss");

} // namespace

QString TimeText::of(const QDateTime &at)
{
    if (!at.isValid())
        return {};
    const QLocale locale;
    const QDateTime local = at.toLocalTime();
    const QString time = locale.toString(local.time(), kTimeOfDay);
    if (local.date() == QDate::currentDate())
        return time;
    return tr("%1 %2").arg(locale.toString(local.date(), QLocale::ShortFormat), time);
}

QString TimeText::compact(const QDateTime &at)
{
    if (!at.isValid())
        return {};
    const QLocale locale;
    const QDateTime local = at.toLocalTime();
    if (local.date() == QDate::currentDate())
        return locale.toString(local.time(), kTimeOfDay);
    return locale.toString(local, QStringLiteral("dd MMM HH:mm"));
}
