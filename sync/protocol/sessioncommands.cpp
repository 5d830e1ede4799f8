#include "sync/protocol/sessioncommands.h"

#include "sync/protocol/payloadreader.h"

#include <QJsonArray>

namespace creneau::protocol {

QJsonObject sessionPayload(const SessionPayload &s)
{
    QJsonArray agents;
    for (const Id id : s.agentIds)
        agents.append(id);
    QJsonObject p{{QStringLiteral("motif_id"), s.motifId},
                  {QStringLiteral("lieu_id"), s.lieuId},
                  {QStringLiteral("agent_ids"), agents},
                  {QStringLiteral("starts_at"), s.startsAt},
                  {QStringLiteral("duration_minutes"), s.durationMinutes},
                  {QStringLiteral("capacity"), s.capacity},
                  {QStringLiteral("title"), s.title},
                  {QStringLiteral("rrule"), s.rrule}};
    if (s.sessionId)
        p.insert(QStringLiteral("session_id"), s.sessionId);
    return p;
}

QJsonObject cancelSessionPayload(Id sessionId, const QString &reason)
{
    return {{QStringLiteral("session_id"), sessionId}, {QStringLiteral("reason"), reason}};
}

FieldErrors readSession(const QJsonObject &payload, bool needsStart, SessionPayload *s)
{
    PayloadReader r(payload);
    s->sessionId = r.id("session_id");
    s->motifId = r.id("motif_id");
    s->lieuId = r.id("lieu_id");
    r.ids("agent_ids", s->agentIds);
    r.instant("starts_at", s->startsAt);
    r.number("duration_minutes", s->durationMinutes);
    r.number("capacity", s->capacity);
    r.text("title", s->title);
    r.text("rrule", s->rrule);
    r.text("reason", s->reason);
    FieldErrors errors = r.errors();
    if (needsStart && !s->startsAt && !errors.contains(QStringLiteral("starts_at")))
        errors.insert(QStringLiteral("starts_at"), PayloadReader::message("Invalid start time."));
    return errors;
}

} // namespace creneau::protocol
