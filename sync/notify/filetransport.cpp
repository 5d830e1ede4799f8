#include "filetransport.h"

#include <QDir>
#include <QSaveFile>

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

void FileTransport::deliver(const OutboxMessage &m, const QDateTime &now, Done done)
{
    DeliveryResult result;
    QByteArray bytes;
    if (m.kind == OutboxMessage::Kind::Sms)
        bytes = "To: " + m.recipient.toUtf8() + "\n\n" + m.bodyText.toUtf8() + '\n';
    else
        bytes = emailBytes(m, m_from, now);
    QSaveFile file(pathFor(m));
    if (!QDir().mkpath(m_folder) || !file.open(QIODevice::WriteOnly) ||
        file.write(bytes) != bytes.size() || !file.commit())
        result.error =
            QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString());
    else
        result.ok = true;
    // Same contract as the network transports: the answer comes back from the event loop.
    QMetaObject::invokeMethod(
        this, [done = std::move(done), result] { done(result); }, Qt::QueuedConnection);
}

} // namespace creneau::notify
