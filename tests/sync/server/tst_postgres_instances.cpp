// Several creneau-server processes on one PostgreSQL database (a throw-away cluster): they race
// for one créneau and exactly one booking wins; an embedded SQLite store moves to PostgreSQL with
// --migrate-to and is served unchanged.
#include "agentapiclient.h"
#include "demoflow.h"
#include "httpclient.h"
#include "postgrescluster.h"
#include "serverprocess.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace creneau::test;

class TestPostgresInstances : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(m_cluster.isRunning(), qPrintable(m_cluster.error())); }

    // A PostgreSQL deployment creates its first administrator in its database (--db), and an
    // instance on that database signs them in; no SQLite file appears in the data directory.
    void firstAdministratorOnPostgresql()
    {
        const QString url = m_cluster.createDatabase(QStringLiteral("firstadmin"));
        QTemporaryDir data;
        QProcess create;
        create.setProcessChannelMode(QProcess::MergedChannels);
        create.start(QStringLiteral(CRENEAU_SERVER_BINARY),
                     {QStringLiteral("--data"), data.path(), QStringLiteral("--db"), url,
                      QStringLiteral("--create-admin"), QStringLiteral("chef@ccas.example.fr"),
                      QStringLiteral("--organisation"), QStringLiteral("ccas-vernon")});
        QVERIFY(create.waitForStarted(10000));
        create.write("un-mot-de-passe-solide\n");
        create.closeWriteChannel();
        QVERIFY(create.waitForFinished(30000));
        QVERIFY2(create.exitCode() == 0, create.readAll().constData());
        QVERIFY(!QFileInfo::exists(QDir(data.path()).filePath(QStringLiteral("creneau.sqlite"))));

        ServerProcess server({QStringLiteral("--db"), url});
        QVERIFY2(server.isRunning(), qPrintable(server.output()));
        AgentApiClient admin(QUrl(server.url(QString())));
        QCOMPARE(admin.login(QStringLiteral("chef@ccas.example.fr"),
                             QStringLiteral("un-mot-de-passe-solide")),
                 200);
    }

    void twoInstancesRaceForOneCreneau()
    {
        const QString url = m_cluster.createDatabase(QStringLiteral("race"));
        ServerProcess first({QStringLiteral("--db"), url, QStringLiteral("--demo"),
                             QStringLiteral("--rate-limit"), QStringLiteral("0"),
                             QStringLiteral("--max-bookings-per-hour"), QStringLiteral("0"),
                             QStringLiteral("--max-messages-per-recipient"), QStringLiteral("0")});
        QVERIFY2(first.isRunning(), qPrintable(first.output()));
        ServerProcess second({QStringLiteral("--db"), url, QStringLiteral("--rate-limit"),
                              QStringLiteral("0"), QStringLiteral("--max-bookings-per-hour"),
                              QStringLiteral("0"), QStringLiteral("--max-messages-per-recipient"),
                              QStringLiteral("0")});
        QVERIFY2(second.isRunning(), qPrintable(second.output()));
        QVERIFY(second.output().contains(QLatin1String("Partner URL:")));

        HttpClient probe(first.url(QString()));
        const qint64 visio =
            motifId(probe, QStringLiteral("Démarches en ligne en visioconférence"));
        const QJsonArray free = creneaux(probe, visio);
        QVERIFY(!free.isEmpty());
        // The second instance sees the same créneaux: one database.
        HttpClient other(second.url(QString()));
        QCOMPARE(creneaux(other, visio), free);
        const QByteArray body =
            bookingJson(visio, free.first().toObject(), QStringLiteral("Course"));

        constexpr int kClients = 50;
        std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
        QList<QNetworkReply *> replies;
        int finished = 0;
        QEventLoop loop;
        for (int i = 0; i < kClients; ++i) {
            managers.push_back(std::make_unique<QNetworkAccessManager>());
            const ServerProcess &target = i % 2 ? second : first;
            QNetworkRequest request(
                QUrl(target.url(QStringLiteral("/api/v1/public/%1/rdvs").arg(kSlug))));
            request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
            QNetworkReply *reply = managers.back()->post(request, body);
            connect(reply, &QNetworkReply::finished, &loop, [&] {
                if (++finished == kClients)
                    loop.quit();
            });
            replies << reply;
        }
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        loop.exec();
        QCOMPARE(finished, kClients);
        int created = 0, conflicts = 0;
        for (QNetworkReply *reply : replies) {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            created += status == 201;
            conflicts += status == 409;
        }
        QCOMPARE(created, 1);
        QCOMPARE(conflicts, kClients - 1);
        // Both instances stop taking it.
        QVERIFY(!creneaux(other, visio).contains(free.first()));
        QVERIFY(!creneaux(probe, visio).contains(free.first()));
    }

    void migrateSqliteStoreToPostgres()
    {
        QTemporaryDir data;
        {
            QProcess seed;
            seed.start(QStringLiteral(CRENEAU_SERVER_BINARY),
                       {QStringLiteral("--data"), data.path(), QStringLiteral("--demo"),
                        QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
            QVERIFY(seed.waitForStarted());
            QByteArray printed;
            QTRY_VERIFY_WITH_TIMEOUT(
                (printed += seed.readAllStandardOutput()).contains("Listening on"), 30000);
            seed.terminate();
            QVERIFY(seed.waitForFinished(20000));
        }
        const QString url = m_cluster.createDatabase(QStringLiteral("migrated"));
        QProcess migrate;
        migrate.start(QStringLiteral(CRENEAU_SERVER_BINARY),
                      {QStringLiteral("--data"), data.path(), QStringLiteral("--migrate-to"), url});
        QVERIFY(migrate.waitForFinished(60000));
        QCOMPARE(migrate.exitCode(), 0);
        QVERIFY(migrate.readAllStandardOutput().contains("Copied"));
        // The keys came along: links already sent and sealed CalDAV passwords stay valid on the
        // instances of the new database, whatever their data directories.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), "keys");
            const QUrl u(url);
            db.setHostName(u.host());
            db.setPort(u.port());
            db.setUserName(u.userName());
            db.setDatabaseName(u.path().mid(1));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT name, value FROM installation_keys")));
            int keys = 0;
            while (q.next()) {
                QFile file(
                    QDir(data.path()).filePath(q.value(0).toString() + QStringLiteral(".key")));
                QVERIFY(file.open(QIODevice::ReadOnly));
                QCOMPARE(q.value(1).toString().toLatin1(), file.readAll().trimmed());
                ++keys;
            }
            QCOMPARE(keys, 2);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("keys"));
        // A second copy into the same database is refused: nothing is duplicated.
        migrate.start(QStringLiteral(CRENEAU_SERVER_BINARY),
                      {QStringLiteral("--data"), data.path(), QStringLiteral("--migrate-to"), url});
        QVERIFY(migrate.waitForFinished(60000));
        QCOMPARE(migrate.exitCode(), 1);

        ServerProcess onSqlite({QStringLiteral("--rate-limit"), QStringLiteral("0"),
                                QStringLiteral("--max-bookings-per-hour"), QStringLiteral("0"),
                                QStringLiteral("--max-messages-per-recipient"),
                                QStringLiteral("0")});
        ServerProcess onPostgres({QStringLiteral("--db"), url});
        QVERIFY2(onPostgres.isRunning(), qPrintable(onPostgres.output()));
        HttpClient pg(onPostgres.url(QString()));
        const Reply motifs = pg.get(QStringLiteral("/api/v1/public/%1/motifs").arg(kSlug));
        QCOMPARE(motifs.status, 200);
        // The demo's online motifs, its collective « Réunion d'information RSA » included: the
        // copy carries the sessions' tables too.
        QCOMPARE(QJsonDocument::fromJson(motifs.body).array().size(), 5);
        // New rows continue after the copied ids.
        const qint64 caf = motifId(pg, QStringLiteral("Aide aux démarches CAF"));
        const QJsonArray free = creneaux(pg, caf);
        QVERIFY(!free.isEmpty());
        const Reply booked = pg.postJson(
            QStringLiteral("/api/v1/public/%1/rdvs").arg(kSlug),
            bookingJson(caf, free.first().toObject(), QStringLiteral("Après migration")));
        QCOMPARE(booked.status, 201);
    }

    // Each instance runs a delivery worker on the shared outbox: every message leaves once.
    void outboxDeliveredOnceAcrossInstances()
    {
        const QString url = m_cluster.createDatabase(QStringLiteral("outbox"));
        ServerProcess a({QStringLiteral("--db"), url, QStringLiteral("--demo"),
                         QStringLiteral("--rate-limit"), QStringLiteral("0"),
                         QStringLiteral("--max-bookings-per-hour"), QStringLiteral("0"),
                         QStringLiteral("--max-messages-per-recipient"), QStringLiteral("0")});
        QVERIFY2(a.isRunning(), qPrintable(a.output()));
        ServerProcess b({QStringLiteral("--db"), url, QStringLiteral("--rate-limit"),
                         QStringLiteral("0"), QStringLiteral("--max-bookings-per-hour"),
                         QStringLiteral("0"), QStringLiteral("--max-messages-per-recipient"),
                         QStringLiteral("0")});
        QVERIFY2(b.isRunning(), qPrintable(b.output()));
        HttpClient ca(a.url(QString())), cb(b.url(QString()));
        const qint64 caf = motifId(ca, QStringLiteral("Aide aux démarches CAF"));
        const QJsonArray free = creneaux(ca, caf);
        QVERIFY(free.size() >= 12);
        for (int i = 0; i < 12; ++i) {
            HttpClient &client = i % 2 ? cb : ca;
            const Reply r = client.postJson(
                QStringLiteral("/api/v1/public/%1/rdvs").arg(kSlug),
                bookingJson(caf, free[i].toObject(), QStringLiteral("Boite") + QChar(u'a' + i)));
            QCOMPARE(r.status, 201);
        }
        const QString connection = QStringLiteral("outbox-check");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
            const QUrl u(url);
            db.setHostName(u.host());
            db.setPort(u.port());
            db.setUserName(u.userName());
            db.setDatabaseName(u.path().mid(1));
            QVERIFY(db.open());
            auto count = [&](const char *where) {
                QSqlQuery q(db);
                q.exec(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE ") +
                       QString::fromLatin1(where));
                return q.next() ? q.value(0).toInt() : -1;
            };
            const qint64 now = QDateTime::currentSecsSinceEpoch();
            QTRY_COMPARE_WITH_TIMEOUT(
                count(qPrintable(QStringLiteral("status IN ('pending', 'sending') AND "
                                                "next_attempt_at <= %1")
                                     .arg(now))),
                0, 20000);
            const int sent = count("status = 'sent'");
            QVERIFY(sent >= 24); // at least the prescriber's and the usager's message each time
            QSet<QString> files;
            int written = 0;
            for (const ServerProcess *s : {&a, &b}) {
                const QDir outbox(QDir(s->dataDir()).filePath(QStringLiteral("outbox")));
                for (const QString &name : outbox.entryList(QDir::Files)) {
                    files.insert(name);
                    ++written;
                }
            }
            QCOMPARE(written, sent);         // one file per sent message...
            QCOMPARE(files.size(), written); // ...and none written by both instances
            db.close();
        }
        QSqlDatabase::removeDatabase(connection);
    }

    // Bookings land through both instances while an agent follows the change feed, asking
    // either instance in turn: every change is seen once, none is skipped.
    void feedAcrossInstancesSeesEveryChangeOnce()
    {
        const QString url = m_cluster.createDatabase(QStringLiteral("feed"));
        ServerProcess a({QStringLiteral("--db"), url, QStringLiteral("--demo"),
                         QStringLiteral("--rate-limit"), QStringLiteral("0"),
                         QStringLiteral("--max-bookings-per-hour"), QStringLiteral("0"),
                         QStringLiteral("--max-messages-per-recipient"), QStringLiteral("0")});
        QVERIFY2(a.isRunning(), qPrintable(a.output()));
        ServerProcess b({QStringLiteral("--db"), url, QStringLiteral("--rate-limit"),
                         QStringLiteral("0"), QStringLiteral("--max-bookings-per-hour"),
                         QStringLiteral("0"), QStringLiteral("--max-messages-per-recipient"),
                         QStringLiteral("0")});
        QVERIFY2(b.isRunning(), qPrintable(b.output()));
        AgentApiClient fa(QUrl(a.url(QString()))), fb(QUrl(b.url(QString())));
        QCOMPARE(fa.login(QStringLiteral("admin@demo.creneau.fr"), QStringLiteral("demo-creneau")),
                 200);
        QCOMPARE(fb.login(QStringLiteral("admin@demo.creneau.fr"), QStringLiteral("demo-creneau")),
                 200);
        HttpClient ca(a.url(QString())), cb(b.url(QString()));
        const qint64 caf = motifId(ca, QStringLiteral("Aide aux démarches CAF"));
        const QJsonArray free = creneaux(ca, caf);
        QVERIFY(free.size() >= 16);

        qint64 cursor = 0;
        QSet<QString> seen;
        QSet<qint64> rdvsSeen;
        auto follow = [&](AgentApiClient &feed) {
            for (const QJsonValue c : feed.changes(cursor, &cursor)) {
                const QString key = QStringLiteral("%1/%2/%3")
                                        .arg(c[QStringLiteral("entity")].toString())
                                        .arg(c[QStringLiteral("id")].toInteger())
                                        .arg(c[QStringLiteral("seq")].toInteger());
                QVERIFY2(!seen.contains(key), qPrintable(QStringLiteral("twice: ") + key));
                seen.insert(key);
                if (c[QStringLiteral("entity")].toString().startsWith(QLatin1String("rdv")))
                    rdvsSeen.insert(c[QStringLiteral("id")].toInteger());
            }
        };
        QSet<qint64> booked;
        for (int i = 0; i < 16; ++i) {
            HttpClient &client = i % 2 ? cb : ca;
            const Reply r = client.postJson(
                QStringLiteral("/api/v1/public/%1/rdvs").arg(kSlug),
                bookingJson(caf, free[i].toObject(), QStringLiteral("Flux") + QChar(u'a' + i)));
            QCOMPARE(r.status, 201);
            booked.insert(
                QJsonDocument::fromJson(r.body).object().value(QStringLiteral("id")).toInteger());
            if (i % 3 == 0)
                follow(i % 2 ? fa : fb);
        }
        follow(fa);
        follow(fb);
        booked.remove(0);
        QVERIFY(!booked.isEmpty());
        for (qint64 id : booked)
            QVERIFY2(rdvsSeen.contains(id), qPrintable(QString::number(id)));
    }

private:
    PostgresCluster m_cluster;
};

QTEST_GUILESS_MAIN(TestPostgresInstances)
#include "tst_postgres_instances.moc"
