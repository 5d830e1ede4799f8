// CalDAV targets against the real server: internal addresses are refused when the URL is saved
// and again when the worker connects (a stored name that now points inside gets no connection);
// with --allow-insecure-caldav (tests only: plain http and loopback), a calendar server that
// accepts and never answers does not delay another agent's push to a real Radicale.
#include "agentapiclient.h"
#include "agentserverprocess.h"
#include "radicale.h"

#include "models/catalog.h"
#include "models/demodata.h"
#include "models/secrets.h"
#include "models/sql.h"
#include "models/store.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimeZone>

using namespace creneau;
using namespace creneau::test;

namespace {

const QString kAdmin = QString::fromLatin1(demo::kAdminEmail);
const QString kAdminPassword = QString::fromLatin1(demo::kAdminPassword);
const QString kAgent = QStringLiteral("karim.benali@demo.creneau.fr");
const QString kAgentPassword = QStringLiteral("karim-password-1");

// A TCP listener standing for an internal host: counts the connections it is given and never
// answers them.
class SilentHost : public QObject
{
public:
    SilentHost()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                ++connections;
                s->setParent(this); // kept open, never answered
            }
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    int connections = 0;

private:
    QTcpServer m_server;
};

// A calendar server that answers every request with a redirect to `target`.
class Redirector : public QObject
{
public:
    explicit Redirector(const QString &target) : m_target(target.toUtf8())
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                s->setParent(this);
                connect(s, &QTcpSocket::readyRead, s, [this, s] {
                    // Answers once the headers are in; the body that follows is ignored.
                    QByteArray seen = s->property("seen").toByteArray() + s->readAll();
                    const bool answered = s->property("answered").toBool();
                    s->setProperty("seen", seen);
                    if (answered || !seen.contains("\r\n\r\n"))
                        return;
                    s->setProperty("answered", true);
                    ++requests;
                    s->write("HTTP/1.1 307 Temporary Redirect\r\nLocation: " + m_target +
                             "\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
                    s->disconnectFromHost(); // one request per connection
                });
            }
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    int requests = 0;

private:
    QByteArray m_target;
    QTcpServer m_server;
};

void setAgentPassword(const QString &storeFile)
{
    auto store = Store::open(storeFile);
    Catalog catalog(*store);
    WriteTransaction tx(*store);
    catalog.setPasswordHash(catalog.agentByEmail(kAgent)->id,
                            secrets::hashPassword(kAgentPassword));
    tx.commit();
}

qint64 agentId(AgentApiClient &api)
{
    return AgentApiClient::json(api.call(
        "GET",
        QStringLiteral("/api/v1/agent/session")))[QLatin1String("agent")][QLatin1String("id")]
        .toInteger();
}

Reply putCaldav(AgentApiClient &api, const QString &mode, const QString &url)
{
    return api.call("PUT", QStringLiteral("/api/v1/agent/calendar-settings"),
                    {{"mode", mode},
                     {"caldav_url", url},
                     {"caldav_user", "agent"},
                     {"caldav_password", "s3cret"}});
}

// An appointment the agent books for themself, `days` ahead at `hour` UTC; its id.
qint64 bookOwn(AgentApiClient &api, qint64 motifId, int days, int hour)
{
    const QDate day = QDateTime::currentDateTimeUtc().date().addDays(days);
    const Reply r = api.command(
        QStringLiteral("create_rdv"),
        {{"motif_id", motifId},
         {"starts_at", QDateTime(day, QTime(hour, 0), QTimeZone::utc()).toSecsSinceEpoch()},
         {"usager", QJsonObject{{"first_name", "Anne"}, {"last_name", "Calendrier"}}}});
    if (r.status != 200)
        qWarning() << r.status << r.text();
    return AgentApiClient::json(r)[QLatin1String("result")][QLatin1String("id")].toInteger();
}

} // namespace

class TestCaldavTargets : public QObject
{
    Q_OBJECT
    AgentServerProcess m_secure;
    AgentServerProcess m_insecure;

private slots:
    void initTestCase()
    {
        QVERIFY2(m_secure.start(), qPrintable(m_secure.output()));
        m_insecure.setExtraArguments({QStringLiteral("--allow-insecure-caldav")});
        QVERIFY2(m_insecure.start(), qPrintable(m_insecure.output()));
        setAgentPassword(m_insecure.storeFile());
    }

    void savedUrlsAreChecked_data()
    {
        QTest::addColumn<bool>("insecureServer");
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("accepted");
        const auto add = [](const char *name, bool insecure, const char *url, bool accepted) {
            QTest::addRow("%s", name) << insecure << QString::fromLatin1(url) << accepted;
        };
        add("public https", false, "https://dav.example.fr/cal/", true);
        add("plain http", false, "http://dav.example.fr/cal/", false);
        add("loopback", false, "https://127.0.0.1:9999/", false);
        add("localhost", false, "https://localhost:9999/", false);
        add("ipv6 loopback", false, "https://[::1]:9999/", false);
        add("private 10", false, "https://10.0.0.5/cal/", false);
        add("private 172.16", false, "https://172.16.3.4/cal/", false);
        add("private 192.168", false, "https://192.168.1.10/cal/", false);
        add("link-local metadata", false, "https://169.254.169.254/", false);
        add("ipv6 link-local", false, "https://[fe80::1]/", false);
        add("ipv6 unique local", false, "https://[fd00::1]/", false);
        add("mapped private", false, "https://[::ffff:10.0.0.1]/", false);
        add("multicast", false, "https://224.0.0.1/", false);
        add("unspecified", false, "https://0.0.0.0/", false);
        add("insecure: http loopback", true, "http://127.0.0.1:9999/", true);
        add("insecure: private still", true, "http://10.0.0.5/cal/", false);
        add("insecure: link-local still", true, "http://169.254.169.254/", false);
    }

    void savedUrlsAreChecked()
    {
        QFETCH(bool, insecureServer);
        QFETCH(QString, url);
        QFETCH(bool, accepted);
        AgentApiClient api((insecureServer ? m_insecure : m_secure).url());
        QCOMPARE(api.login(kAdmin, kAdminPassword), 200);
        // Mode "none": saved but not pushed, so no job runs from here.
        const Reply r = putCaldav(api, QStringLiteral("none"), url);
        QCOMPARE(r.status, accepted ? 200 : 400);
        if (!accepted)
            QVERIFY2(!AgentApiClient::json(r)[QLatin1String("fields")][QLatin1String("caldav_url")]
                          .toString()
                          .isEmpty(),
                     qPrintable(r.text()));
    }

    void internalTargetRefusedWhenConnecting()
    {
        SilentHost internal;
        AgentApiClient api(m_secure.url());
        QCOMPARE(api.login(kAdmin, kAdminPassword), 200);
        const qint64 me = agentId(api);
        QCOMPARE(putCaldav(api, QStringLiteral("none"), QStringLiteral("https://dav.example.fr/c/"))
                     .status,
                 200);
        // The stored address now leads inside (as a name re-pointed after it was saved would).
        {
            auto store = Store::open(m_secure.storeFile());
            WriteTransaction tx(*store);
            sql::run(store->db(),
                     QStringLiteral("UPDATE agent_calendars SET mode = 'caldav', caldav_url = ? "
                                    "WHERE agent_id = ?"),
                     {QStringLiteral("https://localhost:%1/cal/").arg(internal.port()), me});
            tx.commit();
        }
        const qint64 rdv = bookOwn(api, 1, 9, 4);
        QVERIFY(rdv > 0);
        QString error;
        QElapsedTimer t;
        t.start();
        while (error.isEmpty() && t.elapsed() < 15000) {
            QTest::qWait(200);
            auto store = Store::open(m_secure.storeFile());
            error = sql::scalar(store->db(),
                                QStringLiteral("SELECT last_error FROM caldav_jobs WHERE "
                                               "agent_id = ? AND rdv_id = ?"),
                                {me, rdv})
                        .toString();
        }
        // Refused on the address "localhost" resolves to, not on its name.
        QVERIFY2(error.startsWith(QLatin1String("refused internal address")), qPrintable(error));
        QTest::qWait(300);
        QCOMPARE(internal.connections, 0);
    }

    void redirectsAreNotFollowed()
    {
        SilentHost internal;
        Redirector redirector(QStringLiteral("http://127.0.0.1:%1/steal/").arg(internal.port()));
        AgentApiClient admin(m_insecure.url());
        QCOMPARE(admin.login(kAdmin, kAdminPassword), 200);
        const qint64 me = agentId(admin);
        QCOMPARE(putCaldav(admin, QStringLiteral("caldav"),
                           QStringLiteral("http://127.0.0.1:%1/cal/").arg(redirector.port()))
                     .status,
                 200);
        const qint64 rdv = bookOwn(admin, 1, 11, 4);
        QVERIFY(rdv > 0);
        QTRY_VERIFY_WITH_TIMEOUT(redirector.requests > 0, 10000);
        QString error;
        QElapsedTimer t;
        t.start();
        while (error.isEmpty() && t.elapsed() < 10000) {
            QTest::qWait(200);
            auto store = Store::open(m_insecure.storeFile());
            error = sql::scalar(store->db(),
                                QStringLiteral("SELECT last_error FROM caldav_jobs WHERE "
                                               "agent_id = ? AND rdv_id = ?"),
                                {me, rdv})
                        .toString();
        }
        QCOMPARE(error, QStringLiteral("HTTP 307"));
        QTest::qWait(300);
        QCOMPARE(internal.connections, 0); // the Location was not followed
        // Back to no calendar for the next test.
        QCOMPARE(putCaldav(admin, QStringLiteral("none"), QString()).status, 200);
    }

    void deadHostDelaysNoOtherAgent()
    {
        SilentHost dead;
        Radicale radicale;
        QVERIFY(radicale.start());
        QCOMPARE(radicale.makeCalendar(radicale.collectionUrl()), 201);

        AgentApiClient admin(m_insecure.url());
        QCOMPARE(admin.login(kAdmin, kAdminPassword), 200);
        QCOMPARE(putCaldav(admin, QStringLiteral("caldav"),
                           QStringLiteral("http://127.0.0.1:%1/cal/").arg(dead.port()))
                     .status,
                 200);
        AgentApiClient karim(m_insecure.url());
        QCOMPARE(karim.login(kAgent, kAgentPassword), 200);
        QCOMPARE(putCaldav(karim, QStringLiteral("caldav"), radicale.collectionUrl()).status, 200);

        // The dead host first, then the other agent's appointment.
        QVERIFY(bookOwn(admin, 1, 10, 4) > 0);
        QTRY_VERIFY_WITH_TIMEOUT(dead.connections > 0, 10000);
        QElapsedTimer t;
        t.start();
        const qint64 rdv = bookOwn(karim, 1, 10, 5);
        QVERIFY(rdv > 0);
        const QString file = QDir(radicale.collectionFolder())
                                 .filePath(QStringLiteral("creneau-rdv-%1.ics").arg(rdv));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(file), 10000);
        qInfo("the other agent's appointment reached Radicale in %lld ms while a calendar server "
              "held %d connection(s) unanswered",
              t.elapsed(), dead.connections);
        QVERIFY(t.elapsed() < 5000);
    }
};

QTEST_MAIN(TestCaldavTargets)
#include "tst_caldav_targets.moc"
