// Everything the recap of an appointment shows, as one map: the API returns it as JSON and the
// recap page renders it.
#pragma once

#include "sync/server/bookingsite.h"

#include <QVariantMap>

namespace creneau::server {

QVariantMap rdvRecap(BookingSite &site, const Organisation &org, const Rdv &rdv,
                     const Usager &usager);

// The prescriber must acknowledge that a usager with neither a mobile phone nor an e-mail
// receives no notification; pages and API share the rule.
void checkReachable(FieldErrors &errors, const BookingRequest &request, bool acknowledged);
extern const char kNoNotificationWarning[];

} // namespace creneau::server
