#pragma once

#include "plantevent.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QtGlobal>

#include <optional>

// What the server published, kept once for every session: each event's
// message with its position (1, 2, … in publishing order) and the wall time
// it went out. Sessions number the events they are sent and keep only the
// positions (GatewaySession), so a thousand sessions cost a thousand small
// position lists and one journal, not a thousand copies. Bounded by count
// and by age; an event that is no longer kept cannot be replayed, and
// whoever needed it resyncs.
//
// Memory: a message is kept as its compact JSON text, packed with the ones
// before it into blocks of kBlockBytes, and indexed by one contiguous list.
// The journal's steady churn is then a block now and then instead of a
// dozen small allocations per event, scattered through the heap between
// whatever consoles allocate; when the consoles leave, the heap they used
// can go back to the system instead of staying pinned by journal entries.
class GatewayJournal
{
public:
    struct Limits
    {
        qsizetype events = 10000;
        qint64 ageMs = 5 * 60 * 1000;
    };

    // One kept event: its message as sent, without "seq" and "ts".
    struct Entry
    {
        quint64 position;
        qint64 wallMs;
        QJsonObject body;
    };

    static constexpr qsizetype kBlockBytes = 256 * 1024;

    explicit GatewayJournal(Limits limits);

    // Keeps `event`'s message, sent at `wallMs`, and returns it as an entry
    // (the body shares `event`'s); drops the oldest beyond the count limit.
    Entry append(const PlantEvent &event, qint64 wallMs);
    // The entry at `position`, read back from its text, or nothing when it is
    // no longer (or not yet) kept.
    std::optional<Entry> at(quint64 position) const;
    // The oldest position kept; lastPosition() + 1 while nothing is kept.
    quint64 firstPosition() const { return m_last + 1 - quint64(m_index.size()); }
    quint64 lastPosition() const { return m_last; }
    qsizetype size() const { return m_index.size(); }
    // Bytes of message text kept, and bytes the blocks hold for it.
    qsizetype textBytes() const { return m_textBytes; }
    qsizetype blockBytes() const;
    // Drops what is older than the age limit at `wallMs`.
    void prune(qint64 wallMs);

private:
    struct Index
    {
        qint64 wallMs;
        quint64 block; // a serial number: m_blocks.first() is m_firstBlock
        qint32 offset;
        qint32 size;
    };
    void dropFront();

    Limits m_limits;
    quint64 m_last = 0;
    QList<Index> m_index; // position firstPosition() + i at i
    QList<QByteArray> m_blocks; // filled in order; the last one is being filled
    quint64 m_firstBlock = 0;
    qsizetype m_textBytes = 0;
};
