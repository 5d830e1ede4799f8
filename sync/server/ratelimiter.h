// Counts requests per client address in fixed one-minute windows: in memory, or in the
// database's throttle_counters when several instances share it (useStore), so that two instances
// behind one proxy allow 60 POSTs a minute per client, not 120.
#pragma once

#include <QHash>
#include <QString>

namespace creneau {
class Store;
}

namespace creneau::server {

class RateLimiter
{
public:
    explicit RateLimiter(int perMinute = 0) : m_perMinute(perMinute) {}
    void setPerMinute(int n) { m_perMinute = n; }
    bool enabled() const { return m_perMinute > 0; }
    // True when `client` may go on; otherwise `retryAfter` is the seconds to wait.
    bool allow(const QString &client, qint64 nowMs, int *retryAfter);
    void useStore(Store *store) { m_store = store; }

private:
    struct Window
    {
        qint64 startMs = 0;
        int count = 0;
    };
    int m_perMinute;
    QHash<QString, Window> m_windows;
    qint64 m_lastSweepMs = 0;
    Store *m_store = nullptr;
};

} // namespace creneau::server
