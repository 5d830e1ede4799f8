#include "agentloginthrottle.h"

#include <algorithm>

namespace creneau::http {

AgentLoginThrottle::Verdict AgentLoginThrottle::check(const QString &key, qint64 nowMs,
                                                      int *retryAfter) const
{
    const auto it = m_entries.constFind(key);
    if (it == m_entries.cend())
        return Verdict::Allow;
    if (it->lockedUntilMs > nowMs) {
        *retryAfter = int((it->lockedUntilMs - nowMs + 999) / 1000);
        return Verdict::Locked;
    }
    if (it->failures >= kSlowDownAfter && it->failures < kLockAfter) {
        // Two seconds after the third failure, four after the fourth.
        const qint64 waitMs = 2000LL << (it->failures - kSlowDownAfter);
        if (nowMs - it->lastFailureMs < waitMs) {
            *retryAfter =
                int(std::max<qint64>(1, (it->lastFailureMs + waitMs - nowMs + 999) / 1000));
            return Verdict::SlowDown;
        }
    }
    return Verdict::Allow;
}

void AgentLoginThrottle::failed(const QString &key, qint64 nowMs)
{
    sweep(nowMs);
    Entry &e = m_entries[key];
    if (e.lockedUntilMs && e.lockedUntilMs <= nowMs)
        e = Entry{}; // the lock ran out: start counting again
    ++e.failures;
    e.lastFailureMs = nowMs;
    if (e.failures >= kLockAfter)
        e.lockedUntilMs = nowMs + kLockMs;
}

void AgentLoginThrottle::sweep(qint64 nowMs)
{
    if (m_entries.size() < 10000)
        return;
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (it->lockedUntilMs <= nowMs && nowMs - it->lastFailureMs > kForgetMs)
            it = m_entries.erase(it);
        else
            ++it;
    }
}

} // namespace creneau::http
