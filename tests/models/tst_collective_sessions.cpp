// Collective sessions: creating one or a series, the places (the last one taken once, even by 20
// racing bookers), a usager registered twice, a full session and the next ones offered,
// cancelling a session and its participants, moving one.
#include "models/booking.h"
#include "models/catalog.h"
#include "models/collectivesessions.h"
#include "models/rdvrepository.h"
#include "models/sessionrepository.h"
#include "testorganisation.h"

#include <QtTest>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

using namespace creneau;
using test::TestOrganisation;

namespace {

const QDate kMonday(2027, 3, 1);

// What the notifications would be told, in the transaction of each change.
struct RecordingSink : RdvEventSink
{
    QList<RdvEvent> events;
    void record(Store &, const RdvEvent &event) override { events << event; }
};

struct Fixture
{
    TestOrganisation t;
    ManualClock clock{QDateTime()};
    SlotEngine engine{*t.store};
    BookingService booking{*t.store, engine, clock};
    CollectiveSessionService sessions{*t.store, clock};
    Agent admin;
    Motif meeting;

    Fixture()
    {
        clock.set(t.local(kMonday.addDays(-1), QTime(12, 0)));
        admin = t.addAgent(QStringLiteral("Admin"), AgentRole::Admin);
        meeting = t.addMotif(QStringLiteral("Réunion d'information RSA"), 90,
                             BookableBy::AgentsAndPrescripteurs);
        meeting.capacity = 12;
        WriteTransaction tx(*t.store);
        Catalog(*t.store).save(meeting);
        tx.commit();
    }

    SessionRequest sessionRequest(int capacity = 3, const QString &rrule = {})
    {
        SessionRequest r;
        r.organisationId = t.org.id;
        r.motifId = meeting.id;
        r.lieuId = t.lieu.id;
        r.agentIds = {t.agent.id};
        r.firstDay = kMonday;
        r.startTime = QTime(9, 30);
        r.capacity = capacity;
        r.rrule = rrule;
        return r;
    }

    QList<CollectiveSession> create(int capacity = 3, const QString &rrule = {})
    {
        const SessionOutcome out = sessions.create(sessionRequest(capacity, rrule), admin.id);
        if (!out.ok())
            qWarning() << out.message << out.fields;
        return out.sessions;
    }

    BookingRequest registration(Id sessionId, const QString &lastName,
                                const QString &phone = QStringLiteral("06 12 34 56 78"))
    {
        BookingRequest r;
        r.organisationId = t.org.id;
        r.motifId = meeting.id;
        r.sessionId = sessionId;
        r.bookedBy = CreatedBy::Prescripteur;
        r.prescripteur = {QStringLiteral("Nathalie"), QStringLiteral("Roux"),
                          QStringLiteral("n.roux@mairie.fr"), QStringLiteral("02 32 64 15 00")};
        r.usager.firstName = QStringLiteral("Amina");
        r.usager.lastName = lastName;
        r.usager.phone = phone;
        return r;
    }

    int count(const char *table) const
    {
        return sql::scalar(t.store->db(),
                           QStringLiteral("SELECT COUNT(*) FROM ") + QLatin1String(table))
            .toInt();
    }
};

} // namespace

class TestCollectiveSessions : public QObject
{
    Q_OBJECT
private slots:
    void aSeriesIsExpandedIntoSessions()
    {
        Fixture f;
        const QList<CollectiveSession> created =
            f.create(12, QStringLiteral("FREQ=WEEKLY;COUNT=4"));
        QCOMPARE(created.size(), 4);
        QCOMPARE(created.at(0).startsAt, f.t.at(kMonday, QTime(9, 30)));
        // Wall-clock 9:30 in Paris across the DST change of 28 March 2027.
        QCOMPARE(created.at(3).startsAt, f.t.at(kMonday.addDays(21), QTime(9, 30)));
        QCOMPARE(created.at(0).durationMinutes, 90);
        QCOMPARE(created.at(0).agentIds, QList<Id>{f.t.agent.id});
        QCOMPARE(SessionRepository(*f.t.store).upcoming(f.meeting.id, 0).size(), 4);
    }

    void invalidSessionsAreRefusedPerField_data()
    {
        QTest::addColumn<int>("change");
        QTest::addColumn<QString>("field");
        QTest::addRow("no places") << 0 << "capacity";
        QTest::addRow("too many places") << 1 << "capacity";
        QTest::addRow("no agent") << 2 << "agent_ids";
        QTest::addRow("in the past") << 3 << "starts_at";
        QTest::addRow("bad rule") << 4 << "rrule";
        QTest::addRow("individual motif") << 5 << "motif_id";
        QTest::addRow("no lieu") << 6 << "lieu_id";
    }
    void invalidSessionsAreRefusedPerField()
    {
        QFETCH(int, change);
        QFETCH(QString, field);
        Fixture f;
        SessionRequest r = f.sessionRequest();
        switch (change) {
        case 0:
            r.capacity = -1;
            break;
        case 1:
            r.capacity = 501;
            break;
        case 2:
            r.agentIds.clear();
            break;
        case 3:
            r.firstDay = kMonday.addDays(-7);
            break;
        case 4:
            r.rrule = QStringLiteral("FREQ=SOMETIMES");
            break;
        case 5:
            r.motifId = f.t.motif.id;
            break;
        case 6:
            r.lieuId = 0;
            break;
        }
        const SessionOutcome out = f.sessions.create(r, f.admin.id);
        QCOMPARE(out.error, BookingError::Invalid);
        QVERIFY2(out.fields.contains(field), qPrintable(out.fields.keys().join(u',')));
        QVERIFY(!out.fields.value(field).isEmpty());
        QCOMPARE(f.count("collective_sessions"), 0);
    }

    void onlyAdministratorsCreateSessions()
    {
        Fixture f;
        QCOMPARE(f.sessions.create(f.sessionRequest(), f.t.agent.id).error,
                 BookingError::Forbidden);
        QCOMPARE(f.count("collective_sessions"), 0);
    }

    void theLastPlaceIsTakenOnceThenTheNextSessionsAreOffered()
    {
        Fixture f;
        const QList<CollectiveSession> created = f.create(2, QStringLiteral("FREQ=WEEKLY;COUNT=3"));
        const Id first = created.at(0).id;
        QVERIFY(f.booking.book(f.registration(first, QStringLiteral("Diallo"))).ok());
        const BookingOutcome second =
            f.booking.book(f.registration(first, QStringLiteral("Martin")));
        QVERIFY(second.ok());
        QCOMPARE(second.rdv.sessionId, first);
        QCOMPARE(second.rdv.startsAt, created.at(0).startsAt);
        QCOMPARE(second.rdv.agentIds, QList<Id>{f.t.agent.id});
        const int usagers = f.count("usagers");
        const BookingOutcome full = f.booking.book(f.registration(first, QStringLiteral("Petit")));
        QCOMPARE(full.error, BookingError::SessionFull);
        QVERIFY(!full.message.isEmpty());
        QCOMPARE(full.nextSessions.size(), 2);
        QCOMPARE(full.nextSessions.at(0).session.id, created.at(1).id);
        QCOMPARE(full.nextSessions.at(0).placesLeft(), 2);
        QCOMPARE(f.count("usagers"), usagers); // the refused usager was not kept
        QCOMPARE(SessionRepository(*f.t.store).taken(first), 2);
    }

    void aCancelledPlaceIsFreeAgain()
    {
        Fixture f;
        const Id session = f.create(1).at(0).id;
        const BookingOutcome first = f.booking.book(f.registration(session, QStringLiteral("A")));
        QVERIFY(first.ok());
        Actor agent;
        agent.agentId = f.t.agent.id;
        QVERIFY(f.booking.cancel(first.rdv.id, agent).ok());
        QVERIFY(f.booking.book(f.registration(session, QStringLiteral("B"))).ok());
    }

    void aUsagerIsNotRegisteredTwice_data()
    {
        QTest::addColumn<QString>("lastName");
        QTest::addColumn<QString>("phone");
        QTest::addColumn<QString>("email");
        QTest::addColumn<bool>("duplicate");
        QTest::addRow("same person") << "Diallo"
                                     << "06 12 34 56 78"
                                     << "" << true;
        QTest::addRow("same phone, other spelling") << "DIALLO "
                                                    << "+33 6 12 34 56 78"
                                                    << "" << true;
        QTest::addRow("same name, e-mail added") << "Diallo"
                                                 << "06 12 34 56 78"
                                                 << "amina@exemple.fr" << true;
        QTest::addRow("same name, another phone") << "Diallo"
                                                  << "07 11 22 33 44"
                                                  << "" << false;
        QTest::addRow("another person") << "Martin"
                                        << "06 12 34 56 78"
                                        << "" << false;
    }
    void aUsagerIsNotRegisteredTwice()
    {
        QFETCH(QString, lastName);
        QFETCH(QString, phone);
        QFETCH(QString, email);
        QFETCH(bool, duplicate);
        Fixture f;
        const Id session = f.create(5).at(0).id;
        QVERIFY(f.booking.book(f.registration(session, QStringLiteral("Diallo"))).ok());
        BookingRequest again = f.registration(session, lastName, phone);
        again.usager.email = email;
        const BookingOutcome out = f.booking.book(again);
        QCOMPARE(out.error, duplicate ? BookingError::AlreadyRegistered : BookingError::None);
        QCOMPARE(SessionRepository(*f.t.store).taken(session), duplicate ? 1 : 2);
        if (duplicate)
            QVERIFY(out.message.contains(QStringLiteral("already")) ||
                    out.message.contains(QStringLiteral("déjà")));
    }

    void anIndividualMotifTakesNoSessionAndACollectiveOneNeedsOne()
    {
        Fixture f;
        const Id session = f.create().at(0).id;
        BookingRequest noSession = f.registration(0, QStringLiteral("Diallo"));
        noSession.startsAt = f.t.at(kMonday, QTime(9, 30));
        QCOMPARE(f.booking.book(noSession).error, BookingError::Invalid);
        BookingRequest wrongMotif = f.registration(session, QStringLiteral("Diallo"));
        wrongMotif.motifId = f.t.motif.id;
        QCOMPARE(f.booking.book(wrongMotif).error, BookingError::Invalid);
        QCOMPARE(f.count("rdvs"), 0);
    }

    void cancellingASessionCancelsEveryPlace()
    {
        Fixture f;
        const Id session = f.create().at(0).id;
        QVERIFY(f.booking.book(f.registration(session, QStringLiteral("A"))).ok());
        QVERIFY(f.booking.book(f.registration(session, QStringLiteral("B"))).ok());
        const SessionOutcome out =
            f.sessions.cancel(session, f.admin.id, QStringLiteral("Salle indisponible"));
        QVERIFY(out.ok());
        QCOMPARE(out.participants.size(), 2);
        for (const Rdv &r : RdvRepository(*f.t.store).ofSession(session)) {
            QCOMPARE(r.status, RdvStatus::Revoked);
            QCOMPARE(r.cancelReason, QStringLiteral("Salle indisponible"));
        }
        QCOMPARE(f.booking.book(f.registration(session, QStringLiteral("C"))).error,
                 BookingError::CreneauTaken);
        QVERIFY(SessionRepository(*f.t.store).upcoming(f.meeting.id, 0).isEmpty());
    }

    void everyParticipantIsToldOfACancelledSession()
    {
        Fixture f;
        RecordingSink sink;
        CollectiveSessionService notifying(*f.t.store, f.clock, &sink);
        const Id session = f.create().at(0).id;
        const BookingOutcome a = f.booking.book(f.registration(session, QStringLiteral("A")));
        const BookingOutcome b = f.booking.book(f.registration(session, QStringLiteral("B")));
        QVERIFY(a.ok() && b.ok());
        QVERIFY(notifying.cancel(session, f.admin.id, QStringLiteral("Grève")).ok());
        QCOMPARE(sink.events.size(), 2);
        QSet<Id> told;
        for (const RdvEvent &e : sink.events) {
            QCOMPARE(e.kind, RdvEvent::Kind::Cancelled);
            QCOMPARE(e.rdv.prescripteur.email, QStringLiteral("n.roux@mairie.fr"));
            told.insert(e.rdv.id);
        }
        QCOMPARE(told, (QSet<Id>{a.rdv.id, b.rdv.id}));
    }

    void movingASessionMovesItsParticipantsAndKeepsTakenPlaces()
    {
        Fixture f;
        const CollectiveSession s = f.create(3).at(0);
        QVERIFY(f.booking.book(f.registration(s.id, QStringLiteral("A"))).ok());
        QVERIFY(f.booking.book(f.registration(s.id, QStringLiteral("B"))).ok());
        SessionRequest change = f.sessionRequest(1);
        QCOMPARE(f.sessions.update(s.id, change, f.admin.id).error, BookingError::Invalid);
        change.capacity = 2;
        change.startTime = QTime(14, 0);
        const SessionOutcome out = f.sessions.update(s.id, change, f.admin.id);
        QVERIFY(out.ok());
        QCOMPARE(out.participants.size(), 2);
        for (const Rdv &r : RdvRepository(*f.t.store).ofSession(s.id))
            QCOMPARE(r.startsAt, f.t.at(kMonday, QTime(14, 0)));
        // An agent who does not lead it may not change it.
        const Agent other = f.t.addAgent(QStringLiteral("Autre"));
        QCOMPARE(f.sessions.update(s.id, change, other.id).error, BookingError::Forbidden);
    }

    void twentyBookersRaceForTheLastThreePlaces()
    {
        Fixture f;
        const Id session = f.create(5).at(0).id;
        QVERIFY(f.booking.book(f.registration(session, QStringLiteral("Premier"))).ok());
        QVERIFY(f.booking.book(f.registration(session, QStringLiteral("Second"))).ok());
        constexpr int kBookers = 20;
        std::mutex gate;
        std::condition_variable go;
        bool started = false;
        std::atomic<int> ready{0}, won{0}, full{0}, other{0};
        std::vector<std::thread> threads;
        for (int i = 0; i < kBookers; ++i) {
            threads.emplace_back([&, i] {
                auto store = Store::open(f.t.location);
                SlotEngine engine(*store);
                BookingService service(*store, engine, f.clock);
                const BookingRequest r =
                    f.registration(session, QStringLiteral("N") + QChar(u'a' + i % 26),
                                   QStringLiteral("06 00 00 00 %1").arg(10 + i));
                {
                    std::unique_lock lock(gate);
                    ++ready;
                    go.wait(lock, [&] { return started; });
                }
                const BookingOutcome out = service.book(r);
                if (out.ok())
                    ++won;
                else if (out.error == BookingError::SessionFull)
                    ++full;
                else
                    ++other;
            });
        }
        while (ready < kBookers)
            std::this_thread::yield();
        {
            std::lock_guard lock(gate);
            started = true;
        }
        go.notify_all();
        for (auto &th : threads)
            th.join();
        QCOMPARE(won.load(), 3);
        QCOMPARE(full.load(), kBookers - 3);
        QCOMPARE(other.load(), 0);
        QCOMPARE(SessionRepository(*f.t.store).taken(session), 5);
    }
};

QTEST_GUILESS_MAIN(TestCollectiveSessions)
#include "tst_collective_sessions.moc"
