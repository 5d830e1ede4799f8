#include "models/throttle.h"

#include "models/secrets.h"

#include <QAtomicInteger>

namespace creneau {

namespace {
// Windows older than this are of no use to any limit (the longest is a day).
constexpr qint64 kKeepSecs = 2 * 86400;
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

int ThrottleCounters::hit(const QString &scope, const QString &key, ThrottleWindow window,
                          qint64 now)
{
    WriteTransaction tx(m_store);
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
    sql::run(db, QStringLiteral("DELETE FROM throttle_counters WHERE window_start < ?"),
             {now - kKeepSecs});
    tx.commit();
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
