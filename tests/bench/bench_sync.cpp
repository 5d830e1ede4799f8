// Sync figures against the real server: the initial pull of N appointments into a new desktop
// cache (appointments per second, end to end), and the time from a write on the server to the
// change in another client's cache (median and p99 over 50 writes).
// Usage: bench_sync [APPOINTMENTS]   (default 100000; the large demo is topped up with copies)
#include "agentapiclient.h"
#include "agentserverprocess.h"
#include "syncclient.h"

#include "sql.h"
#include "store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace creneau;
using namespace creneau::test;
using creneau::sync::SyncClient;

namespace {

// Copies the demo's appointments until there are `target`, each with its own sequence number.
void topUp(const QString &storeFile, int target)
{
    auto store = Store::open(storeFile);
    const QSqlDatabase db = store->db();
    WriteTransaction tx(*store);
    int have = sql::scalar(db, QStringLiteral("SELECT COUNT(*) FROM rdvs")).toInt();
    while (have < target) {
        const qint64 seq = store->currentSeq();
        const int batch = std::min(have, target - have);
        sql::run(
            db,
            QStringLiteral(
                "INSERT INTO rdvs (seq, organisation_id, motif_id, lieu_id, starts_at, ends_at, "
                "duration_minutes, status, created_by, created_by_agent_id, context, "
                "created_at, updated_at, version) SELECT ? + ROW_NUMBER() OVER (ORDER BY id), "
                "organisation_id, motif_id, lieu_id, starts_at, ends_at, duration_minutes, "
                "status, created_by, created_by_agent_id, context, created_at, updated_at, "
                "version FROM rdvs ORDER BY id LIMIT ?"),
            {seq, batch});
        sql::run(db, QStringLiteral("UPDATE sequence SET value = (SELECT MAX(seq) FROM rdvs)"));
        sql::run(db, QStringLiteral("INSERT INTO rdv_agents (rdv_id, agent_id) SELECT r.id, "
                                    "(SELECT MIN(id) FROM agents) FROM rdvs r WHERE NOT EXISTS "
                                    "(SELECT 1 FROM rdv_agents a WHERE a.rdv_id = r.id)"));
        have += batch;
    }
    tx.commit();
}

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs) {
        QEventLoop loop;
        QTimer::singleShot(1, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return done();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int target = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 100000;
    AgentServerProcess server;
    if (!server.start()) {
        std::fprintf(stderr, "server did not start\n%s", qPrintable(server.output()));
        return 1;
    }
    server.stop();
    topUp(server.storeFile(), target);
    server.start();

    QTemporaryDir dir;
    SyncClient client(dir.path());
    QElapsedTimer timer;
    timer.start();
    client.login(server.url(), QStringLiteral("admin@demo.creneau.fr"),
                 QStringLiteral("demo-creneau"));
    qint64 signedInMs = 0;
    QObject::connect(&client, &SyncClient::loggedIn, [&] { signedInMs = timer.elapsed(); });
    if (!waitFor([&] { return client.status() == SyncClient::Status::Online; }, 600000))
        return 1;
    const double secs = timer.elapsed() / 1000.0;
    const int rdvs =
        sql::scalar(client.store().db(), QStringLiteral("SELECT COUNT(*) FROM rdvs")).toInt();
    std::printf("initial pull: %d appointments in %.2f s = %.0f per second (sign-in included: "
                "%lld ms, Argon2id)\n",
                rdvs, secs, rdvs / secs, signedInMs);

    AgentApiClient writer(server.url());
    writer.login(QStringLiteral("admin@demo.creneau.fr"), QStringLiteral("demo-creneau"));
    QList<qint64> latencies;
    for (int i = 0; i < 50; ++i) {
        const qint64 before = client.cache().cursor();
        QElapsedTimer t;
        t.start();
        writer.command(QStringLiteral("save_lieu"), {{"name", QStringLiteral("Lieu %1").arg(i)}});
        if (!waitFor([&] { return client.cache().cursor() > before; }, 10000))
            return 1;
        latencies << t.elapsed();
    }
    std::sort(latencies.begin(), latencies.end());
    std::printf("write to another client's cache: median %lld ms, p99 %lld ms (50 writes)\n",
                latencies.at(latencies.size() / 2), latencies.at(latencies.size() * 99 / 100));
    return 0;
}
