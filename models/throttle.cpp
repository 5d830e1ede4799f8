#include "models/throttle.h"

#include "models/secrets.h"

#include <QAtomicInteger>

#include <atomic>
#include <limits>
#include <optional>

namespace creneau {

namespace {
// Windows older than this are of no use to any limit (the longest is a day).
constexpr qint64 kKeepSecs = 2 * 86400;
constexpr qint64 kSweepEverySecs = 300;
} // namespace

QString ThrottleCounters::keyHash(const QString &key)
{
    return secrets::tokenHash(key.trimmed().toLower());
}

int ThrottleCounters::count(const QString &scope, const QString &key, ThrottleWindow window,
                            qint64 now) const
{
    return sql::scalar(m_store.db(),
                       QStringLiteral("SELECT hits FROM throttle_counters WHERE scope = ? AND "
                                      "key_hash = ? AND window_start = ?"),
                       {scope, keyHash(key), window.startOf(now)})
        .toInt();
}

bool ThrottleCounters::sweepDue(qint64 now)
{
    // Per process: old windows are only clutter (every count reads its own window), so one sweep
    // every few minutes keeps the table small without a DELETE in every booking.
    constexpr qint64 kNever = std::numeric_limits<qint64>::min();
    static std::atomic<qint64> lastSweep{kNever};
    qint64 last = lastSweep.load();
    const bool due = last == kNever || now < last || now - last >= kSweepEverySecs;
    return due && lastSweep.compare_exchange_strong(last, now);
}

int ThrottleCounters::hit(const QString &scope, const QString &key, ThrottleWindow window,
                          qint64 now)
{
    // The upsert is atomic on its own: inside the caller's transaction (a booking's) it needs no
    // savepoint of its own, and a refused change still takes its count back with it.
    std::optional<WriteTransaction> own;
    if (!m_store.inWriteTransaction())
        own.emplace(m_store);
    const QSqlDatabase db = m_store.db();
    const QString hash = keyHash(key);
    const qint64 start = window.startOf(now);
    // Both engines know this upsert and its RETURNING (SQLite 3.35+): no second read.
    QSqlQuery q = sql::run(
        db,
        QStringLiteral("INSERT INTO throttle_counters (scope, key_hash, window_start, hits) "
                       "VALUES (?, ?, ?, 1) ON CONFLICT (scope, key_hash, window_start) "
                       "DO UPDATE SET hits = throttle_counters.hits + 1 RETURNING hits"),
        {scope, hash, start});
    const int hits = q.next() ? q.value(0).toInt() : 0;
    q.finish();
    if (sweepDue(now))
        sql::run(db, QStringLiteral("DELETE FROM throttle_counters WHERE window_start < ?"),
                 {now - kKeepSecs});
    if (own)
        own->commit();
    return hits;
}

int ThrottleCounters::hitAtomically(const QString &scope, const QString &key, ThrottleWindow window,
                                    qint64 now)
{
    const QSqlDatabase db = m_store.db();
    // An upsert is atomic on both engines (RETURNING: SQLite 3.35+, PostgreSQL).
    QSqlQuery q = sql::run(
        db,
        QStringLiteral("INSERT INTO throttle_counters (scope, key_hash, window_start, hits) "
                       "VALUES (?, ?, ?, 1) ON CONFLICT (scope, key_hash, window_start) "
                       "DO UPDATE SET hits = throttle_counters.hits + 1 RETURNING hits"),
        {scope, keyHash(key), window.startOf(now)});
    const int hits = q.next() ? q.value(0).toInt() : 0;
    q.finish();
    static QAtomicInteger<quint32> calls;
    if (++calls % 256 == 0)
        sql::run(db, QStringLiteral("DELETE FROM throttle_counters WHERE window_start < ?"),
                 {now - kKeepSecs});
    return hits;
}

} // namespace creneau
