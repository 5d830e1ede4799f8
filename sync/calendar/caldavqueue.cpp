#include "sync/calendar/caldavqueue.h"

#include "models/sql.h"

#include <QSet>

namespace creneau::calendar {

void CaldavQueue::enqueue(Store &store, Id agentId, Id rdvId, qint64 now)
{
    // A claimed job may already be reading the appointment: a change made now needs a job of its
    // own, or the calendar would keep the state that job read.
    if (sql::scalar(store.db(),
                    QStringLiteral("SELECT 1 FROM caldav_jobs WHERE agent_id = ? AND rdv_id = ? "
                                   "AND status = 'pending' AND claimed_by = ''"),
                    {agentId, rdvId})
            .isValid())
        return;
    sql::run(store.db(),
             QStringLiteral("INSERT INTO caldav_jobs (agent_id, rdv_id, next_attempt_at, "
                            "created_at) VALUES (?, ?, ?, ?)"),
             {agentId, rdvId, now, now});
}

void CaldavQueue::record(Store &store, const RdvEvent &event)
{
    // The status (seen, no-show) and the context are not part of the calendar event.
    if (event.kind == RdvEvent::Kind::StatusChanged || event.kind == RdvEvent::Kind::ContextChanged)
        return;
    QSet<Id> agents(event.rdv.agentIds.cbegin(), event.rdv.agentIds.cend());
    for (Id a : event.previous.agentIds) // a move may hand the appointment to someone else
        agents.insert(a);
    const qint64 now = m_clock.nowSecs();
    for (Id agentId : agents) {
        const bool caldav =
            sql::scalar(store.db(),
                        QStringLiteral("SELECT 1 FROM agent_calendars WHERE agent_id = ? "
                                       "AND mode = 'caldav' AND caldav_url <> ''"),
                        {agentId})
                .isValid();
        if (caldav)
            enqueue(store, agentId, event.rdv.id, now);
    }
}

} // namespace creneau::calendar
