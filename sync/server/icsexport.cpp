#include "icsexport.h"

#include <QDateTime>

#include <libical/ical.h>

namespace creneau::http {

namespace {
icaltimetype utc(qint64 secs)
{
    return icaltime_from_timet_with_zone(time_t(secs), 0, icaltimezone_get_utc_timezone());
}
} // namespace

QByteArray toIcs(const IcsEvent &e)
{
    icalcomponent *cal = icalcomponent_new_vcalendar();
    icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
    icalcomponent_add_property(cal, icalproperty_new_prodid("-//Creneau//Rendez-vous//FR"));
    icalcomponent_add_property(cal, icalproperty_new_method(ICAL_METHOD_PUBLISH));
    icalcomponent *ev = icalcomponent_new_vevent();
    icalcomponent_add_property(ev, icalproperty_new_uid(e.uid.toUtf8().constData()));
    icalcomponent_add_property(ev,
                               icalproperty_new_dtstamp(utc(QDateTime::currentSecsSinceEpoch())));
    icalcomponent_add_property(ev, icalproperty_new_dtstart(utc(e.startsAt)));
    icalcomponent_add_property(ev, icalproperty_new_dtend(utc(e.endsAt)));
    icalcomponent_add_property(ev, icalproperty_new_summary(e.summary.toUtf8().constData()));
    if (!e.location.isEmpty())
        icalcomponent_add_property(ev, icalproperty_new_location(e.location.toUtf8().constData()));
    if (!e.description.isEmpty())
        icalcomponent_add_property(
            ev, icalproperty_new_description(e.description.toUtf8().constData()));
    icalcomponent_add_property(
        ev, icalproperty_new_status(e.cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
    icalcomponent_add_component(cal, ev);
    char *text = icalcomponent_as_ical_string_r(cal);
    const QByteArray out(text);
    icalmemory_free_buffer(text);
    icalcomponent_free(cal);
    return out;
}

} // namespace creneau::http
