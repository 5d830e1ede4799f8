// The booking operation and changes: who may book which motif, free créneaux and delays,
// validation without half-written bookings, usager reuse, who may cancel or move.
#include "models/booking.h"
#include "models/catalog.h"
#include "models/rdvrepository.h"
#include "models/secrets.h"
#include "testorganisation.h"

#include <QtTest>

using namespace creneau;
using test::TestOrganisation;

namespace {

const QDate kMonday(2027, 3, 1);

struct Fixture
{
    TestOrganisation t;
    ManualClock clock{QDateTime()};
    SlotEngine engine{*t.store};
    BookingService service{*t.store, engine, clock};
    Motif partners;
    Motif internal;

    Fixture()
    {
        clock.set(t.local(kMonday.addDays(-1), QTime(12, 0)));
        partners = t.addMotif(QStringLiteral("RSA"), 30, BookableBy::AgentsAndPrescripteurs);
        internal = t.addMotif(QStringLiteral("Interne"), 30, BookableBy::Agents);
        t.addPlage(t.agent.id, t.lieu.id, {t.motif.id, partners.id, internal.id}, kMonday,
                   QTime(9, 0), QTime(12, 0));
    }

    BookingRequest request(CreatedBy who, Id motif, const QTime &at)
    {
        BookingRequest r;
        r.organisationId = t.org.id;
        r.motifId = motif;
        r.lieuId = t.lieu.id;
        r.startsAt = t.at(kMonday, at);
        r.bookedBy = who;
        r.prescripteur = {QStringLiteral("Nathalie"), QStringLiteral("Roux"),
                          QStringLiteral("n.roux@mairie.fr"), QStringLiteral("02 32 64 15 00")};
        r.usager.firstName = QStringLiteral("Amina");
        r.usager.lastName = QStringLiteral("Diallo");
        r.usager.phone = QStringLiteral("06 12 34 56 78");
        return r;
    }

    int rdvCount() const
    {
        return sql::scalar(t.store->db(), QStringLiteral("SELECT COUNT(*) FROM rdvs")).toInt();
    }
};

} // namespace

class TestBooking : public QObject
{
    Q_OBJECT
private slots:
    void whoMayBookWhich_data()
    {
        QTest::addColumn<int>("booker");
        QTest::addColumn<int>("bookableBy");
        QTest::addColumn<bool>("allowed");
        const int usager = int(CreatedBy::Usager), presc = int(CreatedBy::Prescripteur),
                  agent = int(CreatedBy::Agent);
        const int everyone = int(BookableBy::Everyone),
                  partners = int(BookableBy::AgentsAndPrescripteurs),
                  agents = int(BookableBy::Agents);
        QTest::addRow("usager, everyone") << usager << everyone << true;
        QTest::addRow("usager, partners") << usager << partners << false;
        QTest::addRow("usager, agents") << usager << agents << false;
        QTest::addRow("prescripteur, everyone") << presc << everyone << true;
        QTest::addRow("prescripteur, partners") << presc << partners << true;
        QTest::addRow("prescripteur, agents") << presc << agents << false;
        QTest::addRow("agent, agents") << agent << agents << true;
    }
    void whoMayBookWhich()
    {
        QFETCH(int, booker);
        QFETCH(int, bookableBy);
        QFETCH(bool, allowed);
        Fixture f;
        const Motif &m = BookableBy(bookableBy) == BookableBy::Everyone ? f.t.motif
                         : BookableBy(bookableBy) == BookableBy::Agents ? f.internal
                                                                        : f.partners;
        BookingRequest r = f.request(CreatedBy(booker), m.id, QTime(9, 30));
        r.agentId = CreatedBy(booker) == CreatedBy::Agent ? f.t.agent.id : 0;
        const BookingOutcome out = f.service.book(r);
        QCOMPARE(out.ok(), allowed);
        QCOMPARE(f.rdvCount(), allowed ? 1 : 0);
        if (!allowed)
            QCOMPARE(out.error, BookingError::MotifUnavailable);
    }

    void prescripteurBookingIsRecorded()
    {
        Fixture f;
        const qint64 seqBefore = f.t.store->currentSeq(f.t.org.id);
        const BookingOutcome out =
            f.service.book(f.request(CreatedBy::Prescripteur, f.partners.id, QTime(10, 0)));
        QVERIFY2(out.ok(), qPrintable(out.message));
        // The usager (who gave a phone or an e-mail) gets their own private link, sent to them
        // alone; the prescripteur may still change nothing (prescripteurCannotChange).
        QVERIFY(!out.usagerToken.isEmpty());
        const Rdv stored = RdvRepository(*f.t.store).find(out.rdv.id).value();
        QCOMPARE(stored.createdBy, CreatedBy::Prescripteur);
        QCOMPARE(stored.prescripteur.email, QStringLiteral("n.roux@mairie.fr"));
        QCOMPARE(stored.prescripteur.phone, QStringLiteral("0232641500"));
        QCOMPARE(stored.agentIds, QList<Id>{f.t.agent.id});
        QCOMPARE(stored.lieuId, f.t.lieu.id);
        QCOMPARE(stored.durationMinutes, 30);
        QCOMPARE(RdvRepository(*f.t.store).usager(stored.usagerIds.value(0))->phone,
                 QStringLiteral("0612345678"));
        QVERIFY(stored.seq > seqBefore);
    }

    void takenOrOutsideIsRefused_data()
    {
        QTest::addColumn<QTime>("at");
        QTest::addRow("not a tile") << QTime(9, 10);
        QTest::addRow("outside the range") << QTime(13, 0);
        QTest::addRow("already booked") << QTime(9, 0);
    }
    void takenOrOutsideIsRefused()
    {
        QFETCH(QTime, at);
        Fixture f;
        QVERIFY(f.service.book(f.request(CreatedBy::Usager, f.t.motif.id, QTime(9, 0))).ok());
        const BookingOutcome out = f.service.book(f.request(CreatedBy::Usager, f.t.motif.id, at));
        QCOMPARE(out.error, BookingError::CreneauTaken);
        QVERIFY(out.message.size() > 5);
        QCOMPARE(f.rdvCount(), 1);
    }

    void delaysApplyOnlineNotAtTheDesk()
    {
        Fixture f;
        f.clock.set(f.t.local(kMonday, QTime(9, 45)));
        QCOMPARE(f.service.book(f.request(CreatedBy::Usager, f.t.motif.id, QTime(10, 0))).error,
                 BookingError::CreneauTaken);
        BookingRequest desk = f.request(CreatedBy::Agent, f.t.motif.id, QTime(10, 0));
        desk.agentId = f.t.agent.id;
        QVERIFY(f.service.book(desk).ok());
    }

    void invalidInputWritesNothing()
    {
        Fixture f;
        BookingRequest r = f.request(CreatedBy::Prescripteur, f.partners.id, QTime(9, 0));
        r.prescripteur.email = QStringLiteral("pas-un-mail");
        r.usager.firstName.clear();
        r.usager.phone = QStringLiteral("12");
        const qint64 seq = f.t.store->currentSeq(f.t.org.id);
        const BookingOutcome out = f.service.book(r);
        QCOMPARE(out.error, BookingError::Invalid);
        QCOMPARE(out.fields.keys(),
                 (QStringList{"prescripteur.email", "usager.first_name", "usager.phone"}));
        QCOMPARE(f.rdvCount(), 0);
        QCOMPARE(f.t.store->currentSeq(f.t.org.id), seq);
    }

    void identicalUsagerIsReusedOnly()
    {
        Fixture f;
        const BookingOutcome first =
            f.service.book(f.request(CreatedBy::Prescripteur, f.partners.id, QTime(9, 0)));
        BookingRequest again = f.request(CreatedBy::Prescripteur, f.partners.id, QTime(9, 30));
        again.usager.phone = QStringLiteral("+33 6 12 34 56 78"); // the same number, written apart
        const BookingOutcome second = f.service.book(again);
        QVERIFY(second.usagerReused);
        QCOMPARE(second.usager.id, first.usager.id);
        // Another spelling of the name: not silently the same usager (see tst_usagerduplicates).
        BookingRequest spelled = f.request(CreatedBy::Prescripteur, f.partners.id, QTime(11, 0));
        spelled.usager.firstName = QStringLiteral("AMINA");
        spelled.usager.lastName = QStringLiteral("Diallö");
        const BookingOutcome fourth = f.service.book(spelled);
        QVERIFY(fourth.ok());
        QVERIFY(!fourth.usagerReused);
        QVERIFY(fourth.usager.id != first.usager.id);
        BookingRequest other = f.request(CreatedBy::Prescripteur, f.partners.id, QTime(10, 0));
        other.usager.phone = QStringLiteral("06 99 99 99 99");
        const BookingOutcome third = f.service.book(other);
        QVERIFY(!third.usagerReused);
        QVERIFY(third.usager.id != first.usager.id);
    }

    void whoMayCancel()
    {
        Fixture f;
        const BookingOutcome own =
            f.service.book(f.request(CreatedBy::Usager, f.t.motif.id, QTime(9, 0)));
        QVERIFY(!own.usagerToken.isEmpty());
        QVERIFY(own.usagerToken.size() >= 22); // 128 bits or more
        const Id id = own.rdv.id;
        Actor prescripteur{Actor::Kind::Prescripteur, 0, {}};
        QCOMPARE(f.service.cancel(id, prescripteur).error, BookingError::Forbidden);
        QCOMPARE(f.service.move(id, prescripteur, f.t.at(kMonday, QTime(11, 0))).error,
                 BookingError::Forbidden);
        Actor stranger{Actor::Kind::Usager, 0, secrets::randomToken()};
        QCOMPARE(f.service.cancel(id, stranger).error, BookingError::Forbidden);
        const Agent other = f.t.addAgent(QStringLiteral("Autre"));
        QCOMPARE(f.service.cancel(id, Actor{Actor::Kind::Agent, other.id, {}}).error,
                 BookingError::Forbidden);
        Actor usager{Actor::Kind::Usager, 0, own.usagerToken};
        const BookingOutcome cancelled = f.service.cancel(id, usager, QStringLiteral("Empêchée"));
        QVERIFY(cancelled.ok());
        QCOMPARE(cancelled.rdv.status, RdvStatus::Revoked);
        QCOMPARE(cancelled.rdv.version, 2);
        // The créneau is free again.
        QVERIFY(f.service.book(f.request(CreatedBy::Usager, f.t.motif.id, QTime(9, 0))).ok());
    }

    void usagerCannotCancelTooLate()
    {
        Fixture f;
        const BookingOutcome own =
            f.service.book(f.request(CreatedBy::Usager, f.t.motif.id, QTime(11, 0)));
        f.clock.set(f.t.local(kMonday, QTime(8, 0))); // 3 hours before, delay is 4
        QCOMPARE(f.service.cancel(own.rdv.id, Actor{Actor::Kind::Usager, 0, own.usagerToken}).error,
                 BookingError::TooLate);
        QVERIFY(f.service.cancel(own.rdv.id, Actor{Actor::Kind::Agent, f.t.agent.id, {}}).ok());
    }

    // A usager booked by a prescriber moves with their own link, within the motif's delays (here
    // 5 hours at least before the new créneau) and the organisation's cancellation delay (4 hours
    // before the current one); the prescriber never may.
    void prescribedUsagerMoves_data()
    {
        QTest::addColumn<QTime>("now"); // on the Monday of the appointment, at 11:00
        QTest::addColumn<QTime>("to");
        QTest::addColumn<int>("error");
        QTest::addRow("to a free créneau")
            << QTime(5, 0) << QTime(11, 30) << int(BookingError::None);
        QTest::addRow("to a taken one")
            << QTime(5, 0) << QTime(10, 30) << int(BookingError::CreneauTaken);
        QTest::addRow("to no créneau")
            << QTime(5, 0) << QTime(11, 10) << int(BookingError::CreneauTaken);
        QTest::addRow("inside the motif's minimum delay")
            << QTime(5, 0) << QTime(9, 30) << int(BookingError::CreneauTaken);
        QTest::addRow("past the cancellation delay")
            << QTime(7, 30) << QTime(11, 30) << int(BookingError::TooLate);
    }
    void prescribedUsagerMoves()
    {
        QFETCH(QTime, now);
        QFETCH(QTime, to);
        QFETCH(int, error);
        Fixture f;
        {
            WriteTransaction tx(*f.t.store);
            f.partners.minDelayMinutes = 5 * 60;
            Catalog(*f.t.store).save(f.partners);
            tx.commit();
        }
        const BookingOutcome booked =
            f.service.book(f.request(CreatedBy::Prescripteur, f.partners.id, QTime(11, 0)));
        QVERIFY2(booked.ok(), qPrintable(booked.message));
        QVERIFY(!booked.usagerToken.isEmpty());
        QVERIFY(f.service.book(f.request(CreatedBy::Agent, f.t.motif.id, QTime(10, 30))).ok());
        f.clock.set(f.t.local(kMonday, now));
        const Id id = booked.rdv.id;
        QCOMPARE(
            f.service.move(id, Actor{Actor::Kind::Prescripteur, 0, {}}, f.t.at(kMonday, to)).error,
            BookingError::Forbidden);
        const BookingOutcome moved = f.service.move(
            id, Actor{Actor::Kind::Usager, 0, booked.usagerToken}, f.t.at(kMonday, to));
        QCOMPARE(int(moved.error), error);
        const Rdv stored = RdvRepository(*f.t.store).find(id).value();
        QCOMPARE(stored.startsAt, f.t.at(kMonday, error ? QTime(11, 0) : to));
        QCOMPARE(stored.version, error ? 1 : 2);
        QCOMPARE(stored.lieuId, f.t.lieu.id);
    }

    // Booked by a prescriber for a usager who left neither phone nor e-mail: nobody to send a
    // link to, so none exists.
    void unreachableUsagerGetsNoLink()
    {
        Fixture f;
        BookingRequest r = f.request(CreatedBy::Prescripteur, f.partners.id, QTime(9, 0));
        r.usager.phone.clear();
        const BookingOutcome out = f.service.book(r);
        QVERIFY2(out.ok(), qPrintable(out.message));
        QVERIFY(out.usagerToken.isEmpty());
    }

    void agentMovesAndVersions()
    {
        Fixture f;
        const BookingOutcome a =
            f.service.book(f.request(CreatedBy::Prescripteur, f.partners.id, QTime(9, 0)));
        const BookingOutcome b =
            f.service.book(f.request(CreatedBy::Prescripteur, f.partners.id, QTime(9, 30)));
        const Actor agent{Actor::Kind::Agent, f.t.agent.id, {}};
        QCOMPARE(f.service.move(a.rdv.id, agent, f.t.at(kMonday, QTime(9, 30))).error,
                 BookingError::CreneauTaken);
        // Overlapping its own old time is fine.
        const BookingOutcome moved =
            f.service.move(a.rdv.id, agent, f.t.at(kMonday, QTime(8, 45)), 0, 1);
        QVERIFY2(moved.ok(), qPrintable(moved.message));
        QCOMPARE(moved.rdv.version, 2);
        QCOMPARE(f.service.move(a.rdv.id, agent, f.t.at(kMonday, QTime(11, 0)), 0, 1).error,
                 BookingError::StaleVersion);
        QVERIFY(f.service.setStatus(b.rdv.id, agent, RdvStatus::Seen).ok());
        QCOMPARE(RdvRepository(*f.t.store).find(b.rdv.id)->status, RdvStatus::Seen);
        QCOMPARE(
            f.service
                .setStatus(b.rdv.id, Actor{Actor::Kind::Prescripteur, 0, {}}, RdvStatus::Excused)
                .error,
            BookingError::Forbidden);
    }

    void eventsAreRecordedInTheTransaction()
    {
        struct Sink : RdvEventSink
        {
            QList<RdvEvent::Kind> kinds;
            void record(Store &store, const RdvEvent &e) override
            {
                // Inside the transaction: the appointment is visible to this connection.
                QVERIFY(RdvRepository(store).find(e.rdv.id).has_value());
                kinds << e.kind;
            }
        } sink;
        Fixture f;
        BookingService service(*f.t.store, f.engine, f.clock, &sink);
        BookingRequest r = f.request(CreatedBy::Prescripteur, f.partners.id, QTime(9, 0));
        const BookingOutcome out = service.book(r);
        service.cancel(out.rdv.id, Actor{Actor::Kind::Agent, f.t.agent.id, {}});
        QCOMPARE(sink.kinds,
                 (QList<RdvEvent::Kind>{RdvEvent::Kind::Created, RdvEvent::Kind::Cancelled}));
    }
};

QTEST_GUILESS_MAIN(TestBooking)
#include "tst_booking.moc"
