// Sign-in against the real server (behind a trusted proxy, so each request may come from its own
// client address): failures slow down one account from one address with growing delays, while
// the right password from another address still works; Argon2id runs off the event loop, so the
// créneaux API keeps its latency during a burst of wrong sign-ins.
#include "agentapiclient.h"
#include "agentserverprocess.h"

#include "models/demodata.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace creneau;
using namespace creneau::test;

namespace {

const QString kAdmin = QString::fromLatin1(demo::kAdminEmail);
const QString kAdminPassword = QString::fromLatin1(demo::kAdminPassword);

Reply signIn(AgentApiClient &api, const QString &password)
{
    return api.call("POST", QStringLiteral("/api/v1/agent/session"),
                    {{QStringLiteral("email"), kAdmin}, {QStringLiteral("password"), password}});
}

// The client address the trusted proxy (the test itself, on loopback) vouches for.
void via(AgentApiClient &api, const QByteArray &address)
{
    api.headers.append({"X-Forwarded-For", address});
}

} // namespace

class TestAgentSignIn : public QObject
{
    Q_OBJECT
    AgentServerProcess m_server;

private slots:
    void initTestCase()
    {
        m_server.setExtraArguments(
            {QStringLiteral("--trusted-proxy"), QStringLiteral("127.0.0.1")});
        QVERIFY2(m_server.start(), qPrintable(m_server.output()));
    }

    void lockoutIsPerAccountAndAddress()
    {
        AgentApiClient stranger(m_server.url());
        via(stranger, "203.0.113.7");
        for (int i = 0; i < 3; ++i)
            QCOMPARE(signIn(stranger, QStringLiteral("wrong-%1").arg(i)).status, 401);
        // The stranger now waits, even with the right password...
        Reply slowed = signIn(stranger, kAdminPassword);
        QCOMPARE(slowed.status, 429);
        const int firstWait = slowed.header("retry-after").toInt();
        QVERIFY2(firstWait >= 1 && firstWait <= 2, slowed.header("retry-after").constData());
        // ...but the administrator at their own desk signs in at once.
        AgentApiClient owner(m_server.url());
        via(owner, "198.51.100.9");
        QCOMPARE(owner.login(kAdmin, kAdminPassword), 200);
        AgentApiClient direct(m_server.url()); // no proxy header: the loopback address
        QCOMPARE(direct.login(kAdmin, kAdminPassword), 200);
        // The delays grow for the stranger.
        QTest::qWait(firstWait * 1000 + 100);
        QCOMPARE(signIn(stranger, QStringLiteral("wrong-3")).status, 401);
        slowed = signIn(stranger, kAdminPassword);
        QCOMPARE(slowed.status, 429);
        const int secondWait = slowed.header("retry-after").toInt();
        QVERIFY2(secondWait > firstWait, slowed.header("retry-after").constData());
        QVERIFY(AgentApiClient::json(slowed).contains(QStringLiteral("error")));
        // The owner is still unaffected.
        QCOMPARE(owner.login(kAdmin, kAdminPassword), 200);
    }

    void burstOfWrongSignInsKeepsCreneauxFast()
    {
        const QUrl creneaux(m_server.url().toString() +
                            QStringLiteral("/api/v1/public/mfs-vernon/motifs/1/creneaux"));
        QNetworkAccessManager probe;
        const auto timeOne = [&probe, &creneaux](int *status) {
            QElapsedTimer t;
            t.start();
            QNetworkReply *r = probe.get(QNetworkRequest(creneaux));
            QEventLoop loop;
            QObject::connect(r, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            loop.exec();
            *status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            r->deleteLater();
            return t.nsecsElapsed() / 1e6;
        };
        int status = 0;
        timeOne(&status); // warm the cache and the connection
        QCOMPARE(status, 200);

        // 50 wrong sign-ins at once, each from its own address and connection.
        std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
        int answered = 0;
        int unauthorised = 0;
        int busy = 0; // 503: waited too long behind the burst (a loaded machine)
        QElapsedTimer burst;
        burst.start();
        for (int i = 0; i < 50; ++i) {
            managers.push_back(std::make_unique<QNetworkAccessManager>());
            QNetworkRequest request(
                QUrl(m_server.url().toString() + QStringLiteral("/api/v1/agent/session")));
            request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
            request.setRawHeader("X-Forwarded-For", "192.0.2." + QByteArray::number(i + 1));
            const QByteArray body =
                QJsonDocument(
                    QJsonObject{{"email", kAdmin}, {"password", QStringLiteral("bad-%1").arg(i)}})
                    .toJson(QJsonDocument::Compact);
            QNetworkReply *r = managers.back()->post(request, body);
            connect(r, &QNetworkReply::finished, this, [r, &answered, &unauthorised, &busy] {
                ++answered;
                const int code = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                unauthorised += code == 401;
                busy += code == 503;
                r->deleteLater();
            });
        }
        QList<double> latencies;
        while (answered < 50 && burst.elapsed() < 120000) {
            latencies.append(timeOne(&status));
            QCOMPARE(status, 200);
        }
        const qint64 burstMs = burst.elapsed();
        QCOMPARE(answered, 50);
        // Every sign-in refused, each with an answer (none cut by the idle timeout); a password
        // is verified unless the burst kept it waiting past 20 s.
        QCOMPARE(unauthorised + busy, 50);
        QVERIFY(unauthorised > 0);
        QVERIFY2(latencies.size() >= 20, "too few créneaux requests during the burst");
        std::sort(latencies.begin(), latencies.end());
        const double p50 = latencies.at(latencies.size() / 2);
        const double p99 = latencies.at(
            std::min<qsizetype>(latencies.size() - 1, qsizetype(latencies.size() * 0.99)));
        qInfo("créneaux during 50 parallel wrong sign-ins: %lld requests, p50 %.1f ms, p99 %.1f ms,"
              " max %.1f ms; the sign-ins took %lld ms (%d answered 401, %d answered 503)",
              qint64(latencies.size()), p50, p99, latencies.last(), burstMs, unauthorised, busy);
        QVERIFY2(p99 < 50, qPrintable(QString::number(p99)));
    }
};

QTEST_MAIN(TestAgentSignIn)
#include "tst_agent_signin.moc"
