// Two creneau-server instances on one throw-away PostgreSQL behind a round-robin proxy, as an
// operator runs them behind nginx (issue 14): prescriber walks through the HTML pages whose
// steps alternate between the instances all complete, a recap link made by one opens on the
// other, a usager cancels on the other, the POST rate limit is one count for both, a CalDAV push
// to Radicale is sent exactly once, and the first administrator of a PostgreSQL deployment is
// created with --create-organisation and --create-admin.
#include "agentapiclient.h"
#include "demoflow.h"
#include "httpclient.h"
#include "postgrescluster.h"
#include "radicale.h"
#include "roundrobinproxy.h"
#include "serverprocess.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTimeZone>
#include <QUrl>
#include <QtTest>

using namespace creneau::test;

namespace {

using Fields = QList<QPair<QString, QString>>;

// Post/Redirect/Get: a step's form answers 303 to the next step's page, fetched here (through
// the proxy, possibly from the other instance).
Reply postStep(HttpClient &browser, const QString &path, const Fields &fields)
{
    const Reply posted = browser.postForm(path, fields);
    if (posted.status != 303)
        return posted;
    return browser.get(QString::fromUtf8(posted.header("location")));
}

void set(Fields &fields, const QString &name, const QString &value)
{
    for (auto &f : fields)
        if (f.first == name) {
            f.second = value;
            return;
        }
    fields.append({name, value});
}

// The first créneau link of a motif's week page, or of the week its « Prochaine disponibilité »
// link leads to.
QString firstSlot(HttpClient &browser, const QString &weekPath)
{
    const QString page = browser.get(weekPath).text();
    const QString slot = findLink(page, QStringLiteral("/creneau?"));
    const qsizetype next = page.indexOf(QStringLiteral("Prochaine disponibilité"));
    if (!slot.isEmpty() || next < 0)
        return slot;
    const QString week = findLink(page.mid(next), QStringLiteral("semaine="));
    return week.isEmpty() ? QString()
                          : findLink(browser.get(week).text(), QStringLiteral("/creneau?"));
}

// One value from the database the instances share.
QVariant scalar(const QString &url, const QString &statement)
{
    const QUrl u(url);
    const QString name = QStringLiteral("probe-%1").arg(qHash(statement));
    QVariant out;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(u.host());
        db.setPort(u.port(5432));
        db.setUserName(u.userName());
        db.setDatabaseName(u.path().mid(1));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(statement) && q.next())
                out = q.value(0);
        }
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

// AgentSessions::kFreeFailuresPerAccount: failures of one account from one address without delay.
constexpr int AgentSessions_kFreeFailuresPerAccount = 3;

QStringList sharedArgs(const QString &db, const QString &publicUrl)
{
    return {QStringLiteral("--db"),
            db,
            QStringLiteral("--public-url"),
            publicUrl,
            QStringLiteral("--max-bookings-per-hour"),
            QStringLiteral("0"),
            QStringLiteral("--max-messages-per-recipient"),
            QStringLiteral("0"),
            QStringLiteral("--max-prescriber-messages"),
            QStringLiteral("0"),
            QStringLiteral("--allow-insecure-caldav"),
            QStringLiteral("--access-log"),
            QStringLiteral("-")};
}

int run(const QStringList &args, const QByteArray &input, QString *output)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral(CRENEAU_SERVER_BINARY), args);
    if (!p.waitForStarted(10000))
        return -1;
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000))
        return -1;
    *output = QString::fromUtf8(p.readAll());
    return p.exitCode();
}

} // namespace

class TestInstancesShared : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(m_cluster.isRunning(), qPrintable(m_cluster.error()));
        QVERIFY(m_proxy.start());
        m_db = m_cluster.createDatabase(QStringLiteral("shared"));
        QStringList first = sharedArgs(m_db, m_proxy.url());
        first << QStringLiteral("--demo") << QStringLiteral("--rate-limit") << QStringLiteral("0");
        m_a = std::make_unique<ServerProcess>(first);
        QVERIFY2(m_a->isRunning(), qPrintable(m_a->output()));
        m_b = std::make_unique<ServerProcess>(sharedArgs(m_db, m_proxy.url())
                                              << QStringLiteral("--rate-limit")
                                              << QStringLiteral("0"));
        QVERIFY2(m_b->isRunning(), qPrintable(m_b->output()));
        m_proxy.setBackends({m_a->port(), m_b->port()});
    }

    // One pair of keys for the installation, in the database; no key file on either instance.
    void keysLiveInTheDatabase()
    {
        QCOMPARE(scalar(m_db, QStringLiteral("SELECT COUNT(*) FROM installation_keys")).toInt(), 2);
        for (const ServerProcess *s : {m_a.get(), m_b.get()}) {
            QVERIFY(!QFileInfo::exists(QDir(s->dataDir()).filePath(QStringLiteral("server.key"))));
            QVERIFY(
                !QFileInfo::exists(QDir(s->dataDir()).filePath(QStringLiteral("calendar.key"))));
        }
    }

    void tenPrescriberWalksAlternatingInstances()
    {
        HttpClient probe(m_proxy.url());
        const qint64 rsa = motifId(probe, QStringLiteral("Accompagnement RSA"));
        QVERIFY(rsa > 0);
        QElapsedTimer walks;
        walks.start();
        int completed = 0;
        QSet<int> makers; // the instances that made the bookings
        for (int walk = 0; walk < 10; ++walk) {
            HttpClient browser(m_proxy.url()); // one browser each: its own cookies
            const qsizetype firstRequest = m_proxy.served.size();
            const QString slot = firstSlot(
                browser, QStringLiteral("/rdv/mfs-vernon/prescripteur/motif/%1").arg(rsa));
            QVERIFY(!slot.isEmpty());
            Reply page = browser.get(slot);
            const QString step1 =
                QStringLiteral("/rdv/mfs-vernon/prescripteur/prescripteur-coordonnees");
            Fields f = hiddenFields(page.text(), step1);
            QVERIFY(!f.isEmpty());
            set(f, QStringLiteral("prescripteur.first_name"), QStringLiteral("Paul"));
            set(f, QStringLiteral("prescripteur.last_name"), QStringLiteral("Mairie"));
            set(f, QStringLiteral("prescripteur.email"),
                QStringLiteral("paul%1@mairie.example.fr").arg(walk));
            page = postStep(browser, step1, f);
            QVERIFY2(page.status == 200, qPrintable(QString::number(page.status)));
            const QString step2 = QStringLiteral("/rdv/mfs-vernon/prescripteur/beneficiaire");
            f = hiddenFields(page.text(), step2);
            set(f, QStringLiteral("usager.first_name"), QStringLiteral("Léa"));
            // Names are letters only: Marche-A, Marche-B...
            const QString lastName =
                QStringLiteral("Marche-") + QChar(QLatin1Char(char('A' + walk)));
            set(f, QStringLiteral("usager.last_name"), lastName);
            set(f, QStringLiteral("usager.email"), QStringLiteral("lea%1@example.fr").arg(walk));
            page = postStep(browser, step2, f);
            QVERIFY2(page.status == 200, qPrintable(QString::number(page.status)));
            // Every other walk, one more request: the confirmation goes to each instance in turn.
            if (walk % 2)
                QCOMPARE(browser.get(QStringLiteral("/static/style.css")).status, 200);
            const QString confirmUrl = QStringLiteral("/rdv/mfs-vernon/prescripteur/confirmer");
            const Reply done = browser.postForm(confirmUrl, hiddenFields(page.text(), confirmUrl));
            QVERIFY2(done.status == 303, qPrintable(done.text().left(300)));
            const int maker = m_proxy.served.last().backend;
            makers.insert(maker);
            const QString recapUrl = QString::fromUtf8(done.header("location"));
            QVERIFY(recapUrl.contains(QStringLiteral("/recapitulatif/")));
            const Reply recap = browser.get(recapUrl);
            QCOMPARE(recap.status, 200);
            QVERIFY(recap.text().contains(QStringLiteral("Rendez-vous confirmé")));
            // The steps of this walk went to both instances: each form posted to one is shown
            // again (Post/Redirect/Get) by the other, from the flow cookie the first one sealed.
            int crossings = 0;
            for (qsizetype i = firstRequest; i + 1 < m_proxy.served.size(); ++i)
                if (m_proxy.served[i].method == "POST" && m_proxy.served[i + 1].method == "GET" &&
                    m_proxy.served[i + 1].backend != m_proxy.served[i].backend)
                    ++crossings;
            QVERIFY(crossings >= 2);
            // The recap link made by one instance opens on the other.
            HttpClient other((maker == 0 ? m_b : m_a)->url(QString()));
            const Reply elsewhere = other.get(recapUrl);
            QCOMPARE(elsewhere.status, 200);
            QVERIFY(elsewhere.text().contains(lastName));
            ++completed;
        }
        QCOMPARE(completed, 10);
        qInfo("10 walks, %d requests through the proxy, in %lld ms", int(m_proxy.served.size()),
              walks.elapsed());
        QCOMPARE(makers, (QSet<int>{0, 1}));
    }

    // The usager's private link, made by the first instance, cancels on the second.
    void usagerCancelsOnTheOtherInstance()
    {
        HttpClient onA(m_a->url(QString()));
        // Two weeks ahead: a créneau of this morning could no longer be cancelled online.
        const QDate later = QDate::currentDate().addDays(14);
        const QString slot =
            firstSlot(onA, QStringLiteral("/rdv/mfs-vernon/motif/1?semaine=") +
                               later.addDays(1 - later.dayOfWeek()).toString(Qt::ISODate));
        QVERIFY(!slot.isEmpty());
        const Reply choice = onA.get(slot);
        Reply page = onA.get(findLink(choice.text(), QStringLiteral("pour=moi")));
        const QString step2 = QStringLiteral("/rdv/mfs-vernon/beneficiaire");
        Fields f = hiddenFields(page.text(), step2);
        set(f, QStringLiteral("usager.first_name"), QStringLiteral("Élodie"));
        set(f, QStringLiteral("usager.last_name"), QStringLiteral("Ailleurs"));
        set(f, QStringLiteral("usager.email"), QStringLiteral("elodie@example.fr"));
        page = postStep(onA, step2, f);
        const Reply done =
            onA.postForm(QStringLiteral("/rdv/mfs-vernon/confirmer"),
                         hiddenFields(page.text(), QStringLiteral("/rdv/mfs-vernon/confirmer")));
        QCOMPARE(done.status, 303);
        const QString mine = QString::fromUtf8(done.header("location"));
        QVERIFY(mine.contains(QStringLiteral("/mon-rdv/")));

        HttpClient onB(m_b->url(QString()));
        const Reply recap = onB.get(mine);
        QCOMPARE(recap.status, 200);
        const QString cancel = mine + QStringLiteral("/annuler");
        const Reply cancelled = onB.postForm(cancel, hiddenFields(recap.text(), cancel));
        QCOMPARE(cancelled.status, 303);
        QVERIFY(onA.get(QString::fromUtf8(cancelled.header("location")))
                    .text()
                    .contains(QStringLiteral("Rendez-vous annulé")));
    }

    // An appointment booked on one instance reaches the agent's CalDAV collection once, whichever
    // instance pushes it (the password was sealed by the other one).
    void caldavPushSentExactlyOnce()
    {
        Radicale radicale;
        QVERIFY(radicale.start());
        QCOMPARE(radicale.makeCalendar(radicale.collectionUrl()), 201);
        RoundRobinProxy counter; // one backend: counts what reaches Radicale
        QVERIFY(counter.start());
        counter.setBackends({radicale.port});
        // A slow calendar server: the job is in flight across several polls of both workers,
        // so a job read without being claimed would be sent twice.
        counter.delayMs = 5000;
        const QString collection =
            counter.url() + QStringLiteral("/agent/creneau/"); // as radicale.collectionUrl()

        AgentApiClient onA(QUrl(m_a->url(QString())));
        QCOMPARE(onA.login(QStringLiteral("admin@demo.creneau.fr"), QStringLiteral("demo-creneau")),
                 200);
        QCOMPARE(onA.call("PUT", QStringLiteral("/api/v1/agent/calendar-settings"),
                          {{"mode", "caldav"},
                           {"caldav_url", collection},
                           {"caldav_user", "agent"},
                           {"caldav_password", "s3cret"}})
                     .status,
                 200);
        // Turning CalDAV on queued the demo's collective sessions this administrator leads (one
        // resource each, tst_session_caldav): this test follows one appointment's job alone.
        scalar(m_db, QStringLiteral("UPDATE caldav_jobs SET status = 'done' WHERE session_id <> 0 "
                                    "RETURNING 1"));
        const auto rdvPuts = [&counter] {
            int n = 0;
            for (const RoundRobinProxy::Served &s : counter.served)
                n += s.method == "PUT" && s.path.contains("/creneau-rdv-");
            return n;
        };
        AgentApiClient onB(QUrl(m_b->url(QString())));
        QCOMPARE(onB.login(QStringLiteral("admin@demo.creneau.fr"), QStringLiteral("demo-creneau")),
                 200);
        const QDate day = QDateTime::currentDateTimeUtc().date().addDays(12);
        const Reply booked = onB.command(
            QStringLiteral("create_rdv"),
            {{"motif_id", 1},
             {"starts_at", QDateTime(day, QTime(4, 0), QTimeZone::utc()).toSecsSinceEpoch()},
             {"usager", QJsonObject{{"first_name", "Anne"}, {"last_name", "Calendrier"}}}});
        QVERIFY2(booked.status == 200 || booked.status == 201, booked.body.constData());
        QTRY_VERIFY_WITH_TIMEOUT(rdvPuts() >= 1, 30000);
        // Both workers poll every two seconds: give the other one several chances to send again.
        QTest::qWait(7000);
        QCOMPARE(rdvPuts(), 1);
        QStringList files;
        bool ok = false;
        radicale.events(&files, &ok);
        QVERIFY(ok);
        QCOMPARE(files.filter(QStringLiteral("creneau-rdv-")).size(), 1);
        QCOMPARE(scalar(m_db, QStringLiteral("SELECT COUNT(*) FROM caldav_jobs WHERE status = "
                                             "'done' AND attempts = 1 AND rdv_id <> 0"))
                     .toInt(),
                 1);
    }

    // Wrong passwords spread over both instances meet one count: the fourth attempt in a row is
    // slowed down whichever instance gets it (each alone would have seen two).
    void signInThrottleIsOneCountForBoth()
    {
        AgentApiClient api(QUrl(m_proxy.url()));
        const qsizetype first = m_proxy.served.size();
        for (int i = 0; i < AgentSessions_kFreeFailuresPerAccount; ++i)
            QCOMPARE(api.login(QStringLiteral("admin@demo.creneau.fr"), QStringLiteral("faux")),
                     401);
        QCOMPARE(api.login(QStringLiteral("admin@demo.creneau.fr"), QStringLiteral("faux")), 429);
        QSet<int> backends;
        for (qsizetype i = first; i < m_proxy.served.size(); ++i)
            backends.insert(m_proxy.served[i].backend);
        QCOMPARE(backends.size(), 2);
    }

    // Every instance logged its requests, without the tokens of private links.
    void accessLogsNameTheInstanceWithoutTokens()
    {
        QCOMPARE(m_a->terminate(), 0);
        QCOMPARE(m_b->terminate(), 0);
        for (const ServerProcess *s : {m_a.get(), m_b.get()}) {
            const QString out = s->output();
            const QRegularExpression line(
                QStringLiteral("\\n\\S+Z \\S+ POST /rdv/mfs-vernon/prescripteur/confirmer "
                               "303 \\d+ms\\n"));
            QVERIFY2(out.contains(line), qPrintable(out.right(2000)));
            QVERIFY(out.contains(QStringLiteral("/recapitulatif/{token}")) ||
                    out.contains(QStringLiteral("/mon-rdv/{token}")));
            QVERIFY(!out.contains(QRegularExpression(
                QStringLiteral("/(recapitulatif|mon-rdv)/(?!\\{token\\})[A-Za-z0-9_-]{8,}"))));
        }
    }

    // Two instances allow one client 4 POSTs a minute together, not 4 each.
    void rateLimitIsOneCountForBoth()
    {
        RoundRobinProxy proxy;
        QVERIFY(proxy.start());
        const QString db = m_cluster.createDatabase(QStringLiteral("ratelimit"));
        ServerProcess a(sharedArgs(db, proxy.url())
                        << QStringLiteral("--demo") << QStringLiteral("--rate-limit")
                        << QStringLiteral("4"));
        QVERIFY2(a.isRunning(), qPrintable(a.output()));
        ServerProcess b(sharedArgs(db, proxy.url())
                        << QStringLiteral("--rate-limit") << QStringLiteral("4"));
        QVERIFY2(b.isRunning(), qPrintable(b.output()));
        proxy.setBackends({a.port(), b.port()});
        HttpClient client(proxy.url());
        // Wait for a fresh minute so that the eight POSTs fall in one window.
        const int second = QTime::currentTime().second();
        if (second > 50)
            QTest::qWait((61 - second) * 1000);
        int limited = 0;
        for (int i = 0; i < 8; ++i)
            limited +=
                client.postJson(QStringLiteral("/api/v1/public/mfs-vernon/rdvs"), "{}").status ==
                429;
        QCOMPARE(limited, 4);
    }

    // Upgraded from a version where each instance kept its own key files: the first to start on
    // the empty database stores its keys there, the other uses them and says its files differ.
    void upgradeFromKeysPerInstance()
    {
        const QString db = m_cluster.createDatabase(QStringLiteral("upgrade"));
        QTemporaryDir first, second;
        const auto writeKeys = [](const QString &dir, const QByteArray &server) {
            for (const auto &[name, value] :
                 {std::pair{QStringLiteral("server.key"), server},
                  std::pair{QStringLiteral("calendar.key"), QByteArray(32, 'k').toBase64()}}) {
                QFile f(QDir(dir).filePath(name));
                if (!f.open(QIODevice::WriteOnly) || f.write(value) != value.size())
                    return false;
                f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            }
            return true;
        };
        const QByteArray firstKey(40, 'a'), secondKey(40, 'b');
        QVERIFY(writeKeys(first.path(), firstKey));
        QVERIFY(writeKeys(second.path(), secondKey));
        ServerProcess a({QStringLiteral("--data"), first.path(), QStringLiteral("--db"), db,
                         QStringLiteral("--demo")});
        QVERIFY2(a.isRunning(), qPrintable(a.output()));
        ServerProcess b({QStringLiteral("--data"), second.path(), QStringLiteral("--db"), db});
        QVERIFY2(b.isRunning(), qPrintable(b.output()));
        QCOMPARE(scalar(db, QStringLiteral("SELECT value FROM installation_keys WHERE name = "
                                           "'server'"))
                     .toByteArray(),
                 firstKey);
        QVERIFY(!a.output().contains(QStringLiteral("differs")));
        QVERIFY2(b.output().contains(QStringLiteral("server.key differs from the database's key")),
                 qPrintable(b.output()));
    }

    // A PostgreSQL deployment's first steps: its organisation, then its first administrator, in
    // the database (no SQLite file), then an instance signs them in.
    void firstAdministratorWithCreateOrganisation()
    {
        const QString db = m_cluster.createDatabase(QStringLiteral("firstorg"));
        QTemporaryDir data;
        QString out;
        QCOMPARE(run({QStringLiteral("--data"), data.path(), QStringLiteral("--db"), db,
                      QStringLiteral("--create-organisation"), QStringLiteral("ccas-cayenne"),
                      QStringLiteral("--name"), QStringLiteral("CCAS de Cayenne"),
                      QStringLiteral("--zone"), QStringLiteral("America/Cayenne")},
                     {}, &out),
                 0);
        QVERIFY2(out.contains(QStringLiteral("ccas-cayenne")), qPrintable(out));
        // Run again (a deployment script): left unchanged, not an error.
        QCOMPARE(run({QStringLiteral("--data"), data.path(), QStringLiteral("--db"), db,
                      QStringLiteral("--create-organisation"), QStringLiteral("ccas-cayenne"),
                      QStringLiteral("--name"), QStringLiteral("Autre nom")},
                     {}, &out),
                 0);
        // Bad input is refused.
        QCOMPARE(run({QStringLiteral("--db"), db, QStringLiteral("--create-organisation"),
                      QStringLiteral("Pas Un Slug"), QStringLiteral("--name"), QStringLiteral("X")},
                     {}, &out),
                 1);
        QCOMPARE(run({QStringLiteral("--db"), db, QStringLiteral("--create-organisation"),
                      QStringLiteral("ccas-x"), QStringLiteral("--name"), QStringLiteral("X"),
                      QStringLiteral("--zone"), QStringLiteral("Mars/Olympus")},
                     {}, &out),
                 1);
        QCOMPARE(run({QStringLiteral("--data"), data.path(), QStringLiteral("--db"), db,
                      QStringLiteral("--create-admin"), QStringLiteral("chef@ccas.example.fr"),
                      QStringLiteral("--organisation"), QStringLiteral("ccas-cayenne")},
                     "un-mot-de-passe-solide\n", &out),
                 0);
        QVERIFY(!QFileInfo::exists(QDir(data.path()).filePath(QStringLiteral("creneau.sqlite"))));
        QCOMPARE(scalar(db, QStringLiteral("SELECT name || '|' || time_zone FROM organisations "
                                           "WHERE slug = 'ccas-cayenne'"))
                     .toString(),
                 QStringLiteral("CCAS de Cayenne|America/Cayenne"));
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM organisations")).toInt(), 1);
        QCOMPARE(scalar(db, QStringLiteral("SELECT o.slug FROM agents a JOIN organisations o ON "
                                           "o.id = a.organisation_id WHERE a.email = "
                                           "'chef@ccas.example.fr'"))
                     .toString(),
                 QStringLiteral("ccas-cayenne"));
        ServerProcess server({QStringLiteral("--db"), db});
        QVERIFY2(server.isRunning(), qPrintable(server.output()));
        AgentApiClient admin(QUrl(server.url(QString())));
        QCOMPARE(admin.login(QStringLiteral("chef@ccas.example.fr"),
                             QStringLiteral("un-mot-de-passe-solide")),
                 200);
    }

private:
    PostgresCluster m_cluster;
    RoundRobinProxy m_proxy;
    QString m_db;
    std::unique_ptr<ServerProcess> m_a;
    std::unique_ptr<ServerProcess> m_b;
};

QTEST_GUILESS_MAIN(TestInstancesShared)
#include "tst_instances_shared.moc"
