// Writers per organisation (issue #16), each writer on its own connection as separate server
// instances are: while another organisation writes, an organisation's change feed shows its
// changes in order and without a gap, and no créneau is booked twice. Runs on SQLite and, as
// tst_organisation_writers_postgresql, on PostgreSQL, where organisations really write at once.
#include "models/booking.h"
#include "sync/server/agentfeed.h"
#include "testorganisation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <atomic>
#include <thread>

using namespace creneau;

namespace {

struct Org
{
    Id id = 0;
    Id agent = 0;
    Id lieu = 0;
    Id motif = 0;
};

// Another organisation in t's store, with an agent, a lieu, a motif and, from `monday`, the
// same weekday mornings as `first` gets in the test.
Org addOrganisation(test::TestOrganisation &t, const QString &slug)
{
    Organisation o = t.org;
    o.id = 0;
    o.slug = slug;
    o.name = QStringLiteral("Organisation ") + slug;
    {
        WriteTransaction tx(*t.store);
        Catalog(*t.store).save(o);
        tx.commit();
    }
    const Organisation first = t.org;
    t.org = o; // TestOrganisation's helpers write in t.org
    Org out{o.id, t.addAgent(slug).id, t.addLieu(slug).id,
            t.addMotif(slug, 30, BookableBy::Everyone).id};
    t.org = first;
    return out;
}

// Writes `count` lieux of one organisation, one transaction each (so one number each).
void writeLieux(const QString &location, Id organisation, int count, const QString &prefix)
{
    auto store = Store::open(location);
    for (int i = 0; i < count; ++i) {
        WriteTransaction tx(*store, organisation);
        Lieu l{0, organisation, prefix + QString::number(i), {}, {}, false};
        Catalog(*store).save(l);
        tx.commit();
    }
}

// What a client of the organisation sees, page after page: the numbers of the changes, in the
// order they came. Reads until `done` and then once more to the end.
QList<qint64> readFeed(const QString &location, Id organisation, qint64 since,
                       const std::atomic<bool> &done)
{
    auto store = Store::open(location);
    server::AgentFeed feed(*store);
    QList<qint64> seen;
    for (;;) {
        const bool last = done.load();
        const QJsonObject page =
            QJsonDocument::fromJson(feed.pageJson(organisation, since, 7)).object();
        const QJsonArray changes = page.value(QStringLiteral("changes")).toArray();
        for (const QJsonValue &c : changes)
            seen << c.toObject().value(QStringLiteral("seq")).toInteger();
        since = page.value(QStringLiteral("next")).toInteger();
        if (changes.isEmpty() && last)
            return seen;
        if (changes.isEmpty())
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
}

// Each number after the one before: nothing skipped, nothing out of order, nothing twice.
QString firstGap(const QList<qint64> &seen, qint64 start)
{
    for (int i = 0; i < seen.size(); ++i)
        if (seen.at(i) != start + 1 + i)
            return QStringLiteral("change %1: %2 where %3 was due")
                .arg(i)
                .arg(seen.at(i))
                .arg(start + 1 + i);
    return {};
}

} // namespace

class TestOrganisationWriters : public QObject
{
    Q_OBJECT
private slots:
    // Two writers per organisation (two instances), two organisations, one client of each
    // reading its feed all along.
    void feedGapFreeWhileAnotherOrganisationWrites()
    {
        test::TestOrganisation t;
        const Org other = addOrganisation(t, QStringLiteral("autre"));
        const qint64 startA = t.store->currentSeq(t.org.id);
        const qint64 startB = t.store->currentSeq(other.id);
        constexpr int kWrites = 60;
        std::atomic<bool> done{false};
        QList<qint64> seenA, seenB;
        std::thread readerA([&] { seenA = readFeed(t.location, t.org.id, startA, done); });
        std::thread readerB([&] { seenB = readFeed(t.location, other.id, startB, done); });
        std::vector<std::thread> writers;
        for (int w = 0; w < 2; ++w) {
            writers.emplace_back([&, w] {
                writeLieux(t.location, t.org.id, kWrites, QStringLiteral("A%1-").arg(w));
            });
            writers.emplace_back([&, w] {
                writeLieux(t.location, other.id, kWrites, QStringLiteral("B%1-").arg(w));
            });
        }
        for (std::thread &th : writers)
            th.join();
        done = true;
        readerA.join();
        readerB.join();

        const QString gapA = firstGap(seenA, startA);
        QVERIFY2(gapA.isEmpty(), qPrintable(gapA));
        const QString gapB = firstGap(seenB, startB);
        QVERIFY2(gapB.isEmpty(), qPrintable(gapB));
        // Each organisation's numbers count its own writes only.
        QCOMPARE(seenA.size(), 2 * kWrites);
        QCOMPARE(seenB.size(), 2 * kWrites);
        QCOMPARE(t.store->currentSeq(t.org.id), startA + 2 * kWrites);
        QCOMPARE(t.store->currentSeq(other.id), startB + 2 * kWrites);
    }

    // A transaction of one organisation may not number another's rows: that row is not locked,
    // its numbers could commit out of order.
    void anotherOrganisationsNumberIsRefused()
    {
        test::TestOrganisation t;
        const Org other = addOrganisation(t, QStringLiteral("autre"));
        WriteTransaction tx(*t.store, t.org.id);
        Lieu l{0, other.id, QStringLiteral("Ailleurs"), {}, {}, false};
        QVERIFY_THROWS_EXCEPTION(StoreError, Catalog(*t.store).save(l));
    }

    // Four bookers per organisation, each on its own connection, all trying every créneau of
    // both organisations' mornings: each créneau once, checked in the database.
    void noCreneauBookedTwice()
    {
        test::TestOrganisation t;
        const Org other = addOrganisation(t, QStringLiteral("autre"));
        const QDate monday(2027, 3, 1);
        const Organisation first = t.org;
        t.addPlage(t.agent.id, t.lieu.id, {t.motif.id}, monday, QTime(9, 0), QTime(12, 0));
        t.org.id = other.id;
        t.addPlage(other.agent, other.lieu, {other.motif}, monday, QTime(9, 0), QTime(12, 0));
        t.org = first;
        const ManualClock clock(t.local(monday.addDays(-1), QTime(12, 0)));
        QList<qint64> starts;
        for (QTime at(9, 0); at < QTime(12, 0); at = at.addSecs(30 * 60))
            starts << t.at(monday, at);

        constexpr int kBookersPerOrganisation = 4;
        std::atomic<int> won{0}, other409{0}, failed{0};
        std::vector<std::thread> threads;
        for (int i = 0; i < 2 * kBookersPerOrganisation; ++i) {
            threads.emplace_back([&, i] {
                const bool mine = i % 2 == 0;
                auto store = Store::open(t.location);
                SlotEngine engine(*store);
                BookingService service(*store, engine, clock);
                for (int k = 0; k < starts.size(); ++k) {
                    BookingRequest r;
                    r.organisationId = mine ? t.org.id : other.id;
                    r.motifId = mine ? t.motif.id : other.motif;
                    r.lieuId = mine ? t.lieu.id : other.lieu;
                    r.startsAt = starts.at((k + i) % starts.size()); // each in its own order
                    r.bookedBy = CreatedBy::Prescripteur;
                    r.prescripteur = {QStringLiteral("Paul"),
                                      QStringLiteral("Roux"),
                                      QStringLiteral("p.roux@mairie.fr"),
                                      {}};
                    r.usager.firstName = QStringLiteral("Usager");
                    r.usager.lastName = QStringLiteral("N") + QChar(u'a' + i) + QChar(u'a' + k);
                    const BookingOutcome out = service.book(r);
                    if (out.ok())
                        ++won;
                    else if (out.error == BookingError::CreneauTaken)
                        ++other409;
                    else
                        ++failed;
                }
            });
        }
        for (std::thread &th : threads)
            th.join();
        QCOMPARE(failed.load(), 0);
        QCOMPARE(won.load(), 2 * int(starts.size()));
        QCOMPARE(other409.load(), 2 * kBookersPerOrganisation * int(starts.size()) - won.load());
        // The engines bench's check: no agent in two appointments at once.
        QCOMPARE(sql::scalar(
                     t.store->db(),
                     QStringLiteral("SELECT COUNT(*) FROM rdv_agents a1 JOIN rdvs r1 ON r1.id = "
                                    "a1.rdv_id JOIN rdv_agents a2 ON a2.agent_id = a1.agent_id AND "
                                    "a2.rdv_id > a1.rdv_id JOIN rdvs r2 ON r2.id = a2.rdv_id "
                                    "WHERE r1.status <> 'revoked' AND r2.status <> 'revoked' AND "
                                    "r1.starts_at < r2.ends_at AND r2.starts_at < r1.ends_at"))
                     .toInt(),
                 0);
        QCOMPARE(sql::scalar(t.store->db(), QStringLiteral("SELECT COUNT(*) FROM rdvs")).toInt(),
                 2 * int(starts.size()));
    }
};

QTEST_GUILESS_MAIN(TestOrganisationWriters)
#include "tst_organisation_writers.moc"
