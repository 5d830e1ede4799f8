#include "models/installationkeys.h"

#include "models/keyfile.h"
#include "models/secrets.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

#include <sodium.h>

namespace creneau {

namespace {

const char kServer[] = "server";
const char kCalendar[] = "calendar";

QByteArray newServerKey()
{
    return secrets::randomToken(32).toLatin1();
}

QByteArray newCalendarKey()
{
    if (sodium_init() < 0)
        throw StoreError(QStringLiteral("libsodium cannot start"));
    QByteArray key(crypto_secretbox_KEYBYTES, Qt::Uninitialized);
    randombytes_buf(key.data(), size_t(key.size()));
    return key.toBase64();
}

// "name=value" lines; other lines are ignored.
QByteArray field(const QByteArray &text, const char *name)
{
    const QByteArray prefix = QByteArray(name) + '=';
    for (const QByteArray &line : text.split('\n'))
        if (line.trimmed().startsWith(prefix))
            return line.trimmed().mid(prefix.size());
    return {};
}

} // namespace

bool InstallationKeys::validCalendarKey(const QByteArray &key)
{
    return QByteArray::fromBase64(key).size() == crypto_secretbox_KEYBYTES;
}

InstallationKeys InstallationKeys::random()
{
    return {newServerKey(), newCalendarKey(), QStringLiteral("this process only"), {}};
}

InstallationKeys InstallationKeys::fromFile(const QString &path)
{
    const secrets::KeyFile file = secrets::loadOrCreateKeyFile(
        path,
        [] {
            return QByteArray("# Créneau: the keys every server instance shares. Keep it "
                              "readable by the service alone.\n") +
                   kServer + '=' + newServerKey() + '\n' + kCalendar + '=' + newCalendarKey() +
                   '\n';
        },
        [](const QByteArray &text) {
            return validServerKey(field(text, kServer)) && validCalendarKey(field(text, kCalendar));
        });
    if (!file.ok())
        return {{}, {}, path, file.error};
    return {field(file.contents, kServer), field(file.contents, kCalendar), path, {}};
}

InstallationKeys InstallationKeys::fromDataDir(const QString &dataDir)
{
    const QDir dir(dataDir);
    const secrets::KeyFile server = secrets::loadOrCreateKeyFile(
        dir.filePath(QStringLiteral("server.key")), newServerKey, validServerKey);
    if (!server.ok())
        return {{}, {}, dataDir, server.error};
    const secrets::KeyFile calendar = secrets::loadOrCreateKeyFile(
        dir.filePath(QStringLiteral("calendar.key")), newCalendarKey, validCalendarKey);
    if (!calendar.ok())
        return {{}, {}, dataDir, calendar.error};
    return {server.contents, calendar.contents, dataDir, {}};
}

InstallationKeys InstallationKeys::fromStore(Store &store, const QString &importFrom)
{
    InstallationKeys out;
    out.source = QStringLiteral("the database");
    // The migration lock: two instances starting together agree on one pair of keys.
    WriteTransaction tx(store, WriteTransaction::Mode::Schema);
    const QSqlDatabase db = store.db();
    QSqlQuery q = sql::run(db, QStringLiteral("SELECT name, value FROM installation_keys"));
    while (q.next()) {
        const QByteArray value = q.value(1).toString().toLatin1();
        if (q.value(0).toString() == QLatin1String(kServer))
            out.server = value;
        else if (q.value(0).toString() == QLatin1String(kCalendar))
            out.calendar = value;
    }
    const bool serverStored = !out.server.isEmpty();
    const bool calendarStored = !out.calendar.isEmpty();
    const QDir dir(importFrom);
    if ((serverStored || calendarStored) && !importFrom.isEmpty() &&
        QFileInfo::exists(dir.filePath(QStringLiteral("server.key")))) {
        // An instance of an older version kept keys of its own here: say that they are no longer
        // the ones in use, so an operator knows why its old links no longer open.
        QFile file(dir.filePath(QStringLiteral("server.key")));
        if (file.open(QIODevice::ReadOnly) && file.readAll().trimmed() != out.server)
            qWarning("%s/server.key differs from the database's key, which every instance now "
                     "uses; links signed with the file's key no longer open",
                     qPrintable(importFrom));
    }
    if (!serverStored && !calendarStored) {
        // First start on this database: keep the keys of the data directory it came from, if any.
        if (!importFrom.isEmpty() &&
            QFileInfo::exists(dir.filePath(QStringLiteral("server.key"))) &&
            QFileInfo::exists(dir.filePath(QStringLiteral("calendar.key")))) {
            const InstallationKeys files = fromDataDir(importFrom);
            if (!files.ok())
                return {{}, {}, out.source, files.error};
            out.server = files.server;
            out.calendar = files.calendar;
            out.source = QStringLiteral("the database (imported from %1)").arg(importFrom);
        }
    }
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    // What the database does not hold yet (imported or new) is stored now.
    const auto complete = [&](QByteArray &key, bool inDatabase, const char *name,
                              QByteArray (*make)()) {
        if (inDatabase)
            return;
        if (key.isEmpty())
            key = make();
        sql::run(db,
                 QStringLiteral("INSERT INTO installation_keys (name, value, created_at) "
                                "VALUES (?, ?, ?)"),
                 {QString::fromLatin1(name), QString::fromLatin1(key), now});
    };
    complete(out.server, serverStored, kServer, newServerKey);
    complete(out.calendar, calendarStored, kCalendar, newCalendarKey);
    tx.commit();
    if (!validServerKey(out.server) || !validCalendarKey(out.calendar))
        out.error =
            QStringLiteral("the keys stored in the database (table installation_keys) are "
                           "damaged; they were left as they are: restore them from a backup");
    return out;
}

InstallationKeys InstallationKeys::load(Store &store, const QString &secretsFile,
                                        const QString &dataDir)
{
    if (!secretsFile.isEmpty())
        return fromFile(secretsFile);
    if (store.engine() == Store::Engine::Postgres)
        return fromStore(store, dataDir);
    if (!dataDir.isEmpty())
        return fromDataDir(dataDir);
    return random();
}

} // namespace creneau
