// An agent's private subscription feed: their appointments from 30 days back to six months
// ahead, cancelled ones kept (STATUS:CANCELLED) so that subscribed calendars drop them.
#pragma once

#include "models/domain.h"
#include "models/store.h"

#include <QByteArray>

namespace creneau::calendar {

class CalendarFeed
{
public:
    static constexpr int kDaysBack = 30;
    static constexpr int kDaysAhead = 183;

    // An empty calendar when the agent is unknown.
    static QByteArray render(Store &store, Id agentId, qint64 now);
};

} // namespace creneau::calendar
