// The SQLite store: migrations, pragmas, the change sequence, demo seeding.
#include "models/catalog.h"
#include "models/demodata.h"
#include "models/rdvrepository.h"
#include "models/secrets.h"
#include "models/store.h"
#include "testorganisation.h"

#include <QtTest>

using namespace creneau;

class TestStore : public QObject
{
    Q_OBJECT
private slots:
    void migratesOnceAndKeepsData()
    {
        test::TestOrganisation t;
        const int latest = QDir(QStringLiteral(":/sql"))
                               .entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)
                               .constLast()
                               .section(QLatin1Char('_'), 0, 0)
                               .toInt();
        QCOMPARE(t.store->schemaVersion(), latest);
        t.store->migrate(); // again: nothing to do, nothing lost
        QCOMPARE(t.store->schemaVersion(), latest);
        QVERIFY(Catalog(*t.store).organisationBySlug(QStringLiteral("test")).has_value());
        QVERIFY(t.store->isUsable());
    }

    // Branches merged out of order (a store migrated to 009 before 008 existed): a migration
    // missing from schema_migrations still runs, whatever the highest applied one.
    void appliesAMigrationMergedBelowTheLatest()
    {
        test::TestOrganisation t;
        const QSqlDatabase db = t.store->db();
        const QString count =
            QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name IN "
                           "('rdvs_by_organisation_seq', 'usagers_by_organisation_seq')");
        QCOMPARE(sql::scalar(db, count).toInt(), 2);
        const int latest = t.store->schemaVersion();
        QVERIFY(latest > 5);
        sql::direct(db, QStringLiteral("DROP INDEX rdvs_by_organisation_seq"));
        sql::direct(db, QStringLiteral("DROP INDEX usagers_by_organisation_seq"));
        sql::run(db, QStringLiteral("DELETE FROM schema_migrations WHERE version = 5"));
        t.store->migrate();
        QCOMPARE(sql::scalar(db, count).toInt(), 2);
        QCOMPARE(t.store->schemaVersion(), latest);
        QCOMPARE(sql::scalar(db, QStringLiteral("SELECT COUNT(*) FROM schema_migrations "
                                                "WHERE version = 5"))
                     .toInt(),
                 1);
    }

    void sqlitePragmas()
    {
        test::TestOrganisation t;
        QCOMPARE(sql::scalar(t.store->db(), QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("wal"));
        QCOMPARE(sql::scalar(t.store->db(), QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
        QCOMPARE(sql::scalar(t.store->db(), QStringLiteral("PRAGMA synchronous")).toInt(), 2);
    }

    void foreignKeysAreEnforced()
    {
        test::TestOrganisation t;
        WriteTransaction tx(*t.store);
        Lieu orphan{0, 9999, QStringLiteral("Nulle part"), {}, {}, false};
        QVERIFY_THROWS_EXCEPTION(StoreError, Catalog(*t.store).save(orphan));
    }

    void everyWriteBumpsTheSequence()
    {
        test::TestOrganisation t;
        const qint64 before = t.store->currentSeq(t.org.id);
        Motif m = t.addMotif(QStringLiteral("Autre"), 20, BookableBy::Agents);
        const qint64 afterInsert = t.store->currentSeq(t.org.id);
        QCOMPARE(afterInsert, before + 1);
        QCOMPARE(sql::scalar(t.store->db(), QStringLiteral("SELECT seq FROM motifs WHERE id = ?"),
                             {m.id})
                     .toLongLong(),
                 afterInsert);
        {
            WriteTransaction tx(*t.store);
            m.archived = true;
            Catalog(*t.store).save(m);
            tx.commit();
        }
        QCOMPARE(t.store->currentSeq(t.org.id), afterInsert + 1);
        QVERIFY(Catalog(*t.store).motif(m.id)->archived);
    }

    void rolledBackWritesLeaveNothing()
    {
        test::TestOrganisation t;
        const qint64 before = t.store->currentSeq(t.org.id);
        {
            WriteTransaction tx(*t.store);
            Lieu l{0, t.org.id, QStringLiteral("Annexe"), {}, {}, false};
            Catalog(*t.store).save(l);
        } // no commit
        QCOMPARE(t.store->currentSeq(t.org.id), before);
        QCOMPARE(Catalog(*t.store).lieux(t.org.id).size(), 1);
    }

    void smallDemo()
    {
        QTemporaryDir dir;
        auto store = Store::open(dir.filePath(QStringLiteral("demo.sqlite")));
        store->migrate();
        const qint64 org = demo::seedSmall(*store);
        QVERIFY(org > 0);
        QCOMPARE(demo::seedSmall(*store), 0); // only into an empty store
        Catalog catalog(*store);
        const auto admin = catalog.agentByEmail(QString::fromLatin1(demo::kAdminEmail));
        QVERIFY(admin.has_value());
        QCOMPARE(admin->role, AgentRole::Admin);
        QVERIFY(secrets::verifyPassword(catalog.passwordHash(admin->id),
                                        QString::fromLatin1(demo::kAdminPassword)));
        QSet<BookableBy> kinds;
        for (const Motif &m : catalog.motifs(org))
            kinds.insert(m.bookableBy);
        QCOMPARE(kinds.size(), 3);
        const QList<Rdv> rdvs = RdvRepository(*store).between(org, 0, 4102444800);
        QVERIFY(std::any_of(rdvs.begin(), rdvs.end(), [](const Rdv &r) {
            return r.createdBy == CreatedBy::Prescripteur && !r.prescripteur.email.isEmpty();
        }));
    }

    void largeDemo()
    {
        QTemporaryDir dir;
        auto store = Store::open(dir.filePath(QStringLiteral("large.sqlite")));
        store->migrate();
        const qint64 org = demo::seedLarge(*store);
        Catalog catalog(*store);
        QCOMPARE(catalog.agents(org).size(), 50);
        QCOMPARE(catalog.motifs(org).size(), 20);
        QCOMPARE(catalog.plages(org).size(), 100);
        QCOMPARE(sql::scalar(store->db(), QStringLiteral("SELECT COUNT(*) FROM rdvs")).toInt(),
                 10000);
        // No agent is double-booked by the generator.
        QCOMPARE(sql::scalar(store->db(),
                             QStringLiteral("SELECT COUNT(*) FROM rdvs a JOIN rdv_agents aa ON "
                                            "aa.rdv_id = a.id JOIN rdv_agents bb ON bb.agent_id = "
                                            "aa.agent_id JOIN rdvs b ON b.id = bb.rdv_id AND "
                                            "b.id > a.id WHERE a.starts_at < b.ends_at AND "
                                            "b.starts_at < a.ends_at"))
                     .toInt(),
                 0);
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
