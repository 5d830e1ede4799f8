// The agent's session: the server URL in a file only its owner can read (0600), and the bearer
// token in the system keychain (QtKeychain) when one answers, else in that same file.
#pragma once

#include <QString>
#include <QUrl>

namespace creneau::client {

struct SavedSession
{
    QUrl server;
    QString token;
    bool isValid() const { return server.isValid() && !token.isEmpty(); }
};

class TokenFile
{
public:
    explicit TokenFile(QString path) : m_path(std::move(path)) {}
    SavedSession load() const;
    bool save(const SavedSession &session) const;
    void clear() const;

private:
    QString keychainKey() const;
    QString m_path;
};

} // namespace creneau::client
