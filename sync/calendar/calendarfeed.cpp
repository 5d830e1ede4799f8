#include "calendarfeed.h"

#include "catalog.h"
#include "rdvcalendar.h"
#include "rdvevent.h"
#include "rdvrepository.h"

namespace creneau::calendar {

QByteArray CalendarFeed::render(Store &store, Id agentId, const QString &host, qint64 now)
{
    Catalog catalog(store);
    const auto agent = catalog.agent(agentId);
    if (!agent)
        return notify::toIcsCalendar({}, QStringLiteral("UTC"));
    const auto org = catalog.organisation(agent->organisationId);
    const QString zone = org ? org->timeZone : QStringLiteral("UTC");
    QList<notify::StoredEvent> events;
    const qint64 day = 24 * 3600;
    for (const Rdv &rdv : RdvRepository(store).between(agent->organisationId, now - kDaysBack * day,
                                                       now + kDaysAhead * day, agentId)) {
        if (auto e = rdvEvent(store, rdv, host, now))
            events << *e;
    }
    const QString name = org ? QStringLiteral("Créneau — ") + org->name : QStringLiteral("Créneau");
    return notify::toIcsCalendar(events, zone, name);
}

} // namespace creneau::calendar
