#include "models/slotengine.h"

#include <QElapsedTimer>

#include <algorithm>
#include <tuple>

namespace creneau {

namespace {

struct Tile
{
    qint64 start;
    Id lieu;
    Id agent;
    bool operator<(const Tile &o) const
    {
        return std::tie(start, lieu, agent) < std::tie(o.start, o.lieu, o.agent);
    }
};

// Rows stored before the two-year bound existed may hold more: the bound holds whatever is stored.
qint64 maxDelaySeconds(const Motif &motif)
{
    return qint64(std::min(motif.maxDelayMinutes, kMaxBookingHorizonMinutes)) * 60;
}

} // namespace

QList<Creneau> SlotEngine::creneaux(const SlotQuery &query)
{
    m_availability.refresh();
    QList<Creneau> out;
    const Motif *motif = m_availability.motif(query.motifId);
    if (!motif || motif->archived || !query.from.isValid() || !query.to.isValid())
        return out;
    const qint64 duration = qint64(motif->durationMinutes) * 60;
    const qint64 now = query.now.toSecsSinceEpoch();
    qint64 earliest = std::numeric_limits<qint64>::min();
    qint64 latest = std::numeric_limits<qint64>::max();
    QDate from = query.from;
    QDate to = query.to;
    if (!query.ignoreDelays) {
        earliest = now + qint64(motif->minDelayMinutes) * 60;
        latest = now + maxDelaySeconds(*motif);
        from = std::max(from, m_availability.localDate(motif->organisationId, earliest));
        to = std::min(to, m_availability.localDate(motif->organisationId, latest));
    }
    if (to < from)
        return out;
    const qint64 windowStart = m_availability.toUtc(motif->organisationId, from, QTime(0, 0));
    const qint64 windowEnd =
        m_availability.toUtc(motif->organisationId, to.addDays(1), QTime(0, 0));

    std::vector<Tile> tiles;
    QHash<Id, BusyTimes> busyByAgent;
    for (const Availability::Plage *p : m_availability.plagesOffering(motif->id)) {
        const PlageOuverture &plage = p->plage;
        if (query.lieuId && plage.lieuId != query.lieuId)
            continue;
        const Lieu *lieu = m_availability.lieu(plage.lieuId);
        const Agent *agent = m_availability.agent(plage.agentId);
        if (!lieu || lieu->archived || !agent || agent->archived)
            continue;
        auto busy = busyByAgent.find(plage.agentId);
        if (busy == busyByAgent.end())
            busy = busyByAgent.insert(
                plage.agentId, m_availability.busyTimes(plage.agentId, windowStart, windowEnd));
        for (const QDate &day : p->days(from, to)) {
            const qint64 rangeStart =
                m_availability.toUtc(motif->organisationId, day, plage.startTime);
            const qint64 rangeEnd = m_availability.toUtc(motif->organisationId, day, plage.endTime);
            for (qint64 t = rangeStart; t + duration <= rangeEnd; t += duration) {
                if (t < earliest || t > latest || busy->overlaps(t, t + duration))
                    continue;
                tiles.push_back({t, plage.lieuId, plage.agentId});
            }
        }
    }
    std::sort(tiles.begin(), tiles.end());
    for (const Tile &tile : tiles) {
        if (!out.isEmpty() && out.last().startsAt == tile.start && out.last().lieuId == tile.lieu) {
            if (out.last().agentIds.last() != tile.agent) // overlapping ranges of one agent
                out.last().agentIds << tile.agent;
            continue;
        }
        out.append(Creneau{tile.start, tile.start + duration, tile.lieu, {tile.agent}});
    }
    return out;
}

std::optional<QDate> SlotEngine::nextAvailableDay(const SlotQuery &query,
                                                  std::chrono::milliseconds budget)
{
    m_availability.refresh();
    const Motif *motif = m_availability.motif(query.motifId);
    if (!motif || motif->archived || m_availability.plagesOffering(motif->id).isEmpty())
        return std::nullopt;
    const QTimeZone zone = m_availability.timeZone(motif->organisationId);
    const QDate last = query.now.addSecs(maxDelaySeconds(*motif)).toTimeZone(zone).date();
    QElapsedTimer elapsed;
    elapsed.start();
    // Week by week: one query per week keeps the cost of a far-away first créneau bounded, and
    // the budget bounds the whole scan on a busy agenda (no answer is better than a stalled loop).
    for (QDate start = query.from; start <= last; start = start.addDays(7)) {
        SlotQuery week = query;
        week.from = start;
        week.to = std::min(start.addDays(6), last);
        const QList<Creneau> found = creneaux(week);
        if (!found.isEmpty())
            return QDateTime::fromSecsSinceEpoch(found.first().startsAt, zone).date();
        if (elapsed.elapsed() > budget.count())
            break;
    }
    return std::nullopt;
}

Id SlotEngine::chooseAgent(const Creneau &creneau)
{
    m_availability.refresh();
    Id best = 0;
    int bestLoad = std::numeric_limits<int>::max();
    for (Id agent : creneau.agentIds) {
        const Agent *a = m_availability.agent(agent);
        if (!a)
            continue;
        const Id org = a->organisationId;
        const QDate day = m_availability.localDate(org, creneau.startsAt);
        const int load =
            m_availability.appointmentCount(agent, m_availability.toUtc(org, day, QTime(0, 0)),
                                            m_availability.toUtc(org, day.addDays(1), QTime(0, 0)));
        if (load < bestLoad || (load == bestLoad && agent < best)) {
            best = agent;
            bestLoad = load;
        }
    }
    return best;
}

bool SlotEngine::isAgentFree(Id agentId, qint64 start, qint64 end, Id ignoredRdv)
{
    m_availability.refresh();
    return !m_availability.busyTimes(agentId, start, end, ignoredRdv).overlaps(start, end);
}

} // namespace creneau
