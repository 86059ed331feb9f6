#include "gatewaysession.h"

#include <QJsonDocument>

#include <algorithm>

GatewaySession::GatewaySession(QString id, QByteArray owner, QString operatorName, QString role, Limits limits)
    : m_id(std::move(id))
    , m_owner(std::move(owner))
    , m_operatorName(std::move(operatorName))
    , m_role(std::move(role))
    , m_limits(limits)
{ }

bool GatewaySession::subscribe(const Subscription &subscription)
{
    if (m_subscriptions.contains(subscription))
        return false;
    m_subscriptions.append(subscription);
    return true;
}

bool GatewaySession::unsubscribe(const Subscription &subscription)
{
    const qsizetype before = m_subscriptions.size();
    if (subscription.keys.isEmpty()) {
        m_subscriptions.removeIf([&](const Subscription &s) { return s.channel == subscription.channel; });
    } else {
        m_subscriptions.removeAll(subscription);
    }
    return m_subscriptions.size() != before;
}

bool GatewaySession::wants(const PlantEvent &event) const
{
    if (event.channel.isEmpty())
        return true; // addressed to every session, whatever it follows
    return std::any_of(m_subscriptions.cbegin(), m_subscriptions.cend(), [&](const Subscription &s) {
        return s.channel == event.channel && (s.keys.isEmpty() || event.key.isEmpty() || s.keys.contains(event.key));
    });
}

QJsonObject GatewaySession::numbered(QJsonObject body, quint64 seq, qint64 wallMs)
{
    body.insert(QLatin1StringView("seq"), qint64(seq));
    body.insert(QLatin1StringView("ts"), wallMs);
    return body;
}

QJsonObject GatewaySession::stamp(const GatewayJournal::Entry &entry)
{
    keep(entry.position);
    return numbered(entry.body, m_seq, entry.wallMs);
}

QJsonObject GatewaySession::stampOwn(QJsonObject body, qint64 wallMs)
{
    QJsonObject message = numbered(std::move(body), m_seq + 1, wallMs);
    QByteArray json = QJsonDocument(message).toJson(QJsonDocument::Compact);
    if (json.size() > m_limits.ownBytes) {
        keep(kLost);
        return message;
    }
    while (!m_own.empty() && m_ownBytes + json.size() > m_limits.ownBytes) {
        m_ownBytes -= m_own.front().json.size();
        m_own.pop_front(); // its seq can no longer be replayed; prune() forgets it
    }
    keep(kOwn | (m_seq + 1));
    m_ownBytes += json.size();
    m_own.push_back({m_seq, wallMs, std::move(json)});
    return message;
}

void GatewaySession::keep(quint64 reference)
{
    ++m_seq;
    m_kept.push_back(reference);
    while (qsizetype(m_kept.size()) > m_limits.replayEvents)
        dropFront();
}

void GatewaySession::dropFront()
{
    const quint64 reference = m_kept.front();
    if (reference != kLost && (reference & kOwn) && !m_own.empty() && m_own.front().seq == m_firstKept) {
        m_ownBytes -= m_own.front().json.size();
        m_own.pop_front();
    }
    m_kept.pop_front();
    ++m_firstKept;
}

quint64 GatewaySession::skip(quint64 count)
{
    const quint64 first = m_seq + 1;
    m_seq += count;
    m_kept.clear();
    m_own.clear();
    m_ownBytes = 0;
    m_firstKept = m_seq + 1;
    return first;
}

std::optional<QList<QJsonObject>> GatewaySession::eventsAfter(quint64 lastSeq, const GatewayJournal &journal) const
{
    if (lastSeq > m_seq)
        return std::nullopt; // the console claims events this session never sent
    if (lastSeq + 1 < m_firstKept)
        return std::nullopt;
    QList<QJsonObject> out;
    out.reserve(qsizetype(m_seq - lastSeq));
    for (quint64 seq = lastSeq + 1; seq <= m_seq; ++seq) {
        const quint64 reference = m_kept.at(qsizetype(seq - m_firstKept));
        if (reference == kLost)
            return std::nullopt;
        if (reference & kOwn) {
            const auto own = std::lower_bound(m_own.cbegin(), m_own.cend(), seq,
                                              [](const Own &o, quint64 s) { return o.seq < s; });
            if (own == m_own.cend() || own->seq != seq)
                return std::nullopt;
            out.append(QJsonDocument::fromJson(own->json).object());
        } else {
            const std::optional<GatewayJournal::Entry> entry = journal.at(reference);
            if (!entry)
                return std::nullopt;
            out.append(numbered(entry->body, seq, entry->wallMs));
        }
    }
    return out;
}

void GatewaySession::prune(const GatewayJournal &journal, qint64 wallMs)
{
    while (!m_own.empty() && wallMs - m_own.front().wallMs > m_limits.replayAgeMs) {
        m_ownBytes -= m_own.front().json.size();
        m_own.pop_front();
    }
    // The front goes while nothing could be replayed from it any more.
    while (!m_kept.empty()) {
        const quint64 reference = m_kept.front();
        const bool gone = reference == kLost
            || ((reference & kOwn) ? m_own.empty() || m_own.front().seq > m_firstKept
                                   : reference < journal.firstPosition());
        if (!gone)
            break;
        dropFront();
    }
}
