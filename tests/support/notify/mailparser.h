// Reads back what the notifications sent: an RFC 5322 message (headers with RFC 2047 words,
// multipart bodies in quoted-printable or base64) and its .ics attachment through libical.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace creneau::test {

struct ParsedIcs
{
    bool valid = false;
    QString method;
    QString uid;
    int sequence = -1;
    qint64 start = 0; // UTC seconds
    qint64 end = 0;
    QString summary;
    QString description;
    QString status;
};

struct ParsedMail
{
    QHash<QByteArray, QString> headers; // lower-case names, decoded values
    QString text;
    QString html;
    QByteArray ics; // the text/calendar part shown as the invitation
    QString icsContentType;
    QByteArray icsAttachment; // the same file, as the attachment "rdv.ics"
    QString icsAttachmentDisposition;
    QStringList parts; // every part's type, lower case, depth-first ("multipart/mixed", ...)
    QString header(const char *name) const { return headers.value(QByteArray(name).toLower()); }
};

ParsedMail parseMail(const QByteArray &bytes);
QString decodeHeader(const QByteArray &raw);
ParsedIcs parseIcs(const QByteArray &ics);

} // namespace creneau::test
