#include "sync/server/accesslog.h"

#include "models/processidentity.h"

#include <QDateTime>

#include <cstdio>

namespace creneau::server {

namespace {

// Route segments followed by a credential (see the routes of recappages, calendarapi,
// invitationpages).
bool precedesToken(const QString &segment)
{
    return segment == QLatin1String("mon-rdv") || segment == QLatin1String("recapitulatif") ||
           segment == QLatin1String("calendrier") || segment == QLatin1String("invitation");
}

// Anything long and random-looking is treated as a token too (a route added later, a link
// pasted in the wrong place).
bool looksLikeToken(const QString &segment)
{
    if (segment.size() < 20)
        return false;
    for (const QChar c : segment)
        if (!c.isLetterOrNumber() && c != QLatin1Char('-') && c != QLatin1Char('_') &&
            c != QLatin1Char('.'))
            return false;
    return true;
}

} // namespace

bool AccessLog::open(const QString &target, QString *error)
{
    m_instance = ProcessIdentity::instance();
    m_file = std::make_unique<QFile>();
    const bool ok =
        target == QLatin1String("-")
            ? m_file->open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered)
            : (m_file->setFileName(target),
               m_file->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered));
    if (!ok) {
        *error =
            QStringLiteral("cannot open the access log %1: %2").arg(target, m_file->errorString());
        m_file.reset();
    }
    return ok;
}

QString AccessLog::redactedPath(const QString &path)
{
    QStringList segments = path.section(QLatin1Char('?'), 0, 0).split(QLatin1Char('/'));
    for (qsizetype i = 0; i < segments.size(); ++i) {
        if (segments[i].isEmpty())
            continue;
        if ((i > 0 && precedesToken(segments[i - 1])) || looksLikeToken(segments[i]))
            segments[i] = QStringLiteral("{token}");
    }
    QString out = segments.join(QLatin1Char('/'));
    // One line per request: no control characters from a crafted path.
    for (QChar &c : out)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c == QLatin1Char(' '))
            c = QLatin1Char('_');
    return out.left(300);
}

void AccessLog::write(const QByteArray &method, const QString &path, int status, qint64 durationMs)
{
    if (!isOpen())
        return;
    const QByteArray line = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8() +
                            ' ' + m_instance.toUtf8() + ' ' + method + ' ' +
                            redactedPath(path).toUtf8() + ' ' + QByteArray::number(status) + ' ' +
                            QByteArray::number(durationMs) + "ms\n";
    // One write per line (unbuffered, O_APPEND): instances sharing a file do not interleave.
    m_file->write(line);
}

} // namespace creneau::server
