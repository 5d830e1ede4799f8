// The public API of collective sessions over loopback against the real server (the demo's
// « Réunion d'information RSA », 12 places): the sessions listed with their places, a
// registration by session, a usager registered twice, a full session answered with the next
// ones, and 20 clients racing over HTTP for the last 3 places: exactly 3 win.
#include "agentapiclient.h"
#include "demoflow.h"
#include "httpclient.h"
#include "models/demodata.h"
#include "serverprocess.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QtTest>

using namespace creneau::test;

namespace {

QByteArray registrationJson(qint64 motif, qint64 session, const QString &lastName,
                            const QString &phone = QStringLiteral("06 12 34 56 78"))
{
    const QJsonObject o{
        {QStringLiteral("motif_id"), motif},
        {QStringLiteral("session_id"), session},
        {QStringLiteral("booked_by"), QStringLiteral("prescripteur")},
        {QStringLiteral("prescripteur"),
         QJsonObject{{QStringLiteral("first_name"), QStringLiteral("Paul")},
                     {QStringLiteral("last_name"), QStringLiteral("Mairie")},
                     {QStringLiteral("email"), QStringLiteral("paul@mairie.example.fr")}}},
        {QStringLiteral("usager"),
         QJsonObject{{QStringLiteral("first_name"), QStringLiteral("Léa")},
                     {QStringLiteral("last_name"), lastName},
                     {QStringLiteral("phone"), phone}}}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

class TestCollectiveApi : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.isRunning(), qPrintable(m_server.output()));
        m_client = std::make_unique<HttpClient>(m_server.url(QString()));
        m_meeting = motifId(*m_client, QStringLiteral("Réunion d'information RSA"));
        QVERIFY(m_meeting > 0);
    }

    void theMotifSaysItIsCollective()
    {
        const Reply r = m_client->get(QStringLiteral("/api/v1/public/%1/motifs").arg(kSlug));
        for (const QJsonValue &m : QJsonDocument::fromJson(r.body).array()) {
            const QJsonObject o = m.toObject();
            QCOMPARE(o.value(QStringLiteral("capacity")).toInt(),
                     o.value(QStringLiteral("id")).toInteger() == m_meeting ? 12 : 0);
        }
    }

    void sessionsAreListedWithTheirPlaces()
    {
        const QJsonArray list = sessions();
        QCOMPARE(list.size(), 5);
        const QJsonObject first = list.first().toObject();
        for (const char *key :
             {"id", "starts_at", "ends_at", "lieu_id", "lieu_name", "capacity", "places_left"})
            QVERIFY2(first.contains(QLatin1String(key)), key);
        QCOMPARE(first.value(QStringLiteral("capacity")).toInt(), 12);
        QCOMPARE(first.value(QStringLiteral("places_left")).toInt(), 12);
        QVERIFY(
            first.value(QStringLiteral("starts_at")).toString().contains(QLatin1String("T09:30")));
        QVERIFY(!first.value(QStringLiteral("lieu_name")).toString().isEmpty());
        // An individual motif has none; an unknown one is not found.
        const qint64 caf = motifId(*m_client, QStringLiteral("Aide aux démarches CAF"));
        QCOMPARE(m_client->get(path(caf)).body, QByteArray("[]"));
        QCOMPARE(m_client->get(path(999999)).status, 404);
    }

    void aPrescriberRegistersABeneficiaryOnce()
    {
        const qint64 session = sessionId(0);
        const Reply r =
            m_client->postJson(QStringLiteral("/api/v1/public/%1/rdvs").arg(kSlug),
                               registrationJson(m_meeting, session, QStringLiteral("Une")));
        QCOMPARE(r.status, 201);
        QVERIFY(QJsonDocument::fromJson(r.body).object().contains(QStringLiteral("recap_url")));
        QCOMPARE(sessions().first().toObject().value(QStringLiteral("places_left")).toInt(), 11);
        const Reply again =
            m_client->postJson(QStringLiteral("/api/v1/public/%1/rdvs").arg(kSlug),
                               registrationJson(m_meeting, session, QStringLiteral("Une")));
        QCOMPARE(again.status, 409);
        QVERIFY(again.text().contains(QStringLiteral("déjà inscrit")));
        QCOMPARE(sessions().first().toObject().value(QStringLiteral("places_left")).toInt(), 11);
    }

    void aCollectiveMotifNeedsASession()
    {
        QJsonObject o =
            QJsonDocument::fromJson(registrationJson(m_meeting, 1, QStringLiteral("X"))).object();
        o.remove(QStringLiteral("session_id"));
        o.insert(QStringLiteral("starts_at"),
                 sessions().first().toObject().value(QStringLiteral("starts_at")));
        const Reply r = m_client->postJson(QStringLiteral("/api/v1/public/%1/rdvs").arg(kSlug),
                                           QJsonDocument(o).toJson());
        QCOMPARE(r.status, 422);
        QVERIFY(QJsonDocument::fromJson(r.body)
                    .object()
                    .value(QStringLiteral("fields"))
                    .toObject()
                    .contains(QStringLiteral("session_id")));
        const Reply unknown =
            m_client->postJson(QStringLiteral("/api/v1/public/%1/rdvs").arg(kSlug),
                               registrationJson(m_meeting, 999999, QStringLiteral("X")));
        QCOMPARE(unknown.status, 422);
    }

    void twentyClientsRaceForTheLastThreePlaces()
    {
        const qint64 session = sessionId(1);
        for (int i = 0; i < 9; ++i)
            QCOMPARE(m_client
                         ->postJson(QStringLiteral("/api/v1/public/%1/rdvs").arg(kSlug),
                                    registrationJson(m_meeting, session,
                                                     QStringLiteral("Avant") + QChar(u'a' + i),
                                                     QStringLiteral("06 11 00 00 %1").arg(10 + i)))
                         .status,
                     201);
        QCOMPARE(sessions().at(1).toObject().value(QStringLiteral("places_left")).toInt(), 3);

        constexpr int kClients = 20;
        std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
        QList<QNetworkReply *> replies;
        int finished = 0;
        QEventLoop loop;
        for (int i = 0; i < kClients; ++i) {
            managers.push_back(std::make_unique<QNetworkAccessManager>());
            QNetworkRequest request(
                QUrl(m_server.url(QStringLiteral("/api/v1/public/%1/rdvs").arg(kSlug))));
            request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
            QNetworkReply *reply = managers.back()->post(
                request,
                registrationJson(m_meeting, session, QStringLiteral("Course") + QChar(u'a' + i),
                                 QStringLiteral("06 22 00 00 %1").arg(10 + i)));
            connect(reply, &QNetworkReply::finished, &loop, [&] {
                if (++finished == kClients)
                    loop.quit();
            });
            replies.append(reply);
        }
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        loop.exec();
        QCOMPARE(finished, kClients);
        int created = 0, full = 0;
        for (QNetworkReply *reply : replies) {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
            created += status == 201;
            if (status == 409) {
                ++full;
                // The next sessions with places are offered, not this one.
                const QJsonArray next = body.value(QStringLiteral("next_sessions")).toArray();
                QVERIFY(!next.isEmpty());
                for (const QJsonValue &n : next) {
                    QVERIFY(n.toObject().value(QStringLiteral("id")).toInteger() != session);
                    QVERIFY(n.toObject().value(QStringLiteral("places_left")).toInt() > 0);
                }
            }
        }
        QCOMPARE(created, 3);
        QCOMPARE(full, kClients - 3);
        QCOMPARE(sessions().at(1).toObject().value(QStringLiteral("places_left")).toInt(), 0);
    }

    // The partners' pages: the sessions with their places, a full one refused with the list.
    void thePartnersPagesListTheSessions()
    {
        const QString base = QStringLiteral("/rdv/%1/prescripteur").arg(kSlug);
        const Reply list = m_client->get(base + QStringLiteral("/motif/%1").arg(m_meeting));
        QCOMPARE(list.status, 200);
        QVERIFY(list.text().contains(QStringLiteral("11 places restantes")));
        QVERIFY(list.text().contains(QStringLiteral("Complet"))); // the raced one
        QVERIFY(list.text().contains(QStringLiteral("12 places restantes")));
        const Reply full = m_client->get(
            base + QStringLiteral("/creneau?motif=%1&session=%2").arg(m_meeting).arg(sessionId(1)));
        QCOMPARE(full.status, 409);
        QVERIFY(full.text().contains(QStringLiteral("complète")));
        const Reply open = m_client->get(
            base + QStringLiteral("/creneau?motif=%1&session=%2").arg(m_meeting).arg(sessionId(2)));
        QCOMPARE(open.status, 200);
        QVERIFY(open.text().contains(QStringLiteral("prescripteur.first_name")));
    }

    // The agent API: an administrator creates a series, the sessions reach the change feed, a
    // participant is added at the desk, and cancelling the session cancels every place.
    void agentsCreateSessionsAndAddParticipants()
    {
        AgentApiClient api(QUrl(m_server.url(QString())));
        QCOMPARE(api.login(QString::fromLatin1(creneau::demo::kAdminEmail),
                           QString::fromLatin1(creneau::demo::kAdminPassword)),
                 200);
        const QJsonObject first = sessions().first().toObject();
        qint64 adminId = 0;
        for (const QJsonValue &c : api.changes())
            if (c[QLatin1String("entity")].toString() == QLatin1String("sessions"))
                adminId = c[QLatin1String("data")][QLatin1String("agent_ids")][0].toInteger();
        QVERIFY(adminId > 0);
        const QDateTime start =
            QDateTime::fromString(first.value(QStringLiteral("starts_at")).toString(), Qt::ISODate)
                .addDays(1);
        const QJsonObject payload{
            {QStringLiteral("motif_id"), m_meeting},
            {QStringLiteral("lieu_id"), first.value(QStringLiteral("lieu_id"))},
            {QStringLiteral("agent_ids"), QJsonArray{adminId}},
            {QStringLiteral("starts_at"), start.toString(Qt::ISODate)},
            {QStringLiteral("capacity"), 4},
            {QStringLiteral("rrule"), QStringLiteral("FREQ=WEEKLY;COUNT=2")}};
        const Reply created = api.command(QStringLiteral("create_session"), payload);
        QCOMPARE(created.status, 200);
        const QJsonArray ids =
            AgentApiClient::json(created).value(QStringLiteral("session_ids")).toArray();
        QCOMPARE(ids.size(), 2);
        const qint64 session = ids.at(0).toInteger();
        QCOMPARE(
            api.row(QStringLiteral("sessions"), session).value(QStringLiteral("capacity")).toInt(),
            4);
        QCOMPARE(sessions().size(), 7);
        // Refused per field: no places.
        QJsonObject none = payload;
        none.insert(QStringLiteral("capacity"), -1);
        const Reply refused = api.command(QStringLiteral("create_session"), none);
        QCOMPARE(refused.status, 422);
        QVERIFY(AgentApiClient::json(refused)
                    .value(QStringLiteral("fields"))
                    .toObject()
                    .contains(QStringLiteral("capacity")));

        const QJsonObject desk{
            {QStringLiteral("motif_id"), m_meeting},
            {QStringLiteral("session_id"), session},
            {QStringLiteral("usager"),
             QJsonObject{{QStringLiteral("first_name"), QStringLiteral("Jo")},
                         {QStringLiteral("last_name"), QStringLiteral("Guichet")}}}};
        const Reply added = api.command(QStringLiteral("create_rdv"), desk);
        QCOMPARE(added.status, 200);
        const qint64 rdv = AgentApiClient::json(added)
                               .value(QStringLiteral("result"))
                               .toObject()
                               .value(QStringLiteral("id"))
                               .toInteger();
        QCOMPARE(
            api.row(QStringLiteral("rdvs"), rdv).value(QStringLiteral("session_id")).toInteger(),
            session);
        QCOMPARE(api.command(QStringLiteral("create_rdv"), desk).status, 409); // already there

        const Reply cancelled = api.command(
            QStringLiteral("cancel_session"),
            QJsonObject{{QStringLiteral("session_id"), session},
                        {QStringLiteral("reason"), QStringLiteral("Salle indisponible")}});
        QCOMPARE(cancelled.status, 200);
        QCOMPARE(api.row(QStringLiteral("rdvs"), rdv).value(QStringLiteral("status")).toString(),
                 QStringLiteral("revoked"));
        QCOMPARE(sessions().size(), 6);

        // The places of a motif are set in the catalogue, within 0 (individual) and 500.
        const Reply tooMany = api.command(
            QStringLiteral("save_motif"),
            QJsonObject{{QStringLiteral("id"), m_meeting}, {QStringLiteral("capacity"), 600}});
        QCOMPARE(tooMany.status, 422);
        QVERIFY(AgentApiClient::json(tooMany)
                    .value(QStringLiteral("fields"))
                    .toObject()
                    .contains(QStringLiteral("capacity")));
        QCOMPARE(
            api.command(QStringLiteral("save_motif"), QJsonObject{{QStringLiteral("id"), m_meeting},
                                                                  {QStringLiteral("capacity"), 15}})
                .status,
            200);
        QCOMPARE(
            api.row(QStringLiteral("motifs"), m_meeting).value(QStringLiteral("capacity")).toInt(),
            15);
    }

    void cleanupTestCase() { QCOMPARE(m_server.terminate(), 0); }

private:
    QString path(qint64 motif) const
    {
        return QStringLiteral("/api/v1/public/%1/motifs/%2/sessions").arg(kSlug).arg(motif);
    }
    QJsonArray sessions() const
    {
        const Reply r = m_client->get(path(m_meeting));
        return QJsonDocument::fromJson(r.body).array();
    }
    qint64 sessionId(int index) const
    {
        return sessions().at(index).toObject().value(QStringLiteral("id")).toInteger();
    }

    // 20 clients from one loopback address: no per-minute nor hourly booking limit here.
    ServerProcess m_server{{QStringLiteral("--demo"), QStringLiteral("--rate-limit"),
                            QStringLiteral("0"), QStringLiteral("--max-bookings-per-hour"),
                            QStringLiteral("0"), QStringLiteral("--max-per-client"),
                            QStringLiteral("64")}};
    std::unique_ptr<HttpClient> m_client;
    qint64 m_meeting = 0;
};

QTEST_GUILESS_MAIN(TestCollectiveApi)
#include "tst_collective_api.moc"
