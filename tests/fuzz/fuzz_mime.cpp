// The MIME builder (sync/notify/mimemessage) with hostile names, addresses, subjects and texts:
// no bare CR or LF anywhere, exactly the headers it means to write (no header injection), each
// value decodes back to what was given (cleaned to one line), lines within SMTP limits, and the
// parts' boundaries appear only where the builder puts them.
#include "fuzzcheck.h"
#include "sync/notify/mimemessage.h"

#include <QDateTime>
#include <QStringList>

using namespace creneau::notify;

namespace {

QString oneLine(QString s)
{
    s.replace(QLatin1Char('\r'), QLatin1Char(' '));
    s.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return s.simplified();
}

bool isPlainAscii(const QString &s)
{
    for (const QChar c : s)
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return false;
    return true;
}

// RFC 2047 "B" words as the builder writes them (folded with CRLF SP), or the text as is.
QString decodeHeaderText(const QByteArray &value)
{
    if (!value.startsWith("=?UTF-8?B?"))
        return QString::fromLatin1(value);
    QByteArray bytes;
    for (const QByteArray &word : value.split('\n')) {
        QByteArray w = word.trimmed();
        FUZZ_CHECK(w.startsWith("=?UTF-8?B?") && w.endsWith("?="), value);
        FUZZ_CHECK(w.size() <= 75, "encoded word longer than 75", value);
        bytes += QByteArray::fromBase64(w.mid(10, w.size() - 12));
    }
    return QString::fromUtf8(bytes);
}

// Display name and address of a From/To value.
void checkAddress(const QByteArray &value, const MailAddress &given)
{
    const QByteArray address = '<' + cleanAddress(given.address).toLatin1() + '>';
    FUZZ_CHECK(value.endsWith(address), value, given.address);
    QByteArray name = value.left(value.size() - address.size());
    const QString want = oneLine(given.name);
    if (want.isEmpty()) {
        FUZZ_CHECK(name.isEmpty(), value);
        return;
    }
    FUZZ_CHECK(name.endsWith(' '), value);
    name.chop(1);
    QString got;
    if (name.startsWith('"')) {
        FUZZ_CHECK(name.size() >= 2 && name.endsWith('"'), value);
        const QByteArray inner = name.mid(1, name.size() - 2);
        for (qsizetype i = 0; i < inner.size(); ++i) {
            char c = inner.at(i);
            FUZZ_CHECK(c != '"', "unescaped quote in a display name", value);
            if (c == '\\') {
                FUZZ_CHECK(i + 1 < inner.size(), value);
                c = inner.at(++i);
            }
            got += QLatin1Char(c);
        }
    } else {
        got = decodeHeaderText(name);
    }
    FUZZ_CHECK(got == want, "display name does not round-trip", got, want);
}

QByteArray decodeQuotedPrintable(const QByteArray &qp)
{
    QByteArray out;
    for (qsizetype i = 0; i < qp.size(); ++i) {
        const char c = qp.at(i);
        if (c != '=') {
            out += c;
            continue;
        }
        if (qp.mid(i + 1, 2) == "\r\n") {
            i += 2;
            continue;
        }
        bool ok = false;
        const int byte = qp.mid(i + 1, 2).toInt(&ok, 16);
        FUZZ_CHECK(ok && qp.mid(i + 1, 2).toUpper() == qp.mid(i + 1, 2), "bad =XX", qp);
        out += char(byte);
        i += 2;
    }
    return out;
}

// What quotedPrintable() should give back once decoded: LF as CRLF, ending with CRLF.
QByteArray expectedLines(const QByteArray &utf8)
{
    QByteArray want = utf8;
    want.replace("\n", "\r\n");
    if (!want.endsWith("\r\n"))
        want += "\r\n";
    return want;
}

QByteArray crlfText(const QString &text)
{
    QString t = text;
    t.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    t.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    return t.toUtf8();
}

void checkQuotedPrintable(const QByteArray &input)
{
    const QByteArray qp = quotedPrintable(input);
    for (const QByteArray &line : qp.split('\n')) {
        FUZZ_CHECK(line.size() <= 77, "quoted-printable line over 76", qp); // + the CR
        FUZZ_CHECK(!line.startsWith('.'), "a line starts with a dot", qp);
    }
    FUZZ_CHECK(decodeQuotedPrintable(qp) == expectedLines(input), "QP does not round-trip", input,
               qp);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QList<QByteArray> f = fuzzcheck::fields(data, size, 10);
    // Header values within the lengths the rest of the server allows (names 100 characters,
    // addresses 254, subjects from our templates): a plain ASCII value is written unfolded, so an
    // unbounded one would only measure the 998-character line limit.
    auto header = [](const QByteArray &bytes, int max) {
        QString s = QString::fromUtf8(bytes).left(max);
        if (!s.isEmpty() && s.back().isHighSurrogate())
            s.chop(1); // not half a character
        return s;
    };
    MimeMail m;
    m.from = {header(f[1], 254), header(f[0], 200)};
    m.to = {header(f[3], 254), header(f[2], 200)};
    m.subject = header(f[4], 400);
    m.messageId = header(f[5], 200);
    m.date = QDateTime::fromSecsSinceEpoch(1767225600, Qt::UTC);
    m.text = QString::fromUtf8(f[6]);
    m.html = QString::fromUtf8(f[7]);
    m.ics = f[8];
    m.icsMethod = QString::fromUtf8(f[9]);

    checkQuotedPrintable(f[6]);

    const QByteArray mail = toRfc5322(m);
    // No bare CR or LF anywhere: every line ends with CRLF.
    for (qsizetype i = 0; i < mail.size(); ++i) {
        if (mail.at(i) == '\r')
            FUZZ_CHECK(i + 1 < mail.size() && mail.at(i + 1) == '\n', "bare CR", mail);
        if (mail.at(i) == '\n')
            FUZZ_CHECK(i > 0 && mail.at(i - 1) == '\r', "bare LF", mail);
    }
    for (const QByteArray &line : mail.split('\n'))
        FUZZ_CHECK(line.size() <= 999, "line over 998 characters", line.left(200));

    // The header block: exactly the headers the builder writes, each once, in order.
    const qsizetype headEnd = mail.indexOf("\r\n\r\n");
    FUZZ_CHECK(headEnd > 0, mail);
    QList<QPair<QByteArray, QByteArray>> headers;
    for (const QByteArray &line : mail.left(headEnd).split('\n')) {
        const QByteArray l = line.endsWith('\r') ? line.chopped(1) : line;
        if (l.startsWith(' ') || l.startsWith('\t')) {
            FUZZ_CHECK(!headers.isEmpty(), mail);
            headers.last().second += "\n" + l;
            continue;
        }
        const qsizetype colon = l.indexOf(": ");
        FUZZ_CHECK(colon > 0, "a header line without a name", l);
        headers.append({l.left(colon), l.mid(colon + 2)});
    }
    QList<QByteArray> names;
    for (const auto &h : headers)
        names << h.first;
    QList<QByteArray> want{"From",       "To",           "Subject",        "Date",
                           "Message-ID", "MIME-Version", "Auto-Submitted", "Content-Type"};
    if (m.html.isEmpty() && m.ics.isEmpty())
        want << "Content-Transfer-Encoding";
    FUZZ_CHECK(names == want, "unexpected headers (injection?)", names.join(','), mail.left(2000));

    checkAddress(headers[0].second, m.from);
    checkAddress(headers[1].second, m.to);
    FUZZ_CHECK(decodeHeaderText(headers[2].second) == oneLine(m.subject), "subject round trip",
               headers[2].second, m.subject);
    FUZZ_CHECK(headers[4].second == '<' + cleanAddress(m.messageId).toLatin1() + '>',
               headers[4].second);
    if (!isPlainAscii(oneLine(m.subject)))
        FUZZ_CHECK(headers[2].second.startsWith("=?UTF-8?B?"), headers[2].second);

    // The plain text part: from its blank line to the next boundary (or the end).
    const QByteArray qpStart = "Content-Transfer-Encoding: quoted-printable\r\n\r\n";
    const qsizetype text = mail.indexOf(qpStart);
    FUZZ_CHECK(text > 0, mail);
    const qsizetype textFrom = text + qpStart.size();
    qsizetype textEnd = mail.indexOf("--=_creneau_", textFrom);
    if (textEnd < 0)
        textEnd = mail.size();
    FUZZ_CHECK(decodeQuotedPrintable(mail.mid(textFrom, textEnd - textFrom)) ==
                   expectedLines(crlfText(m.text)),
               "text part does not round-trip", m.text);

    // Boundaries: "=_creneau_" only at the builder's own delimiter lines. The alternatives
    // (text, HTML, invitation) have a declaration, a line each and an end; with an invitation
    // they sit in a multipart/mixed with the attachment (declaration, two lines, an end).
    const int alternatives = 1 + (m.html.isEmpty() ? 0 : 1) + (m.ics.isEmpty() ? 0 : 1);
    const int expected = m.html.isEmpty() && m.ics.isEmpty() ? 0
                         : m.ics.isEmpty()                   ? alternatives + 2
                                                             : alternatives + 2 + 4;
    FUZZ_CHECK(mail.count("=_creneau_") == expected, "a boundary string in the content",
               mail.left(3000));
    if (!m.ics.isEmpty()) {
        const QByteArray b64Start = "Content-Transfer-Encoding: base64\r\n\r\n";
        const qsizetype at = mail.indexOf(b64Start);
        FUZZ_CHECK(at > 0, mail);
        const qsizetype from = at + b64Start.size();
        const qsizetype end = mail.indexOf("--=_creneau_", from);
        QByteArray b64 = mail.mid(from, end - from);
        b64.replace("\r\n", "");
        FUZZ_CHECK(QByteArray::fromBase64(b64) == m.ics, "attachment does not round-trip");
    }
    return 0;
}
