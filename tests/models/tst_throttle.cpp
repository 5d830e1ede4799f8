// The abuse counters shared through the database: fixed windows, one count per key and scope,
// Retry-After until the window ends, and no count left by a rolled-back change.
#include "models/throttle.h"
#include "testorganisation.h"

#include <QtTest>

using namespace creneau;
using test::TestOrganisation;

class TestThrottle : public QObject
{
    Q_OBJECT
private slots:
    void windows_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<qint64>("now");
        QTest::addColumn<qint64>("start");
        QTest::addColumn<int>("retryAfter");
        QTest::addRow("hour, start") << qint64(3600) << qint64(7200) << qint64(7200) << 3600;
        QTest::addRow("hour, middle") << qint64(3600) << qint64(9000) << qint64(7200) << 1800;
        QTest::addRow("hour, last second") << qint64(3600) << qint64(10799) << qint64(7200) << 1;
        QTest::addRow("day") << qint64(86400) << qint64(86400 * 3 + 5) << qint64(86400 * 3)
                             << 86395;
    }

    void windows()
    {
        QFETCH(qint64, seconds);
        QFETCH(qint64, now);
        QFETCH(qint64, start);
        QFETCH(int, retryAfter);
        const ThrottleWindow w{seconds};
        QCOMPARE(w.startOf(now), start);
        QCOMPARE(w.retryAfter(now), retryAfter);
    }

    void countsPerScopeKeyAndWindow_data()
    {
        QTest::addColumn<QString>("scope");
        QTest::addColumn<QString>("key");
        QTest::addColumn<qint64>("at");
        QTest::addColumn<int>("expected"); // the count after this hit
        // Rows run in order against one store (see the test).
        QTest::addRow("first") << "message-recipient"
                               << "victime@example.org" << qint64(1000) << 1;
        QTest::addRow("same key, case and spaces ignored")
            << "message-recipient"
            << " Victime@Example.org" << qint64(2000) << 2;
        QTest::addRow("another key") << "message-recipient"
                                     << "0611111111" << qint64(2000) << 1;
        QTest::addRow("another scope") << "booking-address"
                                       << "victime@example.org" << qint64(2000) << 1;
        QTest::addRow("same key, third") << "message-recipient"
                                         << "victime@example.org" << qint64(86399) << 3;
        QTest::addRow("next day starts again") << "message-recipient"
                                               << "victime@example.org" << qint64(86400) << 1;
    }

    void countsPerScopeKeyAndWindow()
    {
        QFETCH(QString, scope);
        QFETCH(QString, key);
        QFETCH(qint64, at);
        QFETCH(int, expected);
        if (!m_shared) // shared by the rows, which build on each other
            m_shared = std::make_unique<TestOrganisation>();
        ThrottleCounters counters(*m_shared->store);
        const ThrottleWindow day{86400};
        QCOMPARE(counters.hit(scope, key, day, at), expected);
        QCOMPARE(counters.count(scope, key, day, at), expected);
    }

    // The one-statement hit (the POST rate limit's) counts the same rows as hit().
    void atomicHitCountsAlike()
    {
        TestOrganisation t;
        ThrottleCounters counters(*t.store);
        const ThrottleWindow minute{60};
        for (int expected = 1; expected <= 3; ++expected)
            QCOMPARE(counters.hitAtomically(QStringLiteral("post-minute"),
                                            QStringLiteral("192.0.2.1"), minute, 120 + expected),
                     expected);
        QCOMPARE(
            counters.hit(QStringLiteral("post-minute"), QStringLiteral("192.0.2.1"), minute, 150),
            4);
        QCOMPARE(counters.hitAtomically(QStringLiteral("post-minute"), QStringLiteral("192.0.2.1"),
                                        minute, 180),
                 1); // the next minute
        QCOMPARE(
            counters.count(QStringLiteral("post-minute"), QStringLiteral("192.0.2.2"), minute, 180),
            0);
    }

    void cleanupTestCase() { m_shared.reset(); }

    void keysAreStoredHashed()
    {
        TestOrganisation t;
        ThrottleCounters(*t.store).hit(QStringLiteral("message-recipient"),
                                       QStringLiteral("victime@example.org"), {86400}, 100);
        const QString stored =
            sql::scalar(t.store->db(), QStringLiteral("SELECT key_hash FROM throttle_counters"))
                .toString();
        QVERIFY(!stored.isEmpty());
        QVERIFY(!stored.contains(QLatin1String("victime")));
    }

    void rolledBackChangeLeavesNoCount()
    {
        TestOrganisation t;
        ThrottleCounters counters(*t.store);
        {
            WriteTransaction tx(*t.store);
            QCOMPARE(counters.hit(QStringLiteral("s"), QStringLiteral("k"), {3600}, 10), 1);
            // destroyed without commit: the booking it belonged to was refused
        }
        QCOMPARE(counters.count(QStringLiteral("s"), QStringLiteral("k"), {3600}, 10), 0);
    }

    void oldWindowsAreSwept()
    {
        TestOrganisation t;
        ThrottleCounters counters(*t.store);
        counters.hit(QStringLiteral("s"), QStringLiteral("old"), {3600}, 0);
        counters.hit(QStringLiteral("s"), QStringLiteral("new"), {3600}, 3 * 86400);
        QCOMPARE(
            sql::scalar(t.store->db(), QStringLiteral("SELECT COUNT(*) FROM throttle_counters"))
                .toInt(),
            1);
    }

    // The sweep is hygiene, not a limit: a booking's hit does not pay a DELETE every time.
    void sweepsAtMostEveryFewMinutes()
    {
        TestOrganisation t;
        ThrottleCounters counters(*t.store);
        const qint64 base = 30 * 86400;
        counters.hit(QStringLiteral("s"), QStringLiteral("a"), {3600}, base); // sweeps
        auto plantOld = [&] {
            sql::run(t.store->db(),
                     QStringLiteral("INSERT INTO throttle_counters (scope, key_hash, "
                                    "window_start, hits) VALUES ('s', 'old', 0, 1)"));
        };
        auto oldLeft = [&] {
            return sql::scalar(t.store->db(), QStringLiteral("SELECT COUNT(*) FROM "
                                                             "throttle_counters WHERE "
                                                             "key_hash = 'old'"))
                .toInt();
        };
        plantOld();
        counters.hit(QStringLiteral("s"), QStringLiteral("b"), {3600}, base + 60);
        QCOMPARE(oldLeft(), 1);
        counters.hit(QStringLiteral("s"), QStringLiteral("c"), {3600}, base + 600);
        QCOMPARE(oldLeft(), 0);
        // Counting is not affected either way.
        QCOMPARE(counters.hit(QStringLiteral("s"), QStringLiteral("b"), {3600}, base + 601), 2);
    }

private:
    std::unique_ptr<TestOrganisation> m_shared;
};

QTEST_GUILESS_MAIN(TestThrottle)
#include "tst_throttle.moc"
