// The server's private key: signs CSRF tokens and the prescriber's recap links. Kept in the data
// directory so that links stay valid across restarts.
#pragma once

#include <QByteArray>
#include <QString>

namespace creneau::http {

class ServerSecret
{
public:
    // Creates DIR/server.key (owner-only) when missing; an error when it cannot be used (readable
    // by others, damaged), in which case it is left untouched and the server must not start.
    static QString checkFile(const QString &dataDir);
    // Reads DIR/server.key (see checkFile); an empty dir gives a key that lives as long as the
    // process.
    static ServerSecret load(const QString &dataDir);
    explicit ServerSecret(QByteArray key) : m_key(std::move(key)) {}

    // HMAC-SHA256 of `message`, hex.
    QByteArray sign(const QByteArray &message) const;
    bool verify(const QByteArray &message, const QByteArray &signature) const;

private:
    QByteArray m_key;
};

} // namespace creneau::http
