// An in-memory picture of what the slot engine reads (opening ranges, absences, the busy times of
// agents), kept in step with the database through the change sequence: a refresh reads only the
// appointments written since the last one, and the catalogue only when it changed.
#pragma once

#include "domain.h"
#include "recurrence.h"
#include "store.h"

#include <QHash>
#include <QSet>
#include <QTimeZone>

#include <vector>

namespace creneau {

struct Interval
{
    qint64 start = 0;
    qint64 end = 0;
    Id rdv = 0; // the appointment behind it, if any
};

// Sorted busy intervals with the running maximum of their ends, for O(log n) overlap tests.
class BusyTimes
{
public:
    void assign(std::vector<Interval> intervals);
    bool overlaps(qint64 start, qint64 end) const;
    bool isEmpty() const { return m_intervals.empty(); }

private:
    std::vector<Interval> m_intervals;
    std::vector<qint64> m_maxEnd;
};

class Availability
{
public:
    struct Plage
    {
        PlageOuverture plage;
        RecurrenceRule rule;
        // The days on which it opens in [from, to]. Expanded once per window and kept: libical
        // (built with ICU) costs far more per call than a lookup.
        QList<QDate> days(const QDate &from, const QDate &to) const;

        mutable QDate m_cachedFrom;
        mutable QDate m_cachedTo;
        mutable QList<QDate> m_cachedDays;
    };

    explicit Availability(Store &store) : m_store(store) {}

    // Brings the picture up to the database's current sequence. Cheap when nothing changed.
    void refresh();

    const Organisation *organisation(Id id) const;
    const Motif *motif(Id id) const;
    const Lieu *lieu(Id id) const;
    const Agent *agent(Id id) const;
    QList<const Plage *> plagesOffering(Id motifId) const;
    // An agent's appointments and absences overlapping [from, to), as one sorted set.
    BusyTimes busyTimes(Id agentId, qint64 from, qint64 to, Id ignoredRdv = 0) const;
    // Non-cancelled appointments of an agent starting in [from, to).
    int appointmentCount(Id agentId, qint64 from, qint64 to) const;
    QTimeZone timeZone(Id organisationId) const;
    // The UTC instant of a wall-clock time in the organisation's zone. Memoised: zone
    // conversions dominate the slot engine's time otherwise.
    qint64 toUtc(Id organisationId, const QDate &day, const QTime &time) const;
    // The organisation's calendar date at a UTC instant, from the zone's transitions table.
    QDate localDate(Id organisationId, qint64 utc) const;

private:
    struct BusyRdv
    {
        Interval when;
        QList<Id> agents;
    };
    void loadCatalogue();
    void applyRdvChanges(qint64 sinceSeq);
    qint64 catalogueSeq() const;

    Store &m_store;
    qint64 m_seq = -1;
    qint64 m_catalogueSeq = -1;
    QHash<Id, Organisation> m_organisations;
    QHash<Id, QTimeZone> m_zones;
    QHash<Id, Motif> m_motifs;
    QHash<Id, Lieu> m_lieux;
    QHash<Id, Agent> m_agents;
    std::vector<Plage> m_plages;
    QHash<Id, QList<Absence>> m_absencesByAgent;
    QHash<Id, BusyRdv> m_busyRdvs;
    QHash<Id, QSet<Id>> m_rdvsByAgent;
    // Per agent, its appointments sorted by start: rebuilt lazily when they changed.
    mutable QHash<Id, std::vector<Interval>> m_sortedRdvs;
    mutable QHash<QPair<Id, qint64>, qint64> m_utcOfLocal;
    // Per organisation: (instant of each offset change, offset from then on), sorted.
    mutable QHash<Id, std::vector<std::pair<qint64, int>>> m_offsets;
};

} // namespace creneau
