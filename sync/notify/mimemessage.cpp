#include "sync/notify/mimemessage.h"

#include <QLocale>
#include <QRandomGenerator>

namespace creneau::notify {

namespace {

const QByteArray kCrlf("\r\n");

bool isPlainAscii(const QString &s)
{
    for (const QChar c : s)
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return false;
    return true;
}

QString oneLine(QString s)
{
    s.replace(QLatin1Char('\r'), QLatin1Char(' '));
    s.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return s.simplified();
}

QByteArray base64Lines(const QByteArray &data)
{
    const QByteArray b64 = data.toBase64();
    QByteArray out;
    for (qsizetype i = 0; i < b64.size(); i += 76)
        out += b64.mid(i, 76) + kCrlf;
    return out;
}

QByteArray boundary(const char *tag)
{
    return QByteArray("=_creneau_") + tag + '_' +
           QByteArray::number(QRandomGenerator::global()->generate64(), 36);
}

QByteArray crlfText(const QString &text)
{
    QString t = text;
    t.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    t.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    return t.toUtf8();
}

} // namespace

QString cleanAddress(const QString &address)
{
    QString out;
    for (const QChar c : address)
        if (c.unicode() > 0x20 && c.unicode() < 0x7f && c != QLatin1Char('<') &&
            c != QLatin1Char('>') && c != QLatin1Char(',') && c != QLatin1Char('"') &&
            c != QLatin1Char('(') && c != QLatin1Char(')') && c != QLatin1Char(';'))
            out += c;
    return out;
}

QByteArray encodeHeaderWord(const QString &text)
{
    const QString line = oneLine(text);
    if (isPlainAscii(line) && !line.contains(QLatin1String("=?")))
        return line.toLatin1();
    // Encoded words of at most 75 characters, never splitting a UTF-8 sequence.
    QByteArray out;
    QByteArray chunk;
    auto flush = [&] {
        if (chunk.isEmpty())
            return;
        if (!out.isEmpty())
            out += "\r\n ";
        out += "=?UTF-8?B?" + chunk.toBase64() + "?=";
        chunk.clear();
    };
    for (qsizetype i = 0; i < line.size(); ++i) {
        QString one = line.at(i);
        if (line.at(i).isHighSurrogate() && i + 1 < line.size())
            one += line.at(++i);
        const QByteArray bytes = one.toUtf8();
        if ((chunk.size() + bytes.size() + 2) / 3 * 4 > 45)
            flush();
        chunk += bytes;
    }
    flush();
    return out;
}

QByteArray formatAddress(const MailAddress &a)
{
    const QByteArray address = '<' + cleanAddress(a.address).toLatin1() + '>';
    const QString name = oneLine(a.name);
    if (name.isEmpty())
        return address;
    if (isPlainAscii(name)) {
        QString quoted = name;
        quoted.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
        quoted.replace(QLatin1Char('"'), QLatin1String("\\\""));
        return '"' + quoted.toLatin1() + "\" " + address;
    }
    return encodeHeaderWord(name) + ' ' + address;
}

QByteArray quotedPrintable(const QByteArray &utf8)
{
    static const char hex[] = "0123456789ABCDEF";
    QByteArray out;
    const QList<QByteArray> lines = utf8.split('\n');
    for (qsizetype l = 0; l < lines.size(); ++l) {
        const QByteArray &line = lines.at(l);
        int width = 0;
        for (qsizetype i = 0; i < line.size(); ++i) {
            const uchar c = uchar(line.at(i));
            const bool last = i == line.size() - 1;
            QByteArray piece;
            if ((c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !last))
                piece = QByteArray(1, char(c));
            else {
                piece = "=";
                piece += hex[c >> 4];
                piece += hex[c & 15];
            }
            // A line starting with "." is escaped too: some relays mangle it.
            if (width == 0 && c == '.')
                piece = "=2E";
            if (width + piece.size() > 75) {
                out += "=\r\n";
                width = 0;
                if (c == '.') // now first on its line too
                    piece = "=2E";
            }
            out += piece;
            width += int(piece.size());
        }
        if (l + 1 < lines.size())
            out += kCrlf;
    }
    if (!out.endsWith(kCrlf))
        out += kCrlf;
    return out;
}

QByteArray rfc2822Date(const QDateTime &when)
{
    return QLocale::c()
               .toString(when.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"))
               .toLatin1() +
           " +0000";
}

QByteArray toRfc5322(const MimeMail &m)
{
    QByteArray out;
    out += "From: " + formatAddress(m.from) + kCrlf;
    out += "To: " + formatAddress(m.to) + kCrlf;
    if (!cleanAddress(m.replyTo.address).isEmpty())
        out += "Reply-To: " + formatAddress(m.replyTo) + kCrlf;
    out += "Subject: " + encodeHeaderWord(m.subject) + kCrlf;
    out += "Date: " + rfc2822Date(m.date) + kCrlf;
    out += "Message-ID: <" + cleanAddress(m.messageId).toLatin1() + '>' + kCrlf;
    out += "MIME-Version: 1.0" + kCrlf;
    out += "Auto-Submitted: auto-generated" + kCrlf;

    const QByteArray textPart = "Content-Type: text/plain; charset=UTF-8" + kCrlf +
                                "Content-Transfer-Encoding: quoted-printable" + kCrlf + kCrlf +
                                quotedPrintable(crlfText(m.text));
    if (m.html.isEmpty() && m.ics.isEmpty()) {
        out += textPart;
        return out;
    }
    // The readable alternatives: the text, its HTML, and the invitation itself, which Outlook
    // and Gmail show with their answer buttons when it sits here with its method.
    const QByteArray method = cleanAddress(m.icsMethod).toLatin1();
    const QByteArray alt = boundary("alt");
    QByteArray body =
        "Content-Type: multipart/alternative; boundary=\"" + alt + '"' + kCrlf + kCrlf;
    body += "--" + alt + kCrlf + textPart;
    if (!m.html.isEmpty())
        body += "--" + alt + kCrlf + "Content-Type: text/html; charset=UTF-8" + kCrlf +
                "Content-Transfer-Encoding: quoted-printable" + kCrlf + kCrlf +
                quotedPrintable(crlfText(m.html));
    if (!m.ics.isEmpty())
        body += "--" + alt + kCrlf +
                "Content-Type: text/calendar; charset=UTF-8; method=" + method + kCrlf +
                "Content-Transfer-Encoding: base64" + kCrlf + kCrlf + base64Lines(m.ics);
    body += "--" + alt + "--" + kCrlf;
    if (m.ics.isEmpty()) {
        out += body;
        return out;
    }
    // The same file once more as an attachment, for the clients that only offer to open one;
    // application/ics so that none takes it for a second invitation.
    const QByteArray mixed = boundary("mixed");
    out += "Content-Type: multipart/mixed; boundary=\"" + mixed + '"' + kCrlf + kCrlf;
    out += "--" + mixed + kCrlf + body;
    out += "--" + mixed + kCrlf;
    out += "Content-Type: application/ics; name=\"rdv.ics\"" + kCrlf;
    out += "Content-Disposition: attachment; filename=\"rdv.ics\"" + kCrlf;
    out += "Content-Transfer-Encoding: base64" + kCrlf + kCrlf;
    out += base64Lines(m.ics);
    out += "--" + mixed + "--" + kCrlf;
    return out;
}

} // namespace creneau::notify
