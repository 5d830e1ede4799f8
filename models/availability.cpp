#include "models/availability.h"

#include "models/catalog.h"

#include <algorithm>

namespace creneau {

void BusyTimes::assign(std::vector<Interval> intervals)
{
    std::sort(intervals.begin(), intervals.end(),
              [](const Interval &a, const Interval &b) { return a.start < b.start; });
    m_intervals = std::move(intervals);
    m_maxEnd.resize(m_intervals.size());
    qint64 running = std::numeric_limits<qint64>::min();
    for (std::size_t i = 0; i < m_intervals.size(); ++i) {
        running = std::max(running, m_intervals[i].end);
        m_maxEnd[i] = running;
    }
}

bool BusyTimes::overlaps(qint64 start, qint64 end) const
{
    // Intervals starting before `end` are a prefix; one of them overlaps iff its end is after
    // start.
    const auto it = std::lower_bound(m_intervals.begin(), m_intervals.end(), end,
                                     [](const Interval &i, qint64 v) { return i.start < v; });
    const std::size_t n = std::size_t(it - m_intervals.begin());
    return n > 0 && m_maxEnd[n - 1] > start;
}

QList<QDate> Availability::Plage::days(const QDate &from, const QDate &to) const
{
    if (!m_cachedFrom.isValid() || from < m_cachedFrom || to > m_cachedTo) {
        // Widen to whole quarters so that week-by-week browsing reuses one expansion.
        const QDate start = m_cachedFrom.isValid() ? std::min(from, m_cachedFrom) : from;
        const QDate end = std::max(to, m_cachedTo.isValid() ? m_cachedTo : to).addDays(90);
        m_cachedDays = rule.dates(plage.firstDay, start, end, plage.exceptionDates);
        m_cachedFrom = start;
        m_cachedTo = end;
    }
    QList<QDate> out;
    const auto first = std::lower_bound(m_cachedDays.cbegin(), m_cachedDays.cend(), from);
    for (auto it = first; it != m_cachedDays.cend() && *it <= to; ++it)
        out << *it;
    return out;
}

void Availability::refresh()
{
    ++m_refreshes;
}

bool Availability::catchUp(Tenant &t) const
{
    if (t.checked == m_refreshes)
        return true;
    t.checked = m_refreshes;
    const Id org = t.organisation.id;
    const qint64 seq = m_store.currentSeq(org);
    if (seq == t.seq)
        return true;
    // Catalogue rows written since: the organisation reloads (when asked, just after).
    const QVariant changed = sql::scalar(
        m_store.db(),
        QStringLiteral("SELECT 1 FROM organisations WHERE id = ? AND seq > ? UNION ALL "
                       "SELECT 1 FROM agents WHERE organisation_id = ? AND seq > ? UNION ALL "
                       "SELECT 1 FROM lieux WHERE organisation_id = ? AND seq > ? UNION ALL "
                       "SELECT 1 FROM motifs WHERE organisation_id = ? AND seq > ? UNION ALL "
                       "SELECT 1 FROM plages_ouverture WHERE organisation_id = ? AND seq > ? "
                       "UNION ALL "
                       "SELECT 1 FROM absences WHERE organisation_id = ? AND seq > ? UNION ALL "
                       "SELECT 1 FROM collective_sessions WHERE organisation_id = ? AND seq > ? "
                       "LIMIT 1"),
        {org, t.seq, org, t.seq, org, t.seq, org, t.seq, org, t.seq, org, t.seq, org, t.seq});
    if (changed.isValid()) {
        forgetTenant(org);
        return false;
    }
    applyRdvChanges(t, t.seq);
    t.seq = seq;
    return true;
}

void Availability::clear()
{
    m_orgs.clear();
    m_motifOrg.clear();
    m_lieuOrg.clear();
    m_agentOrg.clear();
    ++m_refreshes;
}

void Availability::forgetTenant(Id organisationId) const
{
    const auto it = m_orgs.find(organisationId);
    if (it == m_orgs.end())
        return;
    const Tenant &t = *it->second;
    for (auto m = t.motifs.cbegin(); m != t.motifs.cend(); ++m)
        m_motifOrg.remove(m.key());
    for (auto l = t.lieux.cbegin(); l != t.lieux.cend(); ++l)
        m_lieuOrg.remove(l.key());
    for (auto a = t.agents.cbegin(); a != t.agents.cend(); ++a)
        m_agentOrg.remove(a.key());
    m_orgs.erase(it);
}

Availability::Tenant *Availability::tenant(Id organisationId) const
{
    if (Tenant *t = caughtUp(organisationId))
        return t;
    if (organisationId <= 0)
        return nullptr;
    // Read before the load: what is written meanwhile is applied again at the next look.
    const qint64 seq = m_store.currentSeq(organisationId);
    std::unique_ptr<Tenant> loaded = load(organisationId);
    if (!loaded)
        return nullptr;
    loaded->seq = seq;
    loaded->checked = m_refreshes;
    Tenant *t = loaded.get();
    for (auto m = t->motifs.cbegin(); m != t->motifs.cend(); ++m)
        m_motifOrg.insert(m.key(), organisationId);
    for (auto l = t->lieux.cbegin(); l != t->lieux.cend(); ++l)
        m_lieuOrg.insert(l.key(), organisationId);
    for (auto a = t->agents.cbegin(); a != t->agents.cend(); ++a)
        m_agentOrg.insert(a.key(), organisationId);
    m_orgs.emplace(organisationId, std::move(loaded));
    return t;
}

Availability::Tenant *Availability::owner(Kind kind, Id id) const
{
    const QHash<Id, Id> &index = kind == Kind::Motif  ? m_motifOrg
                                 : kind == Kind::Lieu ? m_lieuOrg
                                                      : m_agentOrg;
    const auto it = index.constFind(id);
    if (it != index.cend())
        return tenant(*it);
    if (id <= 0)
        return nullptr;
    const QString table = kind == Kind::Motif  ? QStringLiteral("motifs")
                          : kind == Kind::Lieu ? QStringLiteral("lieux")
                                               : QStringLiteral("agents");
    const QVariant org = sql::scalar(m_store.db(),
                                     QStringLiteral("SELECT organisation_id FROM ") + table +
                                         QStringLiteral(" WHERE id = ?"),
                                     {id});
    if (!org.isValid())
        return nullptr;
    Tenant *t = tenant(org.toLongLong());
    // Loaded already yet without this row: it was written after the load, and the next refresh
    // reloads the organisation.
    return t && index.contains(id) ? t : nullptr;
}

std::unique_ptr<Availability::Tenant> Availability::load(Id organisationId) const
{
    Catalog catalog(m_store);
    // No snapshot needed: the sequence was read before, so the next look applies again whatever
    // is written while this runs.
    const std::optional<Organisation> org = catalog.organisation(organisationId);
    if (!org)
        return nullptr;
    auto t = std::make_unique<Tenant>();
    t->organisation = *org;
    t->zone = org->zone();
    std::unique_ptr<ZoneMemo> &memo = m_zoneMemos[t->zone.id().toStdString()];
    if (!memo) {
        memo = std::make_unique<ZoneMemo>();
        memo->zone = t->zone;
    }
    t->zoneMemo = memo.get();
    t->version = ++m_nextVersion;
    for (const Motif &m : catalog.motifs(organisationId))
        t->motifs.insert(m.id, m);
    for (const Lieu &l : catalog.lieux(organisationId))
        t->lieux.insert(l.id, l);
    for (const Agent &a : catalog.agents(organisationId))
        t->agents.insert(a.id, a);
    for (const PlageOuverture &p : catalog.plages(organisationId)) {
        if (p.archived)
            continue;
        Plage loaded;
        loaded.plage = p;
        loaded.rule = RecurrenceRule::parse(p.rrule);
        for (Id motif : p.motifIds)
            t->plagesByMotif[motif] << int(t->plages.size());
        t->plages.push_back(std::move(loaded));
    }
    for (const Absence &a : catalog.absences(organisationId))
        t->absencesByAgent[a.agentId] << a;
    sql::Rows r(m_store.db(),
                QStringLiteral("SELECT r.id, r.starts_at, r.ends_at, ra.agent_id "
                               "FROM rdvs r LEFT JOIN rdv_agents ra ON ra.rdv_id = r.id "
                               "WHERE r.organisation_id = ? AND r.status <> 'revoked'"),
                {organisationId});
    while (r.next()) {
        const Id id = r.value(0).toLongLong();
        BusyRdv &b = t->busyRdvs[id];
        b.when = {r.value(1).toLongLong(), r.value(2).toLongLong(), id};
        if (!r.value(3).isNull()) {
            const Id agent = r.value(3).toLongLong();
            b.agents << agent;
            t->rdvsByAgent[agent].insert(id);
        }
    }
    return t;
}

void Availability::applyRdv(Tenant &t, Id id, const BusyRdv *busy)
{
    const auto it = t.busyRdvs.constFind(id);
    if (it != t.busyRdvs.cend()) {
        for (Id agent : it->agents) {
            t.rdvsByAgent[agent].remove(id);
            t.sortedRdvs.remove(agent);
        }
        t.busyRdvs.erase(it);
    }
    if (!busy)
        return;
    t.busyRdvs.insert(id, *busy);
    for (Id agent : busy->agents) {
        t.rdvsByAgent[agent].insert(id);
        t.sortedRdvs.remove(agent);
    }
}

void Availability::applyRdvChanges(Tenant &t, qint64 sinceSeq) const
{
    // Two index lookups rather than a join: without statistics (a store just filled in bulk)
    // PostgreSQL planned rdvs ⋈ rdv_agents as a hash join over every rdv_agents row, 12 ms per
    // booking under the organisation's lock instead of 0.02 ms.
    sql::Rows r(m_store.db(),
                QStringLiteral("SELECT id, starts_at, ends_at, status FROM rdvs "
                               "WHERE organisation_id = ? AND seq > ?"),
                {t.organisation.id, sinceSeq});
    struct Change
    {
        bool revoked = false;
        BusyRdv busy;
    };
    QHash<Id, Change> changed;
    QStringList ids;
    while (r.next()) {
        const Id id = r.value(0).toLongLong();
        Change &c = changed[id];
        c.revoked = r.value(3).toString() == QLatin1String("revoked");
        c.busy.when = {r.value(1).toLongLong(), r.value(2).toLongLong(), id};
        ids << QString::number(id);
    }
    if (ids.size() == 1) { // after a booking: a statement kept prepared
        const Id id = changed.cbegin().key();
        sql::Rows a(m_store.db(),
                    QStringLiteral("SELECT agent_id FROM rdv_agents WHERE rdv_id = ?"), {id});
        while (a.next())
            changed[id].busy.agents << a.value(0).toLongLong();
    }
    constexpr qsizetype kIdsPerQuery = 500; // a long catch-up stays a few short statements
    for (qsizetype from = 0; ids.size() > 1 && from < ids.size(); from += kIdsPerQuery) {
        QSqlQuery a =
            sql::run(m_store.db(), QStringLiteral("SELECT rdv_id, agent_id FROM rdv_agents "
                                                  "WHERE rdv_id IN (") +
                                       ids.mid(from, kIdsPerQuery).join(QLatin1Char(',')) +
                                       QLatin1Char(')'));
        while (a.next())
            changed[a.value(0).toLongLong()].busy.agents << a.value(1).toLongLong();
    }
    for (auto it = changed.cbegin(); it != changed.cend(); ++it)
        applyRdv(t, it.key(), it->revoked ? nullptr : &it->busy);
    // Answer caches key on the version: it moves only when busy times did (a usager's new phone
    // number leaves the organisation's créneaux as they were).
    if (!changed.isEmpty())
        t.version = ++m_nextVersion;
}

qint64 Availability::version(Id organisationId) const
{
    // Caught up first: a cached answer is checked against the organisation as it is now (-1
    // when its catalogue changed: it loads again when next asked about).
    const Tenant *t = caughtUp(organisationId);
    return t ? t->version : -1;
}

qint64 Availability::stamp(Id organisationId) const
{
    const Tenant *t = caughtUp(organisationId);
    return t ? t->seq : -1;
}

Availability::Tenant *Availability::caughtUp(Id organisationId) const
{
    const auto it = m_orgs.find(organisationId);
    return it != m_orgs.end() && catchUp(*it->second) ? it->second.get() : nullptr;
}

const Organisation *Availability::organisation(Id id) const
{
    const Tenant *t = tenant(id);
    return t ? &t->organisation : nullptr;
}

const Motif *Availability::motif(Id id) const
{
    const Tenant *t = owner(Kind::Motif, id);
    if (!t)
        return nullptr;
    const auto it = t->motifs.constFind(id);
    return it == t->motifs.cend() ? nullptr : &*it;
}

const Lieu *Availability::lieu(Id id) const
{
    const Tenant *t = owner(Kind::Lieu, id);
    if (!t)
        return nullptr;
    const auto it = t->lieux.constFind(id);
    return it == t->lieux.cend() ? nullptr : &*it;
}

const Agent *Availability::agent(Id id) const
{
    const Tenant *t = owner(Kind::Agent, id);
    if (!t)
        return nullptr;
    const auto it = t->agents.constFind(id);
    return it == t->agents.cend() ? nullptr : &*it;
}

QList<const Availability::Plage *> Availability::plagesOffering(Id motifId) const
{
    QList<const Plage *> out;
    const Tenant *t = owner(Kind::Motif, motifId);
    if (!t)
        return out;
    for (int i : t->plagesByMotif.value(motifId))
        out << &t->plages[std::size_t(i)];
    return out;
}

QTimeZone Availability::timeZone(Id organisationId) const
{
    const Tenant *t = tenant(organisationId);
    return t ? t->zone : Organisation().zone();
}

Availability::ZoneMemo &Availability::zoneMemo(Id organisationId) const
{
    if (const Tenant *t = tenant(organisationId))
        return *t->zoneMemo;
    std::unique_ptr<ZoneMemo> &memo = m_zoneMemos[kDefaultTimeZone];
    if (!memo) {
        memo = std::make_unique<ZoneMemo>();
        memo->zone = Organisation().zone();
    }
    return *memo;
}

qint64 Availability::toUtc(Id organisationId, const QDate &day, const QTime &time) const
{
    ZoneMemo &memo = zoneMemo(organisationId);
    const qint64 key = day.toJulianDay() * 1440 + time.msecsSinceStartOfDay() / 60000;
    const auto it = memo.utcOfLocal.constFind(key);
    if (it != memo.utcOfLocal.cend())
        return *it;
    const qint64 utc = QDateTime(day, time, memo.zone).toSecsSinceEpoch();
    if (memo.utcOfLocal.size() > 200000)
        memo.utcOfLocal.clear();
    memo.utcOfLocal.insert(key, utc);
    return utc;
}

QDate Availability::localDate(Id organisationId, qint64 utc) const
{
    std::vector<std::pair<qint64, int>> &table = zoneMemo(organisationId).offsets;
    if (table.empty()) {
        // Asking the zone (ICU on Debian) costs tens of microseconds; a table lookup does not.
        const QTimeZone &zone = zoneMemo(organisationId).zone;
        const QDateTime from(QDate(1970, 1, 1), QTime(0, 0), Qt::UTC);
        table.emplace_back(std::numeric_limits<qint64>::min(), zone.offsetFromUtc(from));
        for (const QTimeZone::OffsetData &tr :
             zone.transitions(from, QDateTime(QDate(2100, 1, 1), QTime(0, 0), Qt::UTC)))
            table.emplace_back(tr.atUtc.toSecsSinceEpoch(), tr.offsetFromUtc);
    }
    const auto it =
        std::upper_bound(table.begin(), table.end(), utc,
                         [](qint64 v, const std::pair<qint64, int> &e) { return v < e.first; });
    const int offset = std::prev(it)->second;
    return QDate(1970, 1, 1).addDays((utc + offset) / 86400 - ((utc + offset) % 86400 < 0 ? 1 : 0));
}

BusyTimes Availability::busyTimes(Id agentId, qint64 from, qint64 to, Id ignoredRdv) const
{
    BusyTimes times;
    const Tenant *t = owner(Kind::Agent, agentId);
    if (!t)
        return times;
    auto sorted = t->sortedRdvs.find(agentId);
    if (sorted == t->sortedRdvs.end()) {
        std::vector<Interval> all;
        for (Id rdv : t->rdvsByAgent.value(agentId))
            all.push_back(t->busyRdvs.value(rdv).when);
        std::sort(all.begin(), all.end(),
                  [](const Interval &a, const Interval &b) { return a.start < b.start; });
        sorted = t->sortedRdvs.insert(agentId, std::move(all));
    }
    std::vector<Interval> busy;
    for (const Interval &i : *sorted) {
        if (i.start >= to)
            break;
        if (i.end > from && (ignoredRdv == 0 || i.rdv != ignoredRdv))
            busy.push_back(i);
    }
    const auto absences = t->absencesByAgent.constFind(agentId);
    if (absences != t->absencesByAgent.cend()) {
        for (const Absence &a : *absences) {
            if (a.rrule.isEmpty()) {
                if (a.startsAt < to && a.endsAt > from)
                    busy.push_back({a.startsAt, a.endsAt});
                continue;
            }
            // A recurring absence repeats its wall-clock start and end in the organisation's zone.
            const QTimeZone &zone = t->zone;
            const QDateTime start = QDateTime::fromSecsSinceEpoch(a.startsAt, zone);
            const QDateTime end = QDateTime::fromSecsSinceEpoch(a.endsAt, zone);
            const qint64 spanDays = start.date().daysTo(end.date());
            const QDate fromDay =
                QDateTime::fromSecsSinceEpoch(from, zone).date().addDays(-spanDays);
            const QDate toDay = QDateTime::fromSecsSinceEpoch(to, zone).date();
            const RecurrenceRule rule = RecurrenceRule::parse(a.rrule);
            for (const QDate &d : rule.dates(start.date(), fromDay, toDay)) {
                const qint64 s = QDateTime(d, start.time(), zone).toSecsSinceEpoch();
                const qint64 e =
                    QDateTime(d.addDays(spanDays), end.time(), zone).toSecsSinceEpoch();
                if (s < to && e > from)
                    busy.push_back({s, e});
            }
        }
    }
    times.assign(std::move(busy));
    return times;
}

int Availability::appointmentCount(Id agentId, qint64 from, qint64 to) const
{
    const Tenant *t = owner(Kind::Agent, agentId);
    if (!t)
        return 0;
    int n = 0;
    for (Id rdv : t->rdvsByAgent.value(agentId)) {
        const qint64 s = t->busyRdvs.value(rdv).when.start;
        if (s >= from && s < to)
            ++n;
    }
    return n;
}

} // namespace creneau
