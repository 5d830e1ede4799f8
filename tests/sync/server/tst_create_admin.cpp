// creneau-server --create-admin and --create-organisation, through their testable cores: what a
// deployment script gets on good and bad input, and what lands in the store (SQLite, or PostgreSQL
// with CRENEAU_TEST_ENGINE=postgresql).
#include "models/catalog.h"
#include "models/secrets.h"
#include "models/store.h"
#include "sync/server/agentadmin.h"

#include "postgrescluster.h"
#include "testorganisation.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QtTest>

using namespace creneau;

namespace {

const QString kPassword = QStringLiteral("correct horse battery");

// An empty store's location: a data folder (SQLite) or a fresh PostgreSQL database.
struct EmptyStore
{
    QTemporaryDir dir;
    QString database;

    EmptyStore()
    {
        static int databases = 0;
        if (qEnvironmentVariable("CRENEAU_TEST_ENGINE") != QLatin1String("postgresql"))
            return;
        test::PostgresCluster &cluster = test::PostgresCluster::shared();
        if (!cluster.isRunning())
            qFatal("cannot start PostgreSQL: %s", qPrintable(cluster.error()));
        database = cluster.createDatabase(
            QStringLiteral("admin%1_%2").arg(QCoreApplication::applicationPid()).arg(++databases));
    }
    QString location() const
    {
        return database.isEmpty() ? dir.filePath(QStringLiteral("creneau.sqlite")) : database;
    }
    std::unique_ptr<Store> open() const
    {
        auto store = Store::open(location());
        store->migrate();
        return store;
    }
};

server::CreateAdminOptions adminOptions(const EmptyStore &where, const QString &email)
{
    server::CreateAdminOptions o;
    o.dataDir = where.dir.path();
    o.database = where.database;
    o.email = email;
    return o;
}

server::CreateOrganisationOptions organisationOptions(const EmptyStore &where, const QString &slug,
                                                      const QString &name)
{
    server::CreateOrganisationOptions o;
    o.dataDir = where.dir.path();
    o.database = where.database;
    o.slug = slug;
    o.name = name;
    return o;
}

} // namespace

class TestCreateAdmin : public QObject
{
    Q_OBJECT

private slots:
    void badInputIsRefusedAndStoresNothing_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("error");
        QTest::newRow("no e-mail") << QString() << kPassword << "Invalid e-mail address.";
        QTest::newRow("not an e-mail")
            << "admin.example.fr" << kPassword << "Invalid e-mail address.";
        QTest::newRow("short password") << "admin@example.fr"
                                        << "court"
                                        << "12";
        QTest::newRow("common password") << "admin@example.fr"
                                         << "123456789012"
                                         << "common";
    }
    void badInputIsRefusedAndStoresNothing()
    {
        QFETCH(QString, email);
        QFETCH(QString, password);
        QFETCH(QString, error);
        EmptyStore where;
        QString message;
        QVERIFY(!server::createAdmin(adminOptions(where, email), password, &message));
        QVERIFY2(message.contains(error, Qt::CaseInsensitive), qPrintable(message));
        // Refused before the store is opened: no file, no organisation.
        if (where.database.isEmpty())
            QVERIFY(!QFile::exists(where.location()));
        else
            QVERIFY(Catalog(*where.open()).organisations().isEmpty());
    }

    void firstAdminCreatesTheOrganisation_data()
    {
        QTest::addColumn<QString>("slug");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expectedSlug");
        QTest::addColumn<QString>("expectedName");
        QTest::newRow("nothing given") << QString() << QString() << "organisation"
                                       << "organisation";
        QTest::newRow("slug only") << "mairie-x" << QString() << "mairie-x"
                                   << "mairie-x";
        QTest::newRow("slug and name") << "mairie-x"
                                       << "Mairie de X"
                                       << "mairie-x"
                                       << "Mairie de X";
    }
    void firstAdminCreatesTheOrganisation()
    {
        QFETCH(QString, slug);
        QFETCH(QString, name);
        QFETCH(QString, expectedSlug);
        QFETCH(QString, expectedName);
        EmptyStore where;
        auto options = adminOptions(where, QStringLiteral("claire.martin@example.fr"));
        options.organisationSlug = slug;
        options.organisationName = name;
        QString error;
        QVERIFY2(server::createAdmin(options, kPassword, &error), qPrintable(error));

        auto store = where.open();
        Catalog catalog(*store);
        const QList<Organisation> all = catalog.organisations();
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.first().slug, expectedSlug);
        QCOMPARE(all.first().name, expectedName);
        const auto admin = catalog.agentByEmail(QStringLiteral("claire.martin@example.fr"));
        QVERIFY(admin);
        QCOMPARE(admin->organisationId, all.first().id);
        QCOMPARE(admin->role, AgentRole::Admin);
        QCOMPARE(admin->lastName, QStringLiteral("claire.martin"));
        QVERIFY(secrets::verifyPassword(catalog.passwordHash(admin->id), kPassword));
        QVERIFY(!secrets::verifyPassword(catalog.passwordHash(admin->id), kPassword + "!"));
    }

    // Run again for an existing agent: promoted, unarchived, new password; nothing duplicated.
    void existingAgentIsPromotedAndReset()
    {
        test::TestOrganisation t;
        {
            WriteTransaction tx(*t.store);
            Agent archived = t.agent;
            archived.archived = true;
            Catalog(*t.store).save(archived);
            tx.commit();
        }
        server::CreateAdminOptions options;
        options.dataDir = t.dir.path();
        options.database = t.location;
        options.email = t.agent.email;
        options.organisationSlug = QStringLiteral("ignored-for-an-existing-agent");
        QString error;
        QVERIFY2(server::createAdmin(options, kPassword, &error), qPrintable(error));

        Catalog catalog(*t.store);
        const auto agent = catalog.agentByEmail(t.agent.email);
        QVERIFY(agent);
        QCOMPARE(agent->id, t.agent.id);
        QCOMPARE(agent->role, AgentRole::Admin);
        QVERIFY(!agent->archived);
        QCOMPARE(agent->lastName, t.agent.lastName);
        QVERIFY(secrets::verifyPassword(catalog.passwordHash(agent->id), kPassword));
        QCOMPARE(catalog.organisations().size(), 1);
    }

    // With one organisation the new administrator joins it; with several, the slug must say which.
    void organisationIsChosen()
    {
        test::TestOrganisation t;
        server::CreateAdminOptions options;
        options.dataDir = t.dir.path();
        options.database = t.location;
        options.email = QStringLiteral("premier@example.fr");
        QString error;
        QVERIFY2(server::createAdmin(options, kPassword, &error), qPrintable(error));
        QCOMPARE(Catalog(*t.store).agentByEmail(options.email)->organisationId, t.org.id);

        const auto other = t.addOrganisation(QStringLiteral("autre"), QDate(2030, 1, 7));
        options.email = QStringLiteral("second@example.fr");
        QVERIFY(!server::createAdmin(options, kPassword, &error));
        QVERIFY2(error.contains(QLatin1String("--organisation")), qPrintable(error));
        QVERIFY(!Catalog(*t.store).agentByEmail(options.email));

        options.organisationSlug = QStringLiteral("autre");
        QVERIFY2(server::createAdmin(options, kPassword, &error), qPrintable(error));
        QCOMPARE(Catalog(*t.store).agentByEmail(options.email)->organisationId, other.org.id);
        QCOMPARE(Catalog(*t.store).organisations().size(), 2);
    }

    void unreachableStoreIsAnErrorNotACrash()
    {
        server::CreateAdminOptions options;
        options.dataDir = QStringLiteral("/proc/creneau-cannot-be-here");
        options.email = QStringLiteral("admin@example.fr");
        QString error;
        QVERIFY(!server::createAdmin(options, kPassword, &error));
        QVERIFY(!error.isEmpty());

        server::CreateOrganisationOptions org;
        org.dataDir = options.dataDir;
        org.slug = QStringLiteral("mairie");
        org.name = QStringLiteral("Mairie");
        bool created = true;
        QVERIFY(!server::createOrganisation(org, &created, &error));
        QVERIFY(!created);
        QVERIFY(!error.isEmpty());
    }

    void organisationIsCreatedOnce()
    {
        EmptyStore where;
        bool created = false;
        QString error;
        auto options =
            organisationOptions(where, QStringLiteral("ccas-y"), QStringLiteral(" CCAS de Y "));
        options.timeZone = QStringLiteral("America/Cayenne");
        QVERIFY2(server::createOrganisation(options, &created, &error), qPrintable(error));
        QVERIFY(created);

        // A deployment script run twice: the second run changes nothing, even another name.
        options.name = QStringLiteral("Autre nom");
        QVERIFY2(server::createOrganisation(options, &created, &error), qPrintable(error));
        QVERIFY(!created);

        auto store = where.open();
        const QList<Organisation> all = Catalog(*store).organisations();
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.first().slug, QStringLiteral("ccas-y"));
        QCOMPARE(all.first().name, QStringLiteral("CCAS de Y"));
        QCOMPARE(all.first().timeZone, QStringLiteral("America/Cayenne"));
    }

    void badOrganisationIsRefused_data()
    {
        QTest::addColumn<QString>("slug");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("field");
        QTest::newRow("no slug") << QString() << "Mairie"
                                 << "Europe/Paris"
                                 << "slug";
        QTest::newRow("capitals in the slug") << "Mairie"
                                              << "Mairie"
                                              << "Europe/Paris"
                                              << "slug";
        QTest::newRow("slash in the slug") << "a/b"
                                           << "Mairie"
                                           << "Europe/Paris"
                                           << "slug";
        QTest::newRow("blank name") << "mairie"
                                    << "   "
                                    << "Europe/Paris"
                                    << "name";
        QTest::newRow("unknown zone") << "mairie"
                                      << "Mairie"
                                      << "Europe/Nulle_Part"
                                      << "time_zone";
    }
    void badOrganisationIsRefused()
    {
        QFETCH(QString, slug);
        QFETCH(QString, name);
        QFETCH(QString, zone);
        QFETCH(QString, field);
        EmptyStore where;
        auto options = organisationOptions(where, slug, name);
        options.timeZone = zone;
        bool created = true;
        QString error;
        QVERIFY(!server::createOrganisation(options, &created, &error));
        QVERIFY(!created);
        // One line naming each field in error, for a script's log.
        QVERIFY2(error.contains(field + QStringLiteral(": ")), qPrintable(error));
        QVERIFY(!error.contains(QLatin1Char('\n')));
        if (where.database.isEmpty())
            QVERIFY(!QFile::exists(where.location()));
    }
};

QTEST_GUILESS_MAIN(TestCreateAdmin)
#include "tst_create_admin.moc"
