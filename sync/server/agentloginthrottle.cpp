#include "sync/server/agentloginthrottle.h"

#include "models/store.h"
#include "models/throttle.h"

#include <algorithm>

namespace creneau::server {

namespace {
// In throttle_counters: one row per key, window_start holding the last failure (seconds) and
// hits the failures since the count started.
const char kScope[] = "login";
} // namespace

AgentLoginThrottle::Entry AgentLoginThrottle::entry(const QString &key) const
{
    if (!m_store)
        return m_entries.value(key);
    QSqlQuery q = sql::run(m_store->db(),
                           QStringLiteral("SELECT hits, window_start FROM throttle_counters WHERE "
                                          "scope = ? AND key_hash = ? ORDER BY window_start DESC"),
                           {QString::fromLatin1(kScope), ThrottleCounters::keyHash(key)});
    Entry e;
    if (q.next()) {
        e.failures = q.value(0).toInt();
        e.lastFailureMs = q.value(1).toLongLong() * 1000;
    }
    return e;
}

void AgentLoginThrottle::store(const QString &key, const Entry &e)
{
    if (!m_store) {
        if (e.failures)
            m_entries.insert(key, e);
        else
            m_entries.remove(key);
        return;
    }
    WriteTransaction tx(*m_store);
    const QString hash = ThrottleCounters::keyHash(key);
    sql::run(m_store->db(),
             QStringLiteral("DELETE FROM throttle_counters WHERE scope = ? AND key_hash = ?"),
             {QString::fromLatin1(kScope), hash});
    if (e.failures)
        sql::run(m_store->db(),
                 QStringLiteral("INSERT INTO throttle_counters (scope, key_hash, window_start, "
                                "hits) VALUES (?, ?, ?, ?)"),
                 // Rounded up: a wait is never shorter than in memory.
                 {QString::fromLatin1(kScope), hash, (e.lastFailureMs + 999) / 1000, e.failures});
    tx.commit();
}

void AgentLoginThrottle::succeeded(const QString &key)
{
    store(key, Entry{});
}

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
    const Entry e = entry(key);
    if (e.failures == 0)
        return Verdict::Allow;
    const qint64 wait = waitMs(e.failures, freeFailures);
    if (wait == 0 || nowMs - e.lastFailureMs >= wait)
        return Verdict::Allow;
    *retryAfter = int(std::max<qint64>(1, (e.lastFailureMs + wait - nowMs + 999) / 1000));
    return wait >= kMaxWaitMs ? Verdict::Locked : Verdict::SlowDown;
}

void AgentLoginThrottle::failed(const QString &key, qint64 nowMs)
{
    if (!m_store)
        sweep(nowMs); // the database's rows of old windows are swept by ThrottleCounters::hit
    Entry e = entry(key);
    if (e.failures && nowMs - e.lastFailureMs > kForgetMs)
        e = Entry{}; // quiet for an hour: start counting again
    ++e.failures;
    e.lastFailureMs = nowMs;
    store(key, e);
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

} // namespace creneau::server
