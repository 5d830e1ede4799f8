// After booking: the recap page (prescriber's unguessable link, no way to cancel), the usager's
// private page (recap and cancellation up to the organisation's delay), and the .ics download.
#pragma once

#include "sync/ical/rdvical.h"
#include "sync/server/bookingsite.h"
#include "sync/server/pagerenderer.h"
#include "sync/server/router.h"

namespace creneau::server {

// `mailFrom`: the address e-mails come from, the files' ORGANIZER when the organisation has none
// (as in the e-mails, so that both name one organiser).
// The recap's download: the appointment as `audience` may see it (Usager on the usager's page,
// Prescripteur on the prescriber's recap), METHOD PUBLISH; empty when its motif is gone.
QByteArray recapCalendar(Store &store, const Organisation &org, const Rdv &rdv,
                         ical::Audience audience, const QString &mailFrom, qint64 now);

void addRecapPageRoutes(Router &router, BookingSite &site, const PageRenderer &pages,
                        const QString &mailFrom = {});

} // namespace creneau::server
