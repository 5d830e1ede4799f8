// The public API's read-only answers (créneaux and sessions lists) computed on threads of their
// own, so that every core answers questions while the server's thread reads requests and books.
// Each worker has its own store connection (its own snapshot per read: SQLite's WAL readers, or
// a PostgreSQL connection), slot engine and answer caches, built on its thread at its first job.
// An organisation is always served by the same worker (by its slug), so its picture in memory
// and its cached answers are neither duplicated nor cold. A worker catches up with the store at
// each question, as the server's own slot engine does: a booking answered 201 is in the next
// answer of any worker. The bodies the workers cache are shared with the server's thread, which
// answers from them while the organisation's change number is the one they were computed at (one
// indexed read, as its own cache did), so a cached answer costs no trip between threads.
#pragma once

#include "models/domain.h"
#include "sync/server/httpserver.h"
#include "sync/server/httptypes.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace creneau {
class Store;
}

namespace creneau::server {

class BookingSite;
class ServerSecret;

class ReadWorkers : public QObject
{
    Q_OBJECT
public:
    // `store`: the server's own (its thread checks shared answers with it); `location`: where
    // the workers open theirs (what Store::open takes: the same SQLite file or postgresql://
    // URL). `threads` ≥ 1.
    ReadWorkers(Store &store, const QString &location, const ServerSecret &secret, int threads,
                QObject *parent = nullptr);
    ~ReadWorkers() override;

    int size() const { return int(m_workers.size()); }

    using Work = std::function<HttpResponse(BookingSite &site, HttpRequest &request)>;
    // The answer to `request`: a body a worker cached under `cacheKey` (BookingSite::cacheBody)
    // while still right, else computed later by the worker of `key` (an organisation's slug)
    // and returned as a deferred response the server writes when the worker is done. An
    // exception thrown by `work` is answered as HttpServer::dispatch answers it.
    HttpResponse answer(const QString &key, const QString &cacheKey, HttpRequest request,
                        Work work);

private:
    class Worker;
    struct SharedBody
    {
        Id organisation = 0;
        qint64 stamp = -1;
        qint64 minute = -1;
        QByteArray body;
    };
    std::optional<QByteArray> sharedBody(const QString &cacheKey);
    void share(const QString &cacheKey, SharedBody body);

    Store &m_store;
    std::vector<std::unique_ptr<Worker>> m_workers;
    QMutex m_sharedMutex;
    QHash<QString, SharedBody> m_shared;
};

} // namespace creneau::server
