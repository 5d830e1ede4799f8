// Computes the créneaux of a motif: opening-range occurrences of the agents who offer it, minus
// their absences and appointments, cut into tiles of the motif's duration, within its delays.
#pragma once

#include "models/availability.h"
#include "models/domain.h"

#include <QDateTime>

#include <chrono>
#include <optional>

namespace creneau {

struct Creneau
{
    qint64 startsAt = 0; // UTC seconds
    qint64 endsAt = 0;
    Id lieuId = 0;
    QList<Id> agentIds; // every agent free at that time and place, lowest id first
};

struct SlotQuery
{
    Id motifId = 0;
    Id lieuId = 0; // 0: every lieu
    QDate from;    // in the organisation's zone, inclusive
    QDate to;      // inclusive
    QDateTime now;
    bool ignoreDelays = false; // agents booking at the desk are not bound by online delays
};

class SlotEngine
{
public:
    explicit SlotEngine(Store &store) : m_availability(store) {}

    // Sorted by start, then lieu. Refreshes the picture of the database first.
    QList<Creneau> creneaux(const SlotQuery &query);
    // The first day on or after query.from that has a créneau, within the motif's maximum delay
    // (never more than two years), found within `budget` of work; none otherwise.
    std::optional<QDate>
    nextAvailableDay(const SlotQuery &query,
                     std::chrono::milliseconds budget = std::chrono::milliseconds(200));
    // Among the créneau's agents: least appointments that day, then lowest id.
    Id chooseAgent(const Creneau &creneau);
    bool isAgentFree(Id agentId, qint64 start, qint64 end, Id ignoredRdv = 0);

    Availability &availability() { return m_availability; }

private:
    Availability m_availability;
};

} // namespace creneau
