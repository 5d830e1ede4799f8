#include "sync/notify/outboxdraft.h"

#include "sync/fastpath/feedjson.h"
#include "sync/ical/calendarjson.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace creneau::notify {

namespace {

using fastpath::FeedJson;

void appendMember(QByteArray &out, const char *key, QStringView value)
{
    out += key;
    FeedJson::appendString(out, value);
}

void appendMember(QByteArray &out, const char *key, qint64 value)
{
    out += key;
    FeedJson::appendInteger(out, value);
}

void appendPerson(QByteArray &out, const ical::Person &p)
{
    appendMember(out, "{\"email\":", p.email);
    appendMember(out, ",\"name\":", p.name);
    out += '}';
}

// Members in the order and with the types of ical::toJson (calendarjson.cpp).
void appendCalendar(QByteArray &out, const ical::Calendar &c)
{
    appendMember(out, "{\"method\":", ical::methodName(c.method));
    appendMember(out, ",\"domain\":", c.domain);
    appendMember(out, ",\"zone\":", c.timeZone);
    appendMember(out, ",\"stamp\":", c.stamp);
    appendMember(out, ",\"name\":", c.name);
    out += ",\"events\":[";
    for (qsizetype i = 0; i < c.events.size(); ++i) {
        const ical::Event &e = c.events[i];
        if (i)
            out += ',';
        appendMember(out, "{\"rdv\":", qint64(e.rdvId));
        appendMember(out, ",\"session\":", qint64(e.sessionId));
        appendMember(out, ",\"sequence\":", qint64(e.sequence));
        appendMember(out, ",\"start\":", e.startsAt);
        appendMember(out, ",\"end\":", e.endsAt);
        appendMember(out, ",\"summary\":", e.summary);
        appendMember(out, ",\"location\":", e.location);
        appendMember(out, ",\"description\":", e.description);
        out += e.cancelled ? ",\"cancelled\":true" : ",\"cancelled\":false";
        out += ",\"organizer\":";
        appendPerson(out, e.organizer);
        appendMember(out, ",\"sent_by\":", e.sentBy);
        out += ",\"attendees\":[";
        for (qsizetype a = 0; a < e.attendees.size(); ++a) {
            if (a)
                out += ',';
            appendPerson(out, e.attendees[a]);
        }
        out += "]}";
    }
    out += "]}";
}

} // namespace

QString OutboxDraft::serialize() const
{
    QByteArray out;
    out.reserve(2048);
    appendMember(out, "{\"template\":", templateName);
    out += ",\"values\":{";
    bool first = true;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (!first)
            out += ',';
        first = false;
        FeedJson::appendString(out, it.key());
        out += ':';
        FeedJson::appendString(out, it.value());
    }
    out += '}';
    if (calendar) {
        out += ",\"calendar\":";
        appendCalendar(out, *calendar);
    }
    out += '}';
    return QString::fromUtf8(out);
}

QJsonObject OutboxDraft::toJson() const
{
    QJsonObject values;
    for (auto it = this->values.cbegin(); it != this->values.cend(); ++it)
        values.insert(it.key(), it.value());
    QJsonObject o{{QStringLiteral("template"), templateName}, {QStringLiteral("values"), values}};
    if (calendar)
        o.insert(QStringLiteral("calendar"), ical::toJson(*calendar));
    return o;
}

std::optional<OutboxDraft> OutboxDraft::parse(const QString &text)
{
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    const QJsonObject o = doc.object();
    const QJsonValue name = o.value(QLatin1String("template"));
    const QJsonValue values = o.value(QLatin1String("values"));
    if (!name.isString() || name.toString().isEmpty() || !values.isObject())
        return std::nullopt;
    OutboxDraft d;
    d.templateName = name.toString();
    const QJsonObject v = values.toObject();
    for (auto it = v.constBegin(); it != v.constEnd(); ++it)
        d.values.insert(it.key(), it.value().toString());
    if (o.contains(QLatin1String("calendar"))) {
        d.calendar = ical::calendarFromJson(o.value(QLatin1String("calendar")).toObject());
        if (!d.calendar)
            return std::nullopt;
    }
    return d;
}

} // namespace creneau::notify
