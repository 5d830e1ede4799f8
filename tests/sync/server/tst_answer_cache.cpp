// The public answers cached per organisation (BookingSite): a booking or a catalogue change in
// one organisation invalidates its own cached answers and leaves every other one's valid.
#include "sync/server/bookingsite.h"
#include "testorganisation.h"

#include <QtTest>

using namespace creneau;
using namespace creneau::server;
using test::OtherOrganisation;
using test::TestOrganisation;

namespace {

const QDate kMonday(2027, 3, 1);

} // namespace

class TestAnswerCache : public QObject
{
    Q_OBJECT
private slots:
    void aWriteInvalidatesOnlyItsOrganisation()
    {
        TestOrganisation t;
        t.addPlage(t.agent.id, t.lieu.id, {t.motif.id}, kMonday, QTime(9, 0), QTime(12, 0));
        const OtherOrganisation b = t.addOrganisation(QStringLiteral("seconde"), kMonday);
        const ServerSecret secret(QByteArray(32, 'k'));
        const ManualClock clock(t.local(kMonday.addDays(-7), QTime(8, 0)));
        BookingSite site(*t.store, secret, QStringLiteral("http://localhost"), clock);
        const QDate friday = kMonday.addDays(4);

        // Both organisations answered and cached.
        QCOMPARE(site.creneaux(t.motif, 0, kMonday, friday).size(), 30);
        QCOMPARE(site.creneaux(b.motif, 0, kMonday, friday).size(), 30);
        site.cacheBody(QStringLiteral("a"), t.org.id, "answer of A");
        site.cacheBody(QStringLiteral("b"), b.org.id, "answer of B");
        QVERIFY(site.cachedBody(QStringLiteral("a")).has_value());
        QVERIFY(site.cachedBody(QStringLiteral("b")).has_value());

        // A booking in A.
        BookingRequest r;
        r.organisationId = t.org.id;
        r.motifId = t.motif.id;
        r.lieuId = t.lieu.id;
        r.startsAt = t.at(kMonday, QTime(9, 0));
        r.usager.firstName = QStringLiteral("Léa");
        r.usager.lastName = QStringLiteral("Petit");
        QVERIFY(site.booking().book(r).ok());
        QVERIFY(!site.cachedBody(QStringLiteral("a")).has_value());
        QCOMPARE(site.cachedBody(QStringLiteral("b")).value(), QByteArray("answer of B"));
        QCOMPARE(site.creneaux(t.motif, 0, kMonday, friday).size(), 29);
        QCOMPARE(site.creneaux(b.motif, 0, kMonday, friday).size(), 30);

        // A catalogue change in B (an absence over Monday morning).
        site.cacheBody(QStringLiteral("a"), t.org.id, "answer of A");
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
        QCOMPARE(site.cachedBody(QStringLiteral("a")).value(), QByteArray("answer of A"));
        QVERIFY(!site.cachedBody(QStringLiteral("b")).has_value());
        QCOMPARE(site.creneaux(b.motif, 0, kMonday, friday).size(), 24);
    }
};

QTEST_GUILESS_MAIN(TestAnswerCache)
#include "tst_answer_cache.moc"
