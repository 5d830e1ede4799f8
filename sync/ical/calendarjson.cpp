#include "sync/ical/calendarjson.h"

#include <QJsonArray>

namespace creneau::ical {

namespace {

QJsonObject toJson(const Person &p)
{
    return {{QStringLiteral("email"), p.email}, {QStringLiteral("name"), p.name}};
}

Person personFromJson(const QJsonValue &v)
{
    const QJsonObject o = v.toObject();
    return {o.value(QLatin1String("email")).toString(), o.value(QLatin1String("name")).toString()};
}

QJsonObject toJson(const Event &e)
{
    QJsonArray attendees;
    for (const Person &p : e.attendees)
        attendees.append(toJson(p));
    return {{QStringLiteral("rdv"), qint64(e.rdvId)},
            {QStringLiteral("session"), qint64(e.sessionId)},
            {QStringLiteral("sequence"), e.sequence},
            {QStringLiteral("start"), e.startsAt},
            {QStringLiteral("end"), e.endsAt},
            {QStringLiteral("summary"), e.summary},
            {QStringLiteral("location"), e.location},
            {QStringLiteral("description"), e.description},
            {QStringLiteral("cancelled"), e.cancelled},
            {QStringLiteral("organizer"), toJson(e.organizer)},
            {QStringLiteral("sent_by"), e.sentBy},
            {QStringLiteral("attendees"), attendees}};
}

Event eventFromJson(const QJsonObject &o)
{
    Event e;
    e.rdvId = Id(o.value(QLatin1String("rdv")).toInteger());
    e.sessionId = Id(o.value(QLatin1String("session")).toInteger());
    e.sequence = o.value(QLatin1String("sequence")).toInt();
    e.startsAt = o.value(QLatin1String("start")).toInteger();
    e.endsAt = o.value(QLatin1String("end")).toInteger();
    e.summary = o.value(QLatin1String("summary")).toString();
    e.location = o.value(QLatin1String("location")).toString();
    e.description = o.value(QLatin1String("description")).toString();
    e.cancelled = o.value(QLatin1String("cancelled")).toBool();
    e.organizer = personFromJson(o.value(QLatin1String("organizer")));
    e.sentBy = o.value(QLatin1String("sent_by")).toString();
    for (const QJsonValue &a : o.value(QLatin1String("attendees")).toArray())
        e.attendees << personFromJson(a);
    return e;
}

std::optional<Method> methodFromName(const QString &name)
{
    for (const Method m : {Method::None, Method::Publish, Method::Request, Method::Cancel})
        if (methodName(m) == name)
            return m;
    return std::nullopt;
}

} // namespace

QJsonObject toJson(const Calendar &calendar)
{
    QJsonArray events;
    for (const Event &e : calendar.events)
        events.append(toJson(e));
    return {{QStringLiteral("method"), methodName(calendar.method)},
            {QStringLiteral("domain"), calendar.domain},
            {QStringLiteral("zone"), calendar.timeZone},
            {QStringLiteral("stamp"), calendar.stamp},
            {QStringLiteral("name"), calendar.name},
            {QStringLiteral("events"), events}};
}

std::optional<Calendar> calendarFromJson(const QJsonObject &json)
{
    const QJsonValue name = json.value(QLatin1String("method"));
    const auto method = name.isString() ? methodFromName(name.toString()) : std::nullopt;
    const QJsonValue events = json.value(QLatin1String("events"));
    if (!method || !events.isArray())
        return std::nullopt;
    Calendar c;
    c.method = *method;
    c.domain = json.value(QLatin1String("domain")).toString();
    c.timeZone = json.value(QLatin1String("zone")).toString();
    c.stamp = json.value(QLatin1String("stamp")).toInteger();
    c.name = json.value(QLatin1String("name")).toString();
    for (const QJsonValue &e : events.toArray())
        c.events << eventFromJson(e.toObject());
    return c;
}

} // namespace creneau::ical
