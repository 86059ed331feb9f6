#include "sequenceguard.h"

SequenceGuard::SequenceGuard(int maxDuplicateRun)
    : m_maxDuplicateRun(maxDuplicateRun)
{ }

SequenceGuard::Verdict SequenceGuard::check(quint64 seq)
{
    if (m_lastSeq != 0 && seq <= m_lastSeq)
        return ++m_duplicateRun > m_maxDuplicateRun ? Verdict::Restarted : Verdict::Duplicate;
    m_duplicateRun = 0;
    if (m_lastSeq != 0 && seq != m_lastSeq + 1)
        return Verdict::Gap;
    m_lastSeq = seq;
    return Verdict::Apply;
}
