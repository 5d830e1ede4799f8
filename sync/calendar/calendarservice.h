// External calendars for one server, assembled in one place: the key from the data directory,
// the sink that queues CalDAV pushes in the booking transaction (chained after another sink,
// e.g. the notifications'), and the push worker. Its HTTP routes (feed and agent settings) are
// the server's: sync/server/calendarapi, given key().
#pragma once

#include "sync/calendar/caldavqueue.h"
#include "sync/calendar/caldavworker.h"
#include "sync/calendar/compositeeventsink.h"

#include <memory>

namespace creneau::calendar {

class CalendarService
{
public:
    CalendarService(Store &store, const QString &dataDir, const Clock &clock = Clock::system());
    // With the installation's shared key (models/installationkeys.h).
    CalendarService(Store &store, const CalendarKey &key, const Clock &clock = Clock::system());

    // The sink to give the booking service: `first` (may be null), then the CalDAV queue, then a
    // wake-up of the worker once the transaction is over.
    RdvEventSink *sink(RdvEventSink *first);
    void start() { m_worker.start(); }
    // --allow-insecure-caldav, for saving and for pushing alike.
    void setAllowInsecureCaldav(bool allow) { m_worker.setAllowInsecure(allow); }
    const CalendarKey &key() const { return m_key; }
    CaldavWorker &worker() { return m_worker; }

private:
    class Kicker : public RdvEventSink
    {
    public:
        explicit Kicker(CaldavWorker &worker) : m_worker(worker) {}
        void record(Store &, const RdvEvent &) override;
        void recordSession(Store &, const SessionEvent &) override;

    private:
        CaldavWorker &m_worker;
    };

    CalendarKey m_key;
    CaldavQueue m_queue;
    CaldavWorker m_worker;
    Kicker m_kicker{m_worker};
    CompositeRdvEventSink m_sink;
    bool m_chained = false;
};

} // namespace creneau::calendar
