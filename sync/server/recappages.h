// After booking: the recap page (prescriber's unguessable link, no way to cancel), the usager's
// private page (recap and cancellation up to the organisation's delay), and the .ics download.
#pragma once

#include "bookingsite.h"
#include "pagerenderer.h"
#include "router.h"

namespace creneau::http {

void addRecapPageRoutes(Router &router, BookingSite &site, const PageRenderer &pages);

} // namespace creneau::http
