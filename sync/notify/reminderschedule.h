// When an organisation changes its reminder delay, its pending reminders follow: each is due at
// its appointment's start minus the new delay, and dropped when the delay is now 0 or that
// instant has passed (the confirmation covers it). Runs inside the transaction of the change.
#pragma once

#include "domain.h"
#include "store.h"

namespace creneau::notify {

// Returns how many reminders were moved or dropped.
int rescheduleReminders(Store &store, Id organisationId, int reminderHours, qint64 now);

} // namespace creneau::notify
