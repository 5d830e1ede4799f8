// The agent's session (server URL and bearer token) in a file only its owner can read (0600).
// QtKeychain is not packaged in Debian 12, so the system keychain is not used yet.
#pragma once

#include <QString>
#include <QUrl>

namespace creneau::sync {

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
    QString m_path;
};

} // namespace creneau::sync
