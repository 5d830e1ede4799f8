#include "sync/server/requestframer.h"

#include <QList>

#include <utility>

namespace creneau::server {

namespace {

// RFC 9110 §5.6.2 token characters.
bool isTchar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(const QByteArray &text)
{
    if (text.isEmpty())
        return false;
    for (char c : text)
        if (!isTchar(c))
            return false;
    return true;
}

QString badRequestLine()
{
    return QStringLiteral("Ligne de requête HTTP invalide.");
}

} // namespace

std::deque<RequestFramer::Request> RequestFramer::takeCompleted()
{
    return std::exchange(m_completed, {});
}

bool RequestFramer::fail(int status, const QString &message)
{
    m_phase = Phase::Failed;
    m_error = {status, message, m_requestStart};
    return false;
}

bool RequestFramer::feed(const char *data, qint64 size)
{
    qint64 i = 0;
    while (i < size) {
        switch (m_phase) {
        case Phase::Failed:
            return false;
        case Phase::Closed:
            m_offset += size - i;
            return true;
        case Phase::Body: {
            const qint64 take = std::min(m_bodyLeft, size - i);
            m_bodyLeft -= take;
            m_offset += take;
            i += take;
            if (m_bodyLeft == 0)
                completeRequest();
            break;
        }
        case Phase::Idle:
            m_phase = Phase::Head;
            ++m_headsStarted;
            m_requestStart = m_offset;
            m_headBytes = 0;
            m_line.clear();
            m_afterCr = false;
            m_sawRequestLine = false;
            m_http10 = false;
            m_close = false;
            m_hosts = 0;
            m_contentLength = -1;
            m_transferEncoding = false;
            m_transferCodings.clear();
            [[fallthrough]];
        case Phase::Head:
            ++m_offset;
            if (!headByte(data[i++]))
                return false;
            break;
        }
    }
    return m_phase != Phase::Failed;
}

bool RequestFramer::headByte(char c)
{
    if (++m_headBytes > m_limits.maxHeadBytes)
        return fail(431, QStringLiteral("Les en-têtes de la requête sont trop longs."));
    if (m_afterCr) {
        m_afterCr = false;
        // RFC 9112 §2.2: a bare CR is invalid. Refused at once instead of waiting for a LF.
        if (c != '\n')
            return fail(400, QStringLiteral("Fin de ligne invalide dans la requête (CR sans LF)."));
        return lineDone();
    }
    if (c == '\r') {
        m_afterCr = true;
        return true;
    }
    if (c == '\n') // a bare LF ends a line too (RFC 9112 §2.2 allows it; Qt reads it so)
        return lineDone();
    const auto u = uchar(c);
    if ((u < 0x20 && c != '\t') || u == 0x7f)
        return fail(400, QStringLiteral("Caractère de contrôle dans l'en-tête de la requête."));
    if (!m_sawRequestLine) {
        // Binary noise is refused from its first byte, not after 16 KiB or a timeout.
        if (u >= 0x80 || c == '\t')
            return fail(400, badRequestLine());
        const bool inMethod = !m_line.contains(' ');
        if (inMethod && !isTchar(c) && !(c == ' ' && !m_line.isEmpty()))
            return fail(400, badRequestLine());
    }
    m_line.append(c);
    return true;
}

bool RequestFramer::lineDone()
{
    const QByteArray line = std::exchange(m_line, {});
    if (!m_sawRequestLine) {
        if (line.isEmpty())
            return true; // empty lines before a request line are ignored (RFC 9112 §2.2)
        m_sawRequestLine = true;
        return checkRequestLine(line);
    }
    if (line.isEmpty())
        return headDone();
    return checkField(line);
}

bool RequestFramer::checkRequestLine(const QByteArray &line)
{
    // method SP request-target SP HTTP-version, single spaces (RFC 9112 §3).
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() != 3 || !isToken(parts.at(0)))
        return fail(400, badRequestLine());
    const QByteArray &target = parts.at(1);
    for (char c : target)
        if (uchar(c) <= 0x20 || uchar(c) >= 0x7f)
            return fail(400, badRequestLine());
    const QByteArray lowerTarget = target.toLower();
    const bool originForm = target.startsWith('/');
    const bool absoluteForm =
        lowerTarget.startsWith("http://") || lowerTarget.startsWith("https://");
    const bool asterisk = target == "*" && parts.at(0) == "OPTIONS";
    if (!originForm && !absoluteForm && !asterisk)
        return fail(400, badRequestLine());
    if (parts.at(2) == "HTTP/1.0")
        m_http10 = true;
    else if (parts.at(2) != "HTTP/1.1")
        return fail(400, badRequestLine());
    return true;
}

bool RequestFramer::checkField(const QByteArray &line)
{
    if (line.startsWith(' ') || line.startsWith('\t'))
        return fail(400, QStringLiteral("En-tête replié sur plusieurs lignes : refusé."));
    const qsizetype colon = line.indexOf(':');
    // No space before the colon (RFC 9112 §5.1): "Content-Length : 5" is refused.
    if (colon <= 0 || !isToken(line.left(colon)))
        return fail(400, QStringLiteral("En-tête de requête invalide."));
    const QByteArray name = line.left(colon).toLower();
    const QByteArray value = line.mid(colon + 1).trimmed();
    if (name == "host") {
        ++m_hosts;
    } else if (name == "content-length") {
        // 1*DIGIT only: no sign, no list, no spaces inside (RFC 9110 §8.6).
        bool digits = !value.isEmpty() && value.size() <= 18;
        for (char c : value)
            digits = digits && c >= '0' && c <= '9';
        if (!digits)
            return fail(400, QStringLiteral("Longueur de corps (Content-Length) invalide."));
        const qint64 length = value.toLongLong();
        if (m_contentLength >= 0 && m_contentLength != length)
            return fail(400,
                        QStringLiteral("Longueurs de corps (Content-Length) contradictoires."));
        m_contentLength = length;
    } else if (name == "transfer-encoding") {
        m_transferEncoding = true;
        if (!m_transferCodings.isEmpty())
            m_transferCodings += ',';
        m_transferCodings += value.toLower();
    } else if (name == "connection") {
        for (const QByteArray &option : value.split(','))
            if (option.trimmed().toLower() == "close")
                m_close = true;
    }
    return true;
}

bool RequestFramer::headDone()
{
    // RFC 9112 §3.2: exactly one Host in HTTP/1.1, at most one in HTTP/1.0.
    if (m_hosts > 1 || (!m_http10 && m_hosts == 0))
        return fail(400, QStringLiteral("En-tête Host manquant ou répété."));
    if (m_transferEncoding) {
        // RFC 9112 §6.1 and §6.3: both framings at once are how requests get smuggled.
        if (m_contentLength >= 0)
            return fail(400, QStringLiteral("Content-Length et Transfer-Encoding ensemble : "
                                            "requête refusée."));
        if (m_http10)
            return fail(400, QStringLiteral("Transfer-Encoding n'existe pas en HTTP/1.0."));
        // Qt HttpServer 6.4 misreads chunked bodies (trailers, split line ends), so none is
        // accepted; every client of ours sends Content-Length (RFC 9110 §15.5.12 allows 411).
        if (m_transferCodings == "chunked")
            return fail(411, QStringLiteral("Corps « chunked » non accepté : envoyez "
                                            "Content-Length."));
        return fail(400, QStringLiteral("Codage de transfert inconnu."));
    }
    if (m_contentLength > m_limits.maxBodyBytes)
        return fail(413, QStringLiteral("La requête dépasse la taille maximale autorisée (%1 Kio).")
                             .arg(m_limits.maxBodyBytes / 1024));
    if (m_http10)
        m_close = true;
    if (m_contentLength > 0) {
        m_phase = Phase::Body;
        m_bodyLeft = m_contentLength;
        ++m_bodiesStarted;
    } else {
        completeRequest();
    }
    return true;
}

void RequestFramer::completeRequest()
{
    m_completed.push_back({m_offset, m_close});
    m_phase = m_close ? Phase::Closed : Phase::Idle;
}

} // namespace creneau::server
