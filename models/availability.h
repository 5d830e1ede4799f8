// An in-memory picture of what the slot engine reads (opening ranges, absences, the busy times of
// agents), kept in step with the database through each organisation's change sequence: an
// organisation reads only its rows written since it last looked.
#pragma once

#include "models/domain.h"
#include "models/recurrence.h"
#include "models/store.h"

#include <QHash>
#include <QSet>
#include <QTimeZone>

#include <memory>
#include <string>
#include <unordered_map>
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

// Loaded one organisation at a time, when first asked about, and kept in step per organisation:
// a catalogue change reloads only its organisation, an appointment updates only its own, and each
// organisation has a version that changes with it (answer caches key on it), so one
// organisation's writes never cost another anything.
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

    // Makes every loaded organisation look at its sequence again, each when next asked about:
    // one query for an organisation that did not change, its rows written since for one that
    // did, nothing for the organisations not asked about (numbers are per organisation, so there
    // is no store-wide "since"). What was handed out before stays valid until the next refresh.
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
    // Changes whenever anything the slot engine reads of this organisation changes (as of the
    // last refresh); -1 while it is not loaded. Never reused for another state.
    qint64 version(Id organisationId) const;
    // The organisation's change number its picture is at (as of the last refresh); -1 while it
    // is not loaded. An answer computed from this picture is still right while the
    // organisation's number (Store::currentSeq) is this one.
    qint64 stamp(Id organisationId) const;
    // Forgets everything (after a rolled-back transaction whose writes it may have seen).
    void clear();
    // How many organisations are loaded (benchmarks, tests).
    int loadedOrganisations() const { return int(m_orgs.size()); }

private:
    struct BusyRdv
    {
        Interval when;
        QList<Id> agents;
    };
    // Zone conversions, shared by the organisations of one zone (most share Europe/Paris).
    struct ZoneMemo
    {
        QTimeZone zone;
        QHash<qint64, qint64> utcOfLocal; // local minute -> UTC
        // (instant of each offset change, offset from then on), sorted.
        std::vector<std::pair<qint64, int>> offsets;
    };
    // Everything the slot engine reads of one organisation.
    struct Tenant
    {
        Organisation organisation;
        QTimeZone zone;
        QHash<Id, Motif> motifs;
        QHash<Id, Lieu> lieux;
        QHash<Id, Agent> agents;
        std::vector<Plage> plages;
        QHash<Id, QList<int>> plagesByMotif; // motif -> indexes in `plages`
        QHash<Id, QList<Absence>> absencesByAgent;
        QHash<Id, BusyRdv> busyRdvs;
        QHash<Id, QSet<Id>> rdvsByAgent;
        qint64 version = 0;
        qint64 seq = 0;     // the organisation's sequence number this picture is at
        qint64 checked = 0; // the refresh (m_refreshes) at which it last looked at it
        // Per agent, its appointments sorted by start: rebuilt lazily when they changed.
        mutable QHash<Id, std::vector<Interval>> sortedRdvs;
        ZoneMemo *zoneMemo = nullptr;
    };
    ZoneMemo &zoneMemo(Id organisationId) const;
    enum class Kind
    {
        Motif,
        Lieu,
        Agent
    };
    // The organisation, loaded if needed; nullptr when it does not exist.
    Tenant *tenant(Id organisationId) const;
    // The organisation if it is loaded, caught up; nullptr otherwise (never loads it).
    Tenant *caughtUp(Id organisationId) const;
    // The loaded organisation that owns this motif, lieu or agent (asking the database once).
    Tenant *owner(Kind kind, Id id) const;
    std::unique_ptr<Tenant> load(Id organisationId) const;
    void forgetTenant(Id organisationId) const;
    // Brings a loaded organisation up to its sequence, once per refresh; false when its
    // catalogue changed and it was forgotten (to be loaded again).
    bool catchUp(Tenant &t) const;
    void applyRdvChanges(Tenant &t, qint64 sinceSeq) const;
    static void applyRdv(Tenant &t, Id id, const BusyRdv *busy);

    Store &m_store;
    qint64 m_refreshes = 1;
    mutable qint64 m_nextVersion = 0;
    mutable std::unordered_map<Id, std::unique_ptr<Tenant>> m_orgs;
    // Owner of each motif, lieu and agent of the loaded organisations.
    mutable QHash<Id, Id> m_motifOrg;
    mutable QHash<Id, Id> m_lieuOrg;
    mutable QHash<Id, Id> m_agentOrg;
    mutable std::unordered_map<std::string, std::unique_ptr<ZoneMemo>> m_zoneMemos;
};

} // namespace creneau
