// Benchmark of the domain core on the large demo organisation (50 agents, 20 motifs, two ranges a
// day five days a week, 10,000 appointments): time of one "créneaux of one motif over 6 weeks"
// query (median, p99), and bookings per second through BookingService on a SQLite file with
// synchronous=FULL beside the raw rate of single-row durable transactions on the same disk. The
// notification sink is on, as in the server: each booking queues its messages (outbox rows) in
// its transaction. Bookings and raw transactions take turns (20 each), so that the ratio compares
// the same minutes of the disk. --dir /dev/shm shows the CPU cost alone (tmpfs makes fsync free).
//
//   bench_core [--dir DIR] [--queries N] [--bookings N] [--no-sink]
#include "models/booking.h"
#include "models/catalog.h"
#include "models/demodata.h"
#include "models/rdvrepository.h"
#include "models/slotengine.h"
#include "models/store.h"
#include "sync/notify/notificationsink.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>

using namespace creneau;

namespace {

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, std::size_t(p * double(v.size())))];
}

// Names hold letters only: "Bench 12" would be refused.
QString letters(std::size_t n)
{
    QString out;
    do {
        out += QChar(u'a' + int(n % 26));
        n /= 26;
    } while (n);
    return out;
}

// Single-row durable transactions on their own SQLite file of the same disk: the yardstick.
class RawWriter
{
public:
    explicit RawWriter(const QString &path) : m_store(Store::open(path))
    {
        sql::run(m_store->db(), QStringLiteral("CREATE TABLE IF NOT EXISTS raw (id INTEGER "
                                               "PRIMARY KEY, v TEXT NOT NULL)"));
    }
    // Seconds taken by `n` transactions.
    double run(int n)
    {
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < n; ++i) {
            WriteTransaction tx(*m_store);
            sql::run(m_store->db(), QStringLiteral("INSERT INTO raw (v) VALUES (?)"),
                     {QStringLiteral("row %1").arg(m_rows++)});
            tx.commit();
        }
        return double(timer.nsecsElapsed()) / 1e9;
    }

private:
    std::unique_ptr<Store> m_store;
    int m_rows = 0;
};

// A collective motif with 200 upcoming sessions (a third of their places taken): the time to
// list them with their places, as the public API's sessions route does before writing JSON.
void benchSessions(Store &store, Id org, const QList<Agent> &agents, const QList<Lieu> &lieux,
                   const Clock &clock)
{
    WriteTransaction tx(store);
    Motif meeting;
    meeting.organisationId = org;
    meeting.name = QStringLiteral("Réunion d'information");
    meeting.durationMinutes = 90;
    meeting.bookableBy = BookableBy::AgentsAndPrescripteurs;
    meeting.capacity = 12;
    Catalog(store).save(meeting);
    SessionRepository sessions(store);
    RdvRepository rdvs(store);
    const qint64 now = clock.nowSecs();
    for (int i = 0; i < 200; ++i) {
        CollectiveSession s;
        s.organisationId = org;
        s.motifId = meeting.id;
        s.lieuId = lieux.first().id;
        s.agentIds = {agents.first().id};
        s.startsAt = now + qint64(i + 1) * 4 * 3600;
        s.durationMinutes = 90;
        s.capacity = 12;
        s.createdAt = s.updatedAt = now;
        sessions.insert(s);
        for (int p = 0; p < 4; ++p) {
            Rdv r;
            r.organisationId = org;
            r.motifId = meeting.id;
            r.lieuId = s.lieuId;
            r.sessionId = s.id;
            r.agentIds = s.agentIds;
            r.startsAt = s.startsAt;
            r.durationMinutes = 90;
            r.createdBy = CreatedBy::Prescripteur;
            r.createdAt = r.updatedAt = now;
            rdvs.insert(r);
        }
    }
    tx.commit();
    std::vector<double> times;
    int listed = 0;
    for (int i = 0; i < 500; ++i) {
        QElapsedTimer t;
        t.start();
        listed = int(sessions.upcomingWithPlaces(meeting.id, now).size());
        times.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::printf("sessions of a collective motif with places left (%d upcoming, 800 "
                "participants): median %.3f ms, p99 %.3f ms (500 listings)\n",
                listed, percentile(times, 0.5), percentile(times, 0.99));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("dir"), QStringLiteral("Folder for the SQLite files."),
                      QStringLiteral("dir")});
    parser.addOption({QStringLiteral("queries"), QStringLiteral("Créneaux queries to time."),
                      QStringLiteral("n"), QStringLiteral("2000")});
    parser.addOption({QStringLiteral("bookings"), QStringLiteral("Bookings to time."),
                      QStringLiteral("n"), QStringLiteral("300")});
    parser.addOption(
        {QStringLiteral("no-sink"), QStringLiteral("Bookings without notifications.")});
    parser.process(app);
    QTemporaryDir temp;
    const QString dir =
        parser.isSet(QStringLiteral("dir")) ? parser.value(QStringLiteral("dir")) : temp.path();
    const int queries = parser.value(QStringLiteral("queries")).toInt();
    const int bookings = parser.value(QStringLiteral("bookings")).toInt();

    const QString path = dir + QStringLiteral("/bench-core.sqlite");
    QFile::remove(path);
    auto store = Store::open(path);
    store->migrate();
    QElapsedTimer seeding;
    seeding.start();
    const ManualClock clock(QDateTime::currentDateTimeUtc());
    const Id org = demo::seedLarge(*store, clock);
    std::printf("seeded large organisation in %.0f ms\n", double(seeding.elapsed()));

    Catalog catalog(*store);
    const QList<Motif> motifs = catalog.motifs(org);
    const QTimeZone zone("Europe/Paris");
    const QDate today = clock.now().toTimeZone(zone).date();
    SlotEngine engine(*store);

    QElapsedTimer cold;
    cold.start();
    SlotQuery first;
    first.motifId = motifs.first().id;
    first.from = today;
    first.to = today.addDays(42);
    first.now = clock.now();
    const int firstCount = int(engine.creneaux(first).size());
    std::printf("first query (loads the picture of the database): %.2f ms, %d créneaux\n",
                double(cold.nsecsElapsed()) / 1e6, firstCount);

    std::vector<double> times;
    qint64 total = 0;
    for (int i = 0; i < queries; ++i) {
        SlotQuery q = first;
        q.motifId = motifs[i % motifs.size()].id;
        QElapsedTimer t;
        t.start();
        total += engine.creneaux(q).size();
        times.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::printf("créneaux of one motif over 6 weeks: median %.3f ms, p99 %.3f ms "
                "(%d queries, %.0f créneaux on average; targets: median <= 2 ms, p99 <= 10 ms)\n",
                percentile(times, 0.5), percentile(times, 0.99), queries, double(total) / queries);

    benchSessions(*store, org, catalog.agents(org), catalog.lieux(org), clock);

    // Bookings: prescripteurs take free créneaux of partner-bookable motifs, one transaction each.
    notify::NotificationSink sink(notify::NotifyContext{}, clock);
    BookingService service(*store, engine, clock,
                           parser.isSet(QStringLiteral("no-sink")) ? nullptr : &sink);
    std::vector<BookingRequest> requests;
    for (const Motif &m : motifs) {
        if (m.bookableBy == BookableBy::Agents)
            continue;
        SlotQuery q = first;
        q.motifId = m.id;
        const QList<Creneau> free = engine.creneaux(q);
        for (int i = 0; i < free.size() && int(requests.size()) < bookings * 4; i += 7) {
            BookingRequest r;
            r.organisationId = org;
            r.motifId = m.id;
            r.lieuId = free[i].lieuId;
            r.startsAt = free[i].startsAt;
            r.bookedBy = CreatedBy::Prescripteur;
            r.prescripteur = {QStringLiteral("Paul"),
                              QStringLiteral("Roux"),
                              QStringLiteral("p.roux@mairie.fr"),
                              {}};
            r.usager.firstName = QStringLiteral("Usager");
            r.usager.lastName = QStringLiteral("Bench ") + letters(requests.size());
            r.usager.phone = QStringLiteral("06%1").arg(10000000 + requests.size());
            requests.push_back(r);
        }
    }
    // Bookings and raw transactions take turns, a few at a time, so that both see the same disk:
    // this disk's fsync rate drifts by 2x within a minute, and one run after the other compared
    // the booking rate of one minute with the raw rate of the next.
    RawWriter rawWriter(dir + QStringLiteral("/bench-raw.sqlite"));
    int booked = 0, taken = 0, rawDone = 0;
    double bookingSecs = 0, rawSecs = 0;
    std::size_t next = 0;
    while (booked < bookings && next < requests.size()) {
        QElapsedTimer bookingTimer;
        bookingTimer.start();
        for (int turn = 0; turn < 20 && booked < bookings && next < requests.size(); ++turn) {
            const BookingOutcome out = service.book(requests[next++]);
            out.ok() ? ++booked : ++taken;
        }
        bookingSecs += double(bookingTimer.nsecsElapsed()) / 1e9;
        rawSecs += rawWriter.run(20);
        rawDone += 20;
    }
    const double bookingRate = (booked + taken) / bookingSecs;
    const double raw = rawDone / rawSecs;
    std::printf("bookings through BookingService (synchronous=FULL, notification sink %s): %.0f "
                "per second (%d booked, %d refused as overlapping)\n",
                parser.isSet(QStringLiteral("no-sink")) ? "off" : "on", bookingRate, booked, taken);
    std::printf("raw single-row durable transactions, same disk, in turns with the bookings: "
                "%.0f per second\n",
                raw);
    std::printf("booking rate / raw rate: %.0f%% (target >= 50%%)\n", 100.0 * bookingRate / raw);
    return 0;
}
