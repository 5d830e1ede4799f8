// The agent API's commands on collective sessions: create_session (one, or a series with an
// RRULE), update_session and cancel_session, validated by models' CollectiveSessionService.
// Participants are added with create_rdv {session_id} and removed with cancel_rdv.
#include "sync/server/agentcommands.h"

#include "models/collectivesessions.h"
#include "sync/server/formatting.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>

namespace creneau::server {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("AgentCommands", text);
}

Id idIn(const QJsonObject &o, const char *key)
{
    return std::max<Id>(0, o.value(QLatin1String(key)).toInteger(0));
}

// The payload's fields as a SessionRequest, the start read in the organisation's zone.
bool sessionRequestOf(const QJsonObject &p, const Organisation &org, SessionRequest &r)
{
    r.organisationId = org.id;
    r.motifId = idIn(p, "motif_id");
    r.lieuId = idIn(p, "lieu_id");
    for (const QJsonValue v : p.value(QStringLiteral("agent_ids")).toArray())
        r.agentIds << v.toInteger(0);
    r.durationMinutes = p.value(QStringLiteral("duration_minutes")).toInt(0);
    r.capacity = p.value(QStringLiteral("capacity")).toInt(0);
    r.title = p.value(QStringLiteral("title")).toString();
    r.rrule = p.value(QStringLiteral("rrule")).toString();
    qint64 start = 0;
    const QJsonValue when = p.value(QStringLiteral("starts_at"));
    if (when.isDouble())
        start = when.toInteger(0);
    else if (!parseIsoInstant(when.toString(), &start))
        return false;
    const QDateTime local = QDateTime::fromSecsSinceEpoch(start, org.zone());
    r.firstDay = local.date();
    r.startTime = local.time();
    return start > 0;
}

} // namespace

const QStringList &AgentCommands::sessionCommands()
{
    static const QStringList types = {QStringLiteral("create_session"),
                                      QStringLiteral("update_session"),
                                      QStringLiteral("cancel_session")};
    return types;
}

CommandAnswer AgentCommands::runSessionCommand(const Agent &agent, const Command &c)
{
    const QJsonObject &p = c.payload;
    const Organisation org = m_site.catalog().organisation(agent.organisationId).value();
    CollectiveSessionService service(m_site.store(), m_site.clock(), m_site.eventSink());
    SessionOutcome out;
    if (c.type == QLatin1String("cancel_session")) {
        const auto stored = SessionRepository(m_site.store()).find(idIn(p, "session_id"));
        if (!stored || stored->organisationId != agent.organisationId)
            return {404, errorBody(tr("Not found in your organisation."))};
        out = service.cancel(stored->id, agent.id, p.value(QStringLiteral("reason")).toString(),
                             c.expectedVersion);
    } else {
        SessionRequest request;
        if (!sessionRequestOf(p, org, request))
            return {422, errorBody(tr("Invalid start time."),
                                   {{QStringLiteral("starts_at"), tr("Invalid start time.")}})};
        if (c.type == QLatin1String("create_session")) {
            out = service.create(request, agent.id);
        } else {
            const auto stored = SessionRepository(m_site.store()).find(idIn(p, "session_id"));
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
