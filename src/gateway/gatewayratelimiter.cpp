#include "gatewayratelimiter.h"

#include <algorithm>

GatewayRateLimiter::GatewayRateLimiter(int burst, double perSecond, qint64 nowMs)
    : m_burst(burst)
    , m_perSecond(perSecond)
    , m_tokens(burst)
    , m_lastRefillMs(nowMs)
{ }

GatewayRateLimiter::Verdict GatewayRateLimiter::take(qint64 nowMs)
{
    m_tokens = std::min<double>(m_burst, m_tokens + double(nowMs - m_lastRefillMs) * m_perSecond / 1000.0);
    m_lastRefillMs = nowMs;
    if (m_tokens >= 1.0) {
        m_tokens -= 1.0;
        m_refusedStreak = 0;
        return Verdict::Allowed;
    }
    // Refusing costs the server little; a client that keeps pushing three
    // bursts' worth past the limit is abusive.
    return ++m_refusedStreak >= 3 * m_burst ? Verdict::Abusive : Verdict::Refused;
}
