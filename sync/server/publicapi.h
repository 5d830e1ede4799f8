// The public JSON API: motifs, créneaux and booking, under the same rules as the pages.
#pragma once

#include "bookingsite.h"
#include "router.h"

namespace creneau::http {

void addPublicApiRoutes(Router &router, BookingSite &site);

} // namespace creneau::http
