// What the external-calendar tests share: an organisation with an agent who receives on Mondays,
// a booking service whose sink queues CalDAV jobs, and iCalendar read back with libical.
#pragma once

#include "models/booking.h"
#include "sync/calendar/caldavqueue.h"
#include "sync/calendar/compositeeventsink.h"
#include "testorganisation.h"

#include <QMap>

namespace creneau::test {

struct CalendarFixture
{
    TestOrganisation t;
    ManualClock clock{QDateTime()};
    SlotEngine engine{*t.store};
    calendar::CaldavQueue caldav{clock};
    calendar::CompositeRdvEventSink sink;
    BookingService service;
    Motif phoneMotif;
    QDate monday;

    CalendarFixture();
    // Books as a prescriber at `time` on `monday` (phone motif when `byPhone`).
    Rdv book(const QTime &time, bool byPhone = false);
};

// One VEVENT read back: property name → value ("DTSTART" as UTC seconds in "DTSTART_UTC").
using ParsedEvent = QMap<QString, QString>;
// Every VEVENT of a calendar, keyed by UID; the calendar must parse and hold a VTIMEZONE for
// each TZID used (checked with QVERIFY in the caller through `ok`).
QMap<QString, ParsedEvent> parseCalendar(const QByteArray &ics, bool *ok, QString *problem);

} // namespace creneau::test
