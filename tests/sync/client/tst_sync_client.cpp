// The desktop's sync client against the real server: two clients converging, the server killed
// during a pull, offline edits replayed in order, a conflict surfaced, the session file's mode.
#include "agentapiclient.h"
#include "agentserverprocess.h"
#include "sync/client/syncclient.h"

#include "models/booking.h"
#include "models/demodata.h"
#include "models/rdvrepository.h"
#include "models/slotengine.h"
#include "models/sql.h"

#include <QDateTime>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace creneau;
using namespace creneau::test;
using creneau::client::SavedSession;
using creneau::client::SyncClient;
using creneau::client::TokenFile;

namespace {

const QString kAdmin = QString::fromLatin1(demo::kAdminEmail);
const QString kPassword = QString::fromLatin1(demo::kAdminPassword);
// An hour about a year ahead: inside the horizon agents' instants must fall in (two years).
const qint64 kLater = (QDateTime::currentSecsSinceEpoch() / 3600 + 365 * 24) * 3600;

// The server's current sequence as the feed reports it.
qint64 serverCursor(const AgentServerProcess &server)
{
    AgentApiClient api(server.url());
    if (api.login(kAdmin, kPassword) != 200)
        return -1;
    qint64 next = 0;
    api.changes(0, &next);
    return next;
}

std::unique_ptr<SyncClient> signedIn(const QString &dir, const AgentServerProcess &server)
{
    auto client = std::make_unique<SyncClient>(dir);
    client->setMaxRetryDelayMs(300);
    client->setLongPollSecs(5);
    QSignalSpy in(client.get(), &SyncClient::loggedIn);
    client->login(server.url(), kAdmin, kPassword);
    if (!in.wait(10000))
        return nullptr;
    return client;
}

bool caughtUp(SyncClient &client, qint64 cursor, int timeoutMs = 15000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (client.cache().cursor() >= cursor && client.status() == SyncClient::Status::Online &&
            client.pendingCommands() == 0)
            return true;
        QTest::qWait(50);
    }
    return false;
}

QStringList rdvRows(Store &store)
{
    QStringList out;
    QSqlQuery q = sql::run(store.db(), QStringLiteral("SELECT id, version, status, context, "
                                                      "starts_at FROM rdvs ORDER BY id"));
    while (q.next())
        out << QStringLiteral("%1/%2/%3/%4/%5")
                   .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                        q.value(3).toString(), q.value(4).toString());
    return out;
}

int count(Store &store, const QString &table)
{
    return sql::scalar(store.db(), QStringLiteral("SELECT COUNT(*) FROM ") + table).toInt();
}

} // namespace

class TestSyncClient : public QObject
{
    Q_OBJECT

private slots:
    void twoClientsConverge()
    {
        AgentServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.output()));
        QTemporaryDir a, b;
        auto one = signedIn(a.path(), server);
        auto two = signedIn(b.path(), server);
        QVERIFY(one && two);
        QVERIFY(caughtUp(*one, serverCursor(server)));
        QVERIFY(caughtUp(*two, serverCursor(server)));
        // The cache reads like the server: the repositories work on it.
        QVERIFY(RdvRepository(one->store()).find(1).has_value());

        const int v1 = RdvRepository(one->store()).find(1)->version;
        one->submit(protocol::CommandType::SetContext, {{"rdv_id", 1}, {"context", "Vu par un"}},
                    v1);
        two->submit(protocol::CommandType::SaveLieu, {{"name", "Antenne deux"}});
        const int v2 = RdvRepository(two->store()).find(2)->version;
        two->submit(protocol::CommandType::CancelRdv,
                    {{"rdv_id", 2}, {"reason", "Annulé par deux"}}, v2);
        one->submit(protocol::CommandType::SaveLieu, {{"name", "Antenne un"}});

        QTRY_VERIFY_WITH_TIMEOUT(one->pendingCommands() == 0 && two->pendingCommands() == 0, 15000);
        const qint64 cursor = serverCursor(server);
        QVERIFY(caughtUp(*one, cursor));
        QVERIFY(caughtUp(*two, cursor));
        QCOMPARE(rdvRows(one->store()), rdvRows(two->store()));
        QCOMPARE(count(one->store(), QStringLiteral("lieux")), 4);
        QCOMPARE(count(two->store(), QStringLiteral("lieux")), 4);
        QCOMPARE(RdvRepository(two->store()).find(1)->context, QStringLiteral("Vu par un"));
        QCOMPARE(RdvRepository(one->store()).find(2)->status, RdvStatus::Revoked);
    }

    void serverKilledDuringPullThenRestarted()
    {
        AgentServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.output()));
        QTemporaryDir dir;
        SyncClient client(dir.path());
        client.setMaxRetryDelayMs(300);
        client.setPageSize(1); // many pages, so the kill lands in the middle of the pull
        QHash<QString, int> seen;
        bool killed = false;
        connect(&client, &SyncClient::changesApplied, this, [&](int, qint64) {
            if (!killed && client.cache().cursor() > 5) {
                killed = true;
                server.kill();
            }
        });
        QSignalSpy pages(&client, &SyncClient::changesApplied);
        client.login(server.url(), kAdmin, kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(killed, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(client.status(), SyncClient::Status::Offline, 10000);
        const qint64 cursorWhileDown = client.cache().cursor();
        QVERIFY(server.start());
        const qint64 cursor = serverCursor(server);
        QVERIFY(cursorWhileDown < cursor);
        QVERIFY(caughtUp(client, cursor, 30000));
        // Every change arrived exactly once: as many as the feed holds from zero.
        int applied = 0;
        for (const QList<QVariant> &page : std::as_const(pages))
            applied += page.at(0).toInt();
        AgentApiClient api(server.url());
        QCOMPARE(api.login(kAdmin, kPassword), 200);
        QCOMPARE(applied, int(api.changes().size()));
        QCOMPARE(count(client.store(), QStringLiteral("rdvs")), 2);
        QCOMPARE(count(client.store(), QStringLiteral("motifs")), 7);
    }

    void cacheHoldsWhatTheFeedSends()
    {
        AgentServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.output()));
        AgentApiClient api(server.url());
        QCOMPARE(api.login(kAdmin, kPassword), 200);
        // Text that the JSON of both sides must carry intact.
        const QString odd = QStringLiteral("Maison \"France\" \\ services/1\n2\r\n é ñ ") +
                            QString::fromUtf8("\xF0\x9F\x98\x80 fin");
        QCOMPARE(api.command(QStringLiteral("save_lieu"), {{"name", odd}, {"address", odd}}).status,
                 200);
        const Reply absence =
            api.command(QStringLiteral("save_absence"),
                        {{"title", odd}, {"starts_at", kLater}, {"ends_at", kLater + 3600}});
        QCOMPARE(absence.status, 200);
        const qint64 absenceId =
            AgentApiClient::json(absence)[QLatin1String("result")][QLatin1String("id")].toInteger();
        QCOMPARE(api.command(QStringLiteral("remove_absence"), {{"id", absenceId}}).status, 200);

        QTemporaryDir dir;
        SyncClient client(dir.path());
        client.setPageSize(3); // many pages, each asked for before the one before is written
        client.login(server.url(), kAdmin, kPassword);
        qint64 next = 0;
        const QJsonArray changes = api.changes(0, &next);
        QVERIFY(caughtUp(client, next));
        const QHash<QString, QString> tables{{QStringLiteral("organisation"), "organisations"},
                                             {QStringLiteral("plages"), "plages_ouverture"},
                                             {QStringLiteral("sessions"), "collective_sessions"}};
        int compared = 0;
        for (const QJsonValue change : changes) {
            const QString entity = change[QLatin1String("entity")].toString();
            const QString table = tables.value(entity, entity);
            const qint64 id = change[QLatin1String("id")].toInteger();
            const QJsonObject data = change[QLatin1String("data")].toObject();
            QSqlQuery row =
                sql::run(client.store().db(),
                         QStringLiteral("SELECT * FROM %1 WHERE id = ?").arg(table), {id});
            QVERIFY2(row.next(), qPrintable(QStringLiteral("%1 %2 missing").arg(table).arg(id)));
            const QSqlRecord columns = row.record();
            for (auto it = data.begin(); it != data.end(); ++it) {
                const int column = columns.indexOf(it.key());
                if (column < 0)
                    continue; // a list or the prescripteur object
                const QVariant cached = row.value(column);
                const QString where = QStringLiteral("%1 %2 %3").arg(table).arg(id).arg(it.key());
                if (it->isNull())
                    QVERIFY2(cached.isNull(), qPrintable(where));
                else if (it->isString())
                    QVERIFY2(cached.toString() == it->toString(), qPrintable(where));
                else
                    QVERIFY2(cached.toLongLong() == it->toInteger(), qPrintable(where));
                ++compared;
            }
            if (entity == QLatin1String("rdvs")) {
                QList<qint64> agents;
                QSqlQuery a = sql::run(
                    client.store().db(),
                    QStringLiteral("SELECT agent_id FROM rdv_agents WHERE rdv_id = ? ORDER BY 1"),
                    {id});
                while (a.next())
                    agents << a.value(0).toLongLong();
                QList<qint64> sent;
                for (const QJsonValue v : data[QLatin1String("agent_ids")].toArray())
                    sent << v.toInteger();
                QCOMPARE(agents, sent);
            }
        }
        QVERIFY(compared > 100);
        QCOMPARE(sql::scalar(client.store().db(),
                             QStringLiteral("SELECT COUNT(*) FROM lieux WHERE name = ? AND "
                                            "address = ?"),
                             {odd, odd})
                     .toInt(),
                 1);
        QCOMPARE(sql::scalar(client.store().db(),
                             QStringLiteral("SELECT deleted FROM absences WHERE id = ?"),
                             {absenceId})
                     .toInt(),
                 1);
    }

    void offlineEditsReplayedInOrder()
    {
        AgentServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.output()));
        QTemporaryDir dir;
        auto client = signedIn(dir.path(), server);
        QVERIFY(client);
        QVERIFY(caughtUp(*client, serverCursor(server)));

        QCOMPARE(server.stop(), 0); // SIGTERM: a clean exit
        QTRY_COMPARE_WITH_TIMEOUT(client->status(), SyncClient::Status::Offline, 15000);
        client->submit(protocol::CommandType::SetContext, {{"rdv_id", 1}, {"context", "D'abord"}});
        client->submit(protocol::CommandType::SaveLieu, {{"name", "Hors ligne"}});
        client->submit(protocol::CommandType::SetContext, {{"rdv_id", 1}, {"context", "Ensuite"}});
        QTest::qWait(800);
        QCOMPARE(client->pendingCommands(), 3);

        QSignalSpy done(client.get(), &SyncClient::commandDone);
        QVERIFY(server.start());
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 3, 20000);
        QVERIFY(caughtUp(*client, serverCursor(server)));
        QCOMPARE(RdvRepository(client->store()).find(1)->context, QStringLiteral("Ensuite"));
        QCOMPARE(count(client->store(), QStringLiteral("lieux")), 3);
    }

    void conflictSurfaced()
    {
        AgentServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.output()));
        QTemporaryDir dir;
        auto client = signedIn(dir.path(), server);
        QVERIFY(client);
        QVERIFY(caughtUp(*client, serverCursor(server)));
        const Rdv cached = *RdvRepository(client->store()).find(1);

        QCOMPARE(server.stop(), 0); // SIGTERM: a clean exit
        QTRY_COMPARE_WITH_TIMEOUT(client->status(), SyncClient::Status::Offline, 15000);
        // Offline, the agent moves the appointment by an hour...
        client->submit(protocol::CommandType::MoveRdv,
                       {{"rdv_id", 1}, {"starts_at", cached.startsAt + 3600}}, cached.version);
        // ...while the usager cancels it (straight in the server's store).
        {
            auto store = Store::open(server.storeFile());
            SlotEngine engine(*store);
            BookingService booking(*store, engine);
            Actor agent{Actor::Kind::Agent, 2, {}};
            QVERIFY(booking.cancel(1, agent, QStringLiteral("Empêché")).ok());
        }
        QSignalSpy conflicts(client.get(), &SyncClient::conflict);
        QVERIFY(server.start());
        QTRY_COMPARE_WITH_TIMEOUT(conflicts.size(), 1, 20000);
        const QJsonObject command = conflicts.at(0).at(0).toJsonObject();
        const QJsonObject current = conflicts.at(0).at(1).toJsonObject();
        QCOMPARE(command[QLatin1String("type")].toString(), QStringLiteral("move_rdv"));
        QCOMPARE(current[QLatin1String("status")].toString(), QStringLiteral("revoked"));
        QVERIFY(caughtUp(*client, serverCursor(server)));
        QCOMPARE(RdvRepository(client->store()).find(1)->status, RdvStatus::Revoked);
        QCOMPARE(RdvRepository(client->store()).find(1)->startsAt, cached.startsAt);
    }

    void sessionFileIsPrivateAndResumes()
    {
        AgentServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.output()));
        QTemporaryDir dir;
        {
            auto client = signedIn(dir.path(), server);
            QVERIFY(client);
        }
        const QFileInfo info(dir.filePath(QStringLiteral("session.json")));
        QVERIFY(info.exists());
        QCOMPARE(info.permissions() &
                     (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());
        SyncClient again(dir.path());
        QVERIFY(again.resume());
        QVERIFY(caughtUp(again, serverCursor(server)));
        // A second desktop that still holds this token (a copy of the session).
        const SavedSession session = again.session();
        QVERIFY(session.isValid());
        QTemporaryDir stale;
        QVERIFY(TokenFile(stale.filePath(QStringLiteral("session.json"))).save(session));

        AgentApiClient api(server.url());
        api.token = session.token;
        QCOMPARE(api.call("GET", QStringLiteral("/api/v1/agent/session")).status, 200);

        QSignalSpy auth(&again, &SyncClient::authenticationRequired);
        again.logout();
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("session.json"))));
        // The token is revoked on the server...
        QTRY_COMPARE_WITH_TIMEOUT(api.call("GET", QStringLiteral("/api/v1/agent/session")).status,
                                  401, 10000);
        // ...and signing out is not a demand to sign in again.
        QTest::qWait(200);
        QCOMPARE(auth.count(), 0);
        QCOMPARE(again.status(), SyncClient::Status::Offline);

        // The desktop still holding it is asked to sign in, once, and stops syncing.
        SyncClient holder(stale.path());
        QSignalSpy asked(&holder, &SyncClient::authenticationRequired);
        QVERIFY(holder.resume());
        QTRY_COMPARE_WITH_TIMEOUT(asked.count(), 1, 10000);
        QTest::qWait(500);
        QCOMPARE(asked.count(), 1);
        QCOMPARE(holder.cache().cursor(), 0);
    }
};

QTEST_MAIN(TestSyncClient)
#include "tst_sync_client.moc"
