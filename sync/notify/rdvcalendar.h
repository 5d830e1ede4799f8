// The appointment as an iTIP message for a mail attachment (libical): METHOD PUBLISH for the
// usager, REQUEST for agents, CANCEL for both once cancelled; one stable UID per appointment and
// SEQUENCE = the appointment's version, so calendars apply updates in order.
#pragma once

#include <QByteArray>
#include <QList>
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

// A calendar without METHOD, as a subscription feed or a CalDAV resource holds (RFC 4791 forbids
// METHOD there): the VTIMEZONE of `timeZone` once, then each event (organizer and attendee left
// out) with STATUS CONFIRMED, or CANCELLED when flagged. `name` becomes X-WR-CALNAME when set.
struct StoredEvent
{
    CalendarEvent event;
    bool cancelled = false;
};
QByteArray toIcsCalendar(const QList<StoredEvent> &events, const QString &timeZone,
                         const QString &name = {});
QString methodName(CalendarMethod method);

} // namespace creneau::notify
