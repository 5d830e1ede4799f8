// A test organisation whose bookings queue notifications (NotificationSink), with a manual
// clock and helpers to book, move and cancel as each actor, and to run a delivery worker until
// it has nothing left in flight.
#pragma once

#include "models/booking.h"
#include "models/slotengine.h"
#include "sync/notify/deliveryworker.h"
#include "sync/notify/notificationsink.h"
#include "testorganisation.h"

namespace creneau::test {

struct NotifyScenario
{
    static const QDate kMonday; // 2027-03-01, the day of the opening range's first créneaux

    TestOrganisation t;
    ManualClock clock{QDateTime()};
    SlotEngine engine{*t.store};
    notify::NotificationSink sink;
    BookingService service{*t.store, engine, clock, &sink};
    Motif partners;

    // `calendarByEmail`: as NotifyContext's (unset: no agent chose e-mail invitations).
    explicit NotifyScenario(std::function<bool(Store &, Id)> calendarByEmail = {});

    BookingRequest request(CreatedBy who, const QTime &at);
    BookingOutcome book(CreatedBy who, const QTime &at = QTime(9, 0));
    // Runs tick() and waits (event loop) until the batch is done; false on timeout.
    static bool runWorker(notify::DeliveryWorker &worker, int timeoutMs = 20000);
    int countRows(const QString &where = QString()) const;
};

} // namespace creneau::test
