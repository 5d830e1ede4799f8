// Sync figures against the real server: the initial pull of N appointments into a new desktop
// cache (appointments per second, end to end, sign-in included), then the time from a write's
// answer to the row in that desktop's cache with changesApplied emitted: 60 web bookings by a
// prescripteur (public API, HTTP 201) and 50 agent commands from another desktop (median, p99).
// Usage: bench_sync [APPOINTMENTS]   (default 100000; the small demo is topped up with copies)
#include "agentapiclient.h"
#include "agentserverprocess.h"
#include "demoflow.h"
#include "sync/client/syncclient.h"

#include "models/sql.h"
#include "models/store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace creneau;
using namespace creneau::test;
using creneau::client::SyncClient;

namespace {

// Names hold letters only: "Bench 12" is refused.
QString letters(int n)
{
    QString out;
    do {
        out += QChar(u'a' + n % 26);
        n /= 26;
    } while (n);
    return out;
}

// Copies the demo's appointments until there are `target`, each with its own sequence number.
void topUp(const QString &storeFile, int target)
{
    auto store = Store::open(storeFile);
    const QSqlDatabase db = store->db();
    WriteTransaction tx(*store);
    int have = sql::scalar(db, QStringLiteral("SELECT COUNT(*) FROM rdvs")).toInt();
    while (have < target) {
        const qint64 seq = store->currentSeq(
            sql::scalar(db, QStringLiteral("SELECT MIN(id) FROM organisations")).toLongLong());
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
        sql::run(db, QStringLiteral("UPDATE organisation_sequences SET value = "
                                    "(SELECT MAX(seq) FROM rdvs)"));
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
    // 60 web bookings from one address: above the default hourly limit (20).
    server.setExtraArguments({QStringLiteral("--max-bookings-per-hour"), QStringLiteral("0")});
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

    // From a write's answer to the row in the client's cache with changesApplied emitted. Each
    // changesApplied notes which awaited rows have arrived. A row may arrive while the writer
    // still waits for its answer (its event loop runs the client too): found in the cache when
    // the answer comes, it counts 0 ms (changesApplied follows a page's write at once, in the
    // same call).
    QElapsedTimer clock;
    clock.start();
    using Row = QPair<QString, qint64>; // table, id
    QHash<Row, qint64> arrived;         // -> ms on `clock`
    QList<Row> awaited;
    auto inCache = [&](const Row &row) {
        return sql::scalar(client.store().db(),
                           QStringLiteral("SELECT COUNT(*) FROM %1 WHERE id = ?").arg(row.first),
                           {row.second})
                   .toInt() > 0;
    };
    QObject::connect(&client, &SyncClient::changesApplied, [&] {
        for (auto it = awaited.begin(); it != awaited.end();) {
            if (inCache(*it)) {
                arrived.insert(*it, clock.elapsed());
                it = awaited.erase(it);
            } else {
                ++it;
            }
        }
    });
    // `write` makes one change over HTTP and returns the row it wrote (id 0 when refused).
    auto measure = [&](const char *what, int count, const std::function<Row(int)> &write) {
        QList<qint64> latencies;
        int early = 0;
        for (int i = 0; latencies.size() < count && i < count * 3; ++i) {
            const Row row = write(i);
            const qint64 answered = clock.elapsed();
            if (row.second <= 0)
                continue;
            if (inCache(row)) {
                ++early;
                latencies << 0;
                continue;
            }
            awaited << row;
            if (!waitFor([&] { return arrived.contains(row); }, 10000)) {
                std::fprintf(stderr, "%s: row %lld never arrived\n", what, row.second);
                return false;
            }
            latencies << arrived.value(row) - answered;
        }
        if (latencies.size() < count) {
            std::fprintf(stderr, "%s: only %lld writes accepted\n", what,
                         static_cast<long long>(latencies.size()));
            return false;
        }
        std::sort(latencies.begin(), latencies.end());
        std::printf("%s: median %lld ms, p99 %lld ms, max %lld ms (%lld writes, %d already in the "
                    "cache when the writer read its answer)\n",
                    what, latencies.at(latencies.size() / 2),
                    latencies.at(latencies.size() * 99 / 100), latencies.last(),
                    static_cast<long long>(latencies.size()), early);
        return true;
    };

    // A prescripteur books on the web (public API, as tests/sync/server/tst_public_api does).
    HttpClient web(server.url().toString());
    QJsonArray free;
    for (const QString &motif :
         {QStringLiteral("Accompagnement RSA"), QStringLiteral("Aide aux démarches CAF")}) {
        const qint64 id = motifId(web, motif);
        for (const QJsonValue c : creneaux(web, id)) {
            QJsonObject o = c.toObject();
            o.insert(QStringLiteral("motif_id"), id);
            free.append(o);
        }
    }
    const bool webOk = measure("web booking 201 -> desktop cache", 60, [&](int i) {
        if (i >= free.size())
            return Row();
        const QJsonObject c = free.at(i).toObject();
        const Reply r = web.postJson(QStringLiteral("/api/v1/public/%1/rdvs").arg(kSlug),
                                     bookingJson(c.value(QStringLiteral("motif_id")).toInteger(), c,
                                                 QStringLiteral("Bench ") + letters(i)));
        if (r.status != 201) // taken meanwhile by an overlapping booking of the other motif
            return Row();
        return Row(
            QStringLiteral("rdvs"),
            QJsonDocument::fromJson(r.body).object().value(QStringLiteral("id")).toInteger());
    });

    // Another desktop's command (an agent's change through the agent API).
    AgentApiClient writer(server.url());
    writer.login(QStringLiteral("admin@demo.creneau.fr"), QStringLiteral("demo-creneau"));
    const bool agentOk = measure("agent command 200 -> another desktop's cache", 50, [&](int i) {
        const Reply r = writer.command(QStringLiteral("save_lieu"),
                                       {{"name", QStringLiteral("Lieu %1").arg(i)}});
        return Row(
            QStringLiteral("lieux"),
            AgentApiClient::json(r)[QLatin1String("result")][QLatin1String("id")].toInteger());
    });
    if (!webOk || !agentOk)
        return 1;
    return 0;
}
