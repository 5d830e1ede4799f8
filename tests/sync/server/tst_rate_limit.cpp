// POSTs are limited per client address: past the limit, 429 with Retry-After; GETs are not.
// Signed-in agents' API calls are not counted; sign-in and calls with a bad token are.
#include "agentapiclient.h"
#include "httpclient.h"
#include "serverprocess.h"

#include <QJsonDocument>
#include <QtTest>

using namespace creneau::test;

class TestRateLimit : public QObject
{
    Q_OBJECT
private slots:
    void postsPastTheLimitGet429()
    {
        ServerProcess server(
            {QStringLiteral("--demo"), QStringLiteral("--rate-limit"), QStringLiteral("3")});
        QVERIFY2(server.isRunning(), qPrintable(server.output()));
        HttpClient client(server.url(QString()));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(client.postJson(QStringLiteral("/api/v1/public/mfs-vernon/rdvs"), "{}").status,
                     422);
        const Reply r = client.postJson(QStringLiteral("/api/v1/public/mfs-vernon/rdvs"), "{}");
        QCOMPARE(r.status, 429);
        QVERIFY(r.header("retry-after").toInt() > 0);
        QVERIFY(QJsonDocument::fromJson(r.body).object().contains(QStringLiteral("error")));
        QCOMPARE(client.get(QStringLiteral("/api/v1/public/mfs-vernon/motifs")).status, 200);
        QCOMPARE(server.terminate(), 0); // SIGTERM stops cleanly
    }

    void signedInAgentCallsAreNotCounted()
    {
        ServerProcess server(
            {QStringLiteral("--demo"), QStringLiteral("--rate-limit"), QStringLiteral("3")});
        QVERIFY2(server.isRunning(), qPrintable(server.output()));
        AgentApiClient agent(QUrl(server.url(QString())));
        QCOMPARE(
            agent.login(QStringLiteral("admin@demo.creneau.fr"), QStringLiteral("demo-creneau")),
            200); // sign-in counts: 1 of 3
        for (int i = 0; i < 200; ++i) {
            const Reply r =
                agent.command(QStringLiteral("save_lieu"),
                              {{QStringLiteral("name"), QStringLiteral("Lieu %1").arg(i)}});
            QVERIFY2(
                r.status == 200,
                qPrintable(QStringLiteral("command %1: %2 %3").arg(i).arg(r.status).arg(r.text())));
        }
        // The public side of the same address is still limited.
        HttpClient client(server.url(QString()));
        int status = 0;
        for (int i = 0; i < 4 && status != 429; ++i)
            status = client.postJson(QStringLiteral("/api/v1/public/mfs-vernon/rdvs"), "{}").status;
        QCOMPARE(status, 429);
        // So are calls whose token is made up, and sign-in even with a valid token beside it.
        AgentApiClient fake(QUrl(server.url(QString())));
        for (const QString &token : {QStringLiteral("x"), QString(43, QLatin1Char('A'))}) {
            fake.token = token;
            QCOMPARE(
                fake.command(QStringLiteral("save_lieu"), {{QStringLiteral("name"), token}}).status,
                429);
        }
        QCOMPARE(agent
                     .call("POST", QStringLiteral("/api/v1/agent/session"),
                           {{QStringLiteral("email"), QStringLiteral("admin@demo.creneau.fr")},
                            {QStringLiteral("password"), QStringLiteral("demo-creneau")}})
                     .status,
                 429);
        // The signed-in agent goes on.
        QCOMPARE(
            agent.command(QStringLiteral("save_lieu"), {{QStringLiteral("name"), "Encore"}}).status,
            200);
    }
};

QTEST_GUILESS_MAIN(TestRateLimit)
#include "tst_rate_limit.moc"
