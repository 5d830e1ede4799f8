// The page an invited agent opens from their e-mail (/invitation/<token>): they choose their
// password (OrganisationService's rules), which spends the single-use token. French, same layout
// and CSRF protection as the booking pages; an unknown, used or expired token is a 404 page.
#pragma once

#include "sync/server/bookingsite.h"
#include "sync/server/pagerenderer.h"
#include "sync/server/router.h"

namespace creneau::server {

void addInvitationPageRoutes(Router &router, BookingSite &site, const PageRenderer &pages);

} // namespace creneau::server
