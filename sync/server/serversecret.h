// The server's private key: signs CSRF tokens and the prescriber's recap links. The key itself
// comes from InstallationKeys (models/installationkeys.h): the same for every instance, kept
// across restarts.
#pragma once

#include <QByteArray>
#include <QString>

namespace creneau::server {

class ServerSecret
{
public:
    explicit ServerSecret(QByteArray key) : m_key(std::move(key)) {}

    // HMAC-SHA256 of `message`, hex.
    QByteArray sign(const QByteArray &message) const;
    bool verify(const QByteArray &message, const QByteArray &signature) const;

private:
    QByteArray m_key;
};

} // namespace creneau::server
