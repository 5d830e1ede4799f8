#include "sync/ical/icalwriter.h"

#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QTimeZone>

#include <libical/ical.h>

#include <algorithm>

namespace creneau::ical {

namespace {

QByteArray utf8(const QString &s)
{
    return s.toUtf8();
}

icaltimetype utc(qint64 secs)
{
    return icaltime_from_timet_with_zone(time_t(secs), 0, icaltimezone_get_utc_timezone());
}

// libical's builtin zones are named "/freeassociation.sourceforge.net/Europe/Paris" and go back
// to 1891; some parsers reject such a TZID. The zone is written under its IANA name instead,
// with only the observances of the years the calendar's events fall in.
struct Zone
{
    icaltimezone *builtin = nullptr;
    QByteArray tzid; // the IANA name
};

Zone knownZone(const QString &name)
{
    if (name.isEmpty() || name == QLatin1String("UTC"))
        return {};
    icaltimezone *zone = icaltimezone_get_builtin_timezone(utf8(name).constData());
    if (!zone || !icaltimezone_get_component(zone))
        return {};
    return {zone, utf8(name)};
}

icalcomponent *truncatedVtimezone(const Zone &zone, int firstYear, int lastYear)
{
    icalcomponent *vtz = icalcomponent_new_clone(icaltimezone_get_component(zone.builtin));
    icalproperty *tzid = icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY);
    icalproperty_set_tzid(tzid, zone.tzid.constData());
    icaltimetype start = icaltime_null_time();
    start.year = firstYear;
    start.month = 1;
    start.day = 1;
    icaltimetype end = icaltime_null_time();
    end.year = lastYear + 1;
    end.month = 1;
    end.day = 1;
    // ms_compatible: one STANDARD and one DAYLIGHT with an RRULE where the zone allows it,
    // as Outlook expects.
    icaltimezone_truncate_vtimezone(vtz, start, end, 1);
    return vtz;
}

icalcomponent *vtimezone(const Zone &zone, qint64 from, qint64 to)
{
    // Whole years, so that two files of one appointment (before and after a move within the
    // year) carry the same zone, and a calendar that keeps the first one still reads the second.
    const QTimeZone local(zone.tzid);
    const int firstYear = QDateTime::fromSecsSinceEpoch(from, local).date().year();
    const int lastYear = QDateTime::fromSecsSinceEpoch(to, local).date().year();
    // Truncating walks the zone's whole history: done once per zone and years, then copied
    // (each booking's messages carry one).
    static QMutex mutex;
    static QHash<QByteArray, icalcomponent *> truncated; // kept for the process's life
    const QByteArray key =
        zone.tzid + ' ' + QByteArray::number(firstYear) + ' ' + QByteArray::number(lastYear);
    QMutexLocker lock(&mutex);
    icalcomponent *&cached = truncated[key];
    if (!cached) {
        if (truncated.size() > 1000) { // bounded: years far apart cannot grow it forever
            for (icalcomponent *c : std::as_const(truncated))
                if (c)
                    icalcomponent_free(c);
            truncated.clear();
            return icalcomponent_new_clone(
                truncated.insert(key, truncatedVtimezone(zone, firstYear, lastYear)).value());
        }
        cached = truncatedVtimezone(zone, firstYear, lastYear);
    }
    return icalcomponent_new_clone(cached);
}

// Local wall-clock time with its TZID parameter, so calendars keep the hour across DST.
icalproperty *zoned(icalproperty *(*make)(icaltimetype), qint64 secs, const Zone &zone)
{
    if (!zone.builtin)
        return make(utc(secs));
    icaltimetype local = icaltime_from_timet_with_zone(time_t(secs), 0, zone.builtin);
    local.zone = nullptr; // written as local time; the TZID parameter says which
    icalproperty *p = make(local);
    icalproperty_add_parameter(p, icalparameter_new_tzid(zone.tzid.constData()));
    return p;
}

QByteArray mailto(const QString &address)
{
    return "mailto:" + utf8(address.trimmed());
}

icalproperty *person(icalproperty *p, const Person &who)
{
    if (!who.name.trimmed().isEmpty())
        icalproperty_add_parameter(p,
                                   icalparameter_new_cn(utf8(who.name.simplified()).constData()));
    return p;
}

icalproperty_method icalMethod(Method method)
{
    switch (method) {
    case Method::Publish:
        return ICAL_METHOD_PUBLISH;
    case Method::Request:
        return ICAL_METHOD_REQUEST;
    case Method::Cancel:
        return ICAL_METHOD_CANCEL;
    case Method::None:
        break;
    }
    return ICAL_METHOD_NONE;
}

icalcomponent *vevent(const Calendar &cal, const Event &e, const Zone &zone)
{
    icalcomponent *ev = icalcomponent_new_vevent();
    icalcomponent_add_property(
        ev, icalproperty_new_uid(
                utf8(e.sessionId ? sessionUid(e.sessionId, cal.domain) : uid(e.rdvId, cal.domain))
                    .constData()));
    icalcomponent_add_property(ev, icalproperty_new_sequence(e.sequence));
    icalcomponent_add_property(ev, icalproperty_new_dtstamp(utc(cal.stamp)));
    icalcomponent_add_property(ev, zoned(icalproperty_new_dtstart, e.startsAt, zone));
    icalcomponent_add_property(ev, zoned(icalproperty_new_dtend, e.endsAt, zone));
    icalcomponent_add_property(ev, icalproperty_new_summary(utf8(e.summary).constData()));
    if (!e.location.isEmpty())
        icalcomponent_add_property(ev, icalproperty_new_location(utf8(e.location).constData()));
    if (!e.description.isEmpty())
        icalcomponent_add_property(ev,
                                   icalproperty_new_description(utf8(e.description).constData()));
    if (!e.organizer.email.trimmed().isEmpty()) {
        icalproperty *o =
            person(icalproperty_new_organizer(mailto(e.organizer.email).constData()), e.organizer);
        if (!e.sentBy.trimmed().isEmpty() &&
            e.sentBy.trimmed().compare(e.organizer.email.trimmed(), Qt::CaseInsensitive) != 0)
            icalproperty_add_parameter(o, icalparameter_new_sentby(mailto(e.sentBy).constData()));
        icalcomponent_add_property(ev, o);
    }
    for (const Person &a : e.attendees) {
        // RFC 5546 §3.2.1: a PUBLISH names nobody but its organiser.
        if (a.email.trimmed().isEmpty() || cal.method == Method::Publish)
            continue;
        icalproperty *p = person(icalproperty_new_attendee(mailto(a.email).constData()), a);
        icalproperty_add_parameter(p, icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT));
        if (cal.method == Method::Request)
            icalproperty_add_parameter(p, icalparameter_new_partstat(ICAL_PARTSTAT_NEEDSACTION));
        icalcomponent_add_property(ev, p);
    }
    const bool cancelled = e.cancelled || cal.method == Method::Cancel;
    icalcomponent_add_property(
        ev, icalproperty_new_status(cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
    return ev;
}

} // namespace

QString methodName(Method method)
{
    switch (method) {
    case Method::Publish:
        return QStringLiteral("PUBLISH");
    case Method::Request:
        return QStringLiteral("REQUEST");
    case Method::Cancel:
        return QStringLiteral("CANCEL");
    case Method::None:
        break;
    }
    return {};
}

QString uid(Id rdvId, const QString &domain)
{
    return QStringLiteral("rdv-%1@%2").arg(rdvId).arg(domain);
}

QString sessionUid(Id sessionId, const QString &domain)
{
    return QStringLiteral("session-%1@%2").arg(sessionId).arg(domain);
}

QByteArray write(const Calendar &c)
{
    icalcomponent *cal = icalcomponent_new_vcalendar();
    icalcomponent_add_property(cal, icalproperty_new_prodid("-//Creneau//Rendez-vous//FR"));
    icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
    if (c.method != Method::None)
        icalcomponent_add_property(cal, icalproperty_new_method(icalMethod(c.method)));
    if (!c.name.isEmpty()) {
        icalproperty *p = icalproperty_new_x(utf8(c.name).constData());
        icalproperty_set_x_name(p, "X-WR-CALNAME");
        icalcomponent_add_property(cal, p);
    }
    const Zone zone = knownZone(c.timeZone);
    if (zone.builtin && !c.events.isEmpty()) {
        qint64 from = c.events.first().startsAt;
        qint64 to = c.events.first().endsAt;
        for (const Event &e : c.events) {
            from = std::min(from, e.startsAt);
            to = std::max(to, e.endsAt);
        }
        icalcomponent_add_component(cal, vtimezone(zone, from, to));
    }
    for (const Event &e : c.events)
        icalcomponent_add_component(cal, vevent(c, e, zone));
    char *text = icalcomponent_as_ical_string_r(cal);
    const QByteArray out(text);
    icalmemory_free_buffer(text);
    icalcomponent_free(cal);
    return out;
}

} // namespace creneau::ical
