#include "sync/protocol/catalogcommands.h"

#include "sync/protocol/payloadreader.h"

#include <QJsonArray>

namespace creneau::protocol {

namespace {

QJsonObject withId(Id id, QJsonObject payload)
{
    if (id)
        payload.insert(QStringLiteral("id"), id);
    return payload;
}

} // namespace

Id rowId(const QJsonObject &payload)
{
    return PayloadReader(payload).id("id");
}

QJsonObject motifPayload(const Motif &m)
{
    return withId(m.id, {{QStringLiteral("name"), m.name},
                         {QStringLiteral("color"), m.color},
                         {QStringLiteral("duration_minutes"), m.durationMinutes},
                         {QStringLiteral("min_delay_minutes"), m.minDelayMinutes},
                         {QStringLiteral("max_delay_minutes"), m.maxDelayMinutes},
                         {QStringLiteral("instructions"), m.instructions},
                         {QStringLiteral("archived"), m.archived},
                         {QStringLiteral("location_type"), toWord(m.locationType)},
                         {QStringLiteral("bookable_by"), toWord(m.bookableBy)},
                         {QStringLiteral("capacity"), m.capacity}});
}

FieldErrors readMotif(const QJsonObject &payload, Motif *m)
{
    PayloadReader r(payload);
    r.text("name", m->name);
    r.text("color", m->color);
    r.number("duration_minutes", m->durationMinutes);
    r.number("min_delay_minutes", m->minDelayMinutes);
    r.number("max_delay_minutes", m->maxDelayMinutes);
    r.text("instructions", m->instructions);
    r.flag("archived", m->archived);
    r.word("location_type", m->locationType);
    r.word("bookable_by", m->bookableBy);
    r.number("capacity", m->capacity); // > 0: a collective motif of this many places
    return r.errors();
}

QJsonObject lieuPayload(const Lieu &l)
{
    return withId(l.id, {{QStringLiteral("name"), l.name},
                         {QStringLiteral("address"), l.address},
                         {QStringLiteral("phone"), l.phone},
                         {QStringLiteral("archived"), l.archived}});
}

FieldErrors readLieu(const QJsonObject &payload, Lieu *l)
{
    PayloadReader r(payload);
    r.text("name", l->name);
    r.text("address", l->address);
    r.text("phone", l->phone);
    r.flag("archived", l->archived);
    return r.errors();
}

QJsonObject plagePayload(const PlageOuverture &p)
{
    QJsonArray motifs;
    for (const Id id : p.motifIds)
        motifs.append(id);
    QJsonArray exceptions;
    for (const QDate &d : p.exceptionDates)
        exceptions.append(d.toString(Qt::ISODate));
    return withId(p.id,
                  {{QStringLiteral("agent_id"), p.agentId},
                   {QStringLiteral("lieu_id"), p.lieuId},
                   {QStringLiteral("motif_ids"), motifs},
                   {QStringLiteral("title"), p.title},
                   {QStringLiteral("rrule"), p.rrule},
                   {QStringLiteral("archived"), p.archived},
                   {QStringLiteral("first_day"), p.firstDay.toString(Qt::ISODate)},
                   {QStringLiteral("start_time"), p.startTime.toString(QStringLiteral("HH:mm"))},
                   {QStringLiteral("end_time"), p.endTime.toString(QStringLiteral("HH:mm"))},
                   {QStringLiteral("exception_dates"), exceptions}});
}

FieldErrors readPlage(const QJsonObject &payload, PlageOuverture *p)
{
    PayloadReader r(payload);
    if (const Id agent = r.id("agent_id"))
        p->agentId = agent;
    if (const Id lieu = r.id("lieu_id"))
        p->lieuId = lieu;
    r.ids("motif_ids", p->motifIds); // CatalogService checks they are the organisation's
    r.text("title", p->title);
    r.text("rrule", p->rrule);
    r.flag("archived", p->archived);
    r.date("first_day", p->firstDay);
    r.time("start_time", p->startTime);
    r.time("end_time", p->endTime);
    r.dates("exception_dates", p->exceptionDates);
    return r.errors();
}

QJsonObject absencePayload(const Absence &a)
{
    return withId(a.id, {{QStringLiteral("agent_id"), a.agentId},
                         {QStringLiteral("title"), a.title},
                         {QStringLiteral("starts_at"), a.startsAt},
                         {QStringLiteral("ends_at"), a.endsAt},
                         {QStringLiteral("rrule"), a.rrule}});
}

FieldErrors readAbsence(const QJsonObject &payload, Absence *a)
{
    PayloadReader r(payload);
    r.text("title", a->title);
    r.text("rrule", a->rrule);
    r.instant("starts_at", a->startsAt);
    r.instant("ends_at", a->endsAt);
    return r.errors();
}

QJsonObject removeAbsencePayload(Id absenceId)
{
    return {{QStringLiteral("id"), absenceId}};
}

} // namespace creneau::protocol
