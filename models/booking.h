// The operations that book and change appointments, each one transaction: check the rules and
// the créneau, write the appointment, its usager and what must follow (RdvEventSink) together.
#pragma once

#include "models/clock.h"
#include "models/domain.h"
#include "models/sessionrepository.h"
#include "models/slotengine.h"
#include "models/store.h"
#include "models/validation.h"

#include <optional>

namespace creneau {

enum class BookingError
{
    None,
    Invalid,          // fields: see BookingOutcome::fields
    MotifUnavailable, // unknown, archived, or not open to this kind of booker
    CreneauTaken,     // no longer free, or outside the motif's delays
    Forbidden,        // this actor may not do this (a prescripteur never may change a booking)
    NotFound,
    StaleVersion,      // changed by someone else since it was read
    TooLate,           // the usager's cancellation delay has passed
    SessionFull,       // the collective session has no place left (BookingOutcome::nextSessions)
    AlreadyRegistered, // the usager already holds a place in this collective session
};

struct BookingRequest
{
    Id organisationId = 0;
    Id motifId = 0;
    Id lieuId = 0;
    qint64 startsAt = 0; // ignored with a session: the session's start
    Id sessionId = 0;    // a place in this collective session instead of a créneau
    CreatedBy bookedBy = CreatedBy::Usager;
    Id agentId = 0; // the agent booking, who also receives it when bookedBy is Agent
    Prescripteur prescripteur;
    Usager usager; // ignored when existingUsagerId is set
    Id existingUsagerId = 0;
    QString context;
};

struct BookingOutcome
{
    BookingError error = BookingError::None;
    QString message; // French, for people
    FieldErrors fields;
    Rdv rdv;
    Usager usager;
    bool usagerReused = false;
    // The usager's private link's secret, when they gave a phone or an e-mail (any booker); for
    // the usager only: never shown to a prescripteur.
    QString usagerToken;
    // With SessionFull: the motif's next sessions that still have places.
    QList<SessionPlaces> nextSessions;
    bool ok() const { return error == BookingError::None; }
};

// Who asks for a change. Usagers prove themselves with the token of their private link.
struct Actor
{
    enum class Kind
    {
        Agent,
        Usager,
        Prescripteur
    };
    Kind kind = Kind::Agent;
    Id agentId = 0;
    QString usagerToken;
};

struct RdvEvent
{
    enum class Kind
    {
        Created,
        Moved,
        Cancelled,
        StatusChanged,
        ContextChanged
    };
    Kind kind = Kind::Created;
    Rdv rdv;
    Rdv previous; // before the change; empty for Created
    Actor::Kind actor = Actor::Kind::Agent;
    Id actorAgentId = 0;
    // The usager's private-link secret on creation and when the actor is that usager (known only
    // in memory, for the usager's messages that carry the link); empty otherwise.
    QString usagerToken;
    // Rows the writer read in its transaction, as the store holds them there: a listener takes
    // them instead of reading them again (on PostgreSQL each read is a round trip under the
    // organisation's lock). Unset: the listener reads the row itself.
    struct Known
    {
        std::optional<Organisation> organisation;
        std::optional<Motif> motif;
        std::optional<Lieu> lieu;
        std::optional<Usager> usager;
    };
    Known known;
};

// A change of a collective session itself (CollectiveSessionService), recorded after its
// participants' own events: what the agents leading it see as one event in their calendars.
struct SessionEvent
{
    enum class Kind
    {
        Created,
        Changed, // moved, its places, lieu or agents changed
        Cancelled
    };
    Kind kind = Kind::Created;
    CollectiveSession session;
    CollectiveSession previous; // before the change; empty for Created
    Id actorAgentId = 0;
};

// Called inside the booking transaction, so that what follows a change (notifications, calendar
// pushes) is queued atomically with it.
class RdvEventSink
{
public:
    virtual ~RdvEventSink() = default;
    virtual void record(Store &store, const RdvEvent &event) = 0;
    // A session created, changed or cancelled; most sinks need only its participants' events.
    virtual void recordSession(Store &, const SessionEvent &) {}
};

// The checks a booking passes before it touches the store (field errors keyed as the API names
// them: "usager.first_name"...); `usager`, when given, receives the normalised new usager.
FieldErrors validateBookingRequest(const BookingRequest &request, const QDate &today,
                                   Usager *usager = nullptr);

class BookingService
{
public:
    BookingService(Store &store, SlotEngine &engine, const Clock &clock = Clock::system(),
                   RdvEventSink *sink = nullptr);

    BookingOutcome book(const BookingRequest &request);
    BookingOutcome cancel(Id rdvId, const Actor &actor, const QString &reason = {},
                          int expectedVersion = 0);
    BookingOutcome move(Id rdvId, const Actor &actor, qint64 newStart, Id newLieuId = 0,
                        int expectedVersion = 0);
    BookingOutcome setStatus(Id rdvId, const Actor &actor, RdvStatus status,
                             int expectedVersion = 0);
    BookingOutcome setContext(Id rdvId, const Actor &actor, const QString &context,
                              int expectedVersion = 0);

    static QString messageFor(BookingError error);

private:
    BookingOutcome failure(BookingError error, FieldErrors fields = {}) const;
    BookingOutcome notFoundInOrganisation() const;
    // The start within the horizon and, for an agent's booking, every id in the request's
    // organisation (NotFound otherwise, as for an unknown id).
    BookingOutcome checkBoundsAndScope(const BookingRequest &request) const;
    FieldErrors validate(const BookingRequest &request, Usager &usager) const;
    // Finds the free créneau at (start, lieu) for this motif and picks its agent; 0 if none.
    Id freeAgentFor(const Motif &motif, Id lieuId, qint64 start, bool ignoreDelays);
    // The collective session's place for `rdv` (agents, lieu, start, duration), in the write
    // transaction: the last place cannot be taken twice.
    BookingOutcome placeInSession(const Motif &motif, const BookingRequest &request, Rdv &rdv);
    // Loads the appointment and checks that `actor` may change it.
    BookingOutcome authorise(Id rdvId, const Actor &actor, int expectedVersion, bool cancelling);
    void publish(RdvEvent::Kind kind, const Rdv &rdv, const Rdv &previous, const Actor &actor,
                 RdvEvent::Known known = {});

    Store &m_store;
    SlotEngine &m_engine;
    const Clock &m_clock;
    RdvEventSink *m_sink;
};

} // namespace creneau
