// Sessions against the real server: an absolute lifetime (--session-days, here a fraction of a
// day) that activity does not extend; revoked when the password is reset and when the agent is
// archived, whose calendar feed then answers 404.
#include "agentapiclient.h"
#include "agentserverprocess.h"

#include "models/catalog.h"
#include "models/demodata.h"
#include "models/secrets.h"
#include "models/sql.h"
#include "models/store.h"

#include <QElapsedTimer>
#include <QTest>

using namespace creneau;
using namespace creneau::test;

namespace {

const QString kAdmin = QString::fromLatin1(demo::kAdminEmail);
const QString kAdminPassword = QString::fromLatin1(demo::kAdminPassword);
const QString kAgent = QStringLiteral("karim.benali@demo.creneau.fr");
const QString kAgentPassword = QStringLiteral("karim-password-1");
// 0.0001 day: 8.64 seconds.
constexpr double kSessionDays = 0.0001;

int sessionStatus(AgentApiClient &api)
{
    return api.call("GET", QStringLiteral("/api/v1/agent/session")).status;
}

} // namespace

class TestAgentSessionLifetime : public QObject
{
    Q_OBJECT
    AgentServerProcess m_server;

private slots:
    void initTestCase()
    {
        m_server.setExtraArguments(
            {QStringLiteral("--session-days"), QString::number(kSessionDays)});
        QVERIFY2(m_server.start(), qPrintable(m_server.output()));
        auto store = Store::open(m_server.storeFile());
        Catalog catalog(*store);
        WriteTransaction tx(*store);
        catalog.setPasswordHash(catalog.agentByEmail(kAgent)->id,
                                secrets::hashPassword(kAgentPassword));
        tx.commit();
    }

    void activityDoesNotOutliveTheAbsoluteLifetime()
    {
        AgentApiClient api(m_server.url());
        const Reply login = api.call("POST", QStringLiteral("/api/v1/agent/session"),
                                     {{"email", kAdmin}, {"password", kAdminPassword}});
        QCOMPARE(login.status, 200);
        api.token = AgentApiClient::json(login)[QLatin1String("token")].toString();
        QCOMPARE(AgentApiClient::json(login)[QLatin1String("expires_in")].toInteger(), qint64(8));
        QElapsedTimer t;
        t.start();
        // Used every half second: a sliding expiry alone would keep it forever.
        while (t.elapsed() < 6500) {
            QCOMPARE(sessionStatus(api), 200);
            QTest::qWait(500);
        }
        QTRY_COMPARE_WITH_TIMEOUT(sessionStatus(api), 401, 5000);
        QVERIFY(t.elapsed() < 11000);
        QCOMPARE(api.call("GET", QStringLiteral("/api/v1/agent/changes")).status, 401);
        // A new sign-in gives a new session.
        QCOMPARE(api.login(kAdmin, kAdminPassword), 200);
        QCOMPARE(sessionStatus(api), 200);
    }

    void passwordResetRevokesSessions()
    {
        AgentApiClient api(m_server.url());
        QCOMPARE(api.login(kAdmin, kAdminPassword), 200);
        QCOMPARE(sessionStatus(api), 200);
        // --create-admin on an existing account resets its password.
        const QString fresh = QStringLiteral("a-new-password-2");
        QVERIFY(m_server.createAdmin(kAdmin, QStringLiteral("mfs-vernon"), fresh));
        QCOMPARE(sessionStatus(api), 401);
        QCOMPARE(api.login(kAdmin, kAdminPassword), 401);
        QCOMPARE(api.login(kAdmin, fresh), 200);
        QCOMPARE(sessionStatus(api), 200);
    }

    void archivingRevokesSessionsAndFeed()
    {
        AgentApiClient api(m_server.url());
        QCOMPARE(api.login(kAgent, kAgentPassword), 200);
        const Reply feed = api.call("POST", QStringLiteral("/api/v1/agent/calendar-feed"));
        QCOMPARE(feed.status, 201);
        const QUrl feedUrl(AgentApiClient::json(feed)[QLatin1String("url")].toString());
        AgentApiClient anonymous(m_server.url());
        QCOMPARE(anonymous.call("GET", feedUrl.path()).status, 200);

        {
            auto store = Store::open(m_server.storeFile());
            Catalog catalog(*store);
            WriteTransaction tx(*store);
            Agent agent = *catalog.agentByEmail(kAgent);
            agent.archived = true;
            catalog.save(agent);
            tx.commit();
            // The sessions are gone from the store, not only refused.
            QCOMPARE(sql::scalar(store->db(),
                                 QStringLiteral("SELECT COUNT(*) FROM agent_sessions WHERE "
                                                "agent_id = ?"),
                                 {agent.id})
                         .toInt(),
                     0);
        }
        QCOMPARE(sessionStatus(api), 401);
        QCOMPARE(anonymous.call("GET", feedUrl.path()).status, 404);
        QCOMPARE(api.login(kAgent, kAgentPassword), 401);
    }
};

QTEST_MAIN(TestAgentSessionLifetime)
#include "tst_agent_session_lifetime.moc"
