#include "sync/calendar/calendarfeed.h"

#include "models/catalog.h"
#include "models/rdvrepository.h"
#include "models/sessionrepository.h"
#include "sync/ical/calendardomain.h"
#include "sync/ical/rdvical.h"

namespace creneau::calendar {

QByteArray CalendarFeed::render(Store &store, Id agentId, qint64 now)
{
    Catalog catalog(store);
    ical::Calendar cal;
    cal.domain = ical::calendarDomain(store);
    cal.stamp = now;
    const auto agent = catalog.agent(agentId);
    if (!agent)
        return ical::write(cal);
    const auto org = catalog.organisation(agent->organisationId);
    cal.timeZone = org ? org->timeZone : QStringLiteral("UTC");
    cal.name = org ? QStringLiteral("Créneau — ") + org->name : QStringLiteral("Créneau");
    const qint64 day = 24 * 3600;
    // Stored events (no METHOD, ORGANIZER nor ATTENDEE): a subscription only shows them.
    for (const Rdv &rdv : RdvRepository(store).between(agent->organisationId, now - kDaysBack * day,
                                                       now + kDaysAhead * day, agentId)) {
        if (rdv.sessionId)
            continue; // its session's one event below stands for every participant
        if (auto e = ical::rdvEvent(store, rdv, ical::Audience::Agent))
            cal.events << *e;
    }
    SessionRepository sessions(store);
    const QList<CollectiveSession> led =
        sessions.between(agent->organisationId, now - kDaysBack * day, now + kDaysAhead * day);
    QList<Id> ids;
    for (const CollectiveSession &s : led)
        ids << s.id;
    const QHash<Id, int> taken = sessions.taken(ids);
    for (const CollectiveSession &s : led)
        if (s.agentIds.contains(agentId))
            if (auto e = ical::sessionEvent(store, s, taken.value(s.id)))
                cal.events << *e;
    return ical::write(cal);
}

} // namespace creneau::calendar
