// The slot engine: tiles, appointments and absences, delays, overlapping ranges, archived data,
// time zones across DST changes and overseas.
#include "models/rdvrepository.h"
#include "models/slotengine.h"
#include "testorganisation.h"

#include <QtTest>

using namespace creneau;
using test::TestOrganisation;

namespace {

const QDate kMonday(2027, 3, 1);

QStringList localStarts(const TestOrganisation &t, const QList<Creneau> &creneaux)
{
    QStringList out;
    const QTimeZone zone(t.org.timeZone.toUtf8());
    for (const Creneau &c : creneaux)
        out << QDateTime::fromSecsSinceEpoch(c.startsAt, zone)
                   .toString(QStringLiteral("MM-dd HH:mm"));
    return out;
}

SlotQuery query(const TestOrganisation &t, const QDate &from, const QDate &to, const QDateTime &now)
{
    SlotQuery q;
    q.motifId = t.motif.id;
    q.from = from;
    q.to = to;
    q.now = now;
    return q;
}

Rdv addRdv(TestOrganisation &t, Id agent, Id motif, qint64 start, int minutes,
           RdvStatus status = RdvStatus::Unknown)
{
    WriteTransaction tx(*t.store);
    RdvRepository repo(*t.store);
    Usager u{0, t.org.id, QStringLiteral("Léa"), QStringLiteral("Petit"), {}, {}, {}, {}, {}};
    repo.insert(u, 0);
    Rdv r;
    r.organisationId = t.org.id;
    r.motifId = motif;
    r.lieuId = t.lieu.id;
    r.agentIds = {agent};
    r.usagerIds = {u.id};
    r.startsAt = start;
    r.durationMinutes = minutes;
    r.status = status;
    repo.insert(r);
    tx.commit();
    return r;
}

} // namespace

class TestSlotEngine : public QObject
{
    Q_OBJECT
private slots:
    void tilesFromTheRangeStart()
    {
        TestOrganisation t;
        t.addPlage(t.agent.id, t.lieu.id, {t.motif.id}, kMonday, QTime(9, 0), QTime(11, 15));
        SlotEngine engine(*t.store);
        const QList<Creneau> c =
            engine.creneaux(query(t, kMonday, kMonday, t.local(kMonday.addDays(-7), QTime(8, 0))));
        QCOMPARE(localStarts(t, c),
                 (QStringList{"03-01 09:00", "03-01 09:30", "03-01 10:00", "03-01 10:30"}));
        QCOMPARE(c.first().endsAt - c.first().startsAt, 30 * 60);
        QCOMPARE(c.first().lieuId, t.lieu.id);
        QCOMPARE(c.first().agentIds, QList<Id>{t.agent.id});
    }

    void appointmentsOfAnyMotifAndLieuAreSubtracted()
    {
        TestOrganisation t;
        t.addPlage(t.agent.id, t.lieu.id, {t.motif.id}, kMonday, QTime(9, 0), QTime(11, 0));
        const Motif other = t.addMotif(QStringLiteral("Long"), 45, BookableBy::Agents);
        addRdv(t, t.agent.id, other.id, t.at(kMonday, QTime(9, 40)), 45);
        addRdv(t, t.agent.id, t.motif.id, t.at(kMonday, QTime(10, 30)), 30, RdvStatus::Revoked);
        SlotEngine engine(*t.store);
        const QDateTime now = t.local(kMonday.addDays(-7), QTime(8, 0));
        QCOMPARE(localStarts(t, engine.creneaux(query(t, kMonday, kMonday, now))),
                 (QStringList{"03-01 09:00", "03-01 10:30"}));
        // A booking written later is seen by the same engine (incremental refresh).
        addRdv(t, t.agent.id, t.motif.id, t.at(kMonday, QTime(9, 0)), 30);
        QCOMPARE(localStarts(t, engine.creneaux(query(t, kMonday, kMonday, now))),
                 (QStringList{"03-01 10:30"}));
    }

    void absencesAreSubtracted()
    {
        TestOrganisation t;
        t.addPlage(t.agent.id, t.lieu.id, {t.motif.id}, kMonday, QTime(9, 0), QTime(10, 0));
        {
            WriteTransaction tx(*t.store);
            Absence once{0,
                         t.org.id,
                         t.agent.id,
                         QStringLiteral("Formation"),
                         t.at(kMonday, QTime(9, 0)),
                         t.at(kMonday, QTime(9, 30)),
                         {}};
            // Every Wednesday morning, from the first Wednesday on.
            Absence weekly{0,
                           t.org.id,
                           t.agent.id,
                           QStringLiteral("Réunion"),
                           t.at(kMonday.addDays(2), QTime(8, 0)),
                           t.at(kMonday.addDays(2), QTime(12, 0)),
                           QStringLiteral("FREQ=WEEKLY;BYDAY=WE")};
            Catalog(*t.store).save(once);
            Catalog(*t.store).save(weekly);
            tx.commit();
        }
        SlotEngine engine(*t.store);
        const QDateTime now = t.local(kMonday.addDays(-7), QTime(8, 0));
        QCOMPARE(localStarts(t, engine.creneaux(query(t, kMonday, kMonday.addDays(9), now))),
                 (QStringList{"03-01 09:30", "03-02 09:00", "03-02 09:30", "03-04 09:00",
                              "03-04 09:30", "03-05 09:00", "03-05 09:30", "03-08 09:00",
                              "03-08 09:30", "03-09 09:00", "03-09 09:30"}));
    }

    void delays_data()
    {
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<QStringList>("expected");
        TestOrganisation t; // only for the zone
        QTest::addRow("minimum delay cuts the morning")
            << t.local(kMonday, QTime(9, 10)) << QStringList{"03-01 10:00", "03-01 10:30"};
        QTest::addRow("exactly the minimum delay")
            << t.local(kMonday, QTime(9, 30)) << QStringList{"03-01 10:00", "03-01 10:30"};
        QTest::addRow("all before")
            << t.local(kMonday, QTime(7, 0))
            << QStringList{"03-01 09:00", "03-01 09:30", "03-01 10:00", "03-01 10:30"};
        QTest::addRow("beyond the maximum delay")
            << t.local(kMonday.addDays(-50), QTime(7, 0)) << QStringList{};
    }
    void delays()
    {
        QFETCH(QDateTime, now);
        QFETCH(QStringList, expected);
        TestOrganisation t;
        t.addPlage(t.agent.id, t.lieu.id, {t.motif.id}, kMonday, QTime(9, 0), QTime(11, 0));
        SlotEngine engine(*t.store);
        QCOMPARE(localStarts(t, engine.creneaux(query(t, kMonday, kMonday, now))), expected);
        SlotQuery atDesk = query(t, kMonday, kMonday, t.local(kMonday, QTime(10, 50)));
        atDesk.ignoreDelays = true;
        QCOMPARE(engine.creneaux(atDesk).size(), 4);
    }

    void overlappingRangesAndSeveralAgents()
    {
        TestOrganisation t;
        const Agent second = t.addAgent(QStringLiteral("Bernard"));
        t.addPlage(t.agent.id, t.lieu.id, {t.motif.id}, kMonday, QTime(9, 0), QTime(10, 0));
        t.addPlage(t.agent.id, t.lieu.id, {t.motif.id}, kMonday, QTime(9, 0), QTime(10, 30));
        t.addPlage(second.id, t.lieu.id, {t.motif.id}, kMonday, QTime(9, 30), QTime(10, 0));
        SlotEngine engine(*t.store);
        const QList<Creneau> c =
            engine.creneaux(query(t, kMonday, kMonday, t.local(kMonday.addDays(-1), QTime(8, 0))));
        QCOMPARE(localStarts(t, c), (QStringList{"03-01 09:00", "03-01 09:30", "03-01 10:00"}));
        QCOMPARE(c[1].agentIds, (QList<Id>{t.agent.id, second.id}));
        QCOMPARE(engine.chooseAgent(c[1]), t.agent.id); // equal load: lowest id
        addRdv(t, t.agent.id, t.motif.id, t.at(kMonday, QTime(16, 0)), 30);
        QCOMPARE(engine.chooseAgent(c[1]), second.id); // least loaded that day
    }

    void archivedAndFiltered()
    {
        TestOrganisation t;
        const Lieu annexe = t.addLieu(QStringLiteral("Annexe"));
        t.addPlage(t.agent.id, t.lieu.id, {t.motif.id}, kMonday, QTime(9, 0), QTime(9, 30));
        t.addPlage(t.agent.id, annexe.id, {t.motif.id}, kMonday, QTime(14, 0), QTime(14, 30));
        SlotEngine engine(*t.store);
        SlotQuery q = query(t, kMonday, kMonday, t.local(kMonday.addDays(-1), QTime(8, 0)));
        QCOMPARE(engine.creneaux(q).size(), 2);
        q.lieuId = annexe.id;
        QCOMPARE(localStarts(t, engine.creneaux(q)), QStringList{"03-01 14:00"});
        q.lieuId = 0;
        {
            WriteTransaction tx(*t.store);
            Lieu archived = annexe;
            archived.archived = true;
            Catalog(*t.store).save(archived);
            tx.commit();
        }
        QCOMPARE(localStarts(t, engine.creneaux(q)), QStringList{"03-01 09:00"});
        {
            WriteTransaction tx(*t.store);
            Motif archived = t.motif;
            archived.archived = true;
            Catalog(*t.store).save(archived);
            tx.commit();
        }
        QVERIFY(engine.creneaux(q).isEmpty());
    }

    void timeZones_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QDate>("day");
        QTest::addColumn<QTime>("start");
        QTest::addColumn<QTime>("end");
        QTest::addColumn<int>("minutes");
        QTest::addColumn<QStringList>("utcStarts");
        QTest::addRow("Paris before spring change")
            << "Europe/Paris" << QDate(2027, 3, 27) << QTime(9, 0) << QTime(10, 0) << 60
            << QStringList{"2027-03-27T08:00:00Z"};
        QTest::addRow("Paris after spring change")
            << "Europe/Paris" << QDate(2027, 3, 29) << QTime(9, 0) << QTime(10, 0) << 60
            << QStringList{"2027-03-29T07:00:00Z"};
        QTest::addRow("Paris range across the spring gap")
            << "Europe/Paris" << QDate(2027, 3, 28) << QTime(1, 0) << QTime(4, 0) << 60
            << QStringList{"2027-03-28T00:00:00Z", "2027-03-28T01:00:00Z"};
        QTest::addRow("Paris before autumn change")
            << "Europe/Paris" << QDate(2027, 10, 30) << QTime(9, 0) << QTime(10, 0) << 60
            << QStringList{"2027-10-30T07:00:00Z"};
        QTest::addRow("Paris autumn change day")
            << "Europe/Paris" << QDate(2027, 10, 31) << QTime(9, 0) << QTime(10, 0) << 60
            << QStringList{"2027-10-31T08:00:00Z"};
        QTest::addRow("Paris range across the autumn repeat")
            << "Europe/Paris" << QDate(2027, 10, 31) << QTime(1, 0) << QTime(4, 0) << 60
            << QStringList{"2027-10-30T23:00:00Z", "2027-10-31T00:00:00Z", "2027-10-31T01:00:00Z",
                           "2027-10-31T02:00:00Z"};
        QTest::addRow("Réunion") << "Indian/Reunion" << QDate(2027, 3, 28) << QTime(9, 0)
                                 << QTime(10, 0) << 60 << QStringList{"2027-03-28T05:00:00Z"};
        QTest::addRow("Guyane") << "America/Cayenne" << QDate(2027, 10, 31) << QTime(9, 0)
                                << QTime(10, 0) << 60 << QStringList{"2027-10-31T12:00:00Z"};
    }
    void timeZones()
    {
        QFETCH(QString, zone);
        QFETCH(QDate, day);
        QFETCH(QTime, start);
        QFETCH(QTime, end);
        QFETCH(int, minutes);
        QFETCH(QStringList, utcStarts);
        TestOrganisation t(zone);
        const Motif hour = t.addMotif(QStringLiteral("Heure"), minutes, BookableBy::Everyone);
        t.addPlage(t.agent.id, t.lieu.id, {hour.id}, day.addDays(-3), start, end,
                   QStringLiteral("FREQ=DAILY"));
        SlotEngine engine(*t.store);
        SlotQuery q;
        q.motifId = hour.id;
        q.from = day;
        q.to = day;
        q.now = t.local(day.addDays(-2), QTime(12, 0));
        QStringList got;
        for (const Creneau &c : engine.creneaux(q))
            got << QDateTime::fromSecsSinceEpoch(c.startsAt, Qt::UTC).toString(Qt::ISODate);
        QCOMPARE(got, utcStarts);
    }

    void nextAvailableDay()
    {
        TestOrganisation t;
        // Opens only from the third week on.
        t.addPlage(t.agent.id, t.lieu.id, {t.motif.id}, kMonday.addDays(16), QTime(9, 0),
                   QTime(10, 0));
        SlotEngine engine(*t.store);
        SlotQuery q = query(t, kMonday, kMonday.addDays(6), t.local(kMonday, QTime(8, 0)));
        QVERIFY(engine.creneaux(q).isEmpty());
        QCOMPARE(engine.nextAvailableDay(q), std::optional<QDate>(kMonday.addDays(16)));
        q.from = kMonday.addDays(50); // past the maximum delay
        QCOMPARE(engine.nextAvailableDay(q), std::nullopt);
    }

    // A motif stored with a maximum delay of centuries (before the two-year rule) is bounded all
    // the same: neither créneaux nor the next-day scan look past two years.
    void storedHugeDelayIsBoundedToTwoYears_data()
    {
        QTest::addColumn<int>("daysAhead");
        QTest::addColumn<bool>("found");
        QTest::addRow("in 700 days") << 700 << true;
        QTest::addRow("in 740 days") << 740 << false;
        QTest::addRow("in 3 years") << 3 * 365 << false;
    }
    void storedHugeDelayIsBoundedToTwoYears()
    {
        QFETCH(int, daysAhead);
        QFETCH(bool, found);
        TestOrganisation t;
        t.motif.maxDelayMinutes = std::numeric_limits<int>::max();
        {
            WriteTransaction tx(*t.store);
            Catalog(*t.store).save(t.motif);
            tx.commit();
        }
        const QDate first = kMonday.addDays(daysAhead);
        t.addPlage(t.agent.id, t.lieu.id, {t.motif.id}, first, QTime(9, 0), QTime(10, 0),
                   QStringLiteral("FREQ=DAILY"));
        SlotEngine engine(*t.store);
        SlotQuery q = query(t, kMonday, kMonday.addDays(6), t.local(kMonday, QTime(8, 0)));
        QCOMPARE(engine.nextAvailableDay(q).has_value(), found);
        if (found)
            QCOMPARE(*engine.nextAvailableDay(q), first);
        q.from = first;
        q.to = first;
        QCOMPARE(engine.creneaux(q).isEmpty(), !found);
    }

    // Past its budget the scan gives up rather than stall the server: with no time at all, it
    // looks at one week only.
    void nextAvailableDayStopsAtItsBudget()
    {
        TestOrganisation t;
        t.addPlage(t.agent.id, t.lieu.id, {t.motif.id}, kMonday.addDays(21), QTime(9, 0),
                   QTime(10, 0));
        SlotEngine engine(*t.store);
        const SlotQuery q = query(t, kMonday, kMonday.addDays(6), t.local(kMonday, QTime(8, 0)));
        QCOMPARE(engine.nextAvailableDay(q, std::chrono::milliseconds(-1)), std::nullopt);
        QCOMPARE(engine.nextAvailableDay(q), std::optional<QDate>(kMonday.addDays(21)));
    }
};

QTEST_GUILESS_MAIN(TestSlotEngine)
#include "tst_slotengine.moc"
