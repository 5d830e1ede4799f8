#include "sync/server/ratelimiter.h"

#include "models/throttle.h"

namespace creneau::server {

namespace {
constexpr qint64 kWindowMs = 60 * 1000;
}

bool RateLimiter::allow(const QString &client, qint64 nowMs, int *retryAfter)
{
    if (m_perMinute <= 0)
        return true;
    if (m_store) {
        const ThrottleWindow minute{kWindowMs / 1000};
        const qint64 now = nowMs / 1000;
        if (ThrottleCounters(*m_store).hitAtomically(QStringLiteral("post-minute"), client, minute,
                                                     now) <= m_perMinute)
            return true;
        *retryAfter = minute.retryAfter(now);
        return false;
    }
    if (nowMs - m_lastSweepMs > kWindowMs) {
        // Forget finished windows so that many addresses cannot grow the table forever.
        for (auto it = m_windows.begin(); it != m_windows.end();)
            it = nowMs - it->startMs >= kWindowMs ? m_windows.erase(it) : std::next(it);
        m_lastSweepMs = nowMs;
    }
    Window &w = m_windows[client];
    if (nowMs - w.startMs >= kWindowMs) {
        w.startMs = nowMs;
        w.count = 0;
    }
    if (w.count >= m_perMinute) {
        *retryAfter = int((w.startMs + kWindowMs - nowMs + 999) / 1000);
        return false;
    }
    ++w.count;
    return true;
}

} // namespace creneau::server
