// External calendars through the real creneau-server: the agent's settings over the agent API
// (bearer session), the private feed regenerated, read back with libical, revoked (404), and a
// cancellation showing as STATUS:CANCELLED in the feed. The OpenAPI document describes these
// routes, with references that resolve.
#include "agentapiclient.h"
#include "agentserverprocess.h"
#include "calendarfixture.h"
#include "models/catalog.h"
#include "models/demodata.h"
#include "models/secrets.h"

#include <QtTest>

using namespace creneau;
using namespace creneau::test;

namespace {

const QString kAdmin = QString::fromLatin1(demo::kAdminEmail);
const QString kAdminPassword = QString::fromLatin1(demo::kAdminPassword);
// The demo's second agent, who has appointments; given a password straight in the store.
const QString kAgent = QStringLiteral("karim.benali@demo.creneau.fr");
const QString kAgentPassword = QStringLiteral("karim-password-1");

void setAgentPassword(const QString &storeFile)
{
    auto store = Store::open(storeFile);
    Catalog catalog(*store);
    WriteTransaction tx(*store);
    catalog.setPasswordHash(catalog.agentByEmail(kAgent)->id,
                            secrets::hashPassword(kAgentPassword));
    tx.commit();
}

Reply get(const QString &url)
{
    QNetworkAccessManager nam;
    return HttpClient::wait(nam.get(QNetworkRequest(QUrl(url))));
}

// Every "$ref" under `value` ("#/components/schemas/X"), to check against the document.
void collectRefs(const QJsonValue &value, QStringList &out)
{
    if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            collectRefs(v, out);
    } else if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.key() == QLatin1String("$ref"))
                out << it.value().toString();
            else
                collectRefs(it.value(), out);
        }
    }
}

} // namespace

class TestCalendarServer : public QObject
{
    Q_OBJECT
    AgentServerProcess m_server;

private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.output()));
        setAgentPassword(m_server.storeFile());
    }

    void settingsNeedASessionAndAreChecked()
    {
        AgentApiClient anonymous(m_server.url());
        QCOMPARE(anonymous.call("GET", QStringLiteral("/api/v1/agent/calendar-settings")).status,
                 401);
        QCOMPARE(anonymous.call("POST", QStringLiteral("/api/v1/agent/calendar-feed")).status, 401);

        AgentApiClient api(m_server.url());
        QCOMPARE(api.login(kAdmin, kAdminPassword), 200);
        Reply r = api.call("GET", QStringLiteral("/api/v1/agent/calendar-settings"));
        QCOMPARE(r.status, 200);
        QCOMPARE(AgentApiClient::json(r)[QLatin1String("mode")].toString(), QStringLiteral("none"));

        r = api.call("PUT", QStringLiteral("/api/v1/agent/calendar-settings"),
                     {{"mode", "caldav"},
                      {"caldav_url", "https://dav.example.fr/agent/creneau/"},
                      {"caldav_user", "agent"},
                      {"caldav_password", "secret"}});
        QCOMPARE(r.status, 200);
        const QJsonObject s = AgentApiClient::json(r);
        QCOMPARE(s[QLatin1String("mode")].toString(), QStringLiteral("caldav"));
        QVERIFY(s[QLatin1String("has_caldav_password")].toBool());
        QVERIFY(!r.text().contains(QStringLiteral("secret"))); // never sent back

        QCOMPARE(api.call("PUT", QStringLiteral("/api/v1/agent/calendar-settings"),
                          {{"mode", "carrier-pigeon"}})
                     .status,
                 400);
        const Reply bad = api.call("PUT", QStringLiteral("/api/v1/agent/calendar-settings"),
                                   {{"caldav_url", "ftp://dav.example.fr/"}});
        QCOMPARE(bad.status, 400);
        QVERIFY(bad.text().contains(QStringLiteral("https://")));
        QCOMPARE(api.call("PUT", QStringLiteral("/api/v1/agent/calendar-settings"),
                          {{"mode", "subscription"}})
                     .status,
                 200);
    }

    void feedRegeneratedReadRevoked()
    {
        AgentApiClient api(m_server.url());
        QCOMPARE(api.login(kAgent, kAgentPassword), 200);
        Reply r = api.call("POST", QStringLiteral("/api/v1/agent/calendar-feed"));
        QCOMPARE(r.status, 201);
        const QString url = AgentApiClient::json(r)[QLatin1String("url")].toString();
        const QString webcal = AgentApiClient::json(r)[QLatin1String("webcal")].toString();
        QVERIFY2(url.startsWith(m_server.url().toString(QUrl::StripTrailingSlash) +
                                QStringLiteral("/calendrier/")),
                 qPrintable(url));
        QVERIFY(webcal.startsWith(QStringLiteral("webcal://")));
        QVERIFY(url.endsWith(QStringLiteral(".ics")));

        Reply feed = get(url);
        QCOMPARE(feed.status, 200);
        QVERIFY(feed.header("content-type").startsWith("text/calendar"));
        bool ok = false;
        QString problem;
        auto events = parseCalendar(feed.body, &ok, &problem);
        QVERIFY2(ok, qPrintable(problem));

        // Cancel one of the agent's appointments: the feed shows it cancelled.
        QVERIFY(!events.isEmpty());
        if (!events.isEmpty()) {
            const QString uid = events.firstKey(); // "rdv-<id>@<host>"
            const qint64 rdvId =
                uid.section(QLatin1Char('-'), 1).section(QLatin1Char('@'), 0, 0).toLongLong();
            QVERIFY(rdvId > 0);
            const int version = events.first().value("SEQUENCE").toInt();
            const Reply c = api.command(QStringLiteral("cancel_rdv"), {{"rdv_id", rdvId}}, version);
            QVERIFY2(c.status == 200, c.body.constData());
            events = parseCalendar(get(url).body, &ok, &problem);
            QVERIFY(ok);
            QCOMPARE(events.value(uid).value("STATUS"), QStringLiteral("CANCELLED"));
            QCOMPARE(events.value(uid).value("SEQUENCE").toInt(), version + 1);
        }

        // Regenerated: the old link is dead. Revoked: 404.
        r = api.call("POST", QStringLiteral("/api/v1/agent/calendar-feed"));
        const QString fresh = AgentApiClient::json(r)[QLatin1String("url")].toString();
        QCOMPARE(get(url).status, 404);
        QCOMPARE(get(fresh).status, 200);
        QCOMPARE(api.call("DELETE", QStringLiteral("/api/v1/agent/calendar-feed")).status, 204);
        QCOMPARE(get(fresh).status, 404);
        QCOMPARE(get(m_server.url().toString() + QStringLiteral("/calendrier/nope.ics")).status,
                 404);
    }

    void openApiDescribesTheCalendarRoutes()
    {
        const Reply r = get(m_server.url().toString() + QStringLiteral("/api/v1/openapi.json"));
        QCOMPARE(r.status, 200);
        const QJsonObject doc = QJsonDocument::fromJson(r.body).object();
        const QJsonObject paths = doc[QLatin1String("paths")].toObject();
        const QList<QPair<QString, QStringList>> routes = {
            {QStringLiteral("/api/v1/agent/calendar-settings"),
             {QStringLiteral("get"), QStringLiteral("put")}},
            {QStringLiteral("/api/v1/agent/calendar-feed"),
             {QStringLiteral("post"), QStringLiteral("delete")}},
            {QStringLiteral("/calendrier/{file}"), {QStringLiteral("get")}},
        };
        for (const auto &[path, methods] : routes) {
            QVERIFY2(paths.contains(path), qPrintable(path));
            for (const QString &method : methods) {
                const QJsonObject op = paths[path].toObject()[method].toObject();
                QVERIFY2(!op.isEmpty(), qPrintable(method + QLatin1Char(' ') + path));
                QVERIFY(!op[QLatin1String("summary")].toString().isEmpty());
                QVERIFY(!op[QLatin1String("responses")].toObject().isEmpty());
                // The agent's routes say they need the session.
                if (path.startsWith(QLatin1String("/api/v1/agent/")))
                    QVERIFY2(
                        op[QLatin1String("responses")].toObject().contains(QStringLiteral("401")),
                        qPrintable(method + QLatin1Char(' ') + path));
            }
        }
        QVERIFY(doc[QLatin1String("components")]
                    .toObject()[QLatin1String("securitySchemes")]
                    .toObject()
                    .contains(QStringLiteral("agentSession")));
        QStringList refs;
        collectRefs(doc, refs);
        QVERIFY(!refs.isEmpty());
        for (const QString &ref : refs) {
            QVERIFY2(ref.startsWith(QLatin1String("#/")), qPrintable(ref));
            QJsonValue target = doc;
            for (const QString &part : ref.mid(2).split(QLatin1Char('/')))
                target = target.toObject().value(part);
            QVERIFY2(target.isObject(), qPrintable(ref));
        }
    }
};

QTEST_GUILESS_MAIN(TestCalendarServer)
#include "tst_calendar_server.moc"
