// An appointment as an agent's calendar shows it (feed and CalDAV alike): stable UID, SEQUENCE =
// version, SUMMARY « motif — usager », LOCATION, DESCRIPTION with the contacts; the usager's name
// reduced to initials when the organisation asks for it (Organisation::privacyInitials).
#pragma once

#include "domain.h"
#include "rdvcalendar.h"
#include "store.h"

#include <optional>

namespace creneau::calendar {

// "rdv-<id>@<host>": the same UID as the notification e-mails, so a calendar fed both ways
// keeps one event.
QString rdvUid(Id rdvId, const QString &host);
// « Jean-Luc de la Tour » → « J.-L. d. l. T. »; a name with nothing to keep gives « ? ».
QString initials(const QString &name);
bool isCancelled(const Rdv &rdv);

// nullopt when the appointment's organisation or motif is gone.
std::optional<notify::StoredEvent> rdvEvent(Store &store, const Rdv &rdv, const QString &host,
                                            qint64 now);
// The organisation's zone for DTSTART/DTEND, as rdvEvent reads it.
QString timeZoneOf(Store &store, Id organisationId);

} // namespace creneau::calendar
