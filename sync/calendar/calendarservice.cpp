#include "sync/calendar/calendarservice.h"

#include <QMetaObject>

namespace creneau::calendar {

CalendarService::CalendarService(Store &store, const QString &dataDir, const Clock &clock)
    : CalendarService(store, CalendarKey::load(dataDir), clock)
{}

CalendarService::CalendarService(Store &store, const CalendarKey &key, const Clock &clock)
    : m_key(key), m_queue(clock), m_worker(store, m_key, clock)
{}

RdvEventSink *CalendarService::sink(RdvEventSink *first)
{
    if (!m_chained) {
        m_sink.add(first);
        m_sink.add(&m_queue);
        m_sink.add(&m_kicker);
        m_chained = true;
    }
    return &m_sink;
}

void CalendarService::Kicker::record(Store &, const RdvEvent &)
{
    // Queued: runs after the booking transaction has committed.
    QMetaObject::invokeMethod(&m_worker, &CaldavWorker::kick, Qt::QueuedConnection);
}

void CalendarService::Kicker::recordSession(Store &, const SessionEvent &)
{
    QMetaObject::invokeMethod(&m_worker, &CaldavWorker::kick, Qt::QueuedConnection);
}

} // namespace creneau::calendar
