// What the booking pages show of a collective motif's sessions: each with its date, lieu and
// places (« 3 places restantes », « Complet »), a link to register when places are left.
#pragma once

#include "sync/server/bookingsite.h"

#include <QVariantList>

namespace creneau::server {

// [{label, lieu, places, url (empty when full)}]; `base` the link's root, `suffix` appended to
// each link (« &suite=1 »).
QVariantList sessionItems(BookingSite &site, const Organisation &org, const QString &base,
                          const QList<SessionPlaces> &sessions, const QString &suffix = {});
// « 3 places restantes », « 1 place restante », « Complet ».
QString placesText(int placesLeft);

} // namespace creneau::server
