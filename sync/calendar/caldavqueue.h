// Queues CalDAV pushes inside the booking transaction (RdvEventSink): one pending job per
// (agent, appointment) whose calendar is CalDAV, and per (agent, collective session) for the
// sessions they lead: a participant's registration or cancellation brings the session's one
// event in line (its count), never an event per participant. A job means "bring this in line"
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
    void recordSession(Store &store, const SessionEvent &event) override;
    // Queues a job unless one is already pending; the caller holds a write transaction.
    static void enqueue(Store &store, Id agentId, Id rdvId, qint64 now);
    static void enqueueSession(Store &store, Id agentId, Id sessionId, qint64 now);

private:
    static void enqueueFor(Store &store, Id agentId, Id rdvId, Id sessionId, qint64 now);
    // Those of `agents` whose external calendar is a CalDAV collection.
    static QList<Id> caldavAgents(Store &store, const QList<Id> &agents);
    const Clock &m_clock;
};

} // namespace creneau::calendar
