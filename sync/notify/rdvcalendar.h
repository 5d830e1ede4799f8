// The appointment as an iTIP message for a mail attachment (libical): METHOD PUBLISH for the
// usager, REQUEST for agents, CANCEL for both once cancelled; one stable UID per appointment and
// SEQUENCE = the appointment's version, so calendars apply updates in order.
#pragma once

#include <QByteArray>
#include <QString>

namespace creneau::notify {

struct CalendarEvent
{
    QString uid;
    int sequence = 0;
    qint64 startsAt = 0; // UTC seconds
    qint64 endsAt = 0;
    qint64 stamp = 0; // DTSTAMP
    // IANA zone: DTSTART/DTEND with its TZID and a VTIMEZONE; UTC when libical does not know it.
    QString timeZone;
    QString summary;
    QString location;
    QString description;
    QString organizerEmail; // REQUEST and CANCEL need an organizer and the attendee
    QString organizerName;
    QString attendeeEmail;
    QString attendeeName;
};

enum class CalendarMethod
{
    Publish,
    Request,
    Cancel
};

QByteArray toIcs(const CalendarEvent &event, CalendarMethod method);
QString methodName(CalendarMethod method);

} // namespace creneau::notify
