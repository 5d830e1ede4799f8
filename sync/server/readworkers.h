// The public API's read-only answers (créneaux and sessions lists) computed on threads of their
// own, so that every core answers questions while the server's thread reads requests and books.
// Each worker has its own store connection (its own snapshot per read: SQLite's WAL readers, or
// a PostgreSQL connection), slot engine and answer caches, built on its thread at its first job.
// An organisation is always served by the same worker (by its slug), so its picture in memory
// and its cached answers are neither duplicated nor cold. A worker catches up with the store at
// each question, as the server's own slot engine does: a booking answered 201 is in the next
// answer of any worker.
#pragma once

#include "sync/server/httpserver.h"
#include "sync/server/httptypes.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

namespace creneau::server {

class BookingSite;
class ServerSecret;

class ReadWorkers : public QObject
{
    Q_OBJECT
public:
    // `storeLocation`: what Store::open takes (a SQLite file or a postgresql:// URL), shared
    // with the server's own store. `threads` ≥ 1.
    ReadWorkers(QString storeLocation, const ServerSecret &secret, int threads,
                QObject *parent = nullptr);
    ~ReadWorkers() override;

    int size() const { return int(m_workers.size()); }

    using Work = std::function<HttpResponse(BookingSite &site, HttpRequest &request)>;
    // An answer computed later by the worker of `key` (an organisation's slug): returns the
    // deferred response the server writes when the worker is done. An exception thrown by `work`
    // is answered as HttpServer::dispatch answers it.
    HttpResponse answer(const QString &key, HttpRequest request, Work work);

private:
    class Worker;
    std::vector<std::unique_ptr<Worker>> m_workers;
};

} // namespace creneau::server
