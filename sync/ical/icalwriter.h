// The one writer of Créneau's iCalendar text (libical): UID, SEQUENCE, METHOD, ORGANIZER with
// SENT-BY, ATTENDEEs, DTSTAMP in UTC, DTSTART/DTEND with the IANA TZID and a VTIMEZONE truncated
// to the years the calendar needs. Every face (recap download, e-mails, feed, CalDAV) writes
// through it, so that one appointment is one event everywhere.
#pragma once

#include "models/domain.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace creneau::ical {

enum class Method
{
    None,    // a stored calendar: feed or CalDAV resource (RFC 4791 forbids METHOD there)
    Publish, // RFC 5546 §3.2.1: for information, exactly one ORGANIZER and no ATTENDEE
    Request, // §3.2.2: an invitation, ORGANIZER and the ATTENDEEs
    Cancel,  // §3.2.5: ORGANIZER and every ATTENDEE of the event it cancels
};
QString methodName(Method method); // "PUBLISH"...; empty for None

struct Person
{
    QString email; // bare address
    QString name;  // CN, may be empty
};

struct Event
{
    Id rdvId = 0;        // the UID is made from it and the installation's domain
    Id sessionId = 0;    // instead of rdvId: a collective session's one event for its agents
    int sequence = 0;    // the appointment's version: strictly increases with every change
    qint64 startsAt = 0; // UTC seconds
    qint64 endsAt = 0;
    QString summary;
    QString location;
    QString description;
    bool cancelled = false;  // STATUS:CANCELLED (always so under METHOD:CANCEL)
    Person organizer;        // empty address: no ORGANIZER (stored calendars)
    QString sentBy;          // the mail's sender when it is not the organiser's address
    QList<Person> attendees; // left out under PUBLISH, which may not name any
};

struct Calendar
{
    Method method = Method::None;
    QString domain;   // the installation's (see calendardomain.h)
    QString timeZone; // IANA name; UTC times when empty, "UTC" or unknown to libical
    qint64 stamp = 0; // DTSTAMP of every event (UTC seconds)
    QString name;     // X-WR-CALNAME when set
    QList<Event> events;
};

// "rdv-<id>@<domain>": the appointment's UID in every file Créneau writes.
QString uid(Id rdvId, const QString &domain);
// "session-<id>@<domain>": a collective session's UID in the agents' calendars.
QString sessionUid(Id sessionId, const QString &domain);

// CRLF, folded at 75 octets, as RFC 5545 wants.
QByteArray write(const Calendar &calendar);

} // namespace creneau::ical
