// Organisations are independent in the slot engine's picture: one is loaded only when asked
// about, a booking or a catalogue change in one leaves every other one's version (and so the
// answers cached on it) unchanged, and the changed one sees its change.
#include "models/booking.h"
#include "models/slotengine.h"
#include "testorganisation.h"

#include <QtTest>

using namespace creneau;
using test::OtherOrganisation;
using test::TestOrganisation;

namespace {

const QDate kMonday(2027, 3, 1);

SlotQuery week(Id motif, const QDateTime &now)
{
    SlotQuery q;
    q.motifId = motif;
    q.from = kMonday;
    q.to = kMonday.addDays(4);
    q.now = now;
    return q;
}

} // namespace

class TestTenants : public QObject
{
    Q_OBJECT
private slots:
    void organisationsAreLoadedAndInvalidatedAlone()
    {
        TestOrganisation t;
        t.addPlage(t.agent.id, t.lieu.id, {t.motif.id}, kMonday, QTime(9, 0), QTime(12, 0));
        const OtherOrganisation b = t.addOrganisation(QStringLiteral("autre"), kMonday);
        const OtherOrganisation c = t.addOrganisation(QStringLiteral("troisieme"), kMonday);
        const ManualClock clock(t.local(kMonday.addDays(-7), QTime(8, 0)));
        SlotEngine engine(*t.store);
        Availability &a = engine.availability();

        // Asking about one organisation loads it alone.
        const int openA = int(engine.creneaux(week(t.motif.id, clock.now())).size());
        QCOMPARE(openA, 30);
        QCOMPARE(a.loadedOrganisations(), 1);
        QCOMPARE(a.version(b.org.id), -1);
        QCOMPARE(int(engine.creneaux(week(b.motif.id, clock.now())).size()), 30);
        QCOMPARE(a.loadedOrganisations(), 2);
        const qint64 versionA = a.version(t.org.id);
        const qint64 versionB = a.version(b.org.id);
        QVERIFY(versionA >= 0 && versionB >= 0 && versionA != versionB);

        // A booking in A changes A's version only, and A's answer sees it.
        BookingService booking(*t.store, engine, clock);
        BookingRequest r;
        r.organisationId = t.org.id;
        r.motifId = t.motif.id;
        r.lieuId = t.lieu.id;
        r.startsAt = t.at(kMonday, QTime(9, 0));
        r.usager.firstName = QStringLiteral("Léa");
        r.usager.lastName = QStringLiteral("Petit");
        QVERIFY(booking.book(r).ok());
        a.refresh();
        QVERIFY(a.version(t.org.id) != versionA);
        QCOMPARE(a.version(b.org.id), versionB);
        QCOMPARE(int(engine.creneaux(week(t.motif.id, clock.now())).size()), openA - 1);

        // A catalogue change in B (an absence) reloads B alone; A keeps its version.
        const qint64 versionAfterBooking = a.version(t.org.id);
        {
            WriteTransaction tx(*t.store);
            Absence absence;
            absence.organisationId = b.org.id;
            absence.agentId = b.agent.id;
            absence.title = QStringLiteral("Formation");
            absence.startsAt =
                QDateTime(kMonday, QTime(9, 0), QTimeZone("Europe/Paris")).toSecsSinceEpoch();
            absence.endsAt = absence.startsAt + 3 * 3600;
            Catalog(*t.store).save(absence);
            tx.commit();
        }
        a.refresh();
        QCOMPARE(a.version(t.org.id), versionAfterBooking);
        QCOMPARE(a.version(b.org.id), -1); // reloaded when next asked
        QCOMPARE(int(engine.creneaux(week(b.motif.id, clock.now())).size()), 24);
        QVERIFY(a.version(b.org.id) != versionB);
        // C was never asked about: nothing of it was loaded by the others' changes.
        QCOMPARE(a.version(c.org.id), -1);
        QCOMPARE(a.loadedOrganisations(), 2);
    }

    void aMotifWrittenAfterItsOrganisationLoadedIsFound()
    {
        TestOrganisation t;
        t.addPlage(t.agent.id, t.lieu.id, {t.motif.id}, kMonday, QTime(9, 0), QTime(12, 0));
        const ManualClock clock(t.local(kMonday.addDays(-7), QTime(8, 0)));
        SlotEngine engine(*t.store);
        QCOMPARE(int(engine.creneaux(week(t.motif.id, clock.now())).size()), 30);
        const Motif later = t.addMotif(QStringLiteral("Second motif"), 60, BookableBy::Everyone);
        t.addPlage(t.agent.id, t.lieu.id, {later.id}, kMonday, QTime(14, 0), QTime(16, 0));
        QCOMPARE(int(engine.creneaux(week(later.id, clock.now())).size()), 10);
        QVERIFY(engine.availability().plagesOffering(later.id).size() == 1);
    }
};

QTEST_GUILESS_MAIN(TestTenants)
#include "tst_tenants.moc"
