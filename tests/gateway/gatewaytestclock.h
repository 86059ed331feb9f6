#pragma once

#include <QDateTime>
#include <QString>

// A fixed wall clock for the simulation's unit tests: world time `ms` after
// a known instant, so expected timestamps can be written down exactly.
inline const QDateTime kWallStart(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC);

inline QDateTime wallAt(qint64 ms)
{
    return kWallStart.addMSecs(ms);
}

inline QString isoAt(qint64 ms)
{
    return wallAt(ms).toString(Qt::ISODateWithMs);
}
