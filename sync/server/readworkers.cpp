#include "sync/server/readworkers.h"

#include "models/store.h"
#include "sync/server/bookingsite.h"

#include <QPointer>
#include <QThread>

namespace creneau::server {

// One thread, and what it reads with: made on the thread (a Qt SQL connection belongs to the
// thread that opened it) and destroyed there.
class ReadWorkers::Worker
{
public:
    Worker(QString location, const ServerSecret &secret, int index)
        : m_location(std::move(location)), m_secret(secret)
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
        }
        return *m_site;
    }

private:
    QString m_location;
    const ServerSecret &m_secret;
    QThread m_thread;
    QObject m_context;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<BookingSite> m_site;
};

ReadWorkers::ReadWorkers(QString storeLocation, const ServerSecret &secret, int threads,
                         QObject *parent)
    : QObject(parent)
{
    for (int i = 0; i < std::max(1, threads); ++i)
        m_workers.push_back(std::make_unique<Worker>(storeLocation, secret, i));
}

ReadWorkers::~ReadWorkers() = default;

HttpResponse ReadWorkers::answer(const QString &key, HttpRequest request, Work work)
{
    Worker &worker = *m_workers[qHash(key) % m_workers.size()];
    HttpResponse later;
    later.deferred = [this, &worker, request = std::move(request),
                      work = std::move(work)](HttpResponse::Completion done) mutable {
        worker.post([&worker, back = QPointer<ReadWorkers>(this), request = std::move(request),
                     work = std::move(work), done = std::move(done)]() mutable {
            HttpResponse response;
            try {
                response = work(worker.site(), request);
            } catch (...) {
                response = HttpServer::answerToException(request, {});
            }
            // Written by the server's thread; dropped if the workers are gone (server stopped).
            QMetaObject::invokeMethod(
                back.data(),
                [done = std::move(done), response = std::move(response)]() mutable {
                    done(std::move(response));
                },
                Qt::QueuedConnection);
        });
    };
    return later;
}

} // namespace creneau::server
