// merge_usagers over the agent API against the real server: a public booking with a known
// usager's name and phone creates a new usager (never a silent merge); an agent of another
// organisation cannot merge it (404, nothing changed); the organisation's agent can, and the
// change feed then moves the appointment and removes the duplicate for every desktop.
#include "agentapiclient.h"
#include "agentserverprocess.h"
#include "demoflow.h"
#include "models/demodata.h"

#include <QTest>

using namespace creneau;
using namespace creneau::test;

class TestAgentMerge : public QObject
{
    Q_OBJECT
    AgentServerProcess m_server;

    // The demo's Amina Diallo (with her e-mail) and the usager a public booking just created.
    void aminas(AgentApiClient &admin, qint64 *stored, qint64 *fresh)
    {
        for (const QJsonValue c : admin.changes()) {
            const QJsonObject d = c[QLatin1String("data")].toObject();
            if (c[QLatin1String("entity")].toString() != QLatin1String("usagers") ||
                d[QLatin1String("first_name")].toString() != QLatin1String("Amina"))
                continue;
            const bool hasEmail = !d[QLatin1String("email")].toString().isEmpty();
            (hasEmail ? *stored : *fresh) = c[QLatin1String("id")].toInteger();
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.output()));
        QVERIFY(m_server.createAdmin(QStringLiteral("boss@autre.example.fr"),
                                     QStringLiteral("autre"), QStringLiteral("autre-password")));
    }

    void mergeThroughTheAgentApi()
    {
        HttpClient web(m_server.url().toString());
        const qint64 caf = motifId(web, QStringLiteral("Aide aux démarches CAF"));
        const QJsonArray list = creneaux(web, caf);
        QVERIFY(!list.isEmpty());
        QJsonObject o =
            QJsonDocument::fromJson(bookingJson(caf, list.first().toObject(),
                                                QStringLiteral("Diallo"), QStringLiteral("usager")))
                .object();
        o.insert(QStringLiteral("usager"),
                 QJsonObject{{QStringLiteral("first_name"), QStringLiteral("Amina")},
                             {QStringLiteral("last_name"), QStringLiteral("Diallo")},
                             {QStringLiteral("phone"), QStringLiteral("0612345678")}});
        const Reply booked = web.postJson(QStringLiteral("/api/v1/public/mfs-vernon/rdvs"),
                                          QJsonDocument(o).toJson(QJsonDocument::Compact));
        QCOMPARE(booked.status, 201);
        const qint64 rdvId =
            QJsonDocument::fromJson(booked.body).object()[QLatin1String("id")].toInteger();

        AgentApiClient admin(m_server.url());
        QCOMPARE(admin.login(QString::fromLatin1(demo::kAdminEmail),
                             QString::fromLatin1(demo::kAdminPassword)),
                 200);
        qint64 stored = 0, fresh = 0;
        aminas(admin, &stored, &fresh);
        QVERIFY(stored > 0 && fresh > 0 && stored != fresh);
        QCOMPARE(admin.row(QStringLiteral("rdvs"), rdvId)[QLatin1String("usager_ids")].toArray(),
                 QJsonArray{fresh});

        // Another organisation's agent: both ids unknown to them, nothing changes.
        AgentApiClient boss(m_server.url());
        QCOMPARE(
            boss.login(QStringLiteral("boss@autre.example.fr"), QStringLiteral("autre-password")),
            200);
        const Reply foreign = boss.command(QStringLiteral("merge_usagers"),
                                           {{"keep_id", stored}, {"duplicate_id", fresh}});
        QCOMPARE(foreign.status, 404);
        QVERIFY(AgentApiClient::json(foreign).contains(QStringLiteral("error")));
        QVERIFY(!admin.row(QStringLiteral("usagers"), fresh).isEmpty());

        const Reply same = admin.command(QStringLiteral("merge_usagers"),
                                         {{"keep_id", stored}, {"duplicate_id", stored}});
        QCOMPARE(same.status, 422);

        qint64 before = 0;
        admin.changes(0, &before);
        const Reply merged = admin.command(QStringLiteral("merge_usagers"),
                                           {{"keep_id", stored}, {"duplicate_id", fresh}});
        QCOMPARE(merged.status, 200);
        QCOMPARE(
            AgentApiClient::json(merged)[QLatin1String("result")][QLatin1String("id")].toInteger(),
            stored);
        // What a desktop pulls next: the appointment on the kept usager, the duplicate gone.
        bool movedRdv = false, tombstone = false;
        for (const QJsonValue c : admin.changes(before)) {
            const QString entity = c[QLatin1String("entity")].toString();
            const qint64 id = c[QLatin1String("id")].toInteger();
            if (entity == QLatin1String("rdvs") && id == rdvId)
                movedRdv = c[QLatin1String("data")][QLatin1String("usager_ids")].toArray() ==
                           QJsonArray{stored};
            if (entity == QLatin1String("usagers") && id == fresh)
                tombstone = c[QLatin1String("deleted")].toBool();
        }
        QVERIFY(movedRdv);
        QVERIFY(tombstone);
        QVERIFY(admin.row(QStringLiteral("usagers"), fresh).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAgentMerge)
#include "tst_agent_merge.moc"
