// The installation's calendar domain, the right-hand side of every UID ("rdv-4@<domain>"):
// created once at random and kept in the database, so that every server instance, every face
// and every restart name an appointment alike, whatever --public-url says.
#pragma once

#include "models/store.h"

#include <QString>

namespace creneau::ical {

// Reads it, creating it on first use (several instances racing agree on the first one stored).
QString calendarDomain(Store &store);

} // namespace creneau::ical
