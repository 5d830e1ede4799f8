// Organisation and agents through the real server (--smtp to aiosmtpd): an administrator changes
// the organisation (seen at once on the public page) and invites an agent, who gets the e-mail,
// chooses a password on the invitation page (refused when short or common, single use), signs
// in and is refused every administration command (403); archived, their token gets 401 and their
// calendar feed 404. Foreign ids get 404, bad payloads 422 with errors per field, and the last
// administrator can be neither archived nor demoted.
#include "agentapiclient.h"
#include "demoflow.h"
#include "httpclient.h"
#include "mailparser.h"
#include "models/demodata.h"
#include "models/sql.h"
#include "models/store.h"
#include "serverprocess.h"
#include "smtpsink.h"

#include <QRegularExpression>
#include <QtTest>

using namespace creneau;
using namespace creneau::test;

namespace {

const QString kAdmin = QString::fromLatin1(demo::kAdminEmail);
const QString kAdminPassword = QString::fromLatin1(demo::kAdminPassword);
const QString kNewEmail = QStringLiteral("nadia.invitee@mfs-vernon.example.fr");
const QString kNewPassword = QStringLiteral("cheval batterie agrafe correcte");

QJsonObject fieldsOf(const Reply &r)
{
    return AgentApiClient::json(r).value(QStringLiteral("fields")).toObject();
}

} // namespace

class TestAgentAdmin : public QObject
{
    Q_OBJECT
    SmtpSink m_smtp;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<AgentApiClient> m_admin;
    QString m_invitationPath;
    qint64 m_newAgentId = 0;

    QUrl base() const { return QUrl(m_server->url(QString())); }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_smtp.start(), qPrintable(m_smtp.error()));
        m_server = std::make_unique<ServerProcess>(
            QStringList{QStringLiteral("--demo"), QStringLiteral("--rate-limit"),
                        QStringLiteral("0"), QStringLiteral("--smtp"), m_smtp.url(),
                        QStringLiteral("--mail-from"), QStringLiteral("rdv@mfs.example.fr")});
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->output()));
        m_admin = std::make_unique<AgentApiClient>(base());
        QCOMPARE(m_admin->login(kAdmin, kAdminPassword), 200);
    }

    void organisationChangesShowOnThePublicPage()
    {
        Reply r = m_admin->command(QStringLiteral("save_organisation"),
                                   {{"name", ""},
                                    {"time_zone", "Mars/Olympus"},
                                    {"reminder_hours", 10000},
                                    {"reply_to", "pas une adresse"}});
        QCOMPARE(r.status, 422);
        const QJsonObject fields = fieldsOf(r);
        for (const char *f : {"name", "time_zone", "reminder_hours", "reply_to"})
            QVERIFY2(fields.contains(QLatin1String(f)), f);

        r = m_admin->command(QStringLiteral("save_organisation"),
                             {{"name", "France Services de Vernon"},
                              {"time_zone", "Indian/Reunion"},
                              {"reminder_hours", 24},
                              {"reply_to", "accueil@mfs.example.fr"},
                              {"sender_name", "France Services de Vernon"}});
        QCOMPARE(r.status, 200);
        HttpClient web(m_server->url(QString()));
        const Reply page = web.get(QStringLiteral("/rdv/mfs-vernon"));
        QCOMPARE(page.status, 200);
        QVERIFY(page.text().contains(QStringLiteral("France Services de Vernon")));
        const QJsonObject org = AgentApiClient::json(m_admin->call(
            "GET", QStringLiteral("/api/v1/agent/organisation")))[QLatin1String("organisation")]
                                    .toObject();
        QCOMPARE(org[QLatin1String("reminder_hours")].toInt(), 24);
        QCOMPARE(org[QLatin1String("reply_to")].toString(),
                 QStringLiteral("accueil@mfs.example.fr"));
    }

    // Through the server: pending reminders follow the delay, go with 0, come back after.
    void reminderDelayMovesPendingReminders()
    {
        HttpClient web(m_server->url(QString()));
        const qint64 motif = motifId(web, QStringLiteral("Aide aux démarches CAF"));
        const QJsonArray list = creneaux(web, motif);
        QVERIFY(!list.isEmpty());
        const Reply booked =
            web.postJson(QStringLiteral("/api/v1/public/mfs-vernon/rdvs"),
                         bookingJson(motif, list.last().toObject(), QStringLiteral("Rappel")));
        QCOMPARE(booked.status, 201);
        const qint64 rdvId = QJsonDocument::fromJson(booked.body)[QLatin1String("id")].toInteger();
        auto store =
            Store::open(QDir(m_server->dataDir()).filePath(QStringLiteral("creneau.sqlite")));
        const qint64 start =
            sql::scalar(store->db(), QStringLiteral("SELECT starts_at FROM rdvs WHERE id = ?"),
                        {rdvId})
                .toLongLong();
        auto pendingDues = [&] {
            QList<qint64> dues;
            QSqlQuery q = sql::run(store->db(),
                                   QStringLiteral("SELECT due_at, next_attempt_at FROM outbox "
                                                  "WHERE rdv_id = ? AND purpose = 'reminder' AND "
                                                  "status = 'pending'"),
                                   {rdvId});
            while (q.next()) {
                dues << q.value(0).toLongLong();
                if (q.value(1).toLongLong() != q.value(0).toLongLong())
                    dues << -1; // next attempt not moved with it
            }
            return dues;
        };
        const QList<qint64> at24 = pendingDues(); // the delay set above
        QVERIFY(!at24.isEmpty());
        for (const qint64 due : at24)
            QCOMPARE(due, start - 24 * 3600);

        QCOMPARE(
            m_admin->command(QStringLiteral("save_organisation"), {{"reminder_hours", 72}}).status,
            200);
        const QList<qint64> at72 = pendingDues();
        QCOMPARE(at72.size(), at24.size());
        for (const qint64 due : at72)
            QCOMPARE(due, start - 72 * 3600);
        QCOMPARE(
            m_admin->command(QStringLiteral("save_organisation"), {{"reminder_hours", 0}}).status,
            200);
        QVERIFY(pendingDues().isEmpty());
        QCOMPARE(
            m_admin->command(QStringLiteral("save_organisation"), {{"reminder_hours", 48}}).status,
            200);
        const QList<qint64> at48 = pendingDues();
        QCOMPARE(at48.size(), at24.size());
        for (const qint64 due : at48)
            QCOMPARE(due, start - 48 * 3600);
    }

    void invitedAgentChoosesAPassword()
    {
        Reply r = m_admin->command(QStringLiteral("save_agent"),
                                   {{"first_name", ""}, {"email", kAdmin}, {"role", "boss"}});
        QCOMPARE(r.status, 422);
        for (const char *f : {"first_name", "last_name", "email", "role"})
            QVERIFY2(fieldsOf(r).contains(QLatin1String(f)), f);

        r = m_admin->command(QStringLiteral("save_agent"), {{"first_name", "Nadia"},
                                                            {"last_name", "Invitée"},
                                                            {"email", kNewEmail},
                                                            {"role", "agent"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(AgentApiClient::json(r)[QLatin1String("invitation")].toString(),
                 QStringLiteral("email"));
        m_newAgentId =
            AgentApiClient::json(r)[QLatin1String("result")][QLatin1String("id")].toInteger();
        QVERIFY(m_newAgentId > 0);
        // Other messages (the booking above) may still be arriving: wait for this one.
        auto invitationArrived = [&] {
            for (const QByteArray &raw : m_smtp.messages())
                if (parseMail(raw).header("X-RcptTo") == kNewEmail)
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(invitationArrived(), 15000);
        QString link;
        for (const QByteArray &raw : m_smtp.messages()) {
            const ParsedMail m = parseMail(raw);
            if (m.header("X-RcptTo") != kNewEmail)
                continue;
            const auto match =
                QRegularExpression(QStringLiteral("(/invitation/[A-Za-z0-9_-]+)")).match(m.text);
            QVERIFY(match.hasMatch());
            link = match.captured(1);
            // The organisation's name as sender, replies to its chosen address.
            QVERIFY2(m.header("From").contains(QStringLiteral("France Services de Vernon")),
                     qPrintable(m.header("From")));
            QVERIFY(m.header("From").contains(QStringLiteral("rdv@mfs.example.fr")));
            QVERIFY2(m.header("Reply-To").contains(QStringLiteral("<accueil@mfs.example.fr>")),
                     qPrintable(m.header("Reply-To")));
            // 24 random bytes, URL-safe base64: 192 bits.
            QVERIFY(link.size() - int(strlen("/invitation/")) >= 32);
        }
        QVERIFY2(!link.isEmpty(), "no invitation e-mail");
        m_invitationPath = link;

        HttpClient web(m_server->url(QString()));
        Reply page = web.get(link);
        QCOMPARE(page.status, 200);
        QVERIFY(page.text().contains(QStringLiteral("Choisir votre mot de passe")));
        // A form posted without its CSRF token is refused.
        QCOMPARE(web.postForm(link, {{QStringLiteral("password"), kNewPassword},
                                     {QStringLiteral("confirm"), kNewPassword}})
                     .status,
                 403);
        auto fields = hiddenFields(page.text(), link);
        QList<QPair<QString, QString>> post = fields;
        post << qMakePair(QStringLiteral("password"), QStringLiteral("court"))
             << qMakePair(QStringLiteral("confirm"), QStringLiteral("court"));
        page = web.postForm(link, post);
        QCOMPARE(page.status, 422);
        QVERIFY(page.text().contains(QStringLiteral("au moins 12 caractères")));
        post = fields;
        post << qMakePair(QStringLiteral("password"), QStringLiteral("motdepasse123"))
             << qMakePair(QStringLiteral("confirm"), QStringLiteral("motdepasse123"));
        page = web.postForm(link, post);
        QCOMPARE(page.status, 422);
        QVERIFY(page.text().contains(QStringLiteral("plus courants")));
        post = fields;
        post << qMakePair(QStringLiteral("password"), kNewPassword)
             << qMakePair(QStringLiteral("confirm"), kNewPassword);
        page = web.postForm(link, post);
        QCOMPARE(page.status, 200);
        QVERIFY(page.text().contains(QStringLiteral("Mot de passe enregistré")));
        // Single use.
        QCOMPARE(web.get(link).status, 404);
    }

    void agentIsRefusedAdministration()
    {
        AgentApiClient agent(base());
        QCOMPARE(agent.login(kNewEmail, kNewPassword), 200);
        const QJsonObject mine =
            AgentApiClient::json(agent.call("GET", QStringLiteral("/api/v1/agent/organisation")));
        // An agent sees only their own account, not their colleagues'.
        QCOMPARE(mine[QLatin1String("agents")].toArray().size(), 1);
        QVERIFY(
            !mine[QLatin1String("organisation")].toObject().contains(QStringLiteral("reply_to")));
        QCOMPARE(agent.command(QStringLiteral("save_organisation"), {{"name", "Pris"}}).status,
                 403);
        QCOMPARE(agent
                     .command(QStringLiteral("save_agent"), {{"first_name", "A"},
                                                             {"last_name", "B"},
                                                             {"email", "a@b.fr"},
                                                             {"role", "admin"}})
                     .status,
                 403);
        QCOMPARE(
            agent.command(QStringLiteral("save_agent"), {{"id", m_newAgentId}, {"role", "admin"}})
                .status,
            403);
        QCOMPARE(agent.command(QStringLiteral("archive_agent"), {{"id", m_newAgentId}}).status,
                 403);
        QCOMPARE(
            agent.command(QStringLiteral("reset_agent_password"), {{"id", m_newAgentId}}).status,
            403);
        // Colleagues' sign-ins are not in the change feed.
        for (const QJsonValue &change : agent.changes()) {
            const QJsonObject data = change[QLatin1String("data")].toObject();
            QVERIFY(!data.contains(QStringLiteral("last_sign_in_at")));
            QVERIFY(!data.contains(QStringLiteral("password_hash")));
        }
        // Their own preferences are theirs.
        QCOMPARE(
            agent.command(QStringLiteral("set_notification_level"), {{"level", "soon"}}).status,
            200);
        QCOMPARE(
            agent.command(QStringLiteral("set_notification_level"), {{"level", "often"}}).status,
            422);
    }

    void foreignIdsAreNotFound()
    {
        for (const char *type : {"archive_agent", "reset_agent_password", "save_agent"}) {
            const Reply r = m_admin->command(
                QLatin1String(type),
                {{"id", 987654}, {"first_name", "X"}, {"last_name", "Y"}, {"email", "x@y.fr"}});
            QCOMPARE(r.status, 404);
        }
        QCOMPARE(m_admin->command(QStringLiteral("save_organisation"), {{"id", 987654}}).status,
                 404);
    }

    void archivedAgentLosesSessionAndFeed()
    {
        AgentApiClient agent(base());
        QCOMPARE(agent.login(kNewEmail, kNewPassword), 200);
        Reply r = agent.call("POST", QStringLiteral("/api/v1/agent/calendar-feed"));
        QCOMPARE(r.status, 201);
        const QString feed = AgentApiClient::json(r)[QLatin1String("url")].toString();
        QNetworkAccessManager nam;
        QCOMPARE(HttpClient::wait(nam.get(QNetworkRequest(QUrl(feed)))).status, 200);

        r = m_admin->command(QStringLiteral("archive_agent"), {{"id", m_newAgentId}});
        QCOMPARE(r.status, 200);
        QVERIFY(AgentApiClient::json(r).contains(QStringLiteral("rdvs_to_reassign")));
        QCOMPARE(agent.call("GET", QStringLiteral("/api/v1/agent/session")).status, 401);
        QCOMPARE(HttpClient::wait(nam.get(QNetworkRequest(QUrl(feed)))).status, 404);
        QCOMPARE(agent.login(kNewEmail, kNewPassword), 401);
    }

    void lastAdministratorStays()
    {
        const qint64 me = AgentApiClient::json(m_admin->call(
            "GET",
            QStringLiteral("/api/v1/agent/session")))[QLatin1String("agent")][QLatin1String("id")]
                              .toInteger();
        QCOMPARE(m_admin->command(QStringLiteral("archive_agent"), {{"id", me}}).status, 409);
        QCOMPARE(
            m_admin->command(QStringLiteral("save_agent"), {{"id", me}, {"role", "agent"}}).status,
            409);
        QCOMPARE(m_admin->call("GET", QStringLiteral("/api/v1/agent/session")).status, 200);
    }

    void resetPasswordEndsSessions()
    {
        // A second administrator, created with an initial password to change at first sign-in.
        const QString email = QStringLiteral("second.admin@mfs.example.fr");
        const QString initial = QStringLiteral("provisoire-2026-vernon");
        Reply r = m_admin->command(QStringLiteral("save_agent"), {{"first_name", "Second"},
                                                                  {"last_name", "Admin"},
                                                                  {"email", email},
                                                                  {"role", "admin"},
                                                                  {"initial_password", initial}});
        QCOMPARE(r.status, 200);
        const qint64 id =
            AgentApiClient::json(r)[QLatin1String("result")][QLatin1String("id")].toInteger();
        AgentApiClient second(base());
        r = second.call("POST", QStringLiteral("/api/v1/agent/session"),
                        {{"email", email}, {"password", initial}});
        QCOMPARE(r.status, 200);
        QVERIFY(AgentApiClient::json(r)[QLatin1String("must_change_password")].toBool());
        second.token = AgentApiClient::json(r)[QLatin1String("token")].toString();
        QCOMPARE(second.call("GET", QStringLiteral("/api/v1/agent/session")).status, 200);
        // Nothing else until they chose their own password.
        QCOMPARE(
            second.command(QStringLiteral("set_notification_level"), {{"level", "none"}}).status,
            403);
        const QString own = QStringLiteral("mon propre mot de passe");
        QCOMPARE(second
                     .command(QStringLiteral("change_password"),
                              {{"current_password", initial}, {"password", own}})
                     .status,
                 200);
        QCOMPARE(second.login(email, own), 200);
        QCOMPARE(
            second.command(QStringLiteral("set_notification_level"), {{"level", "none"}}).status,
            200);
        QCOMPARE(m_admin->command(QStringLiteral("reset_agent_password"), {{"id", id}}).status,
                 200);
        QCOMPARE(second.call("GET", QStringLiteral("/api/v1/agent/session")).status, 401);
        // Now there are two administrators: the demo one may step down.
        QCOMPARE(
            m_admin->command(QStringLiteral("save_agent"), {{"id", id}, {"role", "agent"}}).status,
            200);
    }

    void changeOwnPassword()
    {
        AgentApiClient self(base());
        QCOMPARE(self.login(kAdmin, kAdminPassword), 200);
        Reply r = self.command(QStringLiteral("change_password"),
                               {{"current_password", "wrong"}, {"password", "court"}});
        QCOMPARE(r.status, 422);
        QVERIFY(fieldsOf(r).contains(QStringLiteral("current_password")));
        QVERIFY(fieldsOf(r).contains(QStringLiteral("password")));
        const QString fresh = QStringLiteral("une phrase assez longue 42");
        r = self.command(QStringLiteral("change_password"),
                         {{"current_password", kAdminPassword}, {"password", fresh}});
        QCOMPARE(r.status, 200);
        QCOMPARE(self.call("GET", QStringLiteral("/api/v1/agent/session")).status, 401);
        QCOMPARE(self.login(kAdmin, fresh), 200);
    }
};

QTEST_GUILESS_MAIN(TestAgentAdmin)
#include "tst_agent_admin.moc"
