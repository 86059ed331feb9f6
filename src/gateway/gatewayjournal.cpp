#include "gatewayjournal.h"

#include <QJsonDocument>

#include <algorithm>

GatewayJournal::GatewayJournal(Limits limits)
    : m_limits(limits)
{
    m_limits.events = std::max<qsizetype>(1, m_limits.events);
}

GatewayJournal::Entry GatewayJournal::append(const PlantEvent &event, qint64 wallMs)
{
    const QByteArray text = QJsonDocument(event.body).toJson(QJsonDocument::Compact);
    if (m_blocks.isEmpty() || m_blocks.last().size() + text.size() > m_blocks.last().capacity()) {
        QByteArray block;
        block.reserve(std::max(kBlockBytes, text.size())); // a message larger than a block gets one of its own
        m_blocks.append(std::move(block));
    }
    QByteArray &block = m_blocks.last();
    m_index.append({wallMs, m_firstBlock + quint64(m_blocks.size() - 1), qint32(block.size()), qint32(text.size())});
    block.append(text);
    m_textBytes += text.size();
    ++m_last;
    while (m_index.size() > m_limits.events)
        dropFront();
    return {m_last, wallMs, event.body};
}

std::optional<GatewayJournal::Entry> GatewayJournal::at(quint64 position) const
{
    if (position < firstPosition() || position > m_last)
        return std::nullopt;
    const Index &index = m_index.at(qsizetype(position - firstPosition()));
    const QByteArray &block = m_blocks.at(qsizetype(index.block - m_firstBlock));
    return Entry {
        position, index.wallMs,
        QJsonDocument::fromJson(QByteArray::fromRawData(block.constData() + index.offset, index.size)).object()};
}

qsizetype GatewayJournal::blockBytes() const
{
    qsizetype bytes = 0;
    for (const QByteArray &block : m_blocks)
        bytes += block.capacity();
    return bytes;
}

void GatewayJournal::prune(qint64 wallMs)
{
    while (!m_index.isEmpty() && wallMs - m_index.first().wallMs > m_limits.ageMs)
        dropFront();
}

void GatewayJournal::dropFront()
{
    m_textBytes -= m_index.first().size;
    m_index.removeFirst();
    // A block goes once no kept entry is in it.
    const quint64 firstNeeded = m_index.isEmpty() ? m_firstBlock + quint64(m_blocks.size()) : m_index.first().block;
    while (m_firstBlock < firstNeeded) {
        m_blocks.removeFirst();
        ++m_firstBlock;
    }
}
