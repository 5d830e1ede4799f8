// The public JSON API: motifs, créneaux and booking, under the same rules as the pages.
#pragma once

#include "sync/server/bookingsite.h"
#include "sync/server/router.h"

namespace creneau::server {

class ReadWorkers;

// `readers`: where the créneaux and sessions lists are computed; null: on the server's thread.
void addPublicApiRoutes(Router &router, BookingSite &site, ReadWorkers *readers = nullptr);

} // namespace creneau::server
