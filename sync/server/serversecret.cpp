#include "serversecret.h"

#include "keyfile.h"
#include "secrets.h"

#include <QDir>
#include <QMessageAuthenticationCode>

namespace creneau::http {

namespace {

secrets::KeyFile keyFile(const QString &dataDir)
{
    return secrets::loadOrCreateKeyFile(
        QDir(dataDir).filePath(QStringLiteral("server.key")),
        [] { return secrets::randomToken(32).toLatin1(); },
        [](const QByteArray &key) { return key.size() >= 32; });
}

} // namespace

QString ServerSecret::checkFile(const QString &dataDir)
{
    return dataDir.isEmpty() ? QString() : keyFile(dataDir).error;
}

ServerSecret ServerSecret::load(const QString &dataDir)
{
    if (dataDir.isEmpty())
        return ServerSecret(secrets::randomToken(32).toLatin1());
    const secrets::KeyFile file = keyFile(dataDir);
    if (!file.ok()) {
        // Only reached without checkFile() first: links signed now will not outlive the process.
        qWarning("%s", qPrintable(file.error));
        return ServerSecret(secrets::randomToken(32).toLatin1());
    }
    return ServerSecret(file.contents);
}

QByteArray ServerSecret::sign(const QByteArray &message) const
{
    return QMessageAuthenticationCode::hash(message, m_key, QCryptographicHash::Sha256).toHex();
}

bool ServerSecret::verify(const QByteArray &message, const QByteArray &signature) const
{
    return secrets::constantTimeEquals(sign(message), signature);
}

} // namespace creneau::http
