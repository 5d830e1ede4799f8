#include "agentloginthrottle.h"

#include <algorithm>

namespace creneau::http {

qint64 AgentLoginThrottle::waitMs(int failures, int freeFailures)
{
    if (failures < freeFailures)
        return 0;
    const int doublings = std::min(failures - freeFailures, 20);
    return std::min(kFirstWaitMs << doublings, kMaxWaitMs);
}

AgentLoginThrottle::Verdict AgentLoginThrottle::check(const QString &key, qint64 nowMs,
                                                      int freeFailures, int *retryAfter) const
{
    const auto it = m_entries.constFind(key);
    if (it == m_entries.cend())
        return Verdict::Allow;
    const qint64 wait = waitMs(it->failures, freeFailures);
    if (wait == 0 || nowMs - it->lastFailureMs >= wait)
        return Verdict::Allow;
    *retryAfter = int(std::max<qint64>(1, (it->lastFailureMs + wait - nowMs + 999) / 1000));
    return wait >= kMaxWaitMs ? Verdict::Locked : Verdict::SlowDown;
}

void AgentLoginThrottle::failed(const QString &key, qint64 nowMs)
{
    sweep(nowMs);
    Entry &e = m_entries[key];
    if (e.failures && nowMs - e.lastFailureMs > kForgetMs)
        e = Entry{}; // quiet for an hour: start counting again
    ++e.failures;
    e.lastFailureMs = nowMs;
}

void AgentLoginThrottle::sweep(qint64 nowMs)
{
    if (m_entries.size() < 10000)
        return;
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (nowMs - it->lastFailureMs > kForgetMs + kMaxWaitMs)
            it = m_entries.erase(it);
        else
            ++it;
    }
}

} // namespace creneau::http
