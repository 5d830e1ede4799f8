// Counts failed sign-ins per key (an address or an account): from the third failure in a row a
// new attempt must wait a little (2 s, then 4 s); at the fifth the key is locked for a quarter of
// an hour. Kept in memory: a restart forgets the counters (documented).
#pragma once

#include <QHash>
#include <QString>

namespace creneau::http {

class AgentLoginThrottle
{
public:
    static constexpr int kSlowDownAfter = 3;
    static constexpr int kLockAfter = 5;
    static constexpr qint64 kLockMs = 15 * 60 * 1000;
    static constexpr qint64 kForgetMs = 60 * 60 * 1000;

    enum class Verdict
    {
        Allow,
        SlowDown,
        Locked
    };
    // Whether `key` may try now; `retryAfter` in seconds otherwise.
    Verdict check(const QString &key, qint64 nowMs, int *retryAfter) const;
    void failed(const QString &key, qint64 nowMs);
    void succeeded(const QString &key) { m_entries.remove(key); }

private:
    struct Entry
    {
        int failures = 0;
        qint64 lastFailureMs = 0;
        qint64 lockedUntilMs = 0;
    };
    void sweep(qint64 nowMs);
    QHash<QString, Entry> m_entries;
};

} // namespace creneau::http
