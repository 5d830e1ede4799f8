// The public JSON API: motifs, créneaux and booking, under the same rules as the pages.
#pragma once

#include "sync/server/bookingsite.h"
#include "sync/server/router.h"

namespace creneau::server {

void addPublicApiRoutes(Router &router, BookingSite &site);

} // namespace creneau::server
