#include "sync/client/tokenfile.h"

#include "sync/client/keychain.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <sys/stat.h>

namespace creneau::client {

SavedSession TokenFile::load() const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject o = QJsonDocument::fromJson(file.read(64 * 1024)).object();
    const QUrl server(o.value(QStringLiteral("server")).toString());
    if (o.value(QStringLiteral("keychain")).toBool()) {
        const std::optional<QString> token = keychain::read(keychainKey());
        return token ? SavedSession{server, *token} : SavedSession{server, {}};
    }
    return {server, o.value(QStringLiteral("token")).toString()};
}

QString TokenFile::keychainKey() const
{
    return QStringLiteral("session:") + m_path;
}

bool TokenFile::save(const SavedSession &session) const
{
    // Created with no access for group and others before anything is written into it.
    const mode_t previous = ::umask(077);
    QFile file(m_path);
    const bool opened = file.open(QIODevice::WriteOnly | QIODevice::Truncate);
    ::umask(previous);
    if (!opened)
        return false;
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QJsonObject o{{QStringLiteral("server"), session.server.toString()}};
    // The token goes to the system keychain when there is one, else into this private file.
    if (keychain::write(keychainKey(), session.token))
        o.insert(QStringLiteral("keychain"), true);
    else
        o.insert(QStringLiteral("token"), session.token);
    return file.write(QJsonDocument(o).toJson(QJsonDocument::Compact)) > 0 && file.flush();
}

void TokenFile::clear() const
{
    QFile file(m_path);
    if (file.open(QIODevice::ReadOnly) && QJsonDocument::fromJson(file.read(64 * 1024))
                                              .object()
                                              .value(QStringLiteral("keychain"))
                                              .toBool())
        keychain::remove(keychainKey());
    file.close();
    QFile::remove(m_path);
}

} // namespace creneau::client
