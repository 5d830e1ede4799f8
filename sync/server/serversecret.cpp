#include "serversecret.h"

#include "secrets.h"

#include <QDir>
#include <QFile>
#include <QMessageAuthenticationCode>

namespace creneau::http {

ServerSecret ServerSecret::load(const QString &dataDir)
{
    if (dataDir.isEmpty())
        return ServerSecret(secrets::randomToken(32).toLatin1());
    QFile file(QDir(dataDir).filePath(QStringLiteral("server.key")));
    if (file.open(QIODevice::ReadOnly)) {
        const QByteArray key = file.readAll().trimmed();
        if (key.size() >= 32)
            return ServerSecret(key);
        file.close();
    }
    const QByteArray key = secrets::randomToken(32).toLatin1();
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        file.write(key);
    }
    return ServerSecret(key);
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
