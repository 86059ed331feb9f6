#include "agetext.h"

QString AgeText::format(qint64 ms)
{
    if (ms < 0)
        return {};
    const qint64 s = ms / 1000;
    if (s < 60)
        return tr("%1 s").arg(s);
    const qint64 m = s / 60;
    if (m < 60)
        return s % 60 == 0 ? tr("%1 min").arg(m) : tr("%1 min %2 s").arg(m).arg(s % 60);
    const qint64 h = m / 60;
    if (h < 24)
        return m % 60 == 0 ? tr("%1 h").arg(h) : tr("%1 h %2 min").arg(h).arg(m % 60);
    const qint64 d = h / 24;
    return h % 24 == 0 ? tr("%1 d").arg(d) : tr("%1 d %2 h").arg(d).arg(h % 24);
}

QString AgeText::brief(qint64 ms)
{
    if (ms < 0)
        return {};
    const qint64 s = ms / 1000;
    if (s < 60)
        return tr("%1 s").arg(s);
    if (s < 3600)
        return tr("%1 min").arg(s / 60);
    if (s < 24 * 3600)
        return tr("%1 h").arg(s / 3600);
    return tr("%1 d").arg(s / (24 * 3600));
}

QString AgeText::stale(qint64 ms)
{
    return tr("stale · %1").arg(format(ms));
}

QString AgeText::staleBrief(qint64 ms)
{
    return tr("stale · %1").arg(brief(ms));
}
