#include "sync/calendar/caldavqueue.h"

#include "models/sql.h"

#include <QSet>

namespace creneau::calendar {

void CaldavQueue::enqueueFor(Store &store, Id agentId, Id rdvId, Id sessionId, qint64 now)
{
    // A claimed job may already be reading the appointment: a change made now needs a job of its
    // own, or the calendar would keep the state that job read.
    if (sql::scalar(store.db(),
                    QStringLiteral("SELECT 1 FROM caldav_jobs WHERE agent_id = ? AND rdv_id = ? "
                                   "AND session_id = ? AND status = 'pending' AND claimed_by = ''"),
                    {agentId, rdvId, sessionId})
            .isValid())
        return;
    sql::run(store.db(),
             QStringLiteral("INSERT INTO caldav_jobs (agent_id, rdv_id, session_id, "
                            "next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?)"),
             {agentId, rdvId, sessionId, now, now});
}

void CaldavQueue::enqueue(Store &store, Id agentId, Id rdvId, qint64 now)
{
    enqueueFor(store, agentId, rdvId, 0, now);
}

void CaldavQueue::enqueueSession(Store &store, Id agentId, Id sessionId, qint64 now)
{
    enqueueFor(store, agentId, 0, sessionId, now);
}

QList<Id> CaldavQueue::caldavAgents(Store &store, const QList<Id> &agents)
{
    QList<Id> out;
    const QSet<Id> unique(agents.cbegin(), agents.cend());
    for (Id agentId : unique)
        if (sql::scalar(store.db(),
                        QStringLiteral("SELECT 1 FROM agent_calendars WHERE agent_id = ? "
                                       "AND mode = 'caldav' AND caldav_url <> ''"),
                        {agentId})
                .isValid())
            out << agentId;
    return out;
}

void CaldavQueue::record(Store &store, const RdvEvent &event)
{
    // The status (seen, no-show) and the context are not part of the calendar event.
    if (event.kind == RdvEvent::Kind::StatusChanged || event.kind == RdvEvent::Kind::ContextChanged)
        return;
    // A move may hand the appointment to someone else.
    const QList<Id> agents = caldavAgents(store, event.rdv.agentIds + event.previous.agentIds);
    const qint64 now = m_clock.nowSecs();
    for (Id agentId : agents) {
        if (event.rdv.sessionId)
            enqueueSession(store, agentId, event.rdv.sessionId, now); // its count changed
        else
            enqueue(store, agentId, event.rdv.id, now);
    }
}

void CaldavQueue::recordSession(Store &store, const SessionEvent &event)
{
    // Created, moved, handed to other agents or cancelled: each agent's copy in line.
    const QList<Id> agents = caldavAgents(store, event.session.agentIds + event.previous.agentIds);
    const qint64 now = m_clock.nowSecs();
    for (Id agentId : agents)
        enqueueSession(store, agentId, event.session.id, now);
}

} // namespace creneau::calendar
