// The agents' calendar feed shows a collective session as one event (its UID, « 2/3 ») instead
// of one event per participant; a cancelled session stays, cancelled.
#include "models/booking.h"
#include "models/catalog.h"
#include "models/collectivesessions.h"
#include "sync/calendar/calendarfeed.h"
#include "testorganisation.h"

#include <QtTest>

using namespace creneau;

class TestSessionCalendar : public QObject
{
    Q_OBJECT
private slots:
    void oneEventPerSessionForItsAgents()
    {
        test::TestOrganisation t;
        const QDate monday(2027, 3, 1);
        ManualClock clock(t.local(monday.addDays(-1), QTime(12, 0)));
        const Agent admin = t.addAgent(QStringLiteral("Admin"), AgentRole::Admin);
        Motif meeting =
            t.addMotif(QStringLiteral("Atelier numérique"), 60, BookableBy::AgentsAndPrescripteurs);
        meeting.capacity = 3;
        {
            WriteTransaction tx(*t.store);
            Catalog(*t.store).save(meeting);
            tx.commit();
        }
        SessionRequest r;
        r.organisationId = t.org.id;
        r.motifId = meeting.id;
        r.lieuId = t.lieu.id;
        r.agentIds = {t.agent.id};
        r.firstDay = monday;
        r.startTime = QTime(14, 0);
        CollectiveSessionService sessions(*t.store, clock);
        const SessionOutcome created = sessions.create(r, admin.id);
        QVERIFY(created.ok());
        const Id session = created.sessions.first().id;
        SlotEngine engine(*t.store);
        BookingService booking(*t.store, engine, clock);
        for (const char *name : {"Un", "Deux"}) {
            BookingRequest b;
            b.organisationId = t.org.id;
            b.motifId = meeting.id;
            b.sessionId = session;
            b.bookedBy = CreatedBy::Agent;
            b.agentId = t.agent.id;
            b.usager.firstName = QStringLiteral("Léa");
            b.usager.lastName = QString::fromLatin1(name);
            QVERIFY(booking.book(b).ok());
        }
        const QString feed = QString::fromUtf8(
            calendar::CalendarFeed::render(*t.store, t.agent.id, clock.nowSecs()));
        QCOMPARE(feed.count(QStringLiteral("BEGIN:VEVENT")), 1);
        QVERIFY(feed.contains(QStringLiteral("UID:session-%1@").arg(session)));
        QVERIFY(feed.contains(QStringLiteral("(2/3)")));
        QVERIFY(!feed.contains(QStringLiteral("UID:rdv-")));
        // The administrator does not lead it: nothing in theirs.
        QVERIFY(
            !QString::fromUtf8(calendar::CalendarFeed::render(*t.store, admin.id, clock.nowSecs()))
                 .contains(QStringLiteral("BEGIN:VEVENT")));
        QVERIFY(sessions.cancel(session, admin.id, {}).ok());
        QVERIFY(
            QString::fromUtf8(calendar::CalendarFeed::render(*t.store, t.agent.id, clock.nowSecs()))
                .contains(QStringLiteral("STATUS:CANCELLED")));
    }
};

QTEST_GUILESS_MAIN(TestSessionCalendar)
#include "tst_session_calendar.moc"
