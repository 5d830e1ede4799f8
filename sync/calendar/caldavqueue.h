// Queues CalDAV pushes inside the booking transaction (RdvEventSink): one pending job per
// (agent, appointment) whose calendar is CalDAV. A job means "bring this appointment in line"
// and is resolved against the current state when delivered (CaldavWorker), so a job that waited
// while the server was down sends the latest version, once.
#pragma once

#include "models/booking.h"
#include "models/clock.h"

namespace creneau::calendar {

class CaldavQueue : public RdvEventSink
{
public:
    explicit CaldavQueue(const Clock &clock = Clock::system()) : m_clock(clock) {}
    void record(Store &store, const RdvEvent &event) override;
    // Queues a job unless one is already pending; the caller holds a write transaction.
    static void enqueue(Store &store, Id agentId, Id rdvId, qint64 now);

private:
    const Clock &m_clock;
};

} // namespace creneau::calendar
