#include "mailparser.h"

#include <QRegularExpression>

#include <libical/ical.h>

namespace creneau::test {

namespace {

struct Part
{
    QHash<QByteArray, QByteArray> headers;
    QByteArray body;
};

Part splitPart(QByteArray bytes)
{
    bytes.replace("\r\n", "\n");
    Part p;
    const qsizetype end = bytes.indexOf("\n\n");
    const QByteArray head = end < 0 ? bytes : bytes.left(end);
    p.body = end < 0 ? QByteArray() : bytes.mid(end + 2);
    QByteArray name;
    for (const QByteArray &line : head.split('\n')) {
        if ((line.startsWith(' ') || line.startsWith('\t')) && !name.isEmpty()) {
            p.headers[name] += line; // unfold, keeping the space (RFC 2047 drops it between words)
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        name = line.left(colon).trimmed().toLower();
        p.headers[name] = line.mid(colon + 1).trimmed();
    }
    return p;
}

QByteArray param(const QByteArray &header, const char *name)
{
    const QRegularExpression re(QStringLiteral("%1=\"?([^\";]+)\"?").arg(QLatin1String(name)),
                                QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(QString::fromLatin1(header));
    return m.hasMatch() ? m.captured(1).toLatin1() : QByteArray();
}

QByteArray decodeQp(const QByteArray &in)
{
    QByteArray out;
    for (qsizetype i = 0; i < in.size(); ++i) {
        if (in.at(i) == '=' && i + 1 < in.size() && in.at(i + 1) == '\n') {
            ++i;
        } else if (in.at(i) == '=' && i + 2 < in.size()) {
            out += char(QByteArray::fromHex(in.mid(i + 1, 2)).at(0));
            i += 2;
        } else {
            out += in.at(i);
        }
    }
    return out;
}

QByteArray decodeBody(const Part &p)
{
    const QByteArray cte = p.headers.value("content-transfer-encoding").toLower();
    if (cte == "base64")
        return QByteArray::fromBase64(p.body);
    if (cte == "quoted-printable")
        return decodeQp(p.body);
    return p.body;
}

void walk(const Part &p, ParsedMail &mail)
{
    const QByteArray type = p.headers.value("content-type");
    const QByteArray lower = type.toLower();
    mail.parts << QString::fromLatin1(lower.left(lower.indexOf(';')).trimmed());
    if (lower.startsWith("multipart/")) {
        const QByteArray boundary = "--" + param(type, "boundary");
        const QList<QByteArray> chunks = p.body.split('\n');
        QByteArray current;
        bool inside = false;
        for (const QByteArray &line : chunks) {
            if (line.startsWith(boundary)) {
                if (inside)
                    walk(splitPart(current), mail);
                current.clear();
                inside = !line.startsWith(boundary + "--");
                continue;
            }
            if (inside)
                current += line + '\n';
        }
        return;
    }
    const QByteArray body = decodeBody(p);
    if (lower.startsWith("text/html"))
        mail.html = QString::fromUtf8(body);
    else if (lower.startsWith("text/calendar")) {
        mail.ics = body;
        mail.icsContentType = QString::fromLatin1(type);
    } else if (lower.startsWith("application/ics")) {
        mail.icsAttachment = body;
        mail.icsAttachmentDisposition = QString::fromLatin1(p.headers.value("content-disposition"));
    } else
        mail.text = QString::fromUtf8(body);
}

// A DATE-TIME in UTC or with a TZID resolved through the calendar's own VTIMEZONE.
qint64 instant(icalcomponent *cal, icalcomponent *ev, icalproperty_kind kind)
{
    icalproperty *p = icalcomponent_get_first_property(ev, kind);
    if (!p)
        return 0;
    const icaltimetype t = icalvalue_get_datetime(icalproperty_get_value(p));
    icaltimezone *zone = icaltimezone_get_utc_timezone();
    if (icalparameter *tzid = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER))
        if (icaltimezone *z = icalcomponent_get_timezone(cal, icalparameter_get_tzid(tzid)))
            zone = z;
    return qint64(icaltime_as_timet_with_zone(t, zone));
}

} // namespace

QString decodeHeader(const QByteArray &raw)
{
    static const QRegularExpression word(QStringLiteral(R"(=\?UTF-8\?([BQ])\?([^?]*)\?=)"),
                                         QRegularExpression::CaseInsensitiveOption);
    const QString text = QString::fromLatin1(raw);
    QByteArray out;
    qsizetype from = 0;
    for (auto it = word.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString between = text.mid(from, m.capturedStart() - from);
        if (from == 0 || !between.trimmed().isEmpty())
            out += between.toUtf8();
        const QByteArray data = m.captured(2).toLatin1();
        if (m.captured(1).toUpper() == QLatin1String("B"))
            out += QByteArray::fromBase64(data);
        else
            out += decodeQp(QByteArray(data).replace('_', ' '));
        from = m.capturedEnd();
    }
    out += text.mid(from).toUtf8();
    return QString::fromUtf8(out);
}

ParsedMail parseMail(const QByteArray &bytes)
{
    ParsedMail mail;
    const Part top = splitPart(bytes);
    for (auto it = top.headers.cbegin(); it != top.headers.cend(); ++it)
        mail.headers.insert(it.key(), decodeHeader(it.value()));
    walk(top, mail);
    return mail;
}

ParsedIcs parseIcs(const QByteArray &ics)
{
    ParsedIcs out;
    icalcomponent *cal = icalparser_parse_string(ics.constData());
    if (!cal)
        return out;
    if (icalproperty *m = icalcomponent_get_first_property(cal, ICAL_METHOD_PROPERTY))
        out.method = QString::fromLatin1(icalproperty_method_to_string(icalproperty_get_method(m)));
    icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
    if (ev) {
        out.valid = true;
        out.uid = QString::fromUtf8(icalcomponent_get_uid(ev));
        out.sequence = icalcomponent_get_sequence(ev);
        out.start = instant(cal, ev, ICAL_DTSTART_PROPERTY);
        out.end = instant(cal, ev, ICAL_DTEND_PROPERTY);
        out.summary = QString::fromUtf8(icalcomponent_get_summary(ev));
        if (const char *d = icalcomponent_get_description(ev))
            out.description = QString::fromUtf8(d);
        out.status =
            QString::fromLatin1(icalproperty_status_to_string(icalcomponent_get_status(ev)));
    }
    icalcomponent_free(cal);
    return out;
}

} // namespace creneau::test
