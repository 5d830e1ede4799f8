// A collective motif's sessions as the public API answers them (the list, and the next sessions
// offered when one is full).
#pragma once

#include "models/sessionrepository.h"
#include "sync/server/bookingsite.h"

#include <QJsonArray>

namespace creneau::server {

// [{id, starts_at, ends_at, lieu_id, lieu_name, capacity, places_left}]
QJsonArray sessionsJson(BookingSite &site, const Organisation &org,
                        const QList<SessionPlaces> &sessions);

} // namespace creneau::server
