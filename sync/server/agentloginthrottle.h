// Counts failed sign-ins per key (an account seen from one address, or an address): past a number
// of free failures, each new attempt must wait longer (2 s, 4 s, 8 s... up to a quarter of an
// hour). Keyed by account *and* address, a stranger's wrong passwords slow down only the stranger:
// the account's owner signs in from their own address as usual. Kept in memory (a restart
// forgets them), or in the database's throttle_counters when several instances share it
// (useStore), so that a guesser spread over the instances meets one count.
#pragma once

#include <QHash>
#include <QString>

namespace creneau {
class Store;
}

namespace creneau::server {

class AgentLoginThrottle
{
public:
    static constexpr qint64 kFirstWaitMs = 2000;
    static constexpr qint64 kMaxWaitMs = 15 * 60 * 1000;
    static constexpr qint64 kForgetMs = 60 * 60 * 1000;

    enum class Verdict
    {
        Allow,
        SlowDown,
        Locked // waiting the longest delay
    };
    // Whether `key` may try now after `freeFailures` failures without delay; `retryAfter` in
    // seconds otherwise.
    Verdict check(const QString &key, qint64 nowMs, int freeFailures, int *retryAfter) const;
    void failed(const QString &key, qint64 nowMs);
    void succeeded(const QString &key);
    // Counts in `store` (PostgreSQL shared by several instances) instead of memory.
    void useStore(Store *store) { m_store = store; }

private:
    struct Entry
    {
        int failures = 0;
        qint64 lastFailureMs = 0;
    };
    static qint64 waitMs(int failures, int freeFailures);
    void sweep(qint64 nowMs);
    Entry entry(const QString &key) const;
    void store(const QString &key, const Entry &entry);
    QHash<QString, Entry> m_entries;
    Store *m_store = nullptr;
};

} // namespace creneau::server
