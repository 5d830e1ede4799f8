// When an organisation changes its reminder delay, its pending reminders follow: each is due at
// its appointment's start minus the new delay, and dropped when the delay is now 0 or that
// instant has passed (the confirmation covers it). Runs inside the transaction of the change.
#pragma once

#include "models/domain.h"
#include "models/store.h"

#include <functional>

namespace creneau::notify {

// Returns how many reminders were moved or dropped. With `queueMissing` (NotificationSink::
// queueReminder), future appointments that have no reminder — booked while the delay was 0, or
// dropped by an earlier change of delay — get one; never those held by an abuse limit.
int rescheduleReminders(Store &store, Id organisationId, int reminderHours, qint64 now,
                        const std::function<void(const Rdv &)> &queueMissing = {});

} // namespace creneau::notify
