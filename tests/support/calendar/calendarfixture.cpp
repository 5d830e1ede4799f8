#include "calendarfixture.h"

#include <libical/ical.h>

namespace creneau::test {

CalendarFixture::CalendarFixture() : service(*t.store, engine, clock, &sink)
{
    sink.add(&caldav);
    // The next Monday a week from now, so that the feed's window holds it.
    const QDate today = QDate::currentDate();
    monday = today.addDays(7 + (8 - today.dayOfWeek()) % 7);
    clock.set(QDateTime::currentDateTimeUtc());
    phoneMotif =
        t.addMotif(QStringLiteral("Bilan téléphonique"), 45, BookableBy::AgentsAndPrescripteurs);
    sql::run(t.store->db(),
             QStringLiteral("UPDATE motifs SET location_type = 'phone', "
                            "bookable_by = 'agents_and_prescripteurs' WHERE id = ?"),
             {phoneMotif.id});
    sql::run(t.store->db(),
             QStringLiteral("UPDATE motifs SET bookable_by = 'agents_and_prescripteurs'"));
    sql::run(t.store->db(), QStringLiteral("UPDATE lieux SET address = ? WHERE id = ?"),
             {QStringLiteral("3 rue de la Paix, 76000 Rouen"), t.lieu.id});
    t.addPlage(t.agent.id, t.lieu.id, {t.motif.id, phoneMotif.id}, monday, QTime(9, 0),
               QTime(17, 0), QStringLiteral("FREQ=WEEKLY;BYDAY=MO"));
}

Rdv CalendarFixture::book(const QTime &time, bool byPhone)
{
    BookingRequest r;
    r.organisationId = t.org.id;
    r.motifId = byPhone ? phoneMotif.id : t.motif.id;
    r.lieuId = t.lieu.id;
    r.startsAt = t.at(monday, time);
    r.bookedBy = CreatedBy::Prescripteur;
    r.prescripteur = {QStringLiteral("Nathalie"), QStringLiteral("Roux"),
                      QStringLiteral("n.roux@mairie.fr"), QStringLiteral("02 32 64 15 00")};
    r.usager.firstName = QStringLiteral("Amina");
    r.usager.lastName = QStringLiteral("Diallo");
    r.usager.phone = QStringLiteral("06 12 34 56 78");
    const BookingOutcome out = service.book(r);
    if (!out.ok())
        qWarning() << "booking failed:" << out.message << out.fields;
    return out.rdv;
}

QMap<QString, ParsedEvent> parseCalendar(const QByteArray &ics, bool *ok, QString *problem)
{
    *ok = false;
    QMap<QString, ParsedEvent> out;
    icalcomponent *cal = icalparser_parse_string(ics.constData());
    if (!cal || icalcomponent_isa(cal) != ICAL_VCALENDAR_COMPONENT) {
        *problem = QStringLiteral("not a VCALENDAR");
        if (cal)
            icalcomponent_free(cal);
        return out;
    }
    if (icalcomponent_count_errors(cal) > 0) {
        *problem = QStringLiteral("libical reports errors");
        icalcomponent_free(cal);
        return out;
    }
    for (icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
         ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
        ParsedEvent e;
        e[QStringLiteral("UID")] = QString::fromUtf8(icalcomponent_get_uid(ev));
        e[QStringLiteral("SUMMARY")] = QString::fromUtf8(icalcomponent_get_summary(ev));
        if (const char *l = icalcomponent_get_location(ev))
            e[QStringLiteral("LOCATION")] = QString::fromUtf8(l);
        if (const char *d = icalcomponent_get_description(ev))
            e[QStringLiteral("DESCRIPTION")] = QString::fromUtf8(d);
        e[QStringLiteral("SEQUENCE")] = QString::number(icalcomponent_get_sequence(ev));
        e[QStringLiteral("STATUS")] =
            QString::fromUtf8(icalproperty_status_to_string(icalcomponent_get_status(ev)));
        for (auto kind : {ICAL_DTSTART_PROPERTY, ICAL_DTEND_PROPERTY}) {
            icalproperty *p = icalcomponent_get_first_property(ev, kind);
            if (!p) {
                *problem = QStringLiteral("missing DTSTART/DTEND");
                icalcomponent_free(cal);
                return out;
            }
            const QString name =
                kind == ICAL_DTSTART_PROPERTY ? QStringLiteral("DTSTART") : QStringLiteral("DTEND");
            icaltimetype t = icalproperty_get_dtstart(p);
            if (kind == ICAL_DTEND_PROPERTY)
                t = icalproperty_get_dtend(p);
            icalparameter *tzid = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
            icaltimezone *zone = nullptr;
            if (tzid) {
                const char *id = icalparameter_get_tzid(tzid);
                e[name + QStringLiteral("_TZID")] = QString::fromUtf8(id);
                zone = icalcomponent_get_timezone(cal, id); // must come from the VTIMEZONE
                if (!zone) {
                    *problem = QStringLiteral("TZID without its VTIMEZONE");
                    icalcomponent_free(cal);
                    return out;
                }
            } else if (!icaltime_is_utc(t)) {
                *problem = QStringLiteral("floating time");
                icalcomponent_free(cal);
                return out;
            }
            e[name + QStringLiteral("_UTC")] = QString::number(qint64(
                icaltime_as_timet_with_zone(t, zone ? zone : icaltimezone_get_utc_timezone())));
        }
        out.insert(e.value(QStringLiteral("UID")), e);
    }
    icalcomponent_free(cal);
    *ok = true;
    return out;
}

} // namespace creneau::test
