#pragma once

#include <QtGlobal>

// The numbering of the server's event stream as this console applies it:
// the last seq applied, and what a newly arrived number means. It promises
// that an event is applied only as the very next number (or as the first
// after restart()), that a number already applied is a duplicate, and that a
// long enough run of duplicates in a row means the server numbers afresh.
// Plain bookkeeping, no I/O; used on its owner's thread.
class SequenceGuard
{
public:
    enum class Verdict {
        Apply, // the next number (or the first): it is now lastSeq()
        Duplicate, // applied already (a replay overlapping what came before)
        Restarted, // more duplicates in a row than a replay overlap could have
        Gap, // numbers are missing before this one
    };

    explicit SequenceGuard(int maxDuplicateRun = 1000);

    Verdict check(quint64 seq);
    // The last number applied; 0 before any.
    quint64 lastSeq() const { return m_lastSeq; }
    // A new numbering starts (a fresh session, another server): any number is first.
    void restart() { m_lastSeq = 0; }
    // A new link: the run of duplicates starts over.
    void newLink() { m_duplicateRun = 0; }

private:
    int m_maxDuplicateRun;
    quint64 m_lastSeq = 0;
    int m_duplicateRun = 0; // duplicates dropped in a row
};
