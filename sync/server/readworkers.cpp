#include "sync/server/readworkers.h"

#include "models/store.h"
#include "sync/server/bookingsite.h"

#include <QDateTime>
#include <QThread>

namespace creneau::server {

// One thread, and what it reads with: made on the thread (a Qt SQL connection belongs to the
// thread that opened it) and destroyed there.
class ReadWorkers::Worker
{
public:
    Worker(ReadWorkers &owner, QString location, const ServerSecret &secret, int index)
        : m_owner(owner), m_location(std::move(location)), m_secret(secret)
    {
        m_thread.setObjectName(QStringLiteral("creneau-read-%1").arg(index));
        m_context.moveToThread(&m_thread);
        m_thread.start();
    }

    ~Worker()
    {
        QMetaObject::invokeMethod(
            &m_context,
            [this] {
                m_site.reset();
                m_store.reset();
            },
            Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

    // Runs `job` on this worker's thread.
    void post(std::function<void()> job) { QMetaObject::invokeMethod(&m_context, std::move(job)); }

    // On this worker's thread: its site, opened at the first job. Throws StoreError when the
    // store cannot be opened (the job answers 503; the next one tries again).
    BookingSite &site()
    {
        if (!m_site) {
            m_store = Store::open(m_location);
            m_site = std::make_unique<BookingSite>(*m_store, m_secret, QString());
            m_site->setBodyPublisher([this](const QString &key, Id organisation, qint64 stamp,
                                            qint64 minute, const QByteArray &body) {
                if (stamp >= 0)
                    m_owner.share(key, {organisation, stamp, minute, body});
            });
        }
        return *m_site;
    }

private:
    ReadWorkers &m_owner;
    QString m_location;
    const ServerSecret &m_secret;
    QThread m_thread;
    QObject m_context;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<BookingSite> m_site;
};

ReadWorkers::ReadWorkers(Store &store, const QString &location, const ServerSecret &secret,
                         int threads, QObject *parent)
    : QObject(parent), m_store(store)
{
    for (int i = 0; i < std::max(1, threads); ++i)
        m_workers.push_back(std::make_unique<Worker>(*this, location, secret, i));
}

ReadWorkers::~ReadWorkers()
{
    m_workers.clear(); // joined before the shared answers go
}

void ReadWorkers::share(const QString &cacheKey, SharedBody body)
{
    QMutexLocker lock(&m_sharedMutex);
    if (m_shared.size() > 10000)
        m_shared.clear(); // many distinct questions cannot grow it forever
    m_shared.insert(cacheKey, std::move(body));
}

std::optional<QByteArray> ReadWorkers::sharedBody(const QString &cacheKey)
{
    SharedBody found;
    {
        QMutexLocker lock(&m_sharedMutex);
        const auto it = m_shared.constFind(cacheKey);
        if (it == m_shared.constEnd())
            return std::nullopt;
        found = *it;
    }
    if (found.minute != QDateTime::currentSecsSinceEpoch() / 60 ||
        m_store.currentSeq(found.organisation) != found.stamp)
        return std::nullopt;
    return found.body;
}

HttpResponse ReadWorkers::answer(const QString &key, const QString &cacheKey, HttpRequest request,
                                 Work work)
{
    try {
        if (const auto hit = sharedBody(cacheKey))
            return HttpResponse::json(*hit);
    } catch (const StoreError &) {
        // Unreadable now: the worker answers (503 if it cannot read either).
    }
    Worker &worker = *m_workers[qHash(key) % m_workers.size()];
    HttpResponse later;
    later.deferred = [this, &worker, request = std::move(request),
                      work = std::move(work)](HttpResponse::Completion done) mutable {
        worker.post([this, &worker, request = std::move(request), work = std::move(work),
                     done = std::move(done)]() mutable {
            HttpResponse response;
            try {
                response = work(worker.site(), request);
            } catch (...) {
                response = HttpServer::answerToException(request, {});
            }
            // Written by the server's thread. The workers are joined before this object goes,
            // and an answer still queued then is dropped with it (the server is stopping).
            QMetaObject::invokeMethod(
                this,
                [done = std::move(done), response = std::move(response)]() mutable {
                    done(std::move(response));
                },
                Qt::QueuedConnection);
        });
    };
    return later;
}

} // namespace creneau::server
