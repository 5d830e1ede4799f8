// Reads and writes collective sessions and counts their places. Writes run inside a
// WriteTransaction and bump the change sequence.
#pragma once

#include "models/domain.h"
#include "models/store.h"

#include <QHash>
#include <optional>

namespace creneau {

// A session with what is left of it, as the booking pages and the API list them.
struct SessionPlaces
{
    CollectiveSession session;
    int taken = 0;
    int placesLeft() const { return qMax(0, session.capacity - taken); }
};

class SessionRepository
{
public:
    explicit SessionRepository(Store &store) : m_store(store) {}

    void insert(CollectiveSession &s);
    // Writes everything but the organisation and the motif; bumps version and seq.
    void update(CollectiveSession &s, qint64 now);
    std::optional<CollectiveSession> find(Id id) const;
    // The motif's sessions not cancelled that start at or after `from`, soonest first.
    QList<CollectiveSession> upcoming(Id motifId, qint64 from, int limit = 200) const;
    // An organisation's sessions (cancelled ones too) overlapping [from, to).
    QList<CollectiveSession> between(Id organisationId, qint64 from, qint64 to) const;

    // upcoming() with the places taken of each; `withPlacesOnly` leaves full sessions out.
    QList<SessionPlaces> upcomingWithPlaces(Id motifId, qint64 from, int limit = 200,
                                            bool withPlacesOnly = false) const;

    // Places taken: participants not cancelled.
    int taken(Id sessionId) const;
    // taken() of several sessions in one query.
    QHash<Id, int> taken(const QList<Id> &sessionIds) const;
    // The sum of its participants' versions, cancelled ones included: grows with every
    // registration and cancellation, so that the session's calendar event takes a higher
    // SEQUENCE each time its count changes (the session's own version is the agents' lock).
    int participantChanges(Id sessionId) const;
    // Whether the usager holds a place (not cancelled) in the session.
    bool isRegistered(Id sessionId, Id usagerId) const;
    // Whether a participant (not cancelled) is the same person as `u`: the same folded name and
    // the same phone, e-mail or birth date (or no contact nor birth date on either side), so that
    // a usager typed again by another prescriber is not registered twice.
    bool hasParticipantLike(Id sessionId, const Usager &u) const;

private:
    QList<CollectiveSession> read(QSqlQuery &q) const;
    void writeAgents(const CollectiveSession &s);
    Store &m_store;
};

} // namespace creneau
