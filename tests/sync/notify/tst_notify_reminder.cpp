// The usager's reminder fires at start − the organisation's lead time, read from an injectable
// clock (no sleeping); moving reschedules it, cancelling drops it, and one already past at
// booking is never queued.
#include "models/catalog.h"
#include "notifyscenario.h"
#include "sync/notify/filetransport.h"
#include "sync/notify/outbox.h"

#include <QtTest>

using namespace creneau;
using namespace creneau::notify;
using test::NotifyScenario;

namespace {

QList<OutboxMessage> reminders(NotifyScenario &s, Id rdvId, const QString &status = {})
{
    QList<OutboxMessage> out;
    for (const OutboxMessage &m : Outbox(*s.t.store).ofRdv(rdvId))
        if (m.purpose == QLatin1String("reminder") && (status.isEmpty() || m.status == status))
            out << m;
    return out;
}

} // namespace

class TestNotifyReminder : public QObject
{
    Q_OBJECT
private slots:
    void firesAtTheRightInstant_data()
    {
        QTest::addColumn<int>("hours");
        QTest::addRow("48 hours (default)") << 48;
        QTest::addRow("24 hours") << 24;
    }

    void firesAtTheRightInstant()
    {
        QFETCH(int, hours);
        NotifyScenario s;
        if (hours != 48) {
            WriteTransaction tx(*s.t.store);
            s.t.org.reminderHours = hours;
            Catalog(*s.t.store).save(s.t.org);
            tx.commit();
        }
        QTemporaryDir dir;
        FileTransport files(dir.path(), {QStringLiteral("rdv@test.fr"), {}});
        DeliveryWorker worker(*s.t.store, s.clock, &files, &files);
        const BookingOutcome b = s.book(CreatedBy::Prescripteur);
        QVERIFY(b.ok());
        const qint64 due = b.rdv.startsAt - qint64(hours) * 3600;
        QCOMPARE(reminders(s, b.rdv.id).size(), 2); // e-mail and SMS
        for (const OutboxMessage &m : reminders(s, b.rdv.id))
            QCOMPARE(m.dueAt, due);

        QVERIFY(NotifyScenario::runWorker(worker)); // the confirmations
        s.clock.set(QDateTime::fromSecsSinceEpoch(due - 1, Qt::UTC));
        QVERIFY(NotifyScenario::runWorker(worker));
        QCOMPARE(reminders(s, b.rdv.id, QStringLiteral("pending")).size(), 2);

        s.clock.set(QDateTime::fromSecsSinceEpoch(due, Qt::UTC));
        QVERIFY(NotifyScenario::runWorker(worker));
        const QList<OutboxMessage> sent = reminders(s, b.rdv.id, QStringLiteral("sent"));
        QCOMPARE(sent.size(), 2);
        for (const OutboxMessage &m : sent) {
            QCOMPARE(m.sentAt, due);
            QVERIFY(QFile::exists(files.pathFor(m)));
            // Booked by a prescriber, the usager's reminder still carries their own link.
            QVERIFY2(m.bodyText.contains(QStringLiteral("/mon-rdv/") + b.usagerToken),
                     qPrintable(m.bodyText));
        }
        const OutboxMessage &mail =
            sent.first().kind == OutboxMessage::Kind::Email ? sent.first() : sent.last();
        QVERIFY(mail.subject.startsWith(QStringLiteral("Rappel")));
        // French administrative time, no-break spaces inside (models/frenchformat).
        QVERIFY2(mail.bodyText.contains(QStringLiteral("lundi 1 mars 2027 à 9\u00A0h")),
                 qPrintable(mail.bodyText));
    }

    void movingReschedules()
    {
        NotifyScenario s;
        const BookingOutcome b = s.book(CreatedBy::Prescripteur);
        QVERIFY(b.ok());
        const qint64 newStart = s.t.at(NotifyScenario::kMonday, QTime(11, 0));
        const BookingOutcome moved =
            s.service.move(b.rdv.id, Actor{Actor::Kind::Agent, s.t.agent.id, {}}, newStart);
        QVERIFY2(moved.ok(), qPrintable(moved.message));
        QCOMPARE(reminders(s, b.rdv.id, QStringLiteral("dropped")).size(), 2);
        const QList<OutboxMessage> pending = reminders(s, b.rdv.id, QStringLiteral("pending"));
        QCOMPARE(pending.size(), 2);
        for (const OutboxMessage &m : pending) {
            QCOMPARE(m.dueAt, newStart - 48 * 3600);
            QVERIFY2(m.bodyText.contains(QStringLiteral("à 11\u00A0h")) ||
                         m.bodyText.contains(QStringLiteral("à 11 h")), // SMS: plain spaces
                     qPrintable(m.bodyText));
        }
    }

    void cancellingDrops()
    {
        NotifyScenario s;
        QTemporaryDir dir;
        FileTransport files(dir.path(), {QStringLiteral("rdv@test.fr"), {}});
        DeliveryWorker worker(*s.t.store, s.clock, &files, &files);
        const BookingOutcome b = s.book(CreatedBy::Prescripteur);
        QVERIFY(b.ok());
        QVERIFY(s.service.cancel(b.rdv.id, Actor{Actor::Kind::Agent, s.t.agent.id, {}}).ok());
        QCOMPARE(reminders(s, b.rdv.id, QStringLiteral("dropped")).size(), 2);
        s.clock.set(QDateTime::fromSecsSinceEpoch(b.rdv.startsAt - 3600, Qt::UTC));
        QVERIFY(NotifyScenario::runWorker(worker));
        QCOMPARE(reminders(s, b.rdv.id, QStringLiteral("sent")).size(), 0);
    }

    void pastReminderIsNotQueued()
    {
        NotifyScenario s;
        s.clock.set(s.t.local(NotifyScenario::kMonday.addDays(-1), QTime(12, 0)));
        const BookingOutcome b = s.book(CreatedBy::Prescripteur);
        QVERIFY(b.ok());
        QCOMPARE(reminders(s, b.rdv.id).size(), 0);
        // The confirmation still goes.
        QVERIFY(s.countRows(QStringLiteral("WHERE purpose = 'confirmation'")) > 0);
    }
};

QTEST_GUILESS_MAIN(TestNotifyReminder)
#include "tst_notify_reminder.moc"
