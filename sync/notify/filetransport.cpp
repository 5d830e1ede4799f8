#include "sync/notify/filetransport.h"

#include <QDir>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace creneau::notify {

FileTransport::FileTransport(QString folder, MailAddress from, QObject *parent)
    : Transport(parent), m_folder(std::move(folder)), m_from(std::move(from))
{}

QString FileTransport::pathFor(const OutboxMessage &m) const
{
    QString name;
    for (const QChar c : m.messageId)
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
            (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
            (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-') ||
            c == QLatin1Char('_') || c == QLatin1Char('.') || c == QLatin1Char('@'))
            name += c;
    if (name.isEmpty() || name.startsWith(QLatin1Char('.')))
        name.prepend(QStringLiteral("message-%1").arg(m.id));
    const QString suffix =
        m.kind == OutboxMessage::Kind::Sms ? QStringLiteral(".sms") : QStringLiteral(".eml");
    return QDir(m_folder).filePath(name.left(200) + suffix);
}

namespace {

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

// Writes `bytes` to `path` so that it is there whole or not at all: a temporary file written to
// the last byte, flushed to the disk and checked for its size, then renamed. A full disk fails
// here (and the message is retried later) instead of leaving an empty file behind.
QString writeWhole(const QString &path, const QByteArray &bytes)
{
    const QByteArray target = QFile::encodeName(path);
    const QByteArray temporary = target + ".part";
    const int fd = ::open(temporary.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return systemError();
    qsizetype written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + written, size_t(bytes.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const QString why = n == 0 ? QStringLiteral("nothing written") : systemError();
            ::close(fd);
            ::unlink(temporary.constData());
            return why;
        }
        written += n;
    }
    struct stat st = {};
    const bool synced = ::fsync(fd) == 0;
    const QString why = synced ? QString() : systemError();
    const bool sized = ::fstat(fd, &st) == 0 && st.st_size == bytes.size();
    if (::close(fd) != 0 || !synced || !sized) {
        ::unlink(temporary.constData());
        return why.isEmpty() ? QStringLiteral("the file does not hold every byte") : why;
    }
    if (::rename(temporary.constData(), target.constData()) != 0) {
        const QString error = systemError();
        ::unlink(temporary.constData());
        return error;
    }
    return {};
}

} // namespace

void FileTransport::deliver(const OutboxMessage &m, const QDateTime &now, Done done)
{
    DeliveryResult result;
    QByteArray bytes;
    if (m.kind == OutboxMessage::Kind::Sms)
        bytes = "To: " + m.recipient.toUtf8() + "\n\n" + m.bodyText.toUtf8() + '\n';
    else
        bytes = emailBytes(m, m_from, now);
    const QString path = pathFor(m);
    const QString error = QDir().mkpath(m_folder) ? writeWhole(path, bytes)
                                                  : QStringLiteral("cannot create the folder");
    if (!error.isEmpty())
        result.error = QStringLiteral("cannot write %1: %2").arg(path, error);
    else
        result.ok = true;
    // Same contract as the network transports: the answer comes back from the event loop.
    QMetaObject::invokeMethod(
        this, [done = std::move(done), result] { done(result); }, Qt::QueuedConnection);
}

} // namespace creneau::notify
