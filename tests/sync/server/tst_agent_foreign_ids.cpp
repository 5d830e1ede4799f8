// Every agent command with another organisation's ids, against the real server: each answers 404
// (as for an unknown id) and writes nothing (the change sequence does not move).
#include "agentapiclient.h"
#include "agentserverprocess.h"

#include "models/demodata.h"

#include <QDateTime>
#include <QTest>
#include <QTimeZone>

using namespace creneau;
using namespace creneau::test;

namespace {

const QString kAdmin = QString::fromLatin1(demo::kAdminEmail);
const QString kAdminPassword = QString::fromLatin1(demo::kAdminPassword);
const QString kBoss = QStringLiteral("boss@autre.example.fr");
const QString kBossPassword = QStringLiteral("autre-password");

// Tomorrow at 10:00 UTC: inside every horizon.
qint64 tomorrowAtTen()
{
    const QDate day = QDateTime::currentDateTimeUtc().date().addDays(1);
    return QDateTime(day, QTime(10, 0), QTimeZone::utc()).toSecsSinceEpoch();
}

qint64 resultId(const Reply &r)
{
    return AgentApiClient::json(r)[QLatin1String("result")][QLatin1String("id")].toInteger();
}

} // namespace

class TestAgentForeignIds : public QObject
{
    Q_OBJECT
    AgentServerProcess m_server;
    // The other organisation's rows ("motif", "lieu"...) and a few of the demo's own ("own_...").
    QHash<QString, qint64> m_ids;
    QString m_adminToken; // one sign-in each: Argon2id is slow on purpose
    QString m_bossToken;

    qint64 seq()
    {
        AgentApiClient api(m_server.url());
        api.token = m_adminToken;
        return AgentApiClient::json(
                   api.call("GET", QStringLiteral("/api/v1/agent/changes/wait?since=0&timeout=0")))
            .value(QStringLiteral("seq"))
            .toInteger();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.output()));
        QVERIFY(m_server.createAdmin(kBoss, QStringLiteral("autre"), kBossPassword));
        AgentApiClient boss(m_server.url());
        QCOMPARE(boss.login(kBoss, kBossPassword), 200);
        m_bossToken = boss.token;
        m_ids[QStringLiteral("agent")] = AgentApiClient::json(boss.call(
            "GET",
            QStringLiteral("/api/v1/agent/session")))[QLatin1String("agent")][QLatin1String("id")]
                                             .toInteger();
        const Reply lieu = boss.command(QStringLiteral("save_lieu"), {{"name", "Mairie annexe"}});
        QCOMPARE(lieu.status, 200);
        m_ids[QStringLiteral("lieu")] = resultId(lieu);
        const Reply motif = boss.command(QStringLiteral("save_motif"), {{"name", "Accueil"}});
        QCOMPARE(motif.status, 200);
        m_ids[QStringLiteral("motif")] = resultId(motif);
        const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
        const Reply plage = boss.command(QStringLiteral("save_plage"),
                                         {{"agent_id", m_ids[QStringLiteral("agent")]},
                                          {"lieu_id", m_ids[QStringLiteral("lieu")]},
                                          {"motif_ids", QJsonArray{m_ids[QStringLiteral("motif")]}},
                                          {"first_day", today},
                                          {"start_time", "09:00"},
                                          {"end_time", "12:00"},
                                          {"rrule", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"}});
        QCOMPARE(plage.status, 200);
        m_ids[QStringLiteral("plage")] = resultId(plage);
        const qint64 start = tomorrowAtTen();
        const Reply absence =
            boss.command(QStringLiteral("save_absence"), {{"title", "Formation"},
                                                          {"starts_at", start + 86400 * 7},
                                                          {"ends_at", start + 86400 * 7 + 3600}});
        QCOMPARE(absence.status, 200);
        m_ids[QStringLiteral("absence")] = resultId(absence);
        const Reply rdv = boss.command(
            QStringLiteral("create_rdv"),
            {{"motif_id", m_ids[QStringLiteral("motif")]},
             {"lieu_id", m_ids[QStringLiteral("lieu")]},
             {"starts_at", start},
             {"usager", QJsonObject{{"first_name", "Odile"}, {"last_name", "Autre"}}}});
        QCOMPARE(rdv.status, 200);
        m_ids[QStringLiteral("rdv")] = resultId(rdv);
        const QJsonArray usagers =
            AgentApiClient::json(
                rdv)[QLatin1String("result")][QLatin1String("data")][QLatin1String("usager_ids")]
                .toArray();
        QCOMPARE(usagers.size(), 1);
        m_ids[QStringLiteral("usager")] = usagers.first().toInteger();

        // The demo's own rows the admin may use, next to a foreign one.
        AgentApiClient admin(m_server.url());
        QCOMPARE(admin.login(kAdmin, kAdminPassword), 200);
        m_adminToken = admin.token;
        for (const QJsonValue c : admin.changes()) {
            const QString entity = c[QLatin1String("entity")].toString();
            const QString key = QStringLiteral("own_") + entity;
            if (!m_ids.contains(key) && !c[QLatin1String("deleted")].toBool())
                m_ids[key] = c[QLatin1String("id")].toInteger();
        }
        for (const char *own : {"own_rdvs", "own_motifs", "own_lieux", "own_agents"})
            QVERIFY2(m_ids.value(QLatin1String(own)) > 0, own);
        m_ids[QStringLiteral("soon")] = start + 3600 * 3;
    }

    void foreignIdsAreNotFound_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QByteArray>("payload");
        const auto add = [](const char *name, const char *type, const QByteArray &payload) {
            QTest::addRow("%s", name) << QString::fromLatin1(type) << payload;
        };
        const QByteArray usager = R"("usager":{"first_name":"Jean","last_name":"Test"})";
        add("create_rdv motif", "create_rdv",
            QByteArray(R"({"motif_id":"$motif","starts_at":"$soon",)") + usager + "}");
        add("create_rdv lieu", "create_rdv",
            R"({"motif_id":"$own_motifs","lieu_id":"$lieu","starts_at":"$soon",)" + usager + "}");
        add("create_rdv agent", "create_rdv",
            R"({"motif_id":"$own_motifs","agent_id":"$agent","starts_at":"$soon",)" + usager + "}");
        add("create_rdv usager", "create_rdv",
            QByteArray(R"({"motif_id":"$own_motifs","usager_id":"$usager","starts_at":"$soon"})"));
        add("move_rdv rdv", "move_rdv", QByteArray(R"({"rdv_id":"$rdv","starts_at":"$soon"})"));
        add("move_rdv lieu", "move_rdv",
            QByteArray(R"({"rdv_id":"$own_rdvs","lieu_id":"$lieu","starts_at":"$soon"})"));
        add("cancel_rdv", "cancel_rdv", QByteArray(R"({"rdv_id":"$rdv"})"));
        add("set_status", "set_status", QByteArray(R"({"rdv_id":"$rdv","status":"seen"})"));
        add("set_context", "set_context", QByteArray(R"({"rdv_id":"$rdv","context":"vu"})"));
        add("save_motif", "save_motif", QByteArray(R"({"id":"$motif","name":"X"})"));
        add("save_lieu", "save_lieu", QByteArray(R"({"id":"$lieu","name":"X"})"));
        add("save_plage id", "save_plage", QByteArray(R"({"id":"$plage"})"));
        const QByteArray plageRest =
            R"("first_day":"2030-01-01","start_time":"09:00","end_time":"10:00")";
        add("save_plage agent", "save_plage",
            R"({"agent_id":"$agent","lieu_id":"$own_lieux","motif_ids":["$own_motifs"],)" +
                plageRest + "}");
        add("save_plage lieu", "save_plage",
            R"({"agent_id":"$own_agents","lieu_id":"$lieu","motif_ids":["$own_motifs"],)" +
                plageRest + "}");
        add("save_plage motif", "save_plage",
            R"({"agent_id":"$own_agents","lieu_id":"$own_lieux","motif_ids":["$motif"],)" +
                plageRest + "}");
        add("save_absence id", "save_absence", QByteArray(R"({"id":"$absence","title":"X"})"));
        add("save_absence agent", "save_absence",
            QByteArray(R"({"agent_id":"$agent","title":"X","starts_at":"$soon",)"
                       R"("ends_at":"$soon"})"));
        add("remove_absence", "remove_absence", QByteArray(R"({"id":"$absence"})"));
    }

    void foreignIdsAreNotFound()
    {
        QFETCH(QString, type);
        QFETCH(QByteArray, payload);
        const QJsonObject body = AgentApiClient::withIds(payload, m_ids);
        QVERIFY(!body.isEmpty());
        AgentApiClient admin(m_server.url());
        admin.token = m_adminToken;
        const qint64 before = seq();
        QVERIFY(before > 0);
        const Reply r = admin.command(type, body);
        QVERIFY2(r.status == 404,
                 qPrintable(QString::number(r.status) + QLatin1Char(' ') + r.text()));
        QVERIFY(AgentApiClient::json(r).contains(QStringLiteral("error")));
        QCOMPARE(seq(), before); // nothing written
        // The other organisation's rows are as they were.
        AgentApiClient boss(m_server.url());
        boss.token = m_bossToken;
        const QJsonObject rdv = boss.row(QStringLiteral("rdvs"), m_ids[QStringLiteral("rdv")]);
        QCOMPARE(rdv[QLatin1String("status")].toString(), QStringLiteral("unknown"));
        QCOMPARE(rdv[QLatin1String("context")].toString(), QString());
        QCOMPARE(boss.row(QStringLiteral("motifs"),
                          m_ids[QStringLiteral("motif")])[QLatin1String("name")]
                     .toString(),
                 QStringLiteral("Accueil"));
    }
};

QTEST_MAIN(TestAgentForeignIds)
#include "tst_agent_foreign_ids.moc"
