// The two keys every server instance of one installation must share: the server key (signs forms,
// recap and cancel links) and the calendar key (seals agents' CalDAV passwords). They come from
// one place, in this order: the file named by --secrets; the database when it is PostgreSQL
// (created once by the first instance, under the migration lock); else server.key and
// calendar.key in the data directory (one instance on SQLite). Never replaced once they exist.
#pragma once

#include "models/store.h"

#include <QByteArray>
#include <QString>

namespace creneau {

struct InstallationKeys
{
    QByteArray server;   // at least 32 characters
    QByteArray calendar; // base64 of a crypto_secretbox key (32 bytes)
    QString source;      // where they came from, for the start-up line
    QString error;       // for the operator; empty when both keys are usable
    bool ok() const { return error.isEmpty(); }

    // See the header's first lines. `dataDir` empty and no file and no PostgreSQL: keys that live
    // as long as the process.
    static InstallationKeys load(Store &store, const QString &secretsFile, const QString &dataDir);
    // --secrets FILE: "server=..." and "calendar=..." lines, created (0600) when missing.
    static InstallationKeys fromFile(const QString &path);
    // The data directory's server.key and calendar.key, created (0600) when missing.
    static InstallationKeys fromDataDir(const QString &dataDir);
    // The database's keys, created at random by the first caller. When the database has none yet
    // and `importFrom` names a data directory holding usable key files, those are stored instead,
    // so that what an older single instance sealed stays readable.
    static InstallationKeys fromStore(Store &store, const QString &importFrom = {});
    static InstallationKeys random();

    static bool validServerKey(const QByteArray &key) { return key.size() >= 32; }
    static bool validCalendarKey(const QByteArray &key);
};

} // namespace creneau
