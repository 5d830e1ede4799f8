// AgendaSource's changes: agent-API commands (see sync/server/agentcommands.cpp for their
// payloads) that the sync client queues and sends, in both modes.
#include "ui/agendasource.h"

#include "sync/client/syncclient.h"

#include <QJsonArray>

namespace creneau::ui {

namespace {

QJsonObject usagerPayload(const Usager &u)
{
    QJsonObject out{{QStringLiteral("first_name"), u.firstName},
                    {QStringLiteral("last_name"), u.lastName},
                    {QStringLiteral("email"), u.email},
                    {QStringLiteral("phone"), u.phone}};
    if (u.birthDate.isValid())
        out.insert(QStringLiteral("birth_date"), u.birthDate.toString(Qt::ISODate));
    return out;
}

QJsonArray idArray(const QList<Id> &ids)
{
    QJsonArray out;
    for (const Id id : ids)
        out.append(id);
    return out;
}

// A queued change: nothing to report until the server answers.
BookingOutcome queued()
{
    return BookingOutcome();
}

void withId(QJsonObject &payload, Id id)
{
    if (id)
        payload.insert(QStringLiteral("id"), id);
}

} // namespace

BookingOutcome AgendaSource::queueRdvCommand(const QString &type, Id rdvId, QJsonObject payload)
{
    const std::optional<Rdv> cached = rdv(rdvId);
    if (!cached) {
        BookingOutcome out;
        out.error = BookingError::NotFound;
        out.message = BookingService::messageFor(out.error);
        return out;
    }
    payload.insert(QStringLiteral("rdv_id"), rdvId);
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
    QJsonObject payload{
        {QStringLiteral("motif_id"), request.motifId},
        {QStringLiteral("starts_at"), request.startsAt},
        {QStringLiteral("context"), request.context},
    };
    if (request.lieuId)
        payload.insert(QStringLiteral("lieu_id"), request.lieuId);
    if (request.agentId)
        payload.insert(QStringLiteral("agent_id"), request.agentId);
    if (request.existingUsagerId)
        payload.insert(QStringLiteral("usager_id"), request.existingUsagerId);
    else
        payload.insert(QStringLiteral("usager"), usagerPayload(request.usager));
    m_lastBookingKey = m_client->submit(QStringLiteral("create_rdv"), payload);
    return queued();
}

BookingOutcome AgendaSource::setStatus(Id rdvId, Id agentId, RdvStatus status)
{
    if (status == RdvStatus::Revoked)
        return cancel(rdvId, agentId, {});
    return queueRdvCommand(QStringLiteral("set_status"), rdvId,
                           {{QStringLiteral("status"), toWord(status)}});
}

BookingOutcome AgendaSource::cancel(Id rdvId, Id, const QString &reason)
{
    return queueRdvCommand(QStringLiteral("cancel_rdv"), rdvId,
                           {{QStringLiteral("reason"), reason}});
}

BookingOutcome AgendaSource::setContext(Id rdvId, Id, const QString &context)
{
    return queueRdvCommand(QStringLiteral("set_context"), rdvId,
                           {{QStringLiteral("context"), context}});
}

BookingOutcome AgendaSource::move(Id rdvId, Id, qint64 start)
{
    return queueRdvCommand(QStringLiteral("move_rdv"), rdvId,
                           {{QStringLiteral("starts_at"), start}});
}

QString AgendaSource::save(const Motif &motif)
{
    QJsonObject p{{QStringLiteral("name"), motif.name},
                  {QStringLiteral("color"), motif.color},
                  {QStringLiteral("duration_minutes"), motif.durationMinutes},
                  {QStringLiteral("min_delay_minutes"), motif.minDelayMinutes},
                  {QStringLiteral("max_delay_minutes"), motif.maxDelayMinutes},
                  {QStringLiteral("instructions"), motif.instructions},
                  {QStringLiteral("archived"), motif.archived},
                  {QStringLiteral("location_type"), toWord(motif.locationType)},
                  {QStringLiteral("bookable_by"), toWord(motif.bookableBy)}};
    withId(p, motif.id);
    return m_client->submit(QStringLiteral("save_motif"), p);
}

QString AgendaSource::save(const Lieu &lieu)
{
    QJsonObject p{{QStringLiteral("name"), lieu.name},
                  {QStringLiteral("address"), lieu.address},
                  {QStringLiteral("phone"), lieu.phone},
                  {QStringLiteral("archived"), lieu.archived}};
    withId(p, lieu.id);
    return m_client->submit(QStringLiteral("save_lieu"), p);
}

QString AgendaSource::save(const PlageOuverture &plage)
{
    QJsonArray exceptions;
    for (const QDate &d : plage.exceptionDates)
        exceptions.append(d.toString(Qt::ISODate));
    QJsonObject p{{QStringLiteral("agent_id"), plage.agentId},
                  {QStringLiteral("lieu_id"), plage.lieuId},
                  {QStringLiteral("motif_ids"), idArray(plage.motifIds)},
                  {QStringLiteral("title"), plage.title},
                  {QStringLiteral("rrule"), plage.rrule},
                  {QStringLiteral("archived"), plage.archived},
                  {QStringLiteral("first_day"), plage.firstDay.toString(Qt::ISODate)},
                  {QStringLiteral("start_time"), plage.startTime.toString(QStringLiteral("HH:mm"))},
                  {QStringLiteral("end_time"), plage.endTime.toString(QStringLiteral("HH:mm"))},
                  {QStringLiteral("exception_dates"), exceptions}};
    withId(p, plage.id);
    return m_client->submit(QStringLiteral("save_plage"), p);
}

QString AgendaSource::save(const Absence &absence)
{
    QJsonObject p{{QStringLiteral("agent_id"), absence.agentId},
                  {QStringLiteral("title"), absence.title},
                  {QStringLiteral("starts_at"), absence.startsAt},
                  {QStringLiteral("ends_at"), absence.endsAt},
                  {QStringLiteral("rrule"), absence.rrule}};
    withId(p, absence.id);
    return m_client->submit(QStringLiteral("save_absence"), p);
}

QString AgendaSource::removeAbsence(Id absenceId)
{
    return m_client->submit(QStringLiteral("remove_absence"), {{QStringLiteral("id"), absenceId}});
}

MergeOutcome AgendaSource::mergeUsagers(Id keepId, Id duplicateId)
{
    // The server checks both ids against the agent's organisation; a refusal comes back through
    // changeRefused like any queued change.
    m_client->submit(
        QStringLiteral("merge_usagers"),
        {{QStringLiteral("keep_id"), keepId}, {QStringLiteral("duplicate_id"), duplicateId}});
    return MergeOutcome();
}

} // namespace creneau::ui
