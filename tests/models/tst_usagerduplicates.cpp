// The possible-duplicate rule (a public booking never merges silently into a usager whose stored
// data differ) and the agents' merge: appointments move, the duplicate goes with a tombstone,
// every changed row gets a new change number, ids of another organisation are unknown.
#include "models/booking.h"
#include "models/rdvrepository.h"
#include "models/usagerduplicates.h"
#include "testorganisation.h"

#include <QtTest>

Q_DECLARE_METATYPE(creneau::Usager)

using namespace creneau;
using test::TestOrganisation;

namespace {

const QDate kMonday(2027, 3, 1);

Usager usager(const QString &first, const QString &last, const QString &phone, const QString &email,
              const QDate &birth)
{
    Usager u;
    u.organisationId = 1;
    u.firstName = first;
    u.lastName = last;
    u.phone = phone;
    u.email = email;
    u.birthDate = birth;
    return u;
}

struct Fixture
{
    TestOrganisation t;
    ManualClock clock{QDateTime()};
    SlotEngine engine{*t.store};
    BookingService service{*t.store, engine, clock};
    Usager stored;

    Fixture()
    {
        clock.set(t.local(kMonday.addDays(-1), QTime(12, 0)));
        t.addPlage(t.agent.id, t.lieu.id, {t.motif.id}, kMonday, QTime(9, 0), QTime(12, 0));
        stored =
            usager(QStringLiteral("Amina"), QStringLiteral("Diallo"), QStringLiteral("0612345678"),
                   QStringLiteral("amina.diallo@example.fr"), QDate(1987, 5, 12));
        stored.organisationId = t.org.id;
        stored.notes = QStringLiteral("Suivie par Mme Roux");
        WriteTransaction tx(*t.store);
        RdvRepository(*t.store).insert(stored, 0);
        tx.commit();
    }

    BookingOutcome book(CreatedBy who, const Usager &typed, const QTime &at)
    {
        BookingRequest r;
        r.organisationId = t.org.id;
        r.motifId = t.motif.id;
        r.lieuId = t.lieu.id;
        r.startsAt = t.at(kMonday, at);
        r.bookedBy = who;
        r.prescripteur = {QStringLiteral("Nathalie"), QStringLiteral("Roux"),
                          QStringLiteral("n.roux@mairie.fr"), QString()};
        r.usager = typed;
        return service.book(r);
    }

    int count(const QString &sqlText, std::initializer_list<QVariant> values = {}) const
    {
        return sql::scalar(t.store->db(), sqlText, values).toInt();
    }
};

} // namespace

class TestUsagerDuplicates : public QObject
{
    Q_OBJECT
private slots:
    void rule_data()
    {
        QTest::addColumn<Usager>("a");
        QTest::addColumn<Usager>("b");
        QTest::addColumn<bool>("duplicates");
        QTest::addColumn<bool>("same");
        const QDate birth(1987, 5, 12);
        const Usager amina = usager("Amina", "Diallo", "0612345678", "amina@example.fr", birth);
        QTest::addRow("identical") << amina << amina << true << true;
        QTest::addRow("phone written apart")
            << amina << usager("Amina", "Diallo", "06 12 34 56 78", "AMINA@example.fr", birth)
            << true << true;
        QTest::addRow("same phone, no e-mail typed")
            << amina << usager("Amina", "Diallo", "0612345678", "", QDate()) << true << false;
        QTest::addRow("same phone, new e-mail")
            << amina << usager("Amina", "Diallo", "0612345678", "new@example.org", QDate()) << true
            << false;
        QTest::addRow("accents and case, same e-mail")
            << amina << usager("AMINA", "Diallö", "", "amina@example.fr", QDate()) << true << false;
        QTest::addRow("same birth date only")
            << amina << usager("Amina", "Diallo", "", "", birth) << true << false;
        QTest::addRow("same name, nothing shared")
            << amina << usager("Amina", "Diallo", "0699999999", "other@example.fr", QDate())
            << false << false;
        QTest::addRow("other name, same phone")
            << amina << usager("Léa", "Diallo", "0612345678", "amina@example.fr", birth) << false
            << false;
        Usager elsewhere = amina;
        elsewhere.organisationId = 2;
        QTest::addRow("other organisation") << amina << elsewhere << false << true;
        QTest::addRow("both without contact")
            << usager("Amina", "Diallo", "", "", QDate())
            << usager("Amina", "Diallo", "", "", QDate()) << false << true;
    }

    void rule()
    {
        QFETCH(Usager, a);
        QFETCH(Usager, b);
        QFETCH(bool, duplicates);
        QFETCH(bool, same);
        QCOMPARE(possibleDuplicates(a, b), duplicates);
        QCOMPARE(possibleDuplicates(b, a), duplicates);
        QCOMPARE(sameUsagerData(a, b), same);
    }

    void publicBookingNeverMergesSilently_data()
    {
        QTest::addColumn<int>("booker");
        QTest::addColumn<QString>("email");
        QTest::addColumn<QDate>("birth");
        QTest::addColumn<bool>("reused");
        const int usagerBooks = int(CreatedBy::Usager), prescripteur = int(CreatedBy::Prescripteur);
        QTest::addRow("usager, name and phone only")
            << usagerBooks << QString() << QDate() << false;
        QTest::addRow("prescripteur, new e-mail")
            << prescripteur << QStringLiteral("nouvelle@example.org") << QDate() << false;
        QTest::addRow("prescripteur, other birth date")
            << prescripteur << QStringLiteral("amina.diallo@example.fr") << QDate(1990, 1, 1)
            << false;
        QTest::addRow("usager, everything identical")
            << usagerBooks << QStringLiteral("amina.diallo@example.fr") << QDate(1987, 5, 12)
            << true;
    }

    void publicBookingNeverMergesSilently()
    {
        QFETCH(int, booker);
        QFETCH(QString, email);
        QFETCH(QDate, birth);
        QFETCH(bool, reused);
        Fixture f;
        const Usager typed = usager(QStringLiteral("Amina"), QStringLiteral("Diallo"),
                                    QStringLiteral("06 12 34 56 78"), email, birth);
        const BookingOutcome out = f.book(CreatedBy(booker), typed, QTime(9, 0));
        QVERIFY2(out.ok(), qPrintable(out.message));
        QCOMPARE(out.usagerReused, reused);
        QCOMPARE(out.usager.id == f.stored.id, reused);
        // What the booker gets back is what they typed, never the stored record.
        QCOMPARE(out.usager.email, email);
        QCOMPARE(out.usager.birthDate, birth);
        QVERIFY(out.usager.notes.isEmpty());
        // The appointment's usager (whom notifications address) holds the typed contact.
        const auto booked = RdvRepository(*f.t.store).usager(out.rdv.usagerIds.first());
        QVERIFY(booked);
        QCOMPARE(booked->email, email);
        QCOMPARE(booked->phone, QStringLiteral("0612345678"));
        // The stored usager is untouched; a new one is flagged as a possible duplicate.
        const auto before = RdvRepository(*f.t.store).usager(f.stored.id);
        QCOMPARE(before->email, QStringLiteral("amina.diallo@example.fr"));
        const QSet<Id> flagged =
            UsagerDuplicates(*f.t.store).flagged(f.t.org.id, {f.stored.id, out.usager.id});
        QCOMPARE(flagged.contains(f.stored.id), !reused);
        QCOMPARE(flagged.contains(out.usager.id), !reused);
        if (!reused)
            QCOMPARE(UsagerDuplicates(*f.t.store).of(*booked).size(), 1);
    }

    void mergeMovesAppointmentsAndRemovesTheDuplicate()
    {
        Fixture f;
        const Usager typed = usager(QStringLiteral("Amina"), QStringLiteral("Diallo"),
                                    QStringLiteral("0612345678"), QString(), QDate());
        const BookingOutcome a = f.book(CreatedBy::Usager, typed, QTime(9, 0));
        const BookingOutcome b = f.book(CreatedBy::Usager, typed, QTime(10, 0));
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(a.usager.id, b.usager.id); // identical to each other: one new usager
        const Id duplicate = a.usager.id;
        const qint64 seqBefore = f.t.store->currentSeq(f.t.org.id);

        const MergeOutcome out =
            UsagerDuplicates(*f.t.store).merge(f.t.org.id, f.stored.id, duplicate);
        QVERIFY2(out.ok(), qPrintable(out.message));
        QCOMPARE(out.movedRdvs, 2);
        RdvRepository repo(*f.t.store);
        QVERIFY(!repo.usager(duplicate));
        QCOMPARE(repo.ofUsager(f.stored.id).size(), 2);
        QCOMPARE(repo.find(a.rdv.id)->usagerIds, QList<Id>{f.stored.id});
        // Every changed row is past the old sequence: desktops pull them.
        QVERIFY(repo.find(a.rdv.id)->seq > seqBefore);
        QVERIFY(repo.find(b.rdv.id)->seq > seqBefore);
        QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM tombstones WHERE entity = "
                                        "'usagers' AND entity_id = ? AND seq > ?"),
                         {duplicate, seqBefore}),
                 1);
        QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM usagers WHERE id = ? AND seq > ?"),
                         {f.stored.id, seqBefore}),
                 1);
        QCOMPARE(repo.usager(f.stored.id)->email, QStringLiteral("amina.diallo@example.fr"));
        QVERIFY(UsagerDuplicates(*f.t.store).flagged(f.t.org.id, {f.stored.id}).isEmpty());
    }

    void mergeFillsOnlyEmptyFields()
    {
        Fixture f;
        Usager partial = usager(QStringLiteral("Amina"), QStringLiteral("Diallo"),
                                QStringLiteral("0612345678"), QString(), QDate());
        partial.organisationId = f.t.org.id;
        partial.address = QStringLiteral("3 rue des Lilas");
        {
            WriteTransaction tx(*f.t.store);
            RdvRepository(*f.t.store).insert(partial, 0);
            tx.commit();
        }
        // Kept: the partial record; the stored one's e-mail and birth date fill its blanks.
        const MergeOutcome out =
            UsagerDuplicates(*f.t.store).merge(f.t.org.id, partial.id, f.stored.id);
        QVERIFY(out.ok());
        QCOMPARE(out.kept.email, QStringLiteral("amina.diallo@example.fr"));
        QCOMPARE(out.kept.birthDate, QDate(1987, 5, 12));
        QCOMPARE(out.kept.address, QStringLiteral("3 rue des Lilas"));
        QCOMPARE(out.kept.notes, QStringLiteral("Suivie par Mme Roux"));
    }

    void mergeRefusals_data()
    {
        QTest::addColumn<int>("keep"); // 0: the stored usager, 1: the other one, 2: unknown
        QTest::addColumn<int>("duplicate");
        QTest::addColumn<int>("error");
        QTest::addRow("same usager") << 0 << 0 << int(MergeError::SameUsager);
        QTest::addRow("unknown id") << 0 << 2 << int(MergeError::NotFound);
        QTest::addRow("other organisation's usager") << 0 << 1 << int(MergeError::NotFound);
        QTest::addRow("other organisation's usager kept") << 1 << 0 << int(MergeError::NotFound);
    }

    void mergeRefusals()
    {
        QFETCH(int, keep);
        QFETCH(int, duplicate);
        QFETCH(int, error);
        Fixture f;
        Organisation other;
        other.name = QStringLiteral("Ailleurs");
        other.slug = QStringLiteral("ailleurs");
        Usager foreign = f.stored;
        {
            WriteTransaction tx(*f.t.store);
            Catalog(*f.t.store).save(other);
            foreign.id = 0;
            foreign.organisationId = other.id;
            RdvRepository(*f.t.store).insert(foreign, 0);
            tx.commit();
        }
        const Id ids[] = {f.stored.id, foreign.id, 999999};
        const qint64 seq = f.t.store->currentSeq(f.t.org.id);
        const MergeOutcome out =
            UsagerDuplicates(*f.t.store).merge(f.t.org.id, ids[keep], ids[duplicate]);
        QCOMPARE(int(out.error), error);
        QVERIFY(!out.message.isEmpty());
        QCOMPARE(f.t.store->currentSeq(f.t.org.id), seq); // nothing written
        QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM usagers")), 2);
    }
};

QTEST_GUILESS_MAIN(TestUsagerDuplicates)
#include "tst_usagerduplicates.moc"
