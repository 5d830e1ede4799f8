#include "models/storehealth.h"

#include <QDir>
#include <QFileInfo>
#include <QStorageInfo>

namespace creneau {

namespace {

QString readProblem(Store &store)
{
    try {
        if (!sql::scalar(store.db(), QStringLiteral("SELECT value FROM sequence WHERE id = 1"))
                 .isValid())
            return QStringLiteral("read: the change sequence is missing");
    } catch (const StoreError &e) {
        return QStringLiteral("read: ") + QString::fromUtf8(e.what());
    }
    return {};
}

QString writeProblem(Store &store)
{
    try {
        // Takes the write lock and writes a row, then rolls back: a read-only file or database, a
        // lock held for too long or a refused write shows here. (SQLite writes pages at commit
        // only: a full disk shows in the free space below.)
        WriteTransaction tx(store);
        sql::run(store.db(), QStringLiteral("UPDATE sequence SET value = value WHERE id = 1"));
    } catch (const StoreError &e) {
        return QStringLiteral("write: ") + QString::fromUtf8(e.what());
    }
    return {};
}

QString spaceProblem(const QString &dataDir)
{
    if (dataDir.isEmpty() || !QFileInfo::exists(dataDir))
        return {};
    QStorageInfo disk(dataDir);
    disk.refresh();
    if (!disk.isValid())
        return {};
    if (disk.isReadOnly())
        return QStringLiteral("disk: %1 is mounted read-only").arg(disk.rootPath());
    if (disk.bytesAvailable() < kMinFreeBytes)
        return QStringLiteral("disk: %1 bytes free on %2 (data directory %3)")
            .arg(disk.bytesAvailable())
            .arg(disk.rootPath(), QDir(dataDir).absolutePath());
    return {};
}

} // namespace

QStringList storeProblems(Store &store, const QString &dataDir)
{
    QStringList out;
    for (const QString &p : {readProblem(store), writeProblem(store), spaceProblem(dataDir)})
        if (!p.isEmpty())
            out << p;
    return out;
}

} // namespace creneau
