// Routing and the shared policies of HttpServer::dispatch, without sockets.
#include "models/sql.h"
#include "sync/server/httpserver.h"

#include <QtTest>

using namespace creneau::server;

class TestRouter : public QObject
{
    Q_OBJECT
private slots:
    void routes_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("body");
        QTest::addRow("param") << QByteArray("GET") << "/rdv/abc/motif/7" << 200 << "abc:7";
        QTest::addRow("head like get")
            << QByteArray("HEAD") << "/rdv/abc/motif/7" << 200 << "abc:7";
        QTest::addRow("wrong method") << QByteArray("POST") << "/rdv/abc/motif/7" << 405 << "";
        QTest::addRow("unknown") << QByteArray("GET") << "/rdv/abc" << 404 << "";
        QTest::addRow("too deep") << QByteArray("GET") << "/rdv/abc/motif/7/x" << 404 << "";
        QTest::addRow("throws HttpError") << QByteArray("GET") << "/boom/http" << 418 << "";
        QTest::addRow("throws other") << QByteArray("GET") << "/boom/std" << 500 << "";
        // The store cannot write (disk full, read-only): the service is unavailable, not broken.
        QTest::addRow("throws StoreError") << QByteArray("GET") << "/boom/store" << 503 << "";
    }

    void routes()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(int, status);
        QFETCH(QString, body);
        Router router;
        router.get(QStringLiteral("/rdv/{slug}/motif/{id}"), [](HttpRequest &r) {
            return HttpResponse::text(
                (r.param(QStringLiteral("slug")) + QLatin1Char(':') + r.param(QStringLiteral("id")))
                    .toUtf8(),
                "text/plain");
        });
        router.get(QStringLiteral("/boom/http"), [](HttpRequest &) -> HttpResponse {
            throw HttpError(418, QStringLiteral("non"));
        });
        router.get(QStringLiteral("/boom/std"),
                   [](HttpRequest &) -> HttpResponse { throw std::runtime_error("bad"); });
        router.get(QStringLiteral("/boom/store"), [](HttpRequest &) -> HttpResponse {
            throw creneau::StoreError(QStringLiteral("database or disk is full"));
        });
        HttpServer server(std::move(router));
        HttpRequest request;
        request.method = method;
        request.path = path;
        const HttpResponse response = server.dispatch(request);
        QCOMPARE(response.status, status);
        if (!body.isEmpty())
            QCOMPARE(QString::fromUtf8(response.body), body);
        if (status >= 400)
            QVERIFY(response.body.contains("\"error\""));
        QCOMPARE(response.header("Retry-After").toInt() > 0, status == 503);
    }

    void rateLimitsPostsPerAddress()
    {
        Router router;
        router.post(QStringLiteral("/x"), [](HttpRequest &) { return HttpResponse::json("{}"); });
        HttpServer server(std::move(router));
        server.setRateLimit(2);
        HttpRequest request;
        request.method = "POST";
        request.path = QStringLiteral("/x");
        request.peer = QHostAddress(QStringLiteral("192.0.2.1"));
        QCOMPARE(server.dispatch(request).status, 200);
        QCOMPARE(server.dispatch(request).status, 200);
        const HttpResponse limited = server.dispatch(request);
        QCOMPARE(limited.status, 429);
        QVERIFY(limited.header("Retry-After").toInt() > 0);
        request.peer = QHostAddress(QStringLiteral("192.0.2.2"));
        QCOMPARE(server.dispatch(request).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestRouter)
#include "tst_router.moc"
