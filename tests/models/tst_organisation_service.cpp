// OrganisationService's rules in-process: slugs proposed from names, the password policy, the
// first start in one transaction (a taken slug refused), the last administrator kept, and
// pending reminders following a new delay (manual clock: moved, or dropped when now past or 0).
#include "models/organisationservice.h"
#include "models/sql.h"
#include "notifyscenario.h"
#include "sync/notify/outbox.h"
#include "sync/notify/reminderschedule.h"

#include <QtTest>

using namespace creneau;
using namespace creneau::notify;
using test::NotifyScenario;

namespace {

QList<OutboxMessage> reminders(NotifyScenario &s, Id rdvId, const QString &status)
{
    QList<OutboxMessage> out;
    for (const OutboxMessage &m : Outbox(*s.t.store).ofRdv(rdvId))
        if (m.purpose == QLatin1String("reminder") && m.status == status)
            out << m;
    return out;
}

Agent adminOf(NotifyScenario &s)
{
    Agent a = s.t.agent;
    a.role = AgentRole::Admin;
    WriteTransaction tx(*s.t.store);
    Catalog(*s.t.store).save(a);
    tx.commit();
    return a;
}

} // namespace

class TestOrganisationService : public QObject
{
    Q_OBJECT
private slots:
    void proposeSlug_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("slug");
        QTest::addRow("accents") << QStringLiteral("Maison France Services de Saint-Lô")
                                 << QStringLiteral("maison-france-services-de-saint-lo");
        QTest::addRow("apostrophe")
            << QStringLiteral("CCAS d'Évreux") << QStringLiteral("ccas-d-evreux");
        QTest::addRow("punctuation")
            << QStringLiteral("  « Aide & Co » (27) ") << QStringLiteral("aide-co-27");
        QTest::addRow("nothing usable") << QStringLiteral("« »") << QString();
    }
    void proposeSlug()
    {
        QFETCH(QString, name);
        QFETCH(QString, slug);
        QCOMPARE(OrganisationService::proposeSlug(name), slug);
    }

    void passwordPolicy_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("accepted");
        QTest::addRow("short") << QStringLiteral("Court-1") << false;
        QTest::addRow("11 characters") << QStringLiteral("abcdefghijX") << false;
        QTest::addRow("common") << QStringLiteral("MotDePasse123") << false;
        QTest::addRow("repeated") << QStringLiteral("aaaaaaaaaaaaaa") << false;
        QTest::addRow("run") << QStringLiteral("345678901234") << false;
        QTest::addRow("phrase") << QStringLiteral("cheval batterie agrafe") << true;
        QTest::addRow("12 mixed") << QStringLiteral("Vernon-27200!") << true;
    }
    void passwordPolicy()
    {
        QFETCH(QString, password);
        QFETCH(bool, accepted);
        FieldErrors e;
        OrganisationService::checkPassword(e, QStringLiteral("password"), password);
        QCOMPARE(e.isEmpty(), accepted);
    }

    void firstStartRefusesATakenSlug()
    {
        NotifyScenario s;
        OrganisationService service(*s.t.store, s.clock);
        FirstStart start;
        start.settings.organisation.name = QStringLiteral("CCAS de Vernon");
        start.settings.organisation.slug = s.t.org.slug; // taken
        start.settings.organisation.timeZone = QStringLiteral("America/Cayenne");
        start.admin.firstName = QStringLiteral("Inès");
        start.admin.lastName = QStringLiteral("Martin");
        start.admin.email = QStringLiteral("ines.martin@ccas.example.fr");
        start.password = QStringLiteral("court");
        AdminOutcome out = service.createOrganisation(start);
        QCOMPARE(out.error, AdminError::Invalid);
        QVERIFY(out.fields.contains(QStringLiteral("slug")));
        QVERIFY(out.fields.contains(QStringLiteral("admin.password")));

        start.settings.organisation.slug = QStringLiteral("ccas-vernon");
        start.password = QStringLiteral("cheval batterie agrafe");
        start.lieu = Lieu{0, 0, QStringLiteral("Hôtel de ville"), QStringLiteral("1 place"), {}};
        out = service.createOrganisation(start);
        QVERIFY2(out.ok(), qPrintable(out.fields.values().join(QLatin1Char(' '))));
        const auto accounts = service.accounts(out.id);
        QCOMPARE(accounts.size(), 1);
        QCOMPARE(accounts.first().agent.role, AgentRole::Admin);
        QVERIFY(accounts.first().hasPassword);
        QCOMPARE(Catalog(*s.t.store).lieux(out.id).size(), 1);
        QCOMPARE(service.settings(out.id).organisation.timeZone, QStringLiteral("America/Cayenne"));
    }

    void invitationsAreSingleUseAndExpire()
    {
        NotifyScenario s;
        const Agent admin = adminOf(s);
        OrganisationService service(*s.t.store, s.clock);
        Agent a;
        a.firstName = QStringLiteral("Noé");
        a.lastName = QStringLiteral("Invité");
        a.email = QStringLiteral("noe@orga.example.fr");
        AdminOutcome out = service.saveAgent(admin, a);
        QVERIFY(out.ok());
        const QString first = out.invitationToken;
        QVERIFY(first.size() >= 22); // at least 128 bits, URL-safe base64
        QVERIFY(service.invitedAgent(first));
        // Stored only as its hash.
        QCOMPARE(sql::scalar(s.t.store->db(),
                             QStringLiteral("SELECT COUNT(*) FROM agent_invitations WHERE "
                                            "token_hash = ?"),
                             {first})
                     .toInt(),
                 0);
        // A new invitation replaces the previous link.
        out = service.resetPassword(admin, out.id);
        QVERIFY(out.ok());
        QVERIFY(!service.invitedAgent(first));
        const QString second = out.invitationToken;
        QCOMPARE(service.acceptInvitation(second, QStringLiteral("court")).error,
                 AdminError::Invalid);
        // Seven days, then gone.
        s.clock.advanceSecs(OrganisationService::kInvitationSecs + 1);
        QVERIFY(!service.invitedAgent(second));
        QCOMPARE(service.acceptInvitation(second, QStringLiteral("une phrase assez longue")).error,
                 AdminError::NotFound);
        out = service.resetPassword(admin, out.id);
        QVERIFY(
            service.acceptInvitation(out.invitationToken, QStringLiteral("une phrase assez longue"))
                .ok());
        QCOMPARE(
            service.acceptInvitation(out.invitationToken, QStringLiteral("une autre phrase longue"))
                .error,
            AdminError::NotFound); // single use
        QVERIFY(service.account(out.id)->hasPassword);
    }

    void lastAdministratorIsKept()
    {
        NotifyScenario s;
        const Agent admin = adminOf(s);
        OrganisationService service(*s.t.store, s.clock);
        QCOMPARE(service.archiveAgent(admin, admin.id).error, AdminError::Conflict);
        Agent demoted = admin;
        demoted.role = AgentRole::Agent;
        QCOMPARE(service.saveAgent(admin, demoted).error, AdminError::Conflict);
        // An agent of the organisation is not an administrator: refused.
        const Agent other = s.t.addAgent(QStringLiteral("Autre"));
        QCOMPARE(service.archiveAgent(other, admin.id).error, AdminError::Forbidden);
        QVERIFY(service.archiveAgent(admin, other.id).ok());
    }

    void remindersFollowANewDelay()
    {
        NotifyScenario s;
        const Agent admin = adminOf(s);
        const BookingOutcome b = s.book(CreatedBy::Prescripteur);
        QVERIFY(b.ok());
        QVERIFY(!reminders(s, b.rdv.id, QStringLiteral("pending")).isEmpty());

        OrganisationService service(*s.t.store, s.clock);
        service.setReminderDelayListener([&](Id org, int hours) {
            rescheduleReminders(*s.t.store, org, hours, s.clock.nowSecs());
        });
        OrganisationSettings settings = service.settings(s.t.org.id);
        settings.organisation.reminderHours = 24;
        QVERIFY(service.saveOrganisation(admin, settings).ok());
        const auto moved = reminders(s, b.rdv.id, QStringLiteral("pending"));
        QVERIFY(!moved.isEmpty());
        for (const OutboxMessage &m : moved) {
            QCOMPARE(m.dueAt, b.rdv.startsAt - 24 * 3600);
            QCOMPARE(m.nextAttemptAt, b.rdv.startsAt - 24 * 3600);
        }

        // A delay reaching back before now: the reminder would be late, so it goes.
        s.clock.set(QDateTime::fromSecsSinceEpoch(b.rdv.startsAt - 30 * 3600, Qt::UTC));
        settings.organisation.reminderHours = 48;
        QVERIFY(service.saveOrganisation(admin, settings).ok());
        QVERIFY(reminders(s, b.rdv.id, QStringLiteral("pending")).isEmpty());
        QCOMPARE(reminders(s, b.rdv.id, QStringLiteral("dropped")).size(), moved.size());
    }

    void messagesCarryTheSenderAndReplyTo()
    {
        NotifyScenario s;
        const Agent admin = adminOf(s);
        OrganisationService service(*s.t.store, s.clock);
        OrganisationSettings settings = service.settings(s.t.org.id);
        settings.organisation.email = QStringLiteral("contact@orga.example.fr");
        QVERIFY(service.saveOrganisation(admin, settings).ok());
        BookingOutcome b = s.book(CreatedBy::Prescripteur);
        QVERIFY(b.ok());
        const auto first = Outbox(*s.t.store).ofRdv(b.rdv.id);
        QVERIFY(!first.isEmpty());
        for (const OutboxMessage &m : first) {
            QCOMPARE(m.replyTo, QStringLiteral("contact@orga.example.fr")); // by default
            QVERIFY(m.senderName.isEmpty());
        }
        // Changed: the next messages follow at once.
        settings.replyTo = QStringLiteral("accueil@orga.example.fr");
        settings.senderName = QStringLiteral("CCAS de Vernon");
        QVERIFY(service.saveOrganisation(admin, settings).ok());
        b = s.book(CreatedBy::Prescripteur, QTime(10, 0));
        QVERIFY(b.ok());
        settings.publicUrl = QStringLiteral("https://rdv.orga.example.fr");
        QVERIFY(service.saveOrganisation(admin, settings).ok());
        b = s.book(CreatedBy::Prescripteur, QTime(11, 0));
        QVERIFY(b.ok());
        bool linked = false;
        for (const OutboxMessage &m : Outbox(*s.t.store).ofRdv(b.rdv.id)) {
            // Links in messages use the organisation's public address.
            linked |= m.bodyText.contains(QStringLiteral("https://rdv.orga.example.fr/rdv/"));
            QCOMPARE(m.replyTo, QStringLiteral("accueil@orga.example.fr"));
            QCOMPARE(m.senderName, QStringLiteral("CCAS de Vernon"));
        }
        QVERIFY(linked);
    }

    void noReminderAtAll()
    {
        NotifyScenario s;
        const Agent admin = adminOf(s);
        const BookingOutcome b = s.book(CreatedBy::Prescripteur);
        OrganisationService service(*s.t.store, s.clock);
        service.setReminderDelayListener([&](Id org, int hours) {
            rescheduleReminders(*s.t.store, org, hours, s.clock.nowSecs());
        });
        OrganisationSettings settings = service.settings(s.t.org.id);
        settings.organisation.reminderHours = 0;
        QVERIFY(service.saveOrganisation(admin, settings).ok());
        QVERIFY(reminders(s, b.rdv.id, QStringLiteral("pending")).isEmpty());
        const BookingOutcome later = s.book(CreatedBy::Prescripteur, QTime(10, 0));
        QVERIFY(later.ok());
        QVERIFY(reminders(s, later.rdv.id, QStringLiteral("pending")).isEmpty());

        // Back on: every future appointment gets its reminder at the new delay, once.
        service.setReminderDelayListener([&](Id org, int hours) {
            rescheduleReminders(*s.t.store, org, hours, s.clock.nowSecs(),
                                [&](const Rdv &rdv) { s.sink.queueReminder(*s.t.store, rdv); });
        });
        settings.organisation.reminderHours = 24;
        QVERIFY(service.saveOrganisation(admin, settings).ok());
        for (const BookingOutcome *o : {&b, &later}) {
            const auto queued = reminders(s, o->rdv.id, QStringLiteral("pending"));
            QCOMPARE(queued.size(), 2); // e-mail and SMS
            for (const OutboxMessage &m : queued)
                QCOMPARE(m.dueAt, o->rdv.startsAt - 24 * 3600);
        }
        settings.organisation.reminderHours = 12;
        QVERIFY(service.saveOrganisation(admin, settings).ok());
        QCOMPARE(reminders(s, later.rdv.id, QStringLiteral("pending")).size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestOrganisationService)
#include "tst_organisation_service.moc"
