// A real Radicale CalDAV server on loopback for tests: temporary storage, one htpasswd user
// (agent / s3cret), plain http; its collection read back from the storage folder.
#pragma once

#include "calendarfixture.h"

#include <QMap>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

namespace creneau::test {

class Radicale
{
public:
    Radicale();
    ~Radicale() { stop(); }

    bool start();
    void stop();
    QString storage() const { return dir.filePath(QStringLiteral("storage")); }
    // http://127.0.0.1:<port>/<user>/<name>/
    QString collectionUrl(const QString &user = QStringLiteral("agent"),
                          const QString &name = QStringLiteral("creneau")) const
    {
        return QStringLiteral("http://127.0.0.1:%1/%2/%3/").arg(port).arg(user, name);
    }
    QString collectionFolder(const QString &user = QStringLiteral("agent"),
                             const QString &name = QStringLiteral("creneau")) const
    {
        return storage() + QStringLiteral("/collection-root/%1/%2").arg(user, name);
    }
    // Every event of the collection, read from Radicale's storage folder.
    QMap<QString, ParsedEvent> events(QStringList *files, bool *ok) const;
    // MKCALENDAR the collection as the agent user; the HTTP status.
    int makeCalendar(const QString &url) const;

    QTemporaryDir dir;
    QProcess process;
    quint16 port = 0;
};

} // namespace creneau::test
