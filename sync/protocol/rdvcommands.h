// The payloads of the appointment commands and merge_usagers: built by the desktop from its
// model types, read back into the same types by the server.
//   create_rdv    {motif_id, starts_at | session_id, lieu_id?, agent_id?, context?,
//                  usager_id | usager {first_name, last_name, email, phone, birth_date?,
//                  address?, notes?}, prescripteur? {first_name, last_name, email, phone}}
//   move_rdv      {rdv_id, starts_at, lieu_id?}
//   cancel_rdv    {rdv_id, reason?}
//   set_status    {rdv_id, status}
//   set_context   {rdv_id, context}
//   merge_usagers {keep_id, duplicate_id}
#pragma once

#include "models/booking.h"
#include "sync/protocol/agentcommand.h"

#include <optional>

namespace creneau::protocol {

QJsonObject createRdvPayload(const BookingRequest &request);
// What the payload says of the booking; the organisation, who books and the default agent are
// the server's to set. motif_id is required, and starts_at unless a collective session is named.
FieldErrors readCreateRdv(const QJsonObject &payload, BookingRequest *request);

QJsonObject moveRdvPayload(Id rdvId, qint64 startsAt, Id lieuId = 0);
QJsonObject cancelRdvPayload(Id rdvId, const QString &reason);
QJsonObject setStatusPayload(Id rdvId, RdvStatus status);
QJsonObject setContextPayload(Id rdvId, const QString &context);

// A change to an existing appointment (move_rdv, cancel_rdv, set_status, set_context).
struct RdvChange
{
    Id rdvId = 0;
    qint64 startsAt = 0;
    Id lieuId = 0;
    QString reason;
    RdvStatus status = RdvStatus::Unknown;
    QString context;
};
// Reads what `type` needs and checks it is there.
FieldErrors readRdvChange(CommandType type, const QJsonObject &payload, RdvChange *change);

QJsonObject mergeUsagersPayload(Id keepId, Id duplicateId);
struct UsagerMerge
{
    Id keepId = 0;
    Id duplicateId = 0;
};
UsagerMerge readMergeUsagers(const QJsonObject &payload);

QJsonObject usagerJson(const Usager &usager);
QJsonObject prescripteurJson(const Prescripteur &prescripteur);

} // namespace creneau::protocol
