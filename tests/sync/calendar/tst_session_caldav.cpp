// A collective session in the CalDAV collection of the agent leading it, against a real Radicale
// on loopback: ONE resource for the session (created with it), updated with a higher SEQUENCE and
// the participants' count in its description at each registration or cancelled place, never a
// resource per participant; removed when the session is cancelled or handed to another agent.
#include "calendarfixture.h"
#include "models/collectivesessions.h"
#include "models/sql.h"
#include "radicale.h"
#include "sync/calendar/caldavworker.h"
#include "sync/calendar/calendarsettings.h"
#include "sync/ical/calendardomain.h"
#include "sync/ical/icalwriter.h"

#include <QtTest>

using namespace creneau;
using namespace creneau::calendar;
using test::CalendarFixture;
using test::Radicale;

namespace {

bool drain(CaldavWorker &worker, int ms = 15000)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        worker.kick();
        QTest::qWait(50);
        if (!worker.isBusy() && worker.pendingCount() == 0)
            return true;
    }
    return false;
}

// The fixture's organisation with a collective motif of 12 places, an administrator, and the
// agent's calendar pushed to Radicale.
struct SessionFixture
{
    CalendarFixture f;
    Radicale radicale;
    CalendarKey key = CalendarKey::random();
    Agent admin = f.t.addAgent(QStringLiteral("Admin"), AgentRole::Admin);
    Motif meeting;
    CollectiveSessionService sessions{*f.t.store, f.clock, &f.sink};
    std::unique_ptr<CaldavWorker> worker;

    bool start()
    {
        meeting = f.t.addMotif(QStringLiteral("Réunion d'information RSA"), 90,
                               BookableBy::AgentsAndPrescripteurs);
        meeting.capacity = 12;
        {
            WriteTransaction tx(*f.t.store);
            Catalog(*f.t.store).save(meeting);
            tx.commit();
        }
        if (!radicale.start() || radicale.makeCalendar(radicale.collectionUrl()) != 201)
            return false;
        worker = std::make_unique<CaldavWorker>(*f.t.store, key);
        worker->setAllowInsecure(true); // Radicale over plain http on loopback
        worker->setRetryDelays(1, 2);
        return true;
    }
    void pushTo(Id agentId)
    {
        CalendarSettings s;
        s.agentId = agentId;
        s.mode = CalendarMode::CalDav;
        s.caldavUrl = radicale.collectionUrl();
        s.caldavUser = QStringLiteral("agent");
        CalendarSettingsRepository(*f.t.store, key).save(s, QStringLiteral("s3cret"));
    }
    SessionRequest request(const QList<Id> &agents) const
    {
        SessionRequest r;
        r.organisationId = f.t.org.id;
        r.motifId = meeting.id;
        r.lieuId = f.t.lieu.id;
        r.agentIds = agents;
        r.firstDay = f.monday;
        r.startTime = QTime(9, 30);
        return r;
    }
    Id createSession(const QList<Id> &agents)
    {
        const SessionOutcome out = sessions.create(request(agents), admin.id);
        if (!out.ok())
            qWarning() << out.message << out.fields;
        return out.ok() ? out.sessions.first().id : 0;
    }
    Rdv registerInto(Id session, const QString &lastName)
    {
        BookingRequest b;
        b.organisationId = f.t.org.id;
        b.motifId = meeting.id;
        b.sessionId = session;
        b.bookedBy = CreatedBy::Prescripteur;
        b.prescripteur = {QStringLiteral("Nathalie"),
                          QStringLiteral("Roux"),
                          QStringLiteral("n.roux@mairie.fr"),
                          {}};
        b.usager.firstName = QStringLiteral("Léa");
        b.usager.lastName = lastName;
        b.usager.phone = QStringLiteral("06 12 34 56 78");
        const BookingOutcome out = f.service.book(b);
        if (!out.ok())
            qWarning() << out.message << out.fields;
        return out.rdv;
    }
    QString uid(Id session) const
    {
        return ical::sessionUid(session, ical::calendarDomain(*f.t.store));
    }
};

} // namespace

class TestSessionCaldav : public QObject
{
    Q_OBJECT
private slots:
    void oneResourcePerSession()
    {
        SessionFixture s;
        QVERIFY(s.start());
        s.pushTo(s.f.t.agent.id);
        const Id session = s.createSession({s.f.t.agent.id});
        QVERIFY(session);
        const QString uid = s.uid(session);
        const QStringList oneFile{CaldavWorker::sessionResourceName(session)};
        QStringList files;
        bool ok = false;

        // Created with the session, nobody registered yet.
        QVERIFY(drain(*s.worker));
        auto events = s.radicale.events(&files, &ok);
        QVERIFY(ok);
        QCOMPARE(files, oneFile);
        QCOMPARE(events.keys(), QStringList{uid});
        QVERIFY2(events[uid].value("DESCRIPTION").contains(QStringLiteral("0/12 participants")),
                 qPrintable(events[uid].value("DESCRIPTION")));
        int sequence = events[uid].value("SEQUENCE").toInt();

        // Two registrations: the same one resource, its count and SEQUENCE up each time.
        const Rdv first = s.registerInto(session, QStringLiteral("Martin"));
        QVERIFY(first.id);
        QVERIFY(drain(*s.worker));
        events = s.radicale.events(&files, &ok);
        QCOMPARE(files, oneFile);
        QVERIFY(events[uid].value("DESCRIPTION").contains(QStringLiteral("1/12 participants")));
        QVERIFY(events[uid].value("SEQUENCE").toInt() > sequence);
        sequence = events[uid].value("SEQUENCE").toInt();
        QVERIFY(s.registerInto(session, QStringLiteral("Bernard")).id);
        QVERIFY(drain(*s.worker));
        events = s.radicale.events(&files, &ok);
        QVERIFY(ok);
        QCOMPARE(files, oneFile);
        QCOMPARE(events.keys(), QStringList{uid});
        QVERIFY2(events[uid].value("DESCRIPTION").contains(QStringLiteral("2/12 participants")),
                 qPrintable(events[uid].value("DESCRIPTION")));
        QVERIFY(events[uid].value("SUMMARY").contains(QStringLiteral("(2/12)")));
        QVERIFY(events[uid].value("SEQUENCE").toInt() > sequence);
        sequence = events[uid].value("SEQUENCE").toInt();
        QCOMPARE(events[uid].value("DTSTART_UTC").toLongLong(), s.f.t.at(s.f.monday, QTime(9, 30)));
        // Nothing of a participant's own.
        QCOMPARE(
            sql::scalar(s.f.t.store->db(), QStringLiteral("SELECT COUNT(*) FROM caldav_resources"))
                .toInt(),
            0);

        // A place cancelled: still one resource, one participant fewer.
        QVERIFY(s.f.service.cancel(first.id, Actor{Actor::Kind::Agent, s.f.t.agent.id, {}}).ok());
        QVERIFY(drain(*s.worker));
        events = s.radicale.events(&files, &ok);
        QCOMPARE(files, oneFile);
        QVERIFY(events[uid].value("DESCRIPTION").contains(QStringLiteral("1/12 participants")));
        QVERIFY(events[uid].value("SEQUENCE").toInt() > sequence);

        // The session cancelled: gone from the collection.
        QVERIFY(s.sessions.cancel(session, s.admin.id, QStringLiteral("Intervenant absent")).ok());
        QVERIFY(drain(*s.worker));
        events = s.radicale.events(&files, &ok);
        QVERIFY(ok);
        QCOMPARE(files, QStringList{});
    }

    void handedToAnotherAgentLeavesTheCollection()
    {
        SessionFixture s;
        QVERIFY(s.start());
        s.pushTo(s.f.t.agent.id);
        const Agent other = s.f.t.addAgent(QStringLiteral("Autre"));
        const Id session = s.createSession({s.f.t.agent.id});
        QVERIFY(s.registerInto(session, QStringLiteral("Martin")).id);
        QVERIFY(drain(*s.worker));
        QStringList files;
        bool ok = false;
        s.radicale.events(&files, &ok);
        QCOMPARE(files, QStringList{CaldavWorker::sessionResourceName(session)});
        QVERIFY(s.sessions.update(session, s.request({other.id}), s.admin.id).ok());
        QVERIFY(drain(*s.worker));
        s.radicale.events(&files, &ok);
        QVERIFY(ok);
        QCOMPARE(files, QStringList{});
    }

    // CalDAV turned on with a session already filling: its one event, not its participants.
    void turningCaldavOnSendsTheSessionOnce()
    {
        SessionFixture s;
        QVERIFY(s.start());
        const Id session = s.createSession({s.f.t.agent.id});
        for (const char *name : {"Martin", "Bernard", "Petit"})
            QVERIFY(s.registerInto(session, QString::fromLatin1(name)).id);
        s.pushTo(s.f.t.agent.id);
        QVERIFY(drain(*s.worker));
        QStringList files;
        bool ok = false;
        const auto events = s.radicale.events(&files, &ok);
        QVERIFY(ok);
        QCOMPARE(files, QStringList{CaldavWorker::sessionResourceName(session)});
        QVERIFY(events[s.uid(session)].value("DESCRIPTION").contains(QStringLiteral("3/12")));
    }
};

QTEST_GUILESS_MAIN(TestSessionCaldav)
#include "tst_session_caldav.moc"
