// The sign-in throttle's promise, on a virtual clock: free failures, then a wait that doubles
// (2 s, 4 s, 8 s...) until the quarter-hour lock, Retry-After rounded up, counters forgotten after
// a quiet hour or a success, and keys counted apart (the account's owner is not slowed down by a
// stranger's guesses). tst_agent_api checks the first steps over HTTP.
#include "sync/server/agentloginthrottle.h"

#include <QtTest>

using creneau::server::AgentLoginThrottle;
using Verdict = AgentLoginThrottle::Verdict;

Q_DECLARE_METATYPE(Verdict)

class TestAgentLoginThrottle : public QObject
{
    Q_OBJECT
private slots:
    void waitAfterFailures_data()
    {
        QTest::addColumn<int>("failures");
        QTest::addColumn<Verdict>("verdict");
        QTest::addColumn<int>("retryAfter"); // seconds, right after the last failure
        QTest::addRow("none") << 0 << Verdict::Allow << 0;
        QTest::addRow("two, free") << 2 << Verdict::Allow << 0;
        QTest::addRow("three: 2 s") << 3 << Verdict::SlowDown << 2;
        QTest::addRow("four: 4 s") << 4 << Verdict::SlowDown << 4;
        QTest::addRow("five: 8 s") << 5 << Verdict::SlowDown << 8;
        QTest::addRow("ten: 256 s") << 10 << Verdict::SlowDown << 256;
        QTest::addRow("eleven: 512 s") << 11 << Verdict::SlowDown << 512;
        QTest::addRow("twelve: locked 15 min") << 12 << Verdict::Locked << 900;
        QTest::addRow("forty: still 15 min") << 40 << Verdict::Locked << 900;
    }
    void waitAfterFailures()
    {
        QFETCH(int, failures);
        QFETCH(Verdict, verdict);
        QFETCH(int, retryAfter);
        AgentLoginThrottle t;
        qint64 now = 1'000'000;
        for (int i = 0; i < failures; ++i)
            t.failed(QStringLiteral("k"), now += 10);
        int got = -1;
        QCOMPARE(t.check(QStringLiteral("k"), now, 3, &got), verdict);
        QCOMPARE(got, verdict == Verdict::Allow ? -1 : retryAfter); // untouched when allowed
        if (verdict == Verdict::Allow)
            return;
        // Rounded up: 1 ms before the end, still one second to wait; at the end, allowed.
        const qint64 waitMs = qint64(retryAfter) * 1000;
        QCOMPARE(t.check(QStringLiteral("k"), now + waitMs - 1, 3, &got), verdict);
        QCOMPARE(got, 1);
        QCOMPARE(t.check(QStringLiteral("k"), now + waitMs, 3, &got), Verdict::Allow);
        // Other keys are not affected.
        QCOMPARE(t.check(QStringLiteral("other"), now, 3, &got), Verdict::Allow);
    }

    void successForgets()
    {
        AgentLoginThrottle t;
        for (int i = 0; i < 5; ++i)
            t.failed(QStringLiteral("k"), 100);
        int wait = 0;
        QCOMPARE(t.check(QStringLiteral("k"), 100, 3, &wait), Verdict::SlowDown);
        t.succeeded(QStringLiteral("k"));
        QCOMPARE(t.check(QStringLiteral("k"), 100, 3, &wait), Verdict::Allow);
    }

    void aQuietHourStartsCountingAgain()
    {
        AgentLoginThrottle t;
        for (int i = 0; i < 12; ++i)
            t.failed(QStringLiteral("k"), 0);
        int wait = 0;
        QCOMPARE(t.check(QStringLiteral("k"), 0, 3, &wait), Verdict::Locked);
        // One more failure after an hour of quiet is the first of a new count: free.
        const qint64 later = AgentLoginThrottle::kForgetMs + 1;
        t.failed(QStringLiteral("k"), later);
        QCOMPARE(t.check(QStringLiteral("k"), later, 3, &wait), Verdict::Allow);
    }
};

QTEST_GUILESS_MAIN(TestAgentLoginThrottle)
#include "tst_agent_login_throttle.moc"
