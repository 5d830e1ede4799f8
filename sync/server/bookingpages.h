// The public booking pages, on both links of an organisation: the public one (/rdv/<slug>) and
// the partners' one (/rdv/<slug>/prescripteur). Steps: organisation, créneaux, choice (public
// link only), prescriber, usager, confirmation; then a redirect to the recap (recappages.h).
#pragma once

#include "sync/server/bookingsite.h"
#include "sync/server/pagerenderer.h"
#include "sync/server/router.h"

namespace creneau::server {

void addBookingPageRoutes(Router &router, BookingSite &site, const PageRenderer &pages);

} // namespace creneau::server
