#include "tokenfile.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <sys/stat.h>

namespace creneau::sync {

SavedSession TokenFile::load() const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject o = QJsonDocument::fromJson(file.read(64 * 1024)).object();
    return {QUrl(o.value(QStringLiteral("server")).toString()),
            o.value(QStringLiteral("token")).toString()};
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
    const QJsonObject o{{QStringLiteral("server"), session.server.toString()},
                        {QStringLiteral("token"), session.token}};
    return file.write(QJsonDocument(o).toJson(QJsonDocument::Compact)) > 0 && file.flush();
}

void TokenFile::clear() const
{
    QFile::remove(m_path);
}

} // namespace creneau::sync
