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
        router.get(QStringLiteral("/rdv/{slug}/motif/{id}"), Auth::None, [](HttpRequest &r) {
            return HttpResponse::text(
                (r.param(QStringLiteral("slug")) + QLatin1Char(':') + r.param(QStringLiteral("id")))
                    .toUtf8(),
                "text/plain");
        });
        router.get(QStringLiteral("/boom/http"), Auth::None, [](HttpRequest &) -> HttpResponse {
            throw HttpError(418, QStringLiteral("non"));
        });
        router.get(QStringLiteral("/boom/std"), Auth::None,
                   [](HttpRequest &) -> HttpResponse { throw std::runtime_error("bad"); });
        router.get(QStringLiteral("/boom/store"), Auth::None, [](HttpRequest &) -> HttpResponse {
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
        router.post(QStringLiteral("/x"), Auth::None,
                    [](HttpRequest &) { return HttpResponse::json("{}"); });
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

    // Each route states what it needs; dispatch checks it before the handler runs.
    void authenticatesBeforeTheHandler_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("seenBy"); // the agent the handler saw, empty when it did not run
        QTest::addRow("public, no token") << "/public" << QByteArray() << 200 << "";
        QTest::addRow("public ignores a token")
            << "/public" << QByteArray("Bearer agent") << 200 << "";
        QTest::addRow("agent route, no token") << "/agent" << QByteArray() << 401 << "";
        QTest::addRow("agent route, not bearer")
            << "/agent" << QByteArray("Basic YWdlbnQ6eA==") << 401 << "";
        QTest::addRow("agent route, unknown token")
            << "/agent" << QByteArray("Bearer stolen") << 401 << "";
        QTest::addRow("agent route, agent")
            << "/agent" << QByteArray("Bearer agent") << 200 << "agent@x";
        QTest::addRow("agent route, admin")
            << "/agent" << QByteArray("Bearer admin") << 200 << "admin@x";
        QTest::addRow("admin route, no token") << "/admin" << QByteArray() << 401 << "";
        QTest::addRow("admin route, agent") << "/admin" << QByteArray("Bearer agent") << 403 << "";
        QTest::addRow("admin route, admin")
            << "/admin" << QByteArray("Bearer admin") << 200 << "admin@x";
        QTest::addRow("unknown path with a token")
            << "/nowhere" << QByteArray("Bearer admin") << 404 << "";
    }

    void authenticatesBeforeTheHandler()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, authorization);
        QFETCH(int, status);
        QFETCH(QString, seenBy);
        QString seen;
        const auto handler = [&seen](HttpRequest &r) {
            seen = r.session ? r.session->agent.email : QString();
            return HttpResponse::json("{}");
        };
        Router router;
        router.get(QStringLiteral("/public"), Auth::None, handler);
        router.get(QStringLiteral("/agent"), Auth::Agent, handler);
        router.get(QStringLiteral("/admin"), Auth::Admin, handler);
        HttpServer server(std::move(router));
        QStringList resolved;
        server.setSessionResolver([&resolved](const QString &token) -> std::optional<AgentSession> {
            resolved.append(token);
            if (token != QLatin1String("agent") && token != QLatin1String("admin"))
                return std::nullopt;
            AgentSession s;
            s.agent.email = token + QStringLiteral("@x");
            s.agent.role = token == QLatin1String("admin") ? creneau::AgentRole::Admin
                                                           : creneau::AgentRole::Agent;
            return s;
        });
        HttpRequest request;
        request.method = "GET";
        request.path = path;
        if (!authorization.isEmpty())
            request.headers.insert("authorization", authorization);
        const HttpResponse response = server.dispatch(request);
        QCOMPARE(response.status, status);
        QCOMPARE(seen, seenBy);
        if (status >= 400)
            QVERIFY(response.body.contains("\"error\""));
        // Public routes never look a token up: a token costs nothing where it grants nothing.
        QCOMPARE(resolved.isEmpty(), path == QLatin1String("/public") ||
                                         path == QLatin1String("/nowhere") ||
                                         !authorization.startsWith("Bearer "));
    }

    // A signed-in agent's desktop replays its offline queue in a burst: not rate-limited. A bad
    // token is, like any anonymous POST.
    void signedInPostsAreNotRateLimited()
    {
        Router router;
        router.post(QStringLiteral("/agent"), Auth::Agent,
                    [](HttpRequest &) { return HttpResponse::json("{}"); });
        HttpServer server(std::move(router));
        server.setRateLimit(2);
        server.setSessionResolver([](const QString &token) -> std::optional<AgentSession> {
            if (token != QLatin1String("good"))
                return std::nullopt;
            return AgentSession{};
        });
        HttpRequest request;
        request.method = "POST";
        request.path = QStringLiteral("/agent");
        request.peer = QHostAddress(QStringLiteral("192.0.2.1"));
        request.headers.insert("authorization", "Bearer good");
        for (int i = 0; i < 5; ++i)
            QCOMPARE(server.dispatch(request).status, 200);
        request.headers.insert("authorization", "Bearer bad");
        QCOMPARE(server.dispatch(request).status, 401);
        QCOMPARE(server.dispatch(request).status, 401);
        QCOMPARE(server.dispatch(request).status, 429);
    }

    // A route declared public that asks for its caller is a bug: 500, not a crash.
    void callerOnAPublicRouteIsAServerError()
    {
        Router router;
        router.get(QStringLiteral("/oops"), Auth::None, [](HttpRequest &r) {
            return HttpResponse::json(r.caller().agent.email.toUtf8());
        });
        HttpServer server(std::move(router));
        HttpRequest request;
        request.method = "GET";
        request.path = QStringLiteral("/oops");
        QCOMPARE(server.dispatch(request).status, 500);
    }
};

QTEST_GUILESS_MAIN(TestRouter)
#include "tst_router.moc"
