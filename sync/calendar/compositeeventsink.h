// Forwards each booking change to several sinks (notifications, CalDAV push...), in order, inside
// the same transaction: BookingService takes only one.
#pragma once

#include "models/booking.h"

#include <QList>

namespace creneau::calendar {

class CompositeRdvEventSink : public RdvEventSink
{
public:
    void add(RdvEventSink *sink)
    {
        if (sink)
            m_sinks << sink;
    }
    void record(Store &store, const RdvEvent &event) override
    {
        for (RdvEventSink *sink : m_sinks)
            sink->record(store, event);
    }
    void recordSession(Store &store, const SessionEvent &event) override
    {
        for (RdvEventSink *sink : m_sinks)
            sink->recordSession(store, event);
    }

private:
    QList<RdvEventSink *> m_sinks;
};

} // namespace creneau::calendar
