// SMTP down, then up: the message is retried with growing delays and arrives once, late. Past
// 24 hours it is given up, visibly ('failed' with the error).
#include "mailparser.h"
#include "notifyscenario.h"
#include "smtpsink.h"
#include "sync/notify/outbox.h"
#include "sync/notify/smtptransport.h"

#include <QtTest>

using namespace creneau;
using namespace creneau::notify;
using test::NotifyScenario;

class TestNotifySmtpRetry : public QObject
{
    Q_OBJECT
private slots:
    void delays()
    {
        RetryPolicy p;
        QCOMPARE(p.delayAfter(1), 60);
        QCOMPARE(p.delayAfter(2), 120);
        QCOMPARE(p.delayAfter(3), 240);
        QCOMPARE(p.delayAfter(6), 1920);
        QCOMPARE(p.delayAfter(7), 3600);
        QCOMPARE(p.delayAfter(40), 3600);
    }

    // A relay that offers no STARTTLS (or a man in the middle who strips it) never gets the
    // password in clear: with credentials in the URL, TLS is required and nothing is sent; the
    // same relay without credentials still gets the message.
    void credentialsAreNeverSentWithoutTls_data()
    {
        QTest::addColumn<QString>("userInfo");
        QTest::addColumn<bool>("delivered");
        QTest::addRow("no credentials") << QString() << true;
        QTest::addRow("credentials") << QStringLiteral("creneau:s3cret@") << false;
    }
    void credentialsAreNeverSentWithoutTls()
    {
        QFETCH(QString, userInfo);
        QFETCH(bool, delivered);
        NotifyScenario s;
        test::SmtpSink smtp;
        QVERIFY2(smtp.start(), qPrintable(smtp.error()));
        SmtpTransport mail(QStringLiteral("smtp://") + userInfo +
                               QStringLiteral("127.0.0.1:%1").arg(smtp.port()),
                           {QStringLiteral("rdv@test.fr"), {}});
        DeliveryWorker worker(*s.t.store, s.clock, &mail, nullptr);
        const BookingOutcome b = s.book(CreatedBy::Usager);
        QVERIFY(b.ok());
        QVERIFY(NotifyScenario::runWorker(worker));
        if (delivered) {
            QVERIFY(smtp.waitFor(1));
            return;
        }
        QTest::qWait(1000);
        QCOMPARE(smtp.messages().size(), 0);
        bool tried = false;
        for (const OutboxMessage &m : Outbox(*s.t.store).ofRdv(b.rdv.id)) {
            if (m.kind != OutboxMessage::Kind::Email || m.purpose == QLatin1String("reminder"))
                continue;
            tried = true;
            QCOMPARE(m.status, QStringLiteral("pending")); // retried later, never marked sent
            // Refused for want of TLS, not for anything else.
            QVERIFY2(m.lastError.contains(QLatin1String("SSL"), Qt::CaseInsensitive) ||
                         m.lastError.contains(QLatin1String("TLS"), Qt::CaseInsensitive),
                     qPrintable(m.lastError));
        }
        QVERIFY(tried);
    }

    void downThenUpArrivesOnceLate()
    {
        NotifyScenario s;
        const quint16 port = test::SmtpSink::freePort();
        SmtpTransport mail(QStringLiteral("smtp://127.0.0.1:%1").arg(port),
                           {QStringLiteral("rdv@test.fr"), {}});
        DeliveryWorker worker(*s.t.store, s.clock, &mail, nullptr);
        const BookingOutcome b = s.book(CreatedBy::Usager);
        QVERIFY(b.ok());
        const int emails = s.countRows(
            QStringLiteral("WHERE kind = 'email' AND status = 'pending' AND due_at <= %1")
                .arg(s.clock.nowSecs()));
        QVERIFY(emails >= 2); // usager and agent

        const qint64 t0 = s.clock.nowSecs();
        QVERIFY(NotifyScenario::runWorker(worker));
        for (const OutboxMessage &m : Outbox(*s.t.store).ofRdv(b.rdv.id)) {
            if (m.kind != OutboxMessage::Kind::Email || m.purpose == QLatin1String("reminder"))
                continue;
            QCOMPARE(m.status, QStringLiteral("pending"));
            QCOMPARE(m.attempts, 1);
            QCOMPARE(m.nextAttemptAt, t0 + 60);
            QVERIFY(!m.lastError.isEmpty());
        }
        // Not yet due again: nothing is tried.
        s.clock.advanceSecs(30);
        QVERIFY(NotifyScenario::runWorker(worker));
        QCOMPARE(s.countRows(QStringLiteral("WHERE attempts = 2")), 0);
        s.clock.advanceSecs(30);
        QVERIFY(NotifyScenario::runWorker(worker));
        QCOMPARE(s.countRows(QStringLiteral("WHERE attempts = 2 AND next_attempt_at = %1")
                                 .arg(s.clock.nowSecs() + 120)),
                 emails);

        test::SmtpSink smtp;
        QVERIFY2(smtp.start(port), qPrintable(smtp.error()));
        s.clock.advanceSecs(120);
        QVERIFY(NotifyScenario::runWorker(worker));
        QVERIFY(smtp.waitFor(emails));
        for (int i = 0; i < 3; ++i) {
            s.clock.advanceSecs(3600);
            QVERIFY(NotifyScenario::runWorker(worker));
        }
        QTest::qWait(300);
        const QList<QByteArray> received = smtp.messages();
        // The reminder became due too after 3 hours? No: it is 48 h before a week ahead.
        QCOMPARE(received.size(), emails);
        QSet<QString> ids;
        for (const QByteArray &raw : received)
            ids.insert(test::parseMail(raw).header("Message-ID"));
        QCOMPARE(ids.size(), emails);
        QCOMPARE(s.countRows(QStringLiteral("WHERE status = 'sent' AND attempts = 3")), emails);
    }

    void givesUpAfterADay()
    {
        NotifyScenario s;
        SmtpTransport mail(QStringLiteral("smtp://127.0.0.1:%1").arg(test::SmtpSink::freePort()),
                           {QStringLiteral("rdv@test.fr"), {}});
        DeliveryWorker worker(*s.t.store, s.clock, &mail, nullptr);
        QVERIFY(s.book(CreatedBy::Usager).ok());
        const int emails = s.countRows(
            QStringLiteral("WHERE kind = 'email' AND due_at <= %1").arg(s.clock.nowSecs()));
        for (int hour = 0; hour <= 25; ++hour) {
            QVERIFY(NotifyScenario::runWorker(worker));
            s.clock.advanceSecs(3600);
        }
        QVERIFY(NotifyScenario::runWorker(worker));
        QCOMPARE(s.countRows(QStringLiteral("WHERE status = 'failed' AND last_error <> ''")),
                 emails);
        // Given up for good: no more attempts.
        const int attempts =
            s.countRows(QStringLiteral("WHERE status = 'failed' AND attempts > 0"));
        s.clock.advanceSecs(7200);
        QVERIFY(NotifyScenario::runWorker(worker));
        QCOMPARE(s.countRows(QStringLiteral("WHERE status = 'failed' AND attempts > 0")), attempts);
    }
};

QTEST_GUILESS_MAIN(TestNotifySmtpRetry)
#include "tst_notify_smtp_retry.moc"
