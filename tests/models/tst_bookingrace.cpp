// 50 bookers, each on its own connection and thread, race for one créneau: exactly one wins.
#include "models/booking.h"
#include "testorganisation.h"

#include <QtTest>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

using namespace creneau;

class TestBookingRace : public QObject
{
    Q_OBJECT
private slots:
    void exactlyOneWins()
    {
        test::TestOrganisation t;
        const QDate monday(2027, 3, 1);
        t.addPlage(t.agent.id, t.lieu.id, {t.motif.id}, monday, QTime(9, 0), QTime(12, 0));
        const ManualClock clock(t.local(monday.addDays(-1), QTime(12, 0)));
        const qint64 start = t.at(monday, QTime(10, 0));

        constexpr int kBookers = 50;
        std::mutex gate;
        std::condition_variable go;
        bool started = false;
        std::atomic<int> ready{0}, won{0}, taken{0}, other{0};
        std::vector<std::thread> threads;
        for (int i = 0; i < kBookers; ++i) {
            threads.emplace_back([&, i] {
                auto store = Store::open(t.location);
                SlotEngine engine(*store);
                BookingService service(*store, engine, clock);
                BookingRequest r;
                r.organisationId = t.org.id;
                r.motifId = t.motif.id;
                r.lieuId = t.lieu.id;
                r.startsAt = start;
                r.bookedBy = CreatedBy::Prescripteur;
                r.prescripteur = {QStringLiteral("Paul"),
                                  QStringLiteral("Roux"),
                                  QStringLiteral("p.roux@mairie.fr"),
                                  {}};
                r.usager.firstName = QStringLiteral("Usager");
                r.usager.lastName =
                    QStringLiteral("N") + QChar(u'a' + i % 26) + QChar(u'a' + i / 26 % 26);
                {
                    std::unique_lock lock(gate);
                    ++ready;
                    go.wait(lock, [&] { return started; });
                }
                const BookingOutcome out = service.book(r);
                if (out.ok())
                    ++won;
                else if (out.error == BookingError::CreneauTaken)
                    ++taken;
                else
                    ++other;
            });
        }
        while (ready < kBookers)
            std::this_thread::yield();
        {
            std::lock_guard lock(gate);
            started = true;
        }
        go.notify_all();
        for (std::thread &th : threads)
            th.join();
        QCOMPARE(won.load(), 1);
        QCOMPARE(taken.load(), kBookers - 1);
        QCOMPARE(other.load(), 0);
        QCOMPARE(sql::scalar(t.store->db(), QStringLiteral("SELECT COUNT(*) FROM rdvs")).toInt(),
                 1);
        QCOMPARE(sql::scalar(t.store->db(), QStringLiteral("SELECT COUNT(*) FROM usagers")).toInt(),
                 1);
    }
};

QTEST_GUILESS_MAIN(TestBookingRace)
#include "tst_bookingrace.moc"
