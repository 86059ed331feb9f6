#pragma once

#include <QtGlobal>

// Contract: one client's allowance of messages: a bucket of `burst` messages,
// full at the start, refilled continuously at `perSecond` up to `burst`.
// take() spends one message: Allowed while the bucket holds one, Refused
// when it does not, and Abusive once 3 × `burst` messages in a row have been
// refused (an allowed message starts the count over). Times are in ms on a
// clock that never goes back.
class GatewayRateLimiter
{
public:
    enum class Verdict { Allowed, Refused, Abusive };

    GatewayRateLimiter() = default;
    GatewayRateLimiter(int burst, double perSecond, qint64 nowMs);

    Verdict take(qint64 nowMs);
    int refusedStreak() const { return m_refusedStreak; }

private:
    int m_burst = 0;
    double m_perSecond = 0.0;
    double m_tokens = 0.0;
    qint64 m_lastRefillMs = 0;
    int m_refusedStreak = 0;
};
