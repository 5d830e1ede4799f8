// RRULE expansion with libical: weekly days, intervals, UNTIL, COUNT, exceptions, bad rules.
#include "models/recurrence.h"

#include <QtTest>

using namespace creneau;

class TestRecurrence : public QObject
{
    Q_OBJECT
private slots:
    void expansion_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QDate>("first");
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        QTest::addColumn<QList<QDate>>("expected");
        const QDate mon(2026, 11, 30); // a Monday
        QTest::addRow("one-off") << "" << mon << mon.addDays(-3) << mon.addDays(3)
                                 << QList<QDate>{mon};
        QTest::addRow("one-off outside")
            << "" << mon << mon.addDays(1) << mon.addDays(3) << QList<QDate>{};
        QTest::addRow("weekly two days")
            << "FREQ=WEEKLY;BYDAY=MO,TH" << mon << mon << mon.addDays(13)
            << QList<QDate>{mon, mon.addDays(3), mon.addDays(7), mon.addDays(10)};
        QTest::addRow("every two weeks")
            << "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU" << mon << mon << mon.addDays(34)
            << QList<QDate>{mon.addDays(1), mon.addDays(15), mon.addDays(29)};
        QTest::addRow("every two weeks seen from later")
            << "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU" << mon << mon.addDays(20) << mon.addDays(34)
            << QList<QDate>{mon.addDays(29)};
        QTest::addRow("until") << "FREQ=WEEKLY;BYDAY=FR;UNTIL=20261212" << mon << mon
                               << mon.addDays(60) << QList<QDate>{mon.addDays(4), mon.addDays(11)};
        QTest::addRow("count from later")
            << "FREQ=DAILY;COUNT=3" << mon << mon.addDays(1) << mon.addDays(10)
            << QList<QDate>{mon.addDays(1), mon.addDays(2)};
        // Found by fuzz_recurrence: libical gave the Wednesday twice.
        QTest::addRow("day named twice")
            << "FREQ=WEEKLY;BYDAY=WE,WE,FR" << mon << mon << mon.addDays(6)
            << QList<QDate>{mon.addDays(2), mon.addDays(4)};
        QTest::addRow("prefix -RRULE") << "RRULE:FREQ=DAILY;COUNT=2" << mon << mon << mon.addDays(9)
                                       << QList<QDate>{mon, mon.addDays(1)};
    }
    void expansion()
    {
        QFETCH(QString, rule);
        QFETCH(QDate, first);
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        QFETCH(QList<QDate>, expected);
        const RecurrenceRule r = RecurrenceRule::parse(rule);
        QVERIFY2(r.isValid(), qPrintable(r.error()));
        QCOMPARE(r.dates(first, from, to), expected);
    }

    // Skipping ahead (set_start) must give what walking from the first day gives.
    void skippingAheadMatchesWalking_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addRow("weekly") << "FREQ=WEEKLY;BYDAY=MO,WE,FR";
        QTest::addRow("fortnightly") << "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH";
        QTest::addRow("three weeks") << "FREQ=WEEKLY;INTERVAL=3;BYDAY=WE";
        QTest::addRow("monthly") << "FREQ=MONTHLY;BYDAY=1MO";
    }
    void skippingAheadMatchesWalking()
    {
        QFETCH(QString, rule);
        const RecurrenceRule r = RecurrenceRule::parse(rule);
        const QDate first(2025, 1, 6);
        const QDate from(2026, 11, 24);
        const QDate to(2027, 2, 1);
        QList<QDate> walked;
        for (const QDate &d : r.dates(first, first, to))
            if (d >= from)
                walked << d;
        QVERIFY(!walked.isEmpty());
        QCOMPARE(r.dates(first, from, to), walked);
    }

    void exceptions()
    {
        const RecurrenceRule r = RecurrenceRule::parse(QStringLiteral("FREQ=DAILY"));
        const QDate d(2026, 12, 1);
        QCOMPARE(r.dates(d, d, d.addDays(2), {d.addDays(1)}), (QList<QDate>{d, d.addDays(2)}));
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addRow("garbage") << "hello";
        QTest::addRow("no freq") << "BYDAY=MO";
        QTest::addRow("hourly") << "FREQ=HOURLY";
        QTest::addRow("bad interval") << "FREQ=WEEKLY;INTERVAL=0";
        QTest::addRow("bad day") << "FREQ=WEEKLY;BYDAY=XX";
        // Found by fuzz_recurrence: no day ever matches, and libical walked centuries to see it.
        QTest::addRow("set position beyond the set") << "FREQ=MONTHLY;BYDAY=-1FR;BYSETPOS=2";
        QTest::addRow("february 30th") << "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30";
    }
    void invalid()
    {
        QFETCH(QString, rule);
        const RecurrenceRule r = RecurrenceRule::parse(rule);
        QVERIFY(!r.isValid());
        QVERIFY(r.error().size() > 10);
        QVERIFY(r.dates(QDate(2026, 1, 1), QDate(2026, 1, 1), QDate(2026, 2, 1)).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRecurrence)
#include "tst_recurrence.moc"
