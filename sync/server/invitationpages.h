// The page an invited agent opens from their e-mail (/invitation/<token>): they choose their
// password (OrganisationService's rules), which spends the single-use token. French, same layout
// and CSRF protection as the booking pages; an unknown, used or expired token is a 404 page.
#pragma once

#include "bookingsite.h"
#include "pagerenderer.h"
#include "router.h"

namespace creneau::http {

void addInvitationPageRoutes(Router &router, BookingSite &site, const PageRenderer &pages);

} // namespace creneau::http
