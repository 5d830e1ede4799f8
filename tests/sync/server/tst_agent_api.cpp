// The agent API against the real server: sign-in, refused sign-ins and lockout, organisation
// scoping, admin-only commands, stale versions, idempotent replays, long-polling, bad input.
#include "agentapiclient.h"
#include "agentserverprocess.h"

#include "models/catalog.h"
#include "models/demodata.h"
#include "models/secrets.h"
#include "models/store.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace creneau;
using namespace creneau::test;

namespace {

const QString kAdmin = QString::fromLatin1(demo::kAdminEmail);
const QString kAdminPassword = QString::fromLatin1(demo::kAdminPassword);
const QString kAgent = QStringLiteral("karim.benali@demo.creneau.fr");
const QString kAgentPassword = QStringLiteral("karim-password-1");
// An hour about a year ahead: inside the horizon agents' instants must fall in (two years).
const qint64 kLater = (QDateTime::currentSecsSinceEpoch() / 3600 + 365 * 24) * 3600;

// Gives the demo's second agent (not an admin) a password, straight in the store.
void setAgentPassword(const QString &storeFile)
{
    auto store = Store::open(storeFile);
    Catalog catalog(*store);
    WriteTransaction tx(*store);
    catalog.setPasswordHash(catalog.agentByEmail(kAgent)->id,
                            secrets::hashPassword(kAgentPassword));
    tx.commit();
}

} // namespace

class TestAgentApi : public QObject
{
    Q_OBJECT
    AgentServerProcess m_server;

private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.output()));
        QVERIFY(m_server.createAdmin(QStringLiteral("boss@autre.example.fr"),
                                     QStringLiteral("autre"), QStringLiteral("autre-password")));
        setAgentPassword(m_server.storeFile());
    }

    void signInUseAndRevoke()
    {
        AgentApiClient api(m_server.url());
        QCOMPARE(api.login(kAdmin, kAdminPassword), 200);
        QCOMPARE(api.token.size(), 43); // 32 bytes in URL-safe base64
        Reply me = api.call("GET", QStringLiteral("/api/v1/agent/session"));
        QCOMPARE(me.status, 200);
        QCOMPARE(
            AgentApiClient::json(me)[QLatin1String("agent")][QLatin1String("email")].toString(),
            kAdmin);
        QCOMPARE(AgentApiClient::json(me)[QLatin1String("agent")][QLatin1String("role")].toString(),
                 QStringLiteral("admin"));
        QCOMPARE(api.call("DELETE", QStringLiteral("/api/v1/agent/session")).status, 200);
        me = api.call("GET", QStringLiteral("/api/v1/agent/session"));
        QCOMPARE(me.status, 401);
        QVERIFY(AgentApiClient::json(me).contains(QStringLiteral("error")));
    }

    void refusedSignIns()
    {
        AgentApiClient api(m_server.url());
        const auto error = [](const Reply &r) {
            return AgentApiClient::json(r).value(QStringLiteral("error")).toString();
        };
        const QJsonObject wrong{{QStringLiteral("email"), kAgent},
                                {QStringLiteral("password"), QStringLiteral("wrong-password")}};
        Reply r = api.call("POST", QStringLiteral("/api/v1/agent/session"), wrong);
        QCOMPARE(r.status, 401);
        // In French, as every message of the product.
        QCOMPARE(error(r), QStringLiteral("E-mail ou mot de passe incorrect."));
        QCOMPARE(api.login(QStringLiteral("nobody@example.fr"), QStringLiteral("whatever")), 401);
        r = api.call("GET", QStringLiteral("/api/v1/agent/changes"));
        QCOMPARE(r.status, 401);
        QCOMPARE(error(r), QStringLiteral("Connectez-vous d'abord : un jeton est nécessaire."));
        api.token = QStringLiteral("not-a-real-token-but-long-enough-to-be-checked-1234");
        r = api.call("GET", QStringLiteral("/api/v1/agent/changes"));
        QCOMPARE(r.status, 401);
        QCOMPARE(error(r),
                 QStringLiteral("Votre session a expiré ou a été fermée : reconnectez-vous."));
        // The right password still works: two failures do not lock.
        QCOMPARE(api.login(kAgent, kAgentPassword), 200);
    }

    void organisationScoping()
    {
        AgentApiClient boss(m_server.url());
        QCOMPARE(
            boss.login(QStringLiteral("boss@autre.example.fr"), QStringLiteral("autre-password")),
            200);
        const QJsonArray changes = boss.changes();
        QVERIFY(!changes.isEmpty());
        for (const QJsonValue c : changes) {
            const QJsonObject data = c[QLatin1String("data")].toObject();
            if (c[QLatin1String("entity")].toString() == QLatin1String("organisation"))
                QCOMPARE(data[QLatin1String("slug")].toString(), QStringLiteral("autre"));
            else
                QVERIFY2(data[QLatin1String("organisation_id")].toInteger() != 1,
                         qPrintable(c[QLatin1String("entity")].toString()));
            QVERIFY(!data.contains(QStringLiteral("password_hash")));
        }
        // The demo organisation's appointment and motif do not exist for this admin.
        QCOMPARE(boss.command(QStringLiteral("cancel_rdv"), {{"rdv_id", 1}}).status, 404);
        QCOMPARE(boss.command(QStringLiteral("save_motif"), {{"id", 1}, {"name", "Pris"}}).status,
                 404);
        // And the demo admin never sees the other organisation, nor any secret.
        AgentApiClient admin(m_server.url());
        QCOMPARE(admin.login(kAdmin, kAdminPassword), 200);
        for (const QJsonValue c : admin.changes()) {
            QVERIFY(c[QLatin1String("data")][QLatin1String("email")].toString() !=
                    QLatin1String("boss@autre.example.fr"));
            QVERIFY(
                !c[QLatin1String("data")].toObject().contains(QStringLiteral("usager_token_hash")));
        }
    }

    void adminOnlyCommands()
    {
        AgentApiClient agent(m_server.url());
        QCOMPARE(agent.login(kAgent, kAgentPassword), 200);
        for (const QString &type : {QStringLiteral("save_motif"), QStringLiteral("save_lieu"),
                                    QStringLiteral("save_plage")}) {
            const Reply r = agent.command(type, {{"name", "Nouveau"}});
            QCOMPARE(r.status, 403);
            QVERIFY(AgentApiClient::json(r).contains(QStringLiteral("error")));
        }
        // An agent manages their own absences.
        const Reply own = agent.command(
            QStringLiteral("save_absence"),
            {{"title", "Formation"}, {"starts_at", kLater}, {"ends_at", kLater + 3600}});
        QCOMPARE(own.status, 200);
        const qint64 absence =
            AgentApiClient::json(own)[QLatin1String("result")][QLatin1String("id")].toInteger();
        QVERIFY(absence > 0);
        // Not an admin's.
        AgentApiClient admin(m_server.url());
        QCOMPARE(admin.login(kAdmin, kAdminPassword), 200);
        const Reply adminAbsence = admin.command(
            QStringLiteral("save_absence"),
            {{"title", "Congés"}, {"starts_at", kLater}, {"ends_at", kLater + 86400}});
        QCOMPARE(adminAbsence.status, 200);
        QCOMPARE(
            agent
                .command(QStringLiteral("remove_absence"),
                         {{"id", AgentApiClient::json(
                                     adminAbsence)[QLatin1String("result")][QLatin1String("id")]}})
                .status,
            403);
        // Removal travels as a deleted flag.
        QCOMPARE(agent.command(QStringLiteral("remove_absence"), {{"id", absence}}).status, 200);
        bool seenDeleted = false;
        for (const QJsonValue c : agent.changes())
            if (c[QLatin1String("entity")].toString() == QLatin1String("absences") &&
                c[QLatin1String("id")].toInteger() == absence)
                seenDeleted = c[QLatin1String("deleted")].toBool();
        QVERIFY(seenDeleted);
        // The admin may.
        QCOMPARE(admin.command(QStringLiteral("save_lieu"), {{"name", "Annexe"}}).status, 200);
    }

    void staleVersionAndIdempotency()
    {
        AgentApiClient admin(m_server.url());
        QCOMPARE(admin.login(kAdmin, kAdminPassword), 200);
        const QJsonObject before = admin.row(QStringLiteral("rdvs"), 2);
        const int version = before[QLatin1String("version")].toInt();
        QVERIFY(version >= 1);
        const QString key = QStringLiteral("same-key-twice");
        const Reply first = admin.command(QStringLiteral("set_context"),
                                          {{"rdv_id", 2}, {"context", "Premier"}}, version, key);
        QCOMPARE(first.status, 200);
        const Reply second = admin.command(QStringLiteral("set_context"),
                                           {{"rdv_id", 2}, {"context", "Premier"}}, version, key);
        QCOMPARE(second.status, 200);
        QCOMPARE(second.header("idempotent-replayed"), QByteArray("true"));
        QCOMPARE(second.body, first.body);
        QCOMPARE(admin.row(QStringLiteral("rdvs"), 2)[QLatin1String("version")].toInt(),
                 version + 1);

        // The old version is now stale: 409 with the current state.
        const Reply stale = admin.command(QStringLiteral("set_context"),
                                          {{"rdv_id", 2}, {"context", "Second"}}, version);
        QCOMPARE(stale.status, 409);
        const QJsonObject current =
            AgentApiClient::json(stale)[QLatin1String("current")].toObject();
        QCOMPARE(current[QLatin1String("version")].toInt(), version + 1);
        QCOMPARE(current[QLatin1String("context")].toString(), QStringLiteral("Premier"));

        // Catalog rows use their sequence number as version.
        const QJsonObject motif = admin.row(QStringLiteral("motifs"), 1);
        const int seq = int(motif[QLatin1String("seq")].toInteger());
        QCOMPARE(admin.command(QStringLiteral("save_motif"), {{"id", 1}, {"name", "Renommé"}}, seq)
                     .status,
                 200);
        QCOMPARE(admin.command(QStringLiteral("save_motif"), {{"id", 1}, {"name", "Encore"}}, seq)
                     .status,
                 409);
    }

    void feedCarriesAnyTextAndEveryRowOnce()
    {
        AgentApiClient admin(m_server.url());
        QCOMPARE(admin.login(kAdmin, kAdminPassword), 200);
        const QString odd = QStringLiteral("« Lieu » \"cité\" \\ a/b\nc\r\nd ") +
                            QString::fromUtf8("\xF0\x9F\x98\x80");
        const Reply saved = admin.command(QStringLiteral("save_lieu"), {{"name", odd}});
        QCOMPARE(saved.status, 200);
        const QJsonObject result = AgentApiClient::json(saved)[QLatin1String("result")].toObject();
        QCOMPARE(result[QLatin1String("data")][QLatin1String("name")].toString(), odd);
        // Read in pages of 100 (AgentApiClient::changes): each row once, in sequence order.
        const QJsonArray all = admin.changes();
        QSet<QString> seen;
        qint64 lastSeq = 0;
        bool found = false;
        for (const QJsonValue c : all) {
            const QString key = c[QLatin1String("entity")].toString() + QLatin1Char('/') +
                                QString::number(c[QLatin1String("id")].toInteger());
            QVERIFY2(!seen.contains(key), qPrintable(key));
            seen.insert(key);
            const qint64 seq = c[QLatin1String("seq")].toInteger();
            QVERIFY(seq >= lastSeq);
            lastSeq = seq;
            if (c[QLatin1String("data")][QLatin1String("name")].toString() == odd)
                found = true;
            if (c[QLatin1String("entity")].toString() == QLatin1String("rdvs")) {
                const QJsonObject data = c[QLatin1String("data")].toObject();
                QVERIFY(data[QLatin1String("agent_ids")].isArray());
                QVERIFY(data[QLatin1String("usager_ids")].isArray());
                QCOMPARE(data[QLatin1String("prescripteur")][QLatin1String("email")].toString(),
                         data[QLatin1String("prescripteur_email")].toString());
                QVERIFY(!data.contains(QLatin1String("usager_token_hash")));
            }
            if (c[QLatin1String("entity")].toString() == QLatin1String("agents"))
                QVERIFY(
                    !c[QLatin1String("data")].toObject().contains(QLatin1String("password_hash")));
        }
        QVERIFY(found);
    }

    void longPollAnswersWhenTheSequenceMoves()
    {
        AgentApiClient admin(m_server.url());
        QCOMPARE(admin.login(kAdmin, kAdminPassword), 200);
        qint64 next = 0;
        admin.changes(0, &next);
        // Idle: answered at the timeout, not moved.
        QElapsedTimer idle;
        idle.start();
        Reply r = admin.call(
            "GET", QStringLiteral("/api/v1/agent/changes/wait?since=%1&timeout=1").arg(next));
        QCOMPARE(r.status, 200);
        QCOMPARE(AgentApiClient::json(r)[QLatin1String("moved")].toBool(), false);
        QVERIFY(idle.elapsed() >= 900);
        // A write from another client wakes the waiter at once.
        AgentApiClient other(m_server.url());
        QCOMPARE(other.login(kAdmin, kAdminPassword), 200);
        QTimer::singleShot(300, [&other] {
            other.command(QStringLiteral("save_lieu"), {{"name", "Réveil"}});
        });
        QElapsedTimer woke;
        woke.start();
        r = admin.call("GET",
                       QStringLiteral("/api/v1/agent/changes/wait?since=%1&timeout=20").arg(next));
        QCOMPARE(r.status, 200);
        QCOMPARE(AgentApiClient::json(r)[QLatin1String("moved")].toBool(), true);
        QVERIFY2(woke.elapsed() < 5000, qPrintable(QString::number(woke.elapsed())));
    }

    // Each long-poll holds a connection for up to 25 s: at most 4 at once per session.
    void longPollsAreCappedPerSession()
    {
        AgentApiClient admin(m_server.url());
        QCOMPARE(admin.login(kAdmin, kAdminPassword), 200);
        qint64 next = 0;
        admin.changes(0, &next);
        const QByteArray request =
            "GET /api/v1/agent/changes/wait?since=" + QByteArray::number(next) +
            "&timeout=5 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + admin.token.toLatin1() +
            "\r\n\r\n";
        const auto open = [&] {
            auto socket = std::make_unique<QTcpSocket>();
            socket->connectToHost(m_server.url().host(), quint16(m_server.url().port()));
            socket->waitForConnected(5000);
            socket->write(request);
            socket->flush();
            return socket;
        };
        std::vector<std::unique_ptr<QTcpSocket>> waits;
        for (int i = 0; i < 4; ++i)
            waits.push_back(open());
        QTest::qWait(300);
        for (const auto &socket : waits)
            QCOMPARE(socket->bytesAvailable(), 0); // waiting
        const auto fifth = open();
        QVERIFY(fifth->waitForReadyRead(2000));
        const QByteArray answer = fifth->readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 429"), answer.constData());
        QVERIFY(answer.toLower().contains("\r\nretry-after: "));
        const QJsonObject error =
            QJsonDocument::fromJson(answer.mid(answer.indexOf("\r\n\r\n") + 4)).object();
        QVERIFY2(
            error.value(QStringLiteral("error")).toString().contains(QStringLiteral("attentes")),
            answer.constData());
        // Another session is not affected.
        AgentApiClient other(m_server.url());
        QCOMPARE(other.login(kAdmin, kAdminPassword), 200);
        const Reply r = other.call(
            "GET", QStringLiteral("/api/v1/agent/changes/wait?since=%1&timeout=1").arg(next));
        QCOMPARE(r.status, 200);
        // A client that goes away gives its place back.
        waits.front()->abort();
        QTest::qWait(300);
        const auto again = open();
        QVERIFY(!again->waitForReadyRead(1000)); // waiting, not refused
    }

    void badInputIsAnsweredWithJson_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        // The field a 422 names in "fields" (none when empty).
        QTest::addColumn<QString>("field");
        QTest::addRow("since negative")
            << QByteArray("GET") << QStringLiteral("/api/v1/agent/changes?since=-1") << QByteArray()
            << 400 << QString();
        QTest::addRow("limit not a number")
            << QByteArray("GET") << QStringLiteral("/api/v1/agent/changes?limit=abc")
            << QByteArray() << 400 << QString();
        QTest::addRow("malformed json")
            << QByteArray("POST") << QStringLiteral("/api/v1/agent/commands") << QByteArray("{nope")
            << 400 << QString();
        QTest::addRow("no key") << QByteArray("POST") << QStringLiteral("/api/v1/agent/commands")
                                << QByteArray(R"({"type":"cancel_rdv"})") << 400 << QString();
        QTest::addRow("unknown type")
            << QByteArray("POST") << QStringLiteral("/api/v1/agent/commands")
            << QByteArray(R"({"idempotency_key":"x1","type":"drop_table"})") << 400 << QString();
        QTest::addRow("payload of the wrong shape")
            << QByteArray("POST") << QStringLiteral("/api/v1/agent/commands")
            << QByteArray(R"({"idempotency_key":"x2","type":"move_rdv","payload":[1,2]})") << 400
            << QString();
        QTest::addRow("payload as text")
            << QByteArray("POST") << QStringLiteral("/api/v1/agent/commands")
            << QByteArray(R"({"idempotency_key":"x6","type":"cancel_rdv","payload":"rdv 1"})")
            << 400 << QString();
        QTest::addRow("version out of range")
            << QByteArray("POST") << QStringLiteral("/api/v1/agent/commands")
            << QByteArray(R"({"idempotency_key":"x7","type":"move_rdv","expected_version":1e300,)"
                          R"("payload":{"rdv_id":1,"starts_at":1767603600}})")
            << 400 << QString();
        QTest::addRow("negative version")
            << QByteArray("POST") << QStringLiteral("/api/v1/agent/commands")
            << QByteArray(R"({"idempotency_key":"x8","type":"cancel_rdv","expected_version":-3,)"
                          R"("payload":{"rdv_id":1}})")
            << 400 << QString();
        QTest::addRow("ids out of range")
            << QByteArray("POST") << QStringLiteral("/api/v1/agent/commands")
            << QByteArray(R"({"idempotency_key":"x4","type":"move_rdv",)"
                          R"("payload":{"rdv_id":1e300,"starts_at":-1e300}})")
            << 422 << QStringLiteral("rdv_id");
        QTest::addRow("id as text")
            << QByteArray("POST") << QStringLiteral("/api/v1/agent/commands")
            << QByteArray(
                   R"({"idempotency_key":"x9","type":"cancel_rdv","payload":{"rdv_id":"1"}})")
            << 422 << QStringLiteral("rdv_id");
        QTest::addRow("fractional id")
            << QByteArray("POST") << QStringLiteral("/api/v1/agent/commands")
            << QByteArray(
                   R"({"idempotency_key":"x10","type":"cancel_rdv","payload":{"rdv_id":1.5}})")
            << 422 << QStringLiteral("rdv_id");
        QTest::addRow("negative id in a list")
            << QByteArray("POST") << QStringLiteral("/api/v1/agent/commands")
            << QByteArray(R"({"idempotency_key":"x11","type":"save_plage",)"
                          R"("payload":{"motif_ids":[1,-2]}})")
            << 422 << QStringLiteral("motif_ids");
        QTest::addRow("absence with absurd times")
            << QByteArray("POST") << QStringLiteral("/api/v1/agent/commands")
            << QByteArray(R"({"idempotency_key":"x5","type":"save_absence",)"
                          R"("payload":{"starts_at":1e308,"ends_at":"demain"}})")
            << 422 << QString();
        QTest::addRow("plage without fields")
            << QByteArray("POST") << QStringLiteral("/api/v1/agent/commands")
            << QByteArray(R"({"idempotency_key":"x3","type":"save_plage","payload":{}})") << 422
            << QString();
    }

    void badInputIsAnsweredWithJson()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, field);
        AgentApiClient admin(m_server.url());
        QCOMPARE(admin.login(kAdmin, kAdminPassword), 200);
        QNetworkAccessManager net;
        QNetworkRequest request(QUrl(m_server.url().toString() + path));
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        request.setRawHeader("Authorization", "Bearer " + admin.token.toLatin1());
        const Reply r = HttpClient::wait(net.sendCustomRequest(request, method, body));
        QCOMPARE(r.status, status);
        QVERIFY(AgentApiClient::json(r).contains(QStringLiteral("error")));
        if (!field.isEmpty())
            QVERIFY2(
                AgentApiClient::json(r).value(QStringLiteral("fields")).toObject().contains(field),
                r.body.constData());
        QVERIFY(m_server.isRunning());
    }

    // The commands' refusals read in French, as every message of the product (their French
    // once sat under a translation context the code never asked for).
    void commandErrorsAreInFrench_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("error");
        QTest::addRow("unknown type") << QByteArray(R"({"idempotency_key":"f1","type":"x"})")
                                      << QStringLiteral("Type de commande inconnu.");
        QTest::addRow("payload not an object")
            << QByteArray(R"({"idempotency_key":"f2","type":"cancel_rdv","payload":1})")
            << QStringLiteral("Le contenu de la commande doit être un objet JSON.");
        QTest::addRow("id not valid")
            << QByteArray(R"({"idempotency_key":"f3","type":"cancel_rdv","payload":{"rdv_id":-1}})")
            << QStringLiteral("Certains identifiants ne sont pas valides.");
        QTest::addRow("lieu of no one")
            << QByteArray(
                   R"({"idempotency_key":"f4","type":"save_plage","payload":{"lieu_id":999999}})")
            << QStringLiteral("Introuvable dans votre organisation.");
    }
    void commandErrorsAreInFrench()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, error);
        AgentApiClient admin(m_server.url());
        QCOMPARE(admin.login(kAdmin, kAdminPassword), 200);
        QNetworkAccessManager net;
        QNetworkRequest request(
            QUrl(m_server.url().toString() + QStringLiteral("/api/v1/agent/commands")));
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        request.setRawHeader("Authorization", "Bearer " + admin.token.toLatin1());
        const Reply r = HttpClient::wait(net.post(request, body));
        QCOMPARE(AgentApiClient::json(r).value(QStringLiteral("error")).toString(), error);
    }

    // Last: it slows this account down from the loopback address. The server's promise
    // (AgentLoginThrottle, 3 free failures per account and address): 401 for the first three,
    // then 429 with a Retry-After that doubles at each new failure (2 s, 4 s, 8 s... up to the
    // quarter-hour lock, checked in tst_agent_login_throttle), the right password included.
    void repeatedFailuresDoubleTheWait()
    {
        AgentApiClient api(m_server.url());
        QCOMPARE(api.login(kAgent, QStringLiteral("bad-1")), 401);
        QCOMPARE(api.login(kAgent, QStringLiteral("bad-2")), 401);
        QCOMPARE(api.login(kAgent, QStringLiteral("bad-3")), 401);
        // The wait after the n-th failure: Retry-After is rounded up, so a loaded machine may
        // see one second less, never more and never a different status.
        const auto refusedFor = [&](int seconds) {
            const Reply r = api.call("POST", QStringLiteral("/api/v1/agent/session"),
                                     {{"email", kAgent}, {"password", kAgentPassword}});
            if (r.status != 429) {
                qWarning("expected 429, got %d: %s", r.status, qPrintable(r.text()));
                return false;
            }
            const int retryAfter = r.header("retry-after").toInt();
            if (retryAfter < seconds - 1 || retryAfter > seconds) {
                qWarning("Retry-After %d, expected %d", retryAfter, seconds);
                return false;
            }
            return AgentApiClient::json(r)
                .value(QStringLiteral("error"))
                .toString()
                .contains(QString::number(retryAfter));
        };
        QVERIFY(refusedFor(2));
        QVERIFY(refusedFor(2)); // asking again does not shorten nor lengthen the wait
        QTest::qWait(2100);
        QCOMPARE(api.login(kAgent, QStringLiteral("bad-4")), 401);
        QVERIFY(refusedFor(4));
        QTest::qWait(4100);
        QCOMPARE(api.login(kAgent, QStringLiteral("bad-5")), 401);
        QVERIFY(refusedFor(8));
        // Counted per account and address: another account from this address is not slowed
        // down by these five failures (the address alone is limited only past ten).
        QCOMPARE(api.login(kAdmin, kAdminPassword), 200);
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); } // SIGTERM: a clean exit
};

QTEST_MAIN(TestAgentApi)
#include "tst_agent_api.moc"
