// AgendaSource's changes: agent-API commands (their payloads are sync/protocol's) that the sync
// client queues and sends, in both modes.
#include "ui/agendasource.h"

#include "sync/client/syncclient.h"
#include "sync/protocol/catalogcommands.h"
#include "sync/protocol/rdvcommands.h"

namespace creneau::ui {

namespace {

using protocol::CommandType;

// A queued change: nothing to report until the server answers.
BookingOutcome queued()
{
    return BookingOutcome();
}

} // namespace

BookingOutcome AgendaSource::queueRdvCommand(CommandType type, Id rdvId, const QJsonObject &payload)
{
    const std::optional<Rdv> cached = rdv(rdvId);
    if (!cached) {
        BookingOutcome out;
        out.error = BookingError::NotFound;
        out.message = BookingService::messageFor(out.error);
        return out;
    }
    // The version the agent saw: if the server moved on meanwhile, the agent is asked.
    m_client->submit(type, payload, cached->version);
    return queued();
}

BookingOutcome AgendaSource::book(const BookingRequest &request)
{
    BookingOutcome out;
    out.fields = validateBookingRequest(request, QDate::currentDate());
    if (!out.fields.isEmpty()) {
        out.error = BookingError::Invalid;
        out.message = BookingService::messageFor(out.error);
        return out;
    }
    if (request.sessionId)
        if (out = checkSessionPlace(request); !out.ok())
            return out;
    m_lastBookingKey =
        m_client->submit(CommandType::CreateRdv, protocol::createRdvPayload(request));
    return queued();
}

BookingOutcome AgendaSource::setStatus(Id rdvId, Id agentId, RdvStatus status)
{
    if (status == RdvStatus::Revoked)
        return cancel(rdvId, agentId, {});
    return queueRdvCommand(CommandType::SetStatus, rdvId,
                           protocol::setStatusPayload(rdvId, status));
}

BookingOutcome AgendaSource::cancel(Id rdvId, Id, const QString &reason)
{
    return queueRdvCommand(CommandType::CancelRdv, rdvId,
                           protocol::cancelRdvPayload(rdvId, reason));
}

BookingOutcome AgendaSource::setContext(Id rdvId, Id, const QString &context)
{
    return queueRdvCommand(CommandType::SetContext, rdvId,
                           protocol::setContextPayload(rdvId, context));
}

BookingOutcome AgendaSource::move(Id rdvId, Id, qint64 start)
{
    return queueRdvCommand(CommandType::MoveRdv, rdvId, protocol::moveRdvPayload(rdvId, start));
}

QString AgendaSource::save(const Motif &motif)
{
    return m_client->submit(CommandType::SaveMotif, protocol::motifPayload(motif));
}

QString AgendaSource::save(const Lieu &lieu)
{
    return m_client->submit(CommandType::SaveLieu, protocol::lieuPayload(lieu));
}

QString AgendaSource::save(const PlageOuverture &plage)
{
    return m_client->submit(CommandType::SavePlage, protocol::plagePayload(plage));
}

QString AgendaSource::save(const Absence &absence)
{
    return m_client->submit(CommandType::SaveAbsence, protocol::absencePayload(absence));
}

QString AgendaSource::removeAbsence(Id absenceId)
{
    return m_client->submit(CommandType::RemoveAbsence, protocol::removeAbsencePayload(absenceId));
}

MergeOutcome AgendaSource::mergeUsagers(Id keepId, Id duplicateId)
{
    // The server checks both ids against the agent's organisation; a refusal comes back through
    // changeRefused like any queued change.
    m_client->submit(CommandType::MergeUsagers, protocol::mergeUsagersPayload(keepId, duplicateId));
    return MergeOutcome();
}

} // namespace creneau::ui
