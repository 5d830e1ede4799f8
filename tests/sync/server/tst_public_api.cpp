// The public JSON API over loopback against the real server: every status it promises.
#include "agentapiclient.h"
#include "demoflow.h"
#include "httpclient.h"
#include "models/demodata.h"
#include "serverprocess.h"

#include <QJsonDocument>
#include <QtTest>

using namespace creneau::test;

class TestPublicApi : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.isRunning(), qPrintable(m_server.output()));
        m_client = std::make_unique<HttpClient>(m_server.url(QString()));
        m_caf = motifId(*m_client, QStringLiteral("Aide aux démarches CAF"));
        m_rsa = motifId(*m_client, QStringLiteral("Accompagnement RSA"));
        QVERIFY(m_caf > 0 && m_rsa > 0);
    }

    void motifsListsBothOnlineKinds()
    {
        const Reply r = m_client->get(QStringLiteral("/api/v1/public/mfs-vernon/motifs"));
        QCOMPARE(r.status, 200);
        const QJsonArray motifs = QJsonDocument::fromJson(r.body).array();
        QCOMPARE(motifs.size(), 5); // the two "agents only" motifs stay hidden
        for (const QJsonValue &m : motifs)
            QVERIFY(m.toObject().contains(QStringLiteral("instructions")));
    }

    void creneauxCarryTheZoneOffset()
    {
        const QJsonArray list = creneaux(*m_client, m_caf);
        QVERIFY(!list.isEmpty());
        const QString start = list.first().toObject().value(QStringLiteral("starts_at")).toString();
        QVERIFY2(start.endsWith(QLatin1String("+01:00")) || start.endsWith(QLatin1String("+02:00")),
                 qPrintable(start));
        QVERIFY(!list.first().toObject().value(QStringLiteral("lieu_name")).toString().isEmpty());
    }

    // The agents-only motif's real id, read from the agent feed: its créneaux are not public,
    // while the same call for a public motif answers.
    void agentsOnlyMotifHasNoPublicCreneaux_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("bookableBy");
        QTest::addColumn<int>("status");
        QTest::addRow("agents only") << "Visite à domicile"
                                     << "agents" << 404;
        QTest::addRow("agents only, internal") << "Réunion de suivi"
                                               << "agents" << 404;
        QTest::addRow("everyone") << "Aide aux démarches CAF"
                                  << "everyone" << 200;
    }
    void agentsOnlyMotifHasNoPublicCreneaux()
    {
        QFETCH(QString, name);
        QFETCH(QString, bookableBy);
        QFETCH(int, status);
        AgentApiClient admin(QUrl(m_server.url(QString())));
        QCOMPARE(admin.login(QString::fromLatin1(creneau::demo::kAdminEmail),
                             QString::fromLatin1(creneau::demo::kAdminPassword)),
                 200);
        qint64 id = 0;
        for (const QJsonValue &change : admin.changes()) {
            const QJsonObject c = change.toObject();
            const QJsonObject data = c.value(QStringLiteral("data")).toObject();
            if (c.value(QStringLiteral("entity")).toString() == QLatin1String("motifs") &&
                data.value(QStringLiteral("name")).toString() == name) {
                QCOMPARE(data.value(QStringLiteral("bookable_by")).toString(), bookableBy);
                id = c.value(QStringLiteral("id")).toInteger();
            }
        }
        QVERIFY2(id > 0, qPrintable(name));
        // Four weeks, so that a public motif has some whatever the day of the week.
        const Reply r = m_client->get(QStringLiteral("/api/v1/public/mfs-vernon/motifs/") +
                                      QString::number(id) + QStringLiteral("/creneaux?to=") +
                                      QDate::currentDate().addDays(28).toString(Qt::ISODate));
        QCOMPARE(r.status, status);
        const QJsonDocument body = QJsonDocument::fromJson(r.body);
        if (status == 200)
            QVERIFY(!body.array().isEmpty());
        else
            QVERIFY(body.object().contains(QStringLiteral("error")));
    }

    void errorsAreJson_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addRow("unknown org") << "GET"
                                     << "/api/v1/public/nope/motifs" << QByteArray() << 404;
        QTest::addRow("unknown motif")
            << "GET"
            << "/api/v1/public/mfs-vernon/motifs/999999/creneaux" << QByteArray() << 404;
        QTest::addRow("bad date") << "GET"
                                  << "/api/v1/public/mfs-vernon/motifs/1/creneaux?from=demain"
                                  << QByteArray() << 400;
        QTest::addRow("malformed json")
            << "POST"
            << "/api/v1/public/mfs-vernon/rdvs" << QByteArray("{\"motif_id\": ") << 400;
        QTest::addRow("json array") << "POST"
                                    << "/api/v1/public/mfs-vernon/rdvs" << QByteArray("[]") << 400;
        QTest::addRow("empty object")
            << "POST"
            << "/api/v1/public/mfs-vernon/rdvs" << QByteArray("{}") << 422;
        // Found by fuzz_server (UBSan): casting 1e300 to an id was undefined behaviour.
        QTest::addRow("ids beyond 64 bits")
            << "POST"
            << "/api/v1/public/mfs-vernon/rdvs"
            << QByteArray(
                   R"({"motif_id":1e300,"lieu_id":-1e300,"starts_at":"2026-01-05T09:00:00+01:00",)"
                   R"("booked_by":"usager","usager":{"first_name":"A","last_name":"B",)"
                   R"("phone":"0612345678"}})")
            << 422;
        QTest::addRow("unknown route") << "GET"
                                       << "/api/v1/nothing" << QByteArray() << 404;
    }

    void errorsAreJson()
    {
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        const Reply r =
            method == QLatin1String("GET") ? m_client->get(path) : m_client->postJson(path, body);
        QCOMPARE(r.status, status);
        QVERIFY(r.header("content-type").startsWith("application/json"));
        QVERIFY(QJsonDocument::fromJson(r.body).object().contains(QStringLiteral("error")));
    }

    void invalidFieldsGive422_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("errorKey");
        QTest::addRow("prescriber email") << "prescripteur.email"
                                          << "pas-un-email"
                                          << "prescripteur.email";
        QTest::addRow("usager phone") << "usager.phone"
                                      << "12"
                                      << "usager.phone";
        QTest::addRow("usager last name") << "usager.last_name"
                                          << ""
                                          << "usager.last_name";
        QTest::addRow("control char")
            << "usager.first_name" << QStringLiteral("a\u0007b") << "usager.first_name";
        QTest::addRow("birth date") << "usager.birth_date"
                                    << "2999-01-01"
                                    << "usager.birth_date";
        QTest::addRow("no contact, not acknowledged") << "usager.phone"
                                                      << ""
                                                      << "usager.acknowledge_no_notification";
    }

    void invalidFieldsGive422()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, errorKey);
        const QJsonArray list = creneaux(*m_client, m_rsa);
        QVERIFY(!list.isEmpty());
        QJsonObject o = QJsonDocument::fromJson(
                            bookingJson(m_rsa, list.first().toObject(), QStringLiteral("Durand")))
                            .object();
        const QStringList parts = field.split(QLatin1Char('.'));
        QJsonObject sub = o.value(parts.first()).toObject();
        sub.insert(parts.last(), value);
        o.insert(parts.first(), sub);
        const Reply r = m_client->postJson(QStringLiteral("/api/v1/public/mfs-vernon/rdvs"),
                                           QJsonDocument(o).toJson());
        QCOMPARE(r.status, 422);
        const QJsonObject fields =
            QJsonDocument::fromJson(r.body).object().value(QStringLiteral("fields")).toObject();
        QVERIFY2(fields.contains(errorKey), r.body.constData());
    }

    void usagerCannotBookPrescriberMotif()
    {
        const QJsonArray list = creneaux(*m_client, m_rsa);
        const Reply r =
            m_client->postJson(QStringLiteral("/api/v1/public/mfs-vernon/rdvs"),
                               bookingJson(m_rsa, list.first().toObject(), QStringLiteral("Seul"),
                                           QStringLiteral("usager")));
        QCOMPARE(r.status, 422);
    }

    void bookThenTaken()
    {
        const QJsonArray list = creneaux(*m_client, m_caf);
        const QJsonObject creneau = list.last().toObject();
        const QByteArray body = bookingJson(m_caf, creneau, QStringLiteral("Premier"));
        Reply r = m_client->postJson(QStringLiteral("/api/v1/public/mfs-vernon/rdvs"), body);
        QCOMPARE(r.status, 201);
        const QJsonObject recap = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(recap.value(QStringLiteral("starts_at")).toString(),
                 creneau.value(QStringLiteral("starts_at")).toString());
        QVERIFY(recap.value(QStringLiteral("recap_url"))
                    .toString()
                    .contains(QLatin1String("/recapitulatif/")));
        QVERIFY(!recap.contains(QStringLiteral("manage_url"))); // a prescriber never gets one
        r = m_client->postJson(QStringLiteral("/api/v1/public/mfs-vernon/rdvs"), body);
        QCOMPARE(r.status, 409);
        const QString error =
            QJsonDocument::fromJson(r.body).object().value(QStringLiteral("error")).toString();
        QVERIFY2(error.contains(QStringLiteral("plus disponible")), qPrintable(error)); // French
    }

    void usagerGetsPrivateLink()
    {
        const QJsonArray list = creneaux(*m_client, m_caf);
        const Reply r =
            m_client->postJson(QStringLiteral("/api/v1/public/mfs-vernon/rdvs"),
                               bookingJson(m_caf, list.at(list.size() - 2).toObject(),
                                           QStringLiteral("Autonome"), QStringLiteral("usager")));
        QCOMPARE(r.status, 201);
        const QString manage =
            QJsonDocument::fromJson(r.body).object().value(QStringLiteral("manage_url")).toString();
        QVERIFY(manage.contains(QLatin1String("/mon-rdv/")));
        QVERIFY(manage.section(QLatin1Char('/'), -1).size() >= 22); // 128 bits or more
    }

    // An organisation that set its own public address (its reverse proxy) gets its links there,
    // not at the server's own address, which partners may not reach.
    void linksUseTheOrganisationsPublicAddress()
    {
        AgentApiClient admin(QUrl(m_server.url(QString())));
        QCOMPARE(admin.login(QString::fromLatin1(creneau::demo::kAdminEmail),
                             QString::fromLatin1(creneau::demo::kAdminPassword)),
                 200);
        const auto setAddress = [&admin](const QString &address) {
            return admin
                .command(QStringLiteral("save_organisation"),
                         {{QStringLiteral("public_url"), address}})
                .status;
        };
        QCOMPARE(setAddress(QStringLiteral("https://rdv.vernon.example.fr")), 200);
        const QJsonArray list = creneaux(*m_client, m_caf);
        Reply r = m_client->postJson(
            QStringLiteral("/api/v1/public/mfs-vernon/rdvs"),
            bookingJson(m_caf, list.at(list.size() - 3).toObject(), QStringLiteral("Relayé")));
        QCOMPARE(r.status, 201);
        const QString recap =
            QJsonDocument::fromJson(r.body).object().value(QStringLiteral("recap_url")).toString();
        QVERIFY2(recap.startsWith(
                     QLatin1String("https://rdv.vernon.example.fr/rdv/mfs-vernon/recapitulatif/")),
                 qPrintable(recap));
        QCOMPARE(setAddress(QString()), 200);
        r = m_client->postJson(
            QStringLiteral("/api/v1/public/mfs-vernon/rdvs"),
            bookingJson(m_caf, list.at(list.size() - 4).toObject(), QStringLiteral("Direct")));
        QCOMPARE(r.status, 201);
        QVERIFY(QJsonDocument::fromJson(r.body)
                    .object()
                    .value(QStringLiteral("recap_url"))
                    .toString()
                    .startsWith(m_server.url(QString())));
    }

    void bodiesOver64KiBGet413_data()
    {
        QTest::addColumn<int>("size");
        QTest::addRow("70 KiB") << 70 * 1024;
        QTest::addRow("1 MiB") << 1024 * 1024;
    }

    void bodiesOver64KiBGet413()
    {
        QFETCH(int, size);
        HttpClient fresh(m_server.url(QString()));
        const Reply r =
            fresh.postJson(QStringLiteral("/api/v1/public/mfs-vernon/rdvs"), QByteArray(size, ' '));
        QCOMPARE(r.status, 413);
        QVERIFY(QJsonDocument::fromJson(r.body).object().contains(QStringLiteral("error")));
        QCOMPARE(m_client->get(QStringLiteral("/healthz")).status, 200); // still serving
    }

    void openApiAndHeaders()
    {
        const Reply r = m_client->get(QStringLiteral("/api/v1/openapi.json"));
        QCOMPARE(r.status, 200);
        const QJsonObject doc = QJsonDocument::fromJson(r.body).object();
        QVERIFY(doc.value(QStringLiteral("openapi")).toString().startsWith(QLatin1String("3.")));
        QVERIFY(doc.value(QStringLiteral("paths"))
                    .toObject()
                    .contains(QStringLiteral("/api/v1/public/{slug}/rdvs")));
        QVERIFY(r.header("content-security-policy").contains("frame-ancestors 'none'"));
        QCOMPARE(r.header("x-content-type-options"), QByteArray("nosniff"));
        QCOMPARE(r.header("referrer-policy"), QByteArray("same-origin"));
        QCOMPARE(r.header("x-frame-options"), QByteArray("DENY"));
    }

    void healthz() { QCOMPARE(m_client->get(QStringLiteral("/healthz")).status, 200); }

    // SIGTERM: the server finishes cleanly (exit code 0), so its shutdown is run and counted.
    void cleanupTestCase() { QCOMPARE(m_server.terminate(), 0); }

private:
    ServerProcess m_server;
    std::unique_ptr<HttpClient> m_client;
    qint64 m_caf = 0;
    qint64 m_rsa = 0;
};

QTEST_GUILESS_MAIN(TestPublicApi)
#include "tst_public_api.moc"
