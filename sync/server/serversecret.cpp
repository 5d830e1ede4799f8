#include "sync/server/serversecret.h"

#include "models/secrets.h"

#include <QMessageAuthenticationCode>

namespace creneau::server {

QByteArray ServerSecret::sign(const QByteArray &message) const
{
    return QMessageAuthenticationCode::hash(message, m_key, QCryptographicHash::Sha256).toHex();
}

bool ServerSecret::verify(const QByteArray &message, const QByteArray &signature) const
{
    return secrets::constantTimeEquals(sign(message), signature);
}

} // namespace creneau::server
