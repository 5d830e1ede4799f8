// The window of time agents' instants must fall in (appointments, absences): no earlier than a
// year ago, no later than two years ahead, so an absurd value is neither stored, mailed (1970)
// nor overflows when a duration is added to it (9223372036854775807).
#pragma once

#include "models/validation.h"

#include <QtGlobal>

namespace creneau {

struct Horizon
{
    static constexpr qint64 kPastSecs = 366LL * 24 * 3600;
    static constexpr qint64 kFutureSecs = 2LL * 366 * 24 * 3600;
    static constexpr int kRuleYears = 2; // a rule must match within this many years

    // Whether `secs` lies in [now - a year, now + two years].
    static bool contains(qint64 secs, qint64 now);
    // Records a French message under `field` when `secs` lies outside; true when it is inside.
    static bool check(FieldErrors &errors, const QString &field, qint64 secs, qint64 now);
};

} // namespace creneau
