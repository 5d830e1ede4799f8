#include "rdvcalendar.h"

#include <libical/ical.h>

namespace creneau::notify {

namespace {

icaltimetype utc(qint64 secs)
{
    return icaltime_from_timet_with_zone(time_t(secs), 0, icaltimezone_get_utc_timezone());
}

QByteArray utf8(const QString &s)
{
    return s.toUtf8();
}

icalproperty *person(icalproperty *p, const QString &name)
{
    if (!name.trimmed().isEmpty())
        icalproperty_add_parameter(p, icalparameter_new_cn(utf8(name.simplified()).constData()));
    return p;
}

// DTSTART/DTEND in the organisation's zone so that calendars show the local wall-clock time
// even across DST; the VTIMEZONE is added to `cal` once.
icalproperty *zoned(icalproperty *(*make)(icaltimetype), qint64 secs, icaltimezone *zone)
{
    if (!zone)
        return make(utc(secs));
    icaltimetype local = icaltime_from_timet_with_zone(time_t(secs), 0, zone);
    local.zone = nullptr; // written as local time; the TZID parameter says which
    icalproperty *p = make(local);
    icalproperty_add_parameter(p, icalparameter_new_tzid(icaltimezone_get_tzid(zone)));
    return p;
}

icaltimezone *knownZone(const QString &name)
{
    if (name.isEmpty() || name == QLatin1String("UTC"))
        return nullptr;
    icaltimezone *zone = icaltimezone_get_builtin_timezone(name.toUtf8().constData());
    return zone && icaltimezone_get_component(zone) && icaltimezone_get_tzid(zone) ? zone : nullptr;
}

} // namespace

QString methodName(CalendarMethod method)
{
    switch (method) {
    case CalendarMethod::Publish:
        return QStringLiteral("PUBLISH");
    case CalendarMethod::Request:
        return QStringLiteral("REQUEST");
    case CalendarMethod::Cancel:
        return QStringLiteral("CANCEL");
    }
    return QStringLiteral("PUBLISH");
}

QByteArray toIcs(const CalendarEvent &e, CalendarMethod method)
{
    icalcomponent *cal = icalcomponent_new_vcalendar();
    icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
    icalcomponent_add_property(cal, icalproperty_new_prodid("-//Creneau//Notifications//FR"));
    icalcomponent_add_property(
        cal, icalproperty_new_method(method == CalendarMethod::Request  ? ICAL_METHOD_REQUEST
                                     : method == CalendarMethod::Cancel ? ICAL_METHOD_CANCEL
                                                                        : ICAL_METHOD_PUBLISH));
    icaltimezone *zone = knownZone(e.timeZone);
    if (zone)
        icalcomponent_add_component(cal, icalcomponent_new_clone(icaltimezone_get_component(zone)));
    icalcomponent *ev = icalcomponent_new_vevent();
    icalcomponent_add_property(ev, icalproperty_new_uid(utf8(e.uid).constData()));
    icalcomponent_add_property(ev, icalproperty_new_sequence(e.sequence));
    icalcomponent_add_property(ev, icalproperty_new_dtstamp(utc(e.stamp)));
    icalcomponent_add_property(ev, zoned(icalproperty_new_dtstart, e.startsAt, zone));
    icalcomponent_add_property(ev, zoned(icalproperty_new_dtend, e.endsAt, zone));
    icalcomponent_add_property(ev, icalproperty_new_summary(utf8(e.summary).constData()));
    if (!e.location.isEmpty())
        icalcomponent_add_property(ev, icalproperty_new_location(utf8(e.location).constData()));
    if (!e.description.isEmpty())
        icalcomponent_add_property(ev,
                                   icalproperty_new_description(utf8(e.description).constData()));
    if (method != CalendarMethod::Publish && !e.organizerEmail.isEmpty()) {
        icalcomponent_add_property(
            ev, person(icalproperty_new_organizer(
                           utf8(QStringLiteral("mailto:") + e.organizerEmail).constData()),
                       e.organizerName));
        if (!e.attendeeEmail.isEmpty())
            icalcomponent_add_property(
                ev, person(icalproperty_new_attendee(
                               utf8(QStringLiteral("mailto:") + e.attendeeEmail).constData()),
                           e.attendeeName));
    }
    icalcomponent_add_property(ev, icalproperty_new_status(method == CalendarMethod::Cancel
                                                               ? ICAL_STATUS_CANCELLED
                                                               : ICAL_STATUS_CONFIRMED));
    icalcomponent_add_component(cal, ev);
    char *text = icalcomponent_as_ical_string_r(cal);
    const QByteArray out(text);
    icalmemory_free_buffer(text);
    icalcomponent_free(cal);
    return out;
}

QByteArray toIcsCalendar(const QList<StoredEvent> &events, const QString &timeZone,
                         const QString &name)
{
    icalcomponent *cal = icalcomponent_new_vcalendar();
    icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
    icalcomponent_add_property(cal, icalproperty_new_prodid("-//Creneau//Calendrier//FR"));
    if (!name.isEmpty()) {
        icalproperty *p = icalproperty_new_x(utf8(name).constData());
        icalproperty_set_x_name(p, "X-WR-CALNAME");
        icalcomponent_add_property(cal, p);
    }
    icaltimezone *zone = knownZone(timeZone);
    if (zone)
        icalcomponent_add_component(cal, icalcomponent_new_clone(icaltimezone_get_component(zone)));
    for (const StoredEvent &s : events) {
        const CalendarEvent &e = s.event;
        icalcomponent *ev = icalcomponent_new_vevent();
        icalcomponent_add_property(ev, icalproperty_new_uid(utf8(e.uid).constData()));
        icalcomponent_add_property(ev, icalproperty_new_sequence(e.sequence));
        icalcomponent_add_property(ev, icalproperty_new_dtstamp(utc(e.stamp)));
        icalcomponent_add_property(ev, zoned(icalproperty_new_dtstart, e.startsAt, zone));
        icalcomponent_add_property(ev, zoned(icalproperty_new_dtend, e.endsAt, zone));
        icalcomponent_add_property(ev, icalproperty_new_summary(utf8(e.summary).constData()));
        if (!e.location.isEmpty())
            icalcomponent_add_property(ev, icalproperty_new_location(utf8(e.location).constData()));
        if (!e.description.isEmpty())
            icalcomponent_add_property(
                ev, icalproperty_new_description(utf8(e.description).constData()));
        icalcomponent_add_property(
            ev,
            icalproperty_new_status(s.cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
        icalcomponent_add_component(cal, ev);
    }
    char *text = icalcomponent_as_ical_string_r(cal);
    const QByteArray out(text);
    icalmemory_free_buffer(text);
    icalcomponent_free(cal);
    return out;
}

} // namespace creneau::notify
