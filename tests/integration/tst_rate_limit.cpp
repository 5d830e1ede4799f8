// POSTs are limited per client address: past the limit, 429 with Retry-After; GETs are not.
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
};

QTEST_GUILESS_MAIN(TestRateLimit)
#include "tst_rate_limit.moc"
