// Bounds on agents' rules and instants, in process: checkRecurrence (the one check for opening
// ranges and absences) refuses rules that are not rules, repeat more than daily or give no day in
// two years; expanding any rule costs little however it is written; Horizon keeps instants
// within [a year ago, two years ahead].
#include "models/horizon.h"
#include "models/recurrence.h"
#include "models/validation.h"

#include <QtTest>

#include <limits>

using namespace creneau;

class TestRuleBounds : public QObject
{
    Q_OBJECT
private slots:
    void rules_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<bool>("accepted");
        QTest::addRow("none: the first day") << "" << true;
        QTest::addRow("weekly") << "FREQ=WEEKLY;BYDAY=MO,TH" << true;
        QTest::addRow("yearly on 29 February") << "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29" << true;
        QTest::addRow("minutely") << "FREQ=MINUTELY" << false;
        QTest::addRow("hourly") << "FREQ=HOURLY" << false;
        QTest::addRow("not a rule at all") << "not a rule at all" << false;
        QTest::addRow("30 February daily") << "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30" << false;
        QTest::addRow("30 February yearly") << "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30" << false;
        QTest::addRow("30 February counted")
            << "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=3" << false;
        QTest::addRow("over before it starts") << "FREQ=WEEKLY;UNTIL=20200101" << false;
    }

    void rules()
    {
        QFETCH(QString, rule);
        QFETCH(bool, accepted);
        FieldErrors errors;
        // libical searches a yearly rule that never matches up to its last year inside one
        // step (about 0.1 s, UNTIL or not): refused here, once, rather than at every query.
        // What that costs is bench_rules' to print, not a timed assertion's.
        checkRecurrence(errors, QStringLiteral("rrule"), rule, QDate(2026, 12, 1));
        QCOMPARE(errors.isEmpty(), accepted);
        if (!accepted)
            QVERIFY(!errors.value(QStringLiteral("rrule")).isEmpty());
    }

    // A rule stored before it was checked, that no day satisfies: refused when read (libical's
    // search is bounded: bench_rules prints its cost), so queries skip it; a valid rule's
    // expansion is bounded in count whatever the range asked.
    void expansionIsBounded()
    {
        for (int i = 0; i < 20; ++i) {
            const RecurrenceRule never =
                RecurrenceRule::parse(QStringLiteral("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"));
            QVERIFY(!never.isValid());
            QVERIFY(
                never.dates(QDate(2026, 1, 1), QDate(2026, 12, 1), QDate(2026, 12, 31)).isEmpty());
        }
        const RecurrenceRule daily = RecurrenceRule::parse(QStringLiteral("FREQ=DAILY"));
        QCOMPARE(daily.dates(QDate(2000, 1, 1), QDate(2000, 1, 1), QDate(2099, 1, 1)).size(),
                 RecurrenceRule::kMaxOccurrences);
    }

    void horizon_data()
    {
        QTest::addColumn<qint64>("offset"); // from now, in seconds
        QTest::addColumn<bool>("inside");
        const qint64 day = 86400;
        QTest::addRow("now") << qint64(0) << true;
        QTest::addRow("eleven months ago") << -330 * day << true;
        QTest::addRow("thirteen months ago") << -400 * day << false;
        QTest::addRow("in 23 months") << 700 * day << true;
        QTest::addRow("in 25 months") << 760 * day << false;
    }

    void horizon()
    {
        QFETCH(qint64, offset);
        QFETCH(bool, inside);
        const qint64 now = 1796083200; // 2026-12-01
        QCOMPARE(Horizon::contains(now + offset, now), inside);
        FieldErrors errors;
        QCOMPARE(Horizon::check(errors, QStringLiteral("starts_at"), now + offset, now), inside);
        QCOMPARE(errors.contains(QStringLiteral("starts_at")), !inside);
    }

    void absurdInstants()
    {
        const qint64 now = 1796083200;
        for (qint64 v : {qint64(0), qint64(1), std::numeric_limits<qint64>::max(),
                         std::numeric_limits<qint64>::min(), qint64(9007199254740000)})
            QVERIFY(!Horizon::contains(v, now));
        Absence a;
        a.startsAt = std::numeric_limits<qint64>::max();
        a.endsAt = std::numeric_limits<qint64>::max();
        a.rrule = QStringLiteral("FREQ=WEEKLY");
        const FieldErrors e = validateAbsence(a, now);
        QVERIFY(e.contains(QStringLiteral("starts_at")));
        QVERIFY(e.contains(QStringLiteral("ends_at")));
    }

    // An absence saved long ago keeps its dates when only its title changes; moving it to a date
    // outside the horizon is refused all the same.
    void storedInstantsAreNotHeldToTheHorizon()
    {
        const qint64 now = 1796083200;
        const qint64 day = 86400;
        Absence stored;
        stored.startsAt = now - 800 * day; // more than a year ago
        stored.endsAt = stored.startsAt + day;
        stored.title = QStringLiteral("Formation");
        Absence edited = stored;
        edited.title = QStringLiteral("Formation RSA");
        QVERIFY(validateAbsence(edited, now, &stored).isEmpty());
        QVERIFY(validateAbsence(edited, now).contains(QStringLiteral("starts_at")));
        edited.startsAt -= day;
        QCOMPARE(validateAbsence(edited, now, &stored).keys(), QStringList{"starts_at"});
        edited.startsAt = stored.startsAt;
        edited.endsAt = stored.startsAt - day; // unchanged start, new end before it
        QCOMPARE(validateAbsence(edited, now, &stored).keys(), QStringList{"ends_at"});
    }
};

QTEST_MAIN(TestRuleBounds)
#include "tst_rule_bounds.moc"
