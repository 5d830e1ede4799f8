// An e-mail as the exact RFC 5322 bytes SMTP carries: multipart/alternative (plain text, HTML,
// and the invitation as text/calendar with its method) inside multipart/mixed with the .ics
// attachment, UTF-8 quoted-printable, RFC 2047 encoded headers, Date and a stable Message-ID.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace creneau::notify {

struct MailAddress
{
    QString address;
    QString name;
};

struct MimeMail
{
    MailAddress from;
    MailAddress to;
    MailAddress replyTo; // empty address: no Reply-To
    QString subject;
    QString messageId; // without its angle brackets: "abc@host"
    QDateTime date;
    QString text;
    QString html;      // empty: text only
    QByteArray ics;    // empty: no attachment
    QString icsMethod; // PUBLISH, REQUEST, CANCEL
};

QByteArray toRfc5322(const MimeMail &mail);

// Helpers, public for tests.
QByteArray encodeHeaderWord(const QString &text); // RFC 2047 when needed
QByteArray formatAddress(const MailAddress &address);
QByteArray quotedPrintable(const QByteArray &utf8); // CRLF line ends, soft breaks at 76
QByteArray rfc2822Date(const QDateTime &when);
// Only what may appear inside an address: no CR, LF, angle brackets, commas or spaces.
QString cleanAddress(const QString &address);

} // namespace creneau::notify
