#include "availability.h"

#include "catalog.h"

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

qint64 Availability::catalogueSeq() const
{
    return sql::scalar(m_store.db(),
                       QStringLiteral("SELECT MAX(s) FROM ("
                                      "SELECT MAX(seq) AS s FROM organisations UNION ALL "
                                      "SELECT MAX(seq) FROM agents UNION ALL "
                                      "SELECT MAX(seq) FROM lieux UNION ALL "
                                      "SELECT MAX(seq) FROM motifs UNION ALL "
                                      "SELECT MAX(seq) FROM plages_ouverture UNION ALL "
                                      "SELECT MAX(seq) FROM absences) AS t"))
        .toLongLong();
}

void Availability::refresh()
{
    const qint64 seq = m_store.currentSeq();
    if (seq == m_seq)
        return;
    const qint64 catalogue = catalogueSeq();
    if (catalogue != m_catalogueSeq) {
        loadCatalogue();
        m_catalogueSeq = catalogue;
    }
    applyRdvChanges(m_seq);
    m_seq = seq;
}

void Availability::loadCatalogue()
{
    Catalog catalog(m_store);
    m_organisations.clear();
    m_zones.clear();
    m_utcOfLocal.clear();
    m_offsets.clear();
    m_motifs.clear();
    m_lieux.clear();
    m_agents.clear();
    m_plages.clear();
    m_absencesByAgent.clear();
    for (const Organisation &o : catalog.organisations()) {
        m_organisations.insert(o.id, o);
        QTimeZone zone(o.timeZone.toUtf8());
        m_zones.insert(o.id, zone.isValid() ? zone : QTimeZone("Europe/Paris"));
        for (const Motif &m : catalog.motifs(o.id))
            m_motifs.insert(m.id, m);
        for (const Lieu &l : catalog.lieux(o.id))
            m_lieux.insert(l.id, l);
        for (const Agent &a : catalog.agents(o.id))
            m_agents.insert(a.id, a);
        for (const PlageOuverture &p : catalog.plages(o.id)) {
            if (!p.archived) {
                Plage loaded;
                loaded.plage = p;
                loaded.rule = RecurrenceRule::parse(p.rrule);
                m_plages.push_back(std::move(loaded));
            }
        }
        for (const Absence &a : catalog.absences(o.id))
            m_absencesByAgent[a.agentId] << a;
    }
}

void Availability::applyRdvChanges(qint64 sinceSeq)
{
    QSqlQuery r = sql::run(m_store.db(),
                           QStringLiteral("SELECT r.id, r.starts_at, r.ends_at, r.status, "
                                          "ra.agent_id FROM rdvs r "
                                          "LEFT JOIN rdv_agents ra ON ra.rdv_id = r.id "
                                          "WHERE r.seq > ? ORDER BY r.id"),
                           {sinceSeq});
    QHash<Id, BusyRdv> changed;
    QSet<Id> cancelled;
    while (r.next()) {
        const Id id = r.value(0).toLongLong();
        if (r.value(3).toString() == QLatin1String("revoked")) {
            cancelled.insert(id);
            continue;
        }
        BusyRdv &b = changed[id];
        b.when = {r.value(1).toLongLong(), r.value(2).toLongLong(), id};
        if (!r.value(4).isNull())
            b.agents << r.value(4).toLongLong();
    }
    auto forget = [this](Id id) {
        const auto it = m_busyRdvs.constFind(id);
        if (it == m_busyRdvs.cend())
            return;
        for (Id agent : it->agents) {
            m_rdvsByAgent[agent].remove(id);
            m_sortedRdvs.remove(agent);
        }
        m_busyRdvs.erase(it);
    };
    for (Id id : cancelled)
        forget(id);
    for (auto it = changed.cbegin(); it != changed.cend(); ++it) {
        forget(it.key());
        m_busyRdvs.insert(it.key(), it.value());
        for (Id agent : it->agents) {
            m_rdvsByAgent[agent].insert(it.key());
            m_sortedRdvs.remove(agent);
        }
    }
}

const Organisation *Availability::organisation(Id id) const
{
    const auto it = m_organisations.constFind(id);
    return it == m_organisations.cend() ? nullptr : &*it;
}

const Motif *Availability::motif(Id id) const
{
    const auto it = m_motifs.constFind(id);
    return it == m_motifs.cend() ? nullptr : &*it;
}

const Lieu *Availability::lieu(Id id) const
{
    const auto it = m_lieux.constFind(id);
    return it == m_lieux.cend() ? nullptr : &*it;
}

const Agent *Availability::agent(Id id) const
{
    const auto it = m_agents.constFind(id);
    return it == m_agents.cend() ? nullptr : &*it;
}

QList<const Availability::Plage *> Availability::plagesOffering(Id motifId) const
{
    QList<const Plage *> out;
    for (const Plage &p : m_plages) {
        if (p.plage.motifIds.contains(motifId))
            out << &p;
    }
    return out;
}

QTimeZone Availability::timeZone(Id organisationId) const
{
    return m_zones.value(organisationId, QTimeZone("Europe/Paris"));
}

qint64 Availability::toUtc(Id organisationId, const QDate &day, const QTime &time) const
{
    const QPair<Id, qint64> key(organisationId,
                                day.toJulianDay() * 1440 + time.msecsSinceStartOfDay() / 60000);
    const auto it = m_utcOfLocal.constFind(key);
    if (it != m_utcOfLocal.cend())
        return *it;
    const qint64 utc = QDateTime(day, time, timeZone(organisationId)).toSecsSinceEpoch();
    if (m_utcOfLocal.size() > 200000)
        m_utcOfLocal.clear();
    m_offsets.clear();
    m_utcOfLocal.insert(key, utc);
    return utc;
}

QDate Availability::localDate(Id organisationId, qint64 utc) const
{
    auto table = m_offsets.find(organisationId);
    if (table == m_offsets.end()) {
        // Asking the zone (ICU on Debian) costs tens of microseconds; a table lookup does not.
        const QTimeZone zone = timeZone(organisationId);
        std::vector<std::pair<qint64, int>> offsets;
        const QDateTime from(QDate(1970, 1, 1), QTime(0, 0), Qt::UTC);
        offsets.emplace_back(std::numeric_limits<qint64>::min(), zone.offsetFromUtc(from));
        for (const QTimeZone::OffsetData &t :
             zone.transitions(from, QDateTime(QDate(2100, 1, 1), QTime(0, 0), Qt::UTC)))
            offsets.emplace_back(t.atUtc.toSecsSinceEpoch(), t.offsetFromUtc);
        table = m_offsets.insert(organisationId, std::move(offsets));
    }
    const auto it =
        std::upper_bound(table->begin(), table->end(), utc,
                         [](qint64 v, const std::pair<qint64, int> &e) { return v < e.first; });
    const int offset = std::prev(it)->second;
    return QDate(1970, 1, 1).addDays((utc + offset) / 86400 - ((utc + offset) % 86400 < 0 ? 1 : 0));
}

BusyTimes Availability::busyTimes(Id agentId, qint64 from, qint64 to, Id ignoredRdv) const
{
    auto sorted = m_sortedRdvs.find(agentId);
    if (sorted == m_sortedRdvs.end()) {
        std::vector<Interval> all;
        for (Id rdv : m_rdvsByAgent.value(agentId))
            all.push_back(m_busyRdvs.value(rdv).when);
        std::sort(all.begin(), all.end(),
                  [](const Interval &a, const Interval &b) { return a.start < b.start; });
        sorted = m_sortedRdvs.insert(agentId, std::move(all));
    }
    std::vector<Interval> busy;
    for (const Interval &i : *sorted) {
        if (i.start >= to)
            break;
        if (i.end > from && (ignoredRdv == 0 || i.rdv != ignoredRdv))
            busy.push_back(i);
    }
    const auto absences = m_absencesByAgent.constFind(agentId);
    if (absences != m_absencesByAgent.cend()) {
        for (const Absence &a : *absences) {
            if (a.rrule.isEmpty()) {
                if (a.startsAt < to && a.endsAt > from)
                    busy.push_back({a.startsAt, a.endsAt});
                continue;
            }
            // A recurring absence repeats its wall-clock start and end in the organisation's zone.
            const QTimeZone zone = timeZone(a.organisationId);
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
    BusyTimes times;
    times.assign(std::move(busy));
    return times;
}

int Availability::appointmentCount(Id agentId, qint64 from, qint64 to) const
{
    int n = 0;
    for (Id rdv : m_rdvsByAgent.value(agentId)) {
        const qint64 s = m_busyRdvs.value(rdv).when.start;
        if (s >= from && s < to)
            ++n;
    }
    return n;
}

} // namespace creneau
