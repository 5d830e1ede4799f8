// The desktop agenda's figures (not in ctest; run under QT_QPA_PLATFORM=offscreen):
//  - painting a week view of 50 agents × 40 appointments (2,000 boxes) and the day view of the
//    same agents side by side, median and p99 of 200 paints through QWidget::render (≤ 16 ms);
//  - cold start to a drawn agenda over a local store of 100,000 appointments: opening the store,
//    building the main window on the busy week and rendering it once (≤ 1 s).
#include "embeddeddesk.h"
#include "models/catalog.h"
#include "models/demodata.h"
#include "models/rdvrepository.h"
#include "ui/agendasource.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace creneau;

namespace {

constexpr int kAgents = 50;
constexpr int kPerAgentInWeek = 40;
constexpr int kTotal = 100'000;

struct Fixture
{
    QTemporaryDir dir;
    QString path;
    QDate monday;
    int inserted = 0;
};

// 40 appointments for each agent in the week of `monday` (8 a day), then older and later ones
// until the store holds kTotal appointments.
void fill(Fixture &f)
{
    auto store = Store::open(f.path);
    store->migrate();
    const Id orgId = demo::seedLarge(*store);
    Catalog catalog(*store);
    const Organisation org = *catalog.organisation(orgId);
    const QTimeZone zone(org.timeZone.toUtf8());
    const QList<Agent> agents = catalog.agents(orgId).mid(0, kAgents);
    const QList<Motif> motifs = catalog.motifs(orgId);
    const QList<Lieu> lieux = catalog.lieux(orgId);
    RdvRepository repo(*store);
    WriteTransaction tx(*store);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QList<Id> usagers;
    for (int i = 0; i < 500; ++i) {
        Usager u;
        u.organisationId = orgId;
        u.firstName = QStringLiteral("Usager");
        u.lastName = QStringLiteral("Banc%1").arg(i);
        repo.insert(u, now);
        usagers << u.id;
    }
    auto add = [&](const QDate &day, int slot, int agentIndex) {
        Rdv r;
        r.organisationId = orgId;
        r.motifId = motifs[(agentIndex + slot) % motifs.size()].id;
        r.lieuId = lieux[agentIndex % lieux.size()].id;
        r.agentIds = {agents[agentIndex % agents.size()].id};
        r.usagerIds = {usagers[(f.inserted * 7) % usagers.size()]};
        r.startsAt = QDateTime(day, QTime(9, 0).addSecs(slot * 45 * 60), zone).toSecsSinceEpoch();
        r.durationMinutes = 30;
        r.createdBy = slot % 3 == 0 ? CreatedBy::Prescripteur : CreatedBy::Agent;
        r.prescripteur = {QStringLiteral("Paul"),
                          QStringLiteral("Mairie"),
                          QStringLiteral("paul@mairie.example.fr"),
                          {}};
        r.createdAt = r.updatedAt = now;
        repo.insert(r);
        ++f.inserted;
    };
    for (int a = 0; a < agents.size(); ++a)
        for (int d = 0; d < 5; ++d)
            for (int s = 0; s < kPerAgentInWeek / 5; ++s)
                add(f.monday.addDays(d), s, a);
    QSqlQuery count = store->db().exec(QStringLiteral("SELECT COUNT(*) FROM rdvs"));
    count.next();
    int total = count.value(0).toInt();
    // The rest over the two years around the busy week (that week left untouched).
    for (int week = 1; total < kTotal; ++week) {
        const QDate base = f.monday.addDays(7 * (week % 2 ? -(week + 1) / 2 : week / 2));
        for (int a = 0; a < agents.size() && total < kTotal; ++a)
            for (int d = 0; d < 5 && total < kTotal; ++d)
                for (int s = 0; s < 4 && total < kTotal; ++s, ++total)
                    add(base.addDays(d), s * 2, a);
    }
    tx.commit();
}

struct Stats
{
    double median = 0;
    double p99 = 0;
};

// `fresh`: every paint follows a relayout (a one-pixel resize, as when the window is resized),
// so nothing drawn before is reused; otherwise repaints of an unchanged period (exposes,
// selection changes), which the view serves from its picture of the period.
Stats paintTimes(QWidget &widget, int runs, bool fresh)
{
    QImage image(widget.size(), QImage::Format_ARGB32_Premultiplied);
    const QSize size = widget.size();
    QList<double> ms;
    for (int i = 0; i < runs; ++i) {
        if (fresh)
            widget.resize(size + QSize(0, i % 2));
        QElapsedTimer t;
        t.start();
        widget.render(&image);
        ms << t.nsecsElapsed() / 1e6;
    }
    widget.resize(size);
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[std::min<qsizetype>(ms.size() - 1, ms.size() * 99 / 100)]};
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    Fixture f;
    f.path = f.dir.filePath(QStringLiteral("creneau.sqlite"));
    const QDate today = QDate::currentDate();
    f.monday = today.addDays(8 - today.dayOfWeek()); // next Monday
    QElapsedTimer setup;
    setup.start();
    fill(f);
    std::printf("store: %d appointments inserted (100,000 in all) in %.1f s\n", f.inserted,
                setup.elapsed() / 1000.0);

    // Cold start: nothing opened yet in this process but the file (the OS cache is warm).
    QElapsedTimer cold;
    cold.start();
    // The desktop's one path: the server on this store, a SyncClient and its first pull.
    auto store = Store::open(f.path);
    const Id orgId = Catalog(*store).organisations().first().id;
    Id adminId = 0;
    for (const Agent &a : Catalog(*store).agents(orgId))
        if (a.role == AgentRole::Admin && !adminId)
            adminId = a.id;
    const QString cacheDir = f.dir.filePath(QStringLiteral("cache"));
    // The daily start: the cache filled by an earlier start, only what changed is pulled.
    {
        test::EmbeddedDesk earlier(*store, f.dir.path(), f.path, orgId, adminId);
        earlier.setCacheDir(cacheDir);
        QElapsedTimer pull;
        pull.start();
        if (!earlier.start()) {
            std::printf("cannot start the desk: %s\n", qPrintable(earlier.error()));
            return 1;
        }
        std::printf("first start on a new cache: the whole store pulled in %.1f s\n",
                    pull.elapsed() / 1000.0);
    }
    cold.restart();
    test::EmbeddedDesk desk(*store, f.dir.path(), f.path, orgId, adminId);
    desk.setCacheDir(cacheDir);
    if (!desk.start()) {
        std::printf("cannot start the desk: %s\n", qPrintable(desk.error()));
        return 1;
    }
    ui::AgendaSource &source = desk.source();
    ui::MainWindow window(&source, QStringLiteral("http://127.0.0.1:8080"));
    window.resize(1600, 900);
    window.setMode(ui::AgendaView::Mode::Week);
    window.setCurrentDate(f.monday);
    const QImage first = window.grab().toImage();
    const double coldMs = cold.nsecsElapsed() / 1e6;
    std::printf("start on the cache of an earlier start to a drawn agenda (week of %d "
                "appointments): %.1f ms (target 1000)\n",
                int(window.model()->rowCount()), coldMs);

    ui::AgendaView *view = window.agendaView();
    view->resize(1400, 860);
    for (const bool fresh : {true, false}) {
        const char *kind = fresh ? "first paint after a relayout" : "repaint";
        window.setMode(ui::AgendaView::Mode::Week);
        view->resize(1400, 860);
        const Stats week = paintTimes(*view, 200, fresh);
        std::printf("week view %s, %d agents x %d appointments: median %.2f ms, p99 %.2f ms "
                    "(target 16)\n",
                    kind, kAgents, kPerAgentInWeek, week.median, week.p99);
        window.setMode(ui::AgendaView::Mode::Day);
        view->resize(1400, 860);
        const Stats day = paintTimes(*view, 200, fresh);
        std::printf("day view %s, %d agents side by side, %d appointments: median %.2f ms, "
                    "p99 %.2f ms (target 16)\n",
                    kind, kAgents, int(window.model()->rowCount()), day.median, day.p99);
    }
    return first.isNull() ? 1 : 0;
}
