// The payloads of the collective sessions' commands (participants are added with create_rdv
// {session_id} and removed with cancel_rdv):
//   create_session {motif_id, lieu_id, agent_ids, starts_at, duration_minutes, capacity, title?,
//                   rrule?}          one session, or a series when rrule is set
//   update_session {session_id, lieu_id, agent_ids, starts_at, duration_minutes, capacity,
//                   title?}
//   cancel_session {session_id, reason?}
#pragma once

#include "models/domain.h"
#include "models/validation.h"

#include <QJsonObject>

namespace creneau::protocol {

struct SessionPayload
{
    Id sessionId = 0; // update_session, cancel_session
    Id motifId = 0;
    Id lieuId = 0;
    QList<Id> agentIds;
    qint64 startsAt = 0;
    int durationMinutes = 0;
    int capacity = 0;
    QString title;
    QString rrule;
    QString reason; // cancel_session
};

QJsonObject sessionPayload(const SessionPayload &session);
QJsonObject cancelSessionPayload(Id sessionId, const QString &reason);
// What `type` needs; starts_at is required to create or update.
FieldErrors readSession(const QJsonObject &payload, bool needsStart, SessionPayload *session);

} // namespace creneau::protocol
