#include "simsession.h"

#include <algorithm>

SimSession::SimSession(QString id, QByteArray owner, QString operatorName, QString role, Limits limits)
    : m_id(std::move(id))
    , m_owner(std::move(owner))
    , m_operatorName(std::move(operatorName))
    , m_role(std::move(role))
    , m_limits(limits)
{ }

bool SimSession::subscribe(const Subscription &subscription)
{
    if (m_subscriptions.contains(subscription))
        return false;
    m_subscriptions.append(subscription);
    return true;
}

bool SimSession::unsubscribe(const Subscription &subscription)
{
    const qsizetype before = m_subscriptions.size();
    if (subscription.keys.isEmpty()) {
        m_subscriptions.removeIf([&](const Subscription &s) { return s.channel == subscription.channel; });
    } else {
        m_subscriptions.removeAll(subscription);
    }
    return m_subscriptions.size() != before;
}

bool SimSession::wants(const SimEvent &event) const
{
    if (event.channel.isEmpty())
        return true; // addressed to every session, whatever it follows
    return std::any_of(m_subscriptions.cbegin(), m_subscriptions.cend(), [&](const Subscription &s) {
        return s.channel == event.channel && (s.keys.isEmpty() || event.key.isEmpty() || s.keys.contains(event.key));
    });
}

QJsonObject SimSession::stamp(QJsonObject body, qint64 wallMs)
{
    body.insert(QLatin1StringView("seq"), qint64(++m_seq));
    body.insert(QLatin1StringView("ts"), wallMs);
    m_replay.push_back({m_seq, wallMs, body});
    while (qsizetype(m_replay.size()) > m_limits.replayEvents)
        m_replay.pop_front();
    return body;
}

quint64 SimSession::skip(quint64 count)
{
    const quint64 first = m_seq + 1;
    m_seq += count;
    m_replay.clear();
    return first;
}

std::optional<QList<QJsonObject>> SimSession::eventsAfter(quint64 lastSeq) const
{
    if (lastSeq > m_seq)
        return std::nullopt; // the console claims events this session never sent
    if (lastSeq == m_seq)
        return QList<QJsonObject> {};
    if (m_replay.empty() || m_replay.front().seq > lastSeq + 1)
        return std::nullopt;
    QList<QJsonObject> out;
    out.reserve(qsizetype(m_seq - lastSeq));
    for (const Kept &k : m_replay) {
        if (k.seq > lastSeq)
            out.append(k.message);
    }
    return out;
}

void SimSession::prune(qint64 wallMs)
{
    while (!m_replay.empty() && wallMs - m_replay.front().wallMs > m_limits.replayAgeMs)
        m_replay.pop_front();
}
