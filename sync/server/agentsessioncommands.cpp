// The agent API's commands on collective sessions: create_session (one, or a series with an
// RRULE), update_session and cancel_session, validated by models' CollectiveSessionService.
// Participants are added with create_rdv {session_id} and removed with cancel_rdv.
#include "sync/server/agentcommands.h"

#include "models/collectivesessions.h"
#include "sync/protocol/sessioncommands.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace creneau::server {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("AgentCommands", text);
}

// The payload as a SessionRequest, the start read in the organisation's zone.
SessionRequest sessionRequestOf(const protocol::SessionPayload &p, const Organisation &org)
{
    SessionRequest r;
    r.organisationId = org.id;
    r.motifId = p.motifId;
    r.lieuId = p.lieuId;
    r.agentIds = p.agentIds;
    r.durationMinutes = p.durationMinutes;
    r.capacity = p.capacity;
    r.title = p.title;
    r.rrule = p.rrule;
    const QDateTime local = QDateTime::fromSecsSinceEpoch(p.startsAt, org.zone());
    r.firstDay = local.date();
    r.startTime = local.time();
    return r;
}

} // namespace

CommandAnswer AgentCommands::runSessionCommand(const Agent &agent, const Command &c)
{
    using protocol::CommandType;
    const Organisation org = m_site.catalog().organisation(agent.organisationId).value();
    CollectiveSessionService service(m_site.store(), m_site.clock(), m_site.eventSink());
    SessionOutcome out;
    protocol::SessionPayload payload;
    const FieldErrors errors =
        protocol::readSession(c.payload, c.type != CommandType::CancelSession, &payload);
    if (c.type != CommandType::CreateSession) {
        const auto stored = SessionRepository(m_site.store()).find(payload.sessionId);
        if (!stored || stored->organisationId != agent.organisationId)
            return {404, errorBody(tr("Not found in your organisation."))};
    }
    if (!errors.isEmpty())
        return {422, errorBody(tr("Some fields are invalid."), errors)};
    if (c.type == CommandType::CancelSession) {
        out = service.cancel(payload.sessionId, agent.id, payload.reason, c.expectedVersion);
    } else {
        SessionRequest request = sessionRequestOf(payload, org);
        if (c.type == CommandType::CreateSession) {
            out = service.create(request, agent.id);
        } else {
            const auto stored = SessionRepository(m_site.store()).find(payload.sessionId);
            if (!stored || stored->organisationId != agent.organisationId)
                return {404, errorBody(tr("Not found in your organisation."))};
            request.motifId = stored->motifId;
            out = service.update(stored->id, request, agent.id, c.expectedVersion);
        }
    }
    if (!out.ok())
        return {statusFor(out.error), errorBody(out.message, out.fields)};
    CommandAnswer answer = saved(agent, QStringLiteral("sessions"), out.sessions.first().id);
    QJsonArray ids;
    for (const CollectiveSession &s : out.sessions)
        ids.append(s.id);
    answer.body.insert(QStringLiteral("session_ids"), ids);
    return answer;
}

} // namespace creneau::server
