// A worker killed mid-delivery leaves its claims ('sending'); after the claim timeout a restarted
// worker delivers them, once, with the same Message-ID. A restart never resends what was sent,
// and a claim is taken by one worker only.
#include "mailparser.h"
#include "notifyscenario.h"
#include "smtpsink.h"
#include "sync/notify/outbox.h"
#include "sync/notify/smtptransport.h"

#include <QtTest>

using namespace creneau;
using namespace creneau::notify;
using test::NotifyScenario;

class TestNotifyCrashResume : public QObject
{
    Q_OBJECT
private slots:
    void claimIsExclusive()
    {
        NotifyScenario s;
        QVERIFY(s.book(CreatedBy::Usager).ok());
        Outbox outbox(*s.t.store);
        const QList<Id> due = outbox.due(s.clock.nowSecs(), 100);
        QVERIFY(!due.isEmpty());
        QVERIFY(outbox.claim(due.first(), s.clock.nowSecs()));
        QVERIFY(!outbox.claim(due.first(), s.clock.nowSecs()));
        QVERIFY(!outbox.due(s.clock.nowSecs(), 100).contains(due.first()));
    }

    void killedMidSendIsDeliveredOnceAfterRestart()
    {
        test::SmtpSink smtp;
        QVERIFY2(smtp.start(), qPrintable(smtp.error()));
        NotifyScenario s;
        QVERIFY(s.book(CreatedBy::Prescripteur).ok());
        Outbox outbox(*s.t.store);
        // The dead worker: it claimed every e-mail due and never came back.
        QList<Id> claimed;
        for (const Id id : outbox.due(s.clock.nowSecs(), 100))
            if (outbox.find(id)->kind == OutboxMessage::Kind::Email &&
                outbox.claim(id, s.clock.nowSecs()))
                claimed << id;
        QVERIFY(claimed.size() >= 3);

        SmtpTransport mail(smtp.url(), {QStringLiteral("rdv@test.fr"), {}});
        {
            DeliveryWorker restarted(*s.t.store, s.clock, &mail, nullptr);
            QVERIFY(NotifyScenario::runWorker(restarted));
            QTest::qWait(200);
            QCOMPARE(smtp.messages().size(), 0); // the claims are still fresh
            s.clock.advanceSecs(restarted.policy().staleClaimSecs + 1);
            QVERIFY(NotifyScenario::runWorker(restarted));
            QVERIFY(smtp.waitFor(int(claimed.size())));
        }
        for (const Id id : claimed) {
            const OutboxMessage m = outbox.find(id).value();
            QCOMPARE(m.status, QStringLiteral("sent"));
            QCOMPARE(m.attempts, 1);
        }
        // Another restart, much later: nothing sent is sent again.
        DeliveryWorker again(*s.t.store, s.clock, &mail, nullptr);
        s.clock.advanceSecs(3600);
        QVERIFY(NotifyScenario::runWorker(again));
        QTest::qWait(300);
        const QList<QByteArray> received = smtp.messages();
        QCOMPARE(received.size(), claimed.size());
        QSet<QString> ids;
        for (const QByteArray &raw : received)
            ids.insert(test::parseMail(raw).header("Message-ID"));
        QCOMPARE(ids.size(), claimed.size());
        for (const Id id : claimed)
            QVERIFY(ids.contains(QLatin1Char('<') + outbox.find(id)->messageId + QLatin1Char('>')));
    }
};

QTEST_GUILESS_MAIN(TestNotifyCrashResume)
#include "tst_notify_crash_resume.moc"
