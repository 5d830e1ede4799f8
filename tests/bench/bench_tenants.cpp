// Many organisations in one store: the small demo organisation cloned in SQL into N (default
// 5,000), against a store of that one organisation, same run, same disk. Prints
//  - the first créneaux answer of an organisation after a start (a new SlotEngine: nothing
//    loaded), median over 31 starts;
//  - the first answer after another organisation changed its catalogue (an absence), of an
//    organisation already asked about, and of the changed one;
//  - créneaux answers per second over every organisation at random (after each was asked
//    once) against the same over the one organisation.
// Goals (issue #16): first answers ≤ 2× the one-organisation store, random rate ≥ 0.5×.
//
//   bench_tenants [--organisations N] [--dir DIR] [--seconds S]
#include "models/catalog.h"
#include "models/demodata.h"
#include "models/slotengine.h"
#include "models/store.h"
#include "tenantclone.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>

using namespace creneau;

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

struct Tenants
{
    std::unique_ptr<Store> store;
    QList<Id> organisations;
    QHash<Id, QList<Id>> motifs; // per organisation, the motifs with opening ranges
    QHash<Id, Id> agentOf;       // per organisation, an agent (for absences)
};

Tenants build(const QString &path, int organisations, const Clock &clock)
{
    QFile::remove(path);
    Tenants t;
    t.store = Store::open(path);
    t.store->migrate();
    const Id first = demo::seedSmall(*t.store, clock);
    t.organisations << first;
    if (organisations > 1)
        t.organisations += bench::cloneOrganisation(*t.store, first, organisations - 1);
    QSqlQuery m = sql::run(t.store->db(),
                           QStringLiteral("SELECT DISTINCT m.organisation_id, m.id FROM motifs m "
                                          "JOIN plage_motifs pm ON pm.motif_id = m.id "
                                          "WHERE m.archived = 0"));
    while (m.next())
        t.motifs[m.value(0).toLongLong()] << m.value(1).toLongLong();
    QSqlQuery a =
        sql::run(t.store->db(), QStringLiteral("SELECT organisation_id, MIN(agent_id) "
                                               "FROM plages_ouverture GROUP BY organisation_id"));
    while (a.next())
        t.agentOf.insert(a.value(0).toLongLong(), a.value(1).toLongLong());
    return t;
}

SlotQuery weekOf(Id motif, const Clock &clock)
{
    SlotQuery q;
    q.motifId = motif;
    q.from = clock.now().toTimeZone(QTimeZone("Europe/Paris")).date().addDays(2);
    q.to = q.from.addDays(6);
    q.now = clock.now();
    return q;
}

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

// The first answer of a random organisation from a new engine (as after a start).
double firstAfterStart(Tenants &t, const Clock &clock, QRandomGenerator &random)
{
    std::vector<double> times;
    for (int i = 0; i < 31; ++i) {
        const Id org = t.organisations[random.bounded(int(t.organisations.size()))];
        SlotEngine engine(*t.store);
        QElapsedTimer timer;
        timer.start();
        engine.creneaux(weekOf(t.motifs.value(org).value(0), clock));
        times.push_back(msSince(timer));
    }
    return median(times);
}

void addAbsence(Tenants &t, Id org, int n)
{
    WriteTransaction tx(*t.store);
    Absence a;
    a.organisationId = org;
    a.agentId = t.agentOf.value(org);
    a.title = QStringLiteral("Formation");
    a.startsAt = QDateTime::currentSecsSinceEpoch() + 86400 * 30 + n * 3600;
    a.endsAt = a.startsAt + 1800;
    Catalog(*t.store).save(a);
    tx.commit();
}

// After organisation `changed` wrote an absence: the first answer of `asked` (already loaded).
double firstAfterChange(Tenants &t, SlotEngine &engine, const Clock &clock,
                        QRandomGenerator &random, bool askChanged)
{
    std::vector<double> times;
    for (int i = 0; i < 31; ++i) {
        const Id asked = t.organisations[random.bounded(int(t.organisations.size()))];
        Id changed = asked;
        if (!askChanged && t.organisations.size() > 1)
            while (changed == asked)
                changed = t.organisations[random.bounded(int(t.organisations.size()))];
        const SlotQuery q = weekOf(t.motifs.value(asked).value(0), clock);
        engine.creneaux(q); // loaded and answered once
        addAbsence(t, changed, i);
        QElapsedTimer timer;
        timer.start();
        engine.creneaux(q);
        times.push_back(msSince(timer));
    }
    return median(times);
}

// Answers per second over the organisations at random, each motif asked once beforehand.
double randomRate(Tenants &t, const Clock &clock, double seconds, QRandomGenerator &random,
                  double *coldMs)
{
    SlotEngine engine(*t.store);
    QElapsedTimer cold;
    cold.start();
    for (Id org : t.organisations)
        for (Id motif : t.motifs.value(org))
            engine.creneaux(weekOf(motif, clock));
    *coldMs = msSince(cold);
    QElapsedTimer timer;
    timer.start();
    qint64 n = 0;
    while (timer.nsecsElapsed() < qint64(seconds * 1e9)) {
        const Id org = t.organisations[random.bounded(int(t.organisations.size()))];
        const QList<Id> &motifs = t.motifs[org];
        engine.creneaux(weekOf(motifs[random.bounded(int(motifs.size()))], clock));
        ++n;
    }
    return double(n) / (double(timer.nsecsElapsed()) / 1e9);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("organisations"), QStringLiteral("Organisations."),
                      QStringLiteral("n"), QStringLiteral("5000")});
    parser.addOption({QStringLiteral("dir"), QStringLiteral("Folder for the SQLite files."),
                      QStringLiteral("dir")});
    parser.addOption({QStringLiteral("seconds"), QStringLiteral("Length of each rate run."),
                      QStringLiteral("s"), QStringLiteral("15")});
    parser.process(app);
    QTemporaryDir temp;
    const QString dir =
        parser.isSet(QStringLiteral("dir")) ? parser.value(QStringLiteral("dir")) : temp.path();
    const int n = std::max(2, parser.value(QStringLiteral("organisations")).toInt());
    const double seconds = parser.value(QStringLiteral("seconds")).toDouble();
    const Clock &clock = Clock::system();
    QRandomGenerator random(16);

    QElapsedTimer building;
    building.start();
    Tenants one = build(dir + QStringLiteral("/tenants-1.sqlite"), 1, clock);
    Tenants many = build(dir + QStringLiteral("/tenants-n.sqlite"), n, clock);
    std::printf("built a store of %d organisations (the small demo cloned in SQL) in %.0f ms\n", n,
                double(building.elapsed()));

    const double start1 = firstAfterStart(one, clock, random);
    const double startN = firstAfterStart(many, clock, random);
    std::printf("first answer after a start: %.2f ms (1 organisation), %.2f ms (%d): %.2fx "
                "(goal <= 2x)\n",
                start1, startN, n, startN / start1);

    SlotEngine engine1(*one.store);
    SlotEngine engineN(*many.store);
    const double changedSelf1 = firstAfterChange(one, engine1, clock, random, true);
    const double changedOther = firstAfterChange(many, engineN, clock, random, false);
    const double changedSelfN = firstAfterChange(many, engineN, clock, random, true);
    std::printf("first answer after a catalogue change: %.2f ms (1 organisation, its own "
                "change); %d organisations: %.2f ms after another's change (%.2fx), %.2f ms "
                "after its own (%.2fx) (goal <= 2x)\n",
                changedSelf1, n, changedOther, changedOther / changedSelf1, changedSelfN,
                changedSelfN / changedSelf1);

    double cold1 = 0, coldN = 0;
    const double rate1 = randomRate(one, clock, seconds, random, &cold1);
    const double rateN = randomRate(many, clock, seconds, random, &coldN);
    std::printf("créneaux answers (one week, slot engine) at random: %.0f/s over 1 "
                "organisation, %.0f/s over %d: %.2f (goal >= 0.5); first pass over all %d: "
                "%.0f ms\n",
                rate1, rateN, n, rateN / rate1, n, coldN);
    return 0;
}
