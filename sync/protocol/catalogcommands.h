// The payloads of the catalogue commands: built by the desktop from its model types, read back
// onto the stored row by the server (only the keys present change it).
//   save_motif     {id?, name, color, duration_minutes, min_delay_minutes, max_delay_minutes,
//                   instructions, archived, location_type, bookable_by, capacity}
//   save_lieu      {id?, name, address, phone, archived}
//   save_plage     {id?, agent_id, lieu_id, motif_ids, title, rrule, archived, first_day,
//                   start_time, end_time, exception_dates}
//   save_absence   {id?, agent_id, title, starts_at, ends_at, rrule}
//   remove_absence {id}
#pragma once

#include "models/domain.h"
#include "models/validation.h"

#include <QJsonObject>

namespace creneau::protocol {

QJsonObject motifPayload(const Motif &motif);
FieldErrors readMotif(const QJsonObject &payload, Motif *motif);

QJsonObject lieuPayload(const Lieu &lieu);
FieldErrors readLieu(const QJsonObject &payload, Lieu *lieu);

QJsonObject plagePayload(const PlageOuverture &plage);
// agent_id and lieu_id change the range only when they name one (not 0).
FieldErrors readPlage(const QJsonObject &payload, PlageOuverture *plage);

QJsonObject absencePayload(const Absence &absence);
// Everything but agent_id, which the server checks against the organisation first.
FieldErrors readAbsence(const QJsonObject &payload, Absence *absence);
QJsonObject removeAbsencePayload(Id absenceId);

// The "id" of a save or removal; 0 for a new row.
Id rowId(const QJsonObject &payload);

} // namespace creneau::protocol
