// The sync's fast paths against the plain ones, on the same pages of the large demo organisation
// (10,000 appointments, topped up to N with copies): the feed's hand-built JSON against Qt SQL
// rows turned into QJsonObjects and QJsonDocument::toJson; the client's pull reader against
// QJsonDocument::fromJson; the cache written through PageWriter (SQLite's C API) against Qt SQL.
// Prints the best of three runs of each, in changes per second. Decides whether the fast paths
// earn their code (README, design notes).
// Usage: bench_feed_paths [APPOINTMENTS]   (default 100000)
#include "feedpages.h"
#include "sync/client/synccache.h"
#include "sync/fastpath/jsonreader.h"
#include "sync/server/agentfeed.h"

#include "models/demodata.h"
#include "models/sql.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace creneau;

namespace {

constexpr int kPageSize = 5000; // the desktop's page size (SyncClient)

// Copies appointments (with their agent) until there are `target`, each with its own seq.
void topUp(Store &store, int target)
{
    const QSqlDatabase db = store.db();
    WriteTransaction tx(store);
    int have = sql::scalar(db, QStringLiteral("SELECT COUNT(*) FROM rdvs")).toInt();
    while (have < target) {
        const int batch = std::min(have, target - have);
        sql::run(
            db,
            QStringLiteral(
                "INSERT INTO rdvs (seq, organisation_id, motif_id, lieu_id, starts_at, "
                "ends_at, duration_minutes, status, created_by, created_by_agent_id, context, "
                "created_at, updated_at, version) SELECT ? + ROW_NUMBER() OVER (ORDER BY "
                "id), organisation_id, motif_id, lieu_id, starts_at, ends_at, "
                "duration_minutes, status, created_by, created_by_agent_id, context, "
                "created_at, updated_at, version FROM rdvs ORDER BY id LIMIT ?"),
            {store.currentSeq(
                 sql::scalar(db, QStringLiteral("SELECT MIN(id) FROM organisations")).toLongLong()),
             batch});
        sql::run(db, QStringLiteral("UPDATE organisation_sequences SET value = "
                                    "(SELECT MAX(seq) FROM rdvs)"));
        sql::run(db, QStringLiteral("INSERT INTO rdv_agents (rdv_id, agent_id) SELECT r.id, "
                                    "(SELECT MIN(id) FROM agents) FROM rdvs r WHERE NOT EXISTS "
                                    "(SELECT 1 FROM rdv_agents a WHERE a.rdv_id = r.id)"));
        have += batch;
    }
    tx.commit();
}

// Best of three, in milliseconds.
double best(const std::function<void()> &run)
{
    double out = 1e300;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer t;
        t.start();
        run();
        out = std::min(out, t.nsecsElapsed() / 1e6);
    }
    return out;
}

// Walks a whole page with the pull reader, reading every value (what the cache does).
void pullRead(const QByteArray &page)
{
    fastpath::JsonReader r(page);
    QByteArray scratch;
    QByteArrayView key;
    std::function<void()> value = [&] {
        switch (r.peek()) {
        case fastpath::JsonReader::Type::Object:
            r.beginObject();
            while (r.nextKey(scratch, &key))
                value();
            break;
        case fastpath::JsonReader::Type::Array:
            r.beginArray();
            while (r.nextElement())
                value();
            break;
        case fastpath::JsonReader::Type::String:
            r.readString(scratch);
            scratch.clear();
            break;
        case fastpath::JsonReader::Type::Number: {
            bool isInteger = false;
            qint64 integer = 0;
            r.readNumber(&isInteger, &integer);
            break;
        }
        case fastpath::JsonReader::Type::Bool:
            r.readBool();
            break;
        case fastpath::JsonReader::Type::Null:
            r.readNull();
            break;
        }
    };
    value();
    r.expectEnd();
}

void print(const char *what, qint64 changes, double fastMs, double plainMs)
{
    std::printf("%-44s fast %8.1f ms (%9.0f /s)   plain %8.1f ms (%9.0f /s)   plain/fast %.2f\n",
                what, fastMs, changes / fastMs * 1000, plainMs, changes / plainMs * 1000,
                plainMs / fastMs);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int target = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 100000;
    QTemporaryDir dir;
    auto store = Store::open(dir.filePath(QStringLiteral("server.sqlite")));
    store->migrate();
    const qint64 org = demo::seedLarge(*store);
    topUp(*store, target);

    const QList<test::FeedPage> pages = test::feedPages(*store, org, kPageSize);
    qint64 changes = 0;
    qint64 bytes = 0;
    for (const test::FeedPage &p : pages) {
        changes += QJsonDocument::fromJson(p.json)["changes"].toArray().size();
        bytes += p.json.size();
    }
    std::printf("%lld changes in %lld pages of %d, %.1f MB of JSON\n", changes,
                qint64(pages.size()), kPageSize, bytes / 1e6);

    // Server: the pages as the feed writes them, against QJsonObjects serialised by Qt.
    server::AgentFeed feed(*store);
    const double feedFast = best([&] {
        for (qint64 since = 0;;) {
            const QByteArray page = feed.pageJson(org, since, kPageSize);
            // The cursor, the page's last member: {"changes":[...],"next":N}
            const qsizetype at = page.lastIndexOf("\"next\":");
            const qint64 n = page.mid(at + 7, page.size() - at - 8).toLongLong();
            if (n == since)
                break;
            since = n;
        }
    });
    const double feedPlain = best([&] {
        const QJsonArray all = test::plainChanges(*store, org);
        for (qsizetype first = 0; first < all.size(); first += kPageSize) {
            QJsonArray page;
            for (qsizetype i = first; i < std::min(all.size(), first + kPageSize); ++i)
                page.append(all.at(i));
            QJsonDocument(
                QJsonObject{{QStringLiteral("changes"), page}, {QStringLiteral("next"), 0}})
                .toJson(QJsonDocument::Compact);
        }
    });
    print("server: build the pages", changes, feedFast, feedPlain);

    // Client: reading the pages.
    const double readFast = best([&] {
        for (const test::FeedPage &p : pages)
            pullRead(p.json);
    });
    const double readPlain = best([&] {
        for (const test::FeedPage &p : pages)
            QJsonDocument::fromJson(p.json);
    });
    print("client: read the pages", changes, readFast, readPlain);

    // Client: applying them to a new cache (read and write, one transaction a page).
    int cacheNumber = 0;
    const auto applyAll = [&](client::SyncCache::RowWriter writer) {
        return best([&] {
            client::SyncCache cache(
                dir.filePath(QStringLiteral("cache%1.sqlite").arg(++cacheNumber)), writer);
            for (const test::FeedPage &p : pages)
                cache.applyPage(p.json, p.next);
        });
    };
    const double writeFast = applyAll(client::SyncCache::RowWriter::Fastest);
    const double writePlain = applyAll(client::SyncCache::RowWriter::QtSql);
    print("client: apply the pages to a new cache", changes, writeFast, writePlain);
    print("both ends (build + apply)", changes, feedFast + writeFast, feedPlain + writePlain);
    return 0;
}
