// The operations on collective sessions (an information meeting, a workshop), each one
// transaction: an administrator creates one session or a series, changes or cancels one; what
// follows for the participants (moved, cancelled: their notifications) is recorded with it.
// Registering a participant is a booking (BookingService::book with a session id).
#pragma once

#include "models/booking.h"
#include "models/clock.h"
#include "models/domain.h"
#include "models/store.h"
#include "models/validation.h"

#include <QDate>
#include <QTime>

namespace creneau {

// A session to create, or the new state of one (then `rrule` is ignored). Wall-clock day and
// time in the organisation's zone.
struct SessionRequest
{
    Id organisationId = 0;
    Id motifId = 0;
    Id lieuId = 0;
    QList<Id> agentIds;
    QDate firstDay;
    QTime startTime;
    int durationMinutes = 0; // 0: the motif's duration
    int capacity = 0;        // 0: the motif's places
    QString title;
    QString rrule; // empty: one session; otherwise one row per occurrence, a year at most
};

struct SessionOutcome
{
    BookingError error = BookingError::None;
    QString message; // French, for people
    FieldErrors fields;
    QList<CollectiveSession> sessions; // created, or the one changed
    QList<Rdv> participants;           // moved or cancelled with it
    bool ok() const { return error == BookingError::None; }
};

class CollectiveSessionService
{
public:
    // The most sessions one series creates.
    static constexpr int kMaxSeries = 200;

    CollectiveSessionService(Store &store, const Clock &clock = Clock::system(),
                             RdvEventSink *sink = nullptr);

    // Administrators only.
    SessionOutcome create(const SessionRequest &request, Id agentId);
    // Administrators, and the agents leading it. Moving it moves its participants (notified);
    // the places cannot go below the places taken.
    SessionOutcome update(Id sessionId, const SessionRequest &request, Id agentId,
                          int expectedVersion = 0);
    // Cancels the session and every participant's place (each usager and prescriber notified).
    SessionOutcome cancel(Id sessionId, Id agentId, const QString &reason, int expectedVersion = 0);

private:
    SessionOutcome failure(BookingError error, FieldErrors fields = {}) const;
    // The request's ids in the agent's organisation, the motif collective, the fields valid;
    // fills `session` (without its start) and the first start's instant.
    SessionOutcome check(const SessionRequest &request, Id agentId, CollectiveSession &session,
                         QTimeZone &zone);
    bool mayChange(Id agentId, const CollectiveSession &session) const;
    void publish(RdvEvent::Kind kind, const Rdv &rdv, const Rdv &previous, Id agentId);
    void publishSession(SessionEvent::Kind kind, const CollectiveSession &session,
                        const CollectiveSession &previous, Id agentId);

    Store &m_store;
    const Clock &m_clock;
    RdvEventSink *m_sink;
};

} // namespace creneau
