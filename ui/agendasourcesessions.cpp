// AgendaSource's collective sessions: read from the sync client's cache, changed through the
// agent commands create_session and cancel_session (participants: create_rdv {session_id} and
// cancel_rdv, see agendasourcewrites.cpp).
#include "ui/agendasource.h"

#include "models/rdvrepository.h"
#include "models/sessionrepository.h"
#include "sync/client/syncclient.h"

namespace creneau::ui {

QList<CollectiveSession> AgendaSource::sessionsBetween(qint64 from, qint64 to) const
{
    return SessionRepository(*m_store).between(organisation().id, from, to);
}

std::optional<CollectiveSession> AgendaSource::session(Id id) const
{
    return SessionRepository(*m_store).find(id);
}

QHash<Id, int> AgendaSource::placesTaken(const QList<Id> &sessionIds) const
{
    return SessionRepository(*m_store).taken(sessionIds);
}

QList<Rdv> AgendaSource::participants(Id sessionId) const
{
    QList<Rdv> out = RdvRepository(*m_store).ofSession(sessionId);
    out.removeIf([](const Rdv &rdv) { return rdv.status == RdvStatus::Revoked; });
    return out;
}

BookingOutcome AgendaSource::checkSessionPlace(const BookingRequest &request) const
{
    BookingOutcome out;
    const std::optional<CollectiveSession> s = session(request.sessionId);
    if (!s || s->cancelled)
        out.error = BookingError::NotFound;
    else if (request.existingUsagerId &&
             SessionRepository(*m_store).isRegistered(s->id, request.existingUsagerId))
        out.error = BookingError::AlreadyRegistered;
    else if (SessionRepository(*m_store).taken(s->id) >= s->capacity)
        out.error = BookingError::SessionFull;
    if (!out.ok())
        out.message = BookingService::messageFor(out.error);
    return out;
}

QString AgendaSource::createSession(const protocol::SessionPayload &session)
{
    return m_client->submit(protocol::CommandType::CreateSession,
                            protocol::sessionPayload(session));
}

BookingOutcome AgendaSource::cancelSession(Id sessionId, const QString &reason)
{
    const std::optional<CollectiveSession> cached = session(sessionId);
    if (!cached) {
        BookingOutcome out;
        out.error = BookingError::NotFound;
        out.message = BookingService::messageFor(out.error);
        return out;
    }
    m_client->submit(protocol::CommandType::CancelSession,
                     protocol::cancelSessionPayload(sessionId, reason), cached->version);
    return BookingOutcome();
}

} // namespace creneau::ui
