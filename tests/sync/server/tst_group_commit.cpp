// Group commit (BookingQueue): bookings queued together share one transaction, a refused one in
// the group (a créneau taken by an earlier one of the same group) is answered alone and does not
// undo the others, and nobody is answered before the group's commit.
#include "models/rdvrepository.h"
#include "sync/server/bookingqueue.h"
#include "sync/server/bookingsite.h"
#include "testorganisation.h"

#include <QtTest>

using namespace creneau;
using namespace creneau::server;
using test::TestOrganisation;

namespace {

const QDate kMonday(2027, 3, 1);

BookingRequest request(const TestOrganisation &t, const QTime &at, const QString &lastName)
{
    BookingRequest r;
    r.organisationId = t.org.id;
    r.motifId = t.motif.id;
    r.lieuId = t.lieu.id;
    r.startsAt = t.at(kMonday, at);
    r.bookedBy = CreatedBy::Prescripteur;
    r.prescripteur = {
        QStringLiteral("Paul"), QStringLiteral("Roux"), QStringLiteral("p.roux@mairie.fr"), {}};
    r.usager.firstName = QStringLiteral("Léa");
    r.usager.lastName = lastName;
    return r;
}

int rdvCount(Store &store)
{
    return sql::scalar(store.db(), QStringLiteral("SELECT COUNT(*) FROM rdvs")).toInt();
}

} // namespace

class TestGroupCommit : public QObject
{
    Q_OBJECT
private slots:
    void aRefusedBookingDoesNotUndoTheOthers()
    {
        TestOrganisation t;
        t.addPlage(t.agent.id, t.lieu.id, {t.motif.id}, kMonday, QTime(9, 0), QTime(12, 0));
        const ServerSecret secret(QByteArray(32, 'k'));
        const ManualClock clock(t.local(kMonday.addDays(-7), QTime(8, 0)));
        BookingSite site(*t.store, secret, QStringLiteral("http://localhost"), clock);
        site.bookingLimit().setPerHour(0);
        BookingQueue &queue = site.bookingQueue();

        // Four bookings arrive together: the third asks for the créneau the first takes.
        const QList<BookingRequest> group = {
            request(t, QTime(9, 0), QStringLiteral("Alpha")),
            request(t, QTime(9, 30), QStringLiteral("Bravo")),
            request(t, QTime(9, 0), QStringLiteral("Charlie")),
            request(t, QTime(10, 0), QStringLiteral("Delta")),
        };
        QList<BookingError> answers;
        QList<int> rowsWhenAnswered;
        int failures = 0;
        for (const BookingRequest &r : group)
            queue.submit(
                r, QHostAddress::LocalHost,
                [&](BookingQueue::Result &result) {
                    const BookingError error = result.outcome.error;
                    result.answer = [&, error] {
                        answers << error;
                        // Answered after the commit: another connection sees the whole group.
                        auto other = Store::open(t.location);
                        rowsWhenAnswered << rdvCount(*other);
                    };
                },
                [&](const BookingQueue::Result &) { ++failures; });
        QCOMPARE(answers.size(), 0); // nothing runs before the event loop (or flush)
        const qint64 groupsBefore = queue.groups();
        queue.flush();
        QCOMPARE(failures, 0);
        QCOMPARE(answers, (QList<BookingError>{BookingError::None, BookingError::None,
                                               BookingError::CreneauTaken, BookingError::None}));
        QCOMPARE(rowsWhenAnswered, (QList<int>{3, 3, 3, 3}));
        QCOMPARE(queue.groups(), groupsBefore + 1); // one transaction for the four
        QCOMPARE(rdvCount(*t.store), 3);
        const QList<Rdv> booked = RdvRepository(*t.store).between(
            t.org.id, t.at(kMonday, QTime(0, 0)), t.at(kMonday, QTime(23, 0)));
        QCOMPARE(booked.size(), 3);
    }

    // A client past its hourly limit inside a group is told so (429 and its wait), not that the
    // store failed; the others of the group are booked.
    void aLimitedClientInAGroupIsAnsweredAsLimited()
    {
        TestOrganisation t;
        t.addPlage(t.agent.id, t.lieu.id, {t.motif.id}, kMonday, QTime(9, 0), QTime(12, 0));
        const ServerSecret secret(QByteArray(32, 'k'));
        const ManualClock clock(t.local(kMonday.addDays(-7), QTime(8, 0)));
        BookingSite site(*t.store, secret, QStringLiteral("http://localhost"), clock);
        site.bookingLimit().setPerHour(1);
        BookingQueue &queue = site.bookingQueue();
        const QHostAddress busy(QStringLiteral("192.0.2.7"));
        const QHostAddress other(QStringLiteral("192.0.2.8"));
        struct Asked
        {
            BookingRequest request;
            QHostAddress peer;
        };
        const QList<Asked> group = {{request(t, QTime(9, 0), QStringLiteral("Alpha")), busy},
                                    {request(t, QTime(9, 30), QStringLiteral("Bravo")), busy},
                                    {request(t, QTime(10, 0), QStringLiteral("Charlie")), other}};
        QList<bool> limited;
        int failures = 0;
        for (const Asked &a : group)
            queue.submit(
                a.request, a.peer,
                [&](BookingQueue::Result &result) {
                    const bool wasLimited = result.limited;
                    const int wait = result.retryAfter;
                    result.answer = [&, wasLimited, wait] {
                        limited << wasLimited;
                        QVERIFY(!wasLimited || wait > 0);
                    };
                },
                [&](const BookingQueue::Result &) { ++failures; });
        queue.flush();
        QCOMPARE(failures, 0);
        QCOMPARE(limited, (QList<bool>{false, true, false}));
        QCOMPARE(rdvCount(*t.store), 2);
    }

    void groupsAreBoundedAndRunFromTheEventLoop()
    {
        TestOrganisation t;
        t.addPlage(t.agent.id, t.lieu.id, {t.motif.id}, kMonday, QTime(9, 0), QTime(12, 0));
        const ServerSecret secret(QByteArray(32, 'k'));
        const ManualClock clock(t.local(kMonday.addDays(-7), QTime(8, 0)));
        BookingSite site(*t.store, secret, QStringLiteral("http://localhost"), clock);
        site.bookingLimit().setPerHour(0);
        BookingQueue &queue = site.bookingQueue();
        queue.setMaxGroup(2);
        int created = 0;
        const QStringList names = {QStringLiteral("Alpha"), QStringLiteral("Bravo"),
                                   QStringLiteral("Charlie"), QStringLiteral("Delta"),
                                   QStringLiteral("Echo")};
        for (int i = 0; i < 5; ++i)
            queue.submit(
                request(t, QTime(9, 0).addSecs(i * 1800), names[i]), QHostAddress::LocalHost,
                [&](BookingQueue::Result &result) {
                    const bool ok = result.outcome.ok();
                    result.answer = [&, ok] { created += ok; };
                },
                [](const BookingQueue::Result &) {});
        QTRY_COMPARE(created, 5);
        QCOMPARE(queue.groups(), 3); // 2 + 2 + 1
        QCOMPARE(queue.grouped(), 5);
    }
};

QTEST_GUILESS_MAIN(TestGroupCommit)
#include "tst_group_commit.moc"
