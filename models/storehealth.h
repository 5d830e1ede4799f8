// What /healthz checks: that the store answers a read and takes a write (rolled back, so nothing
// changes), and that the disk holding the data directory has room left. Each problem is one line
// for the operator; none means healthy.
#pragma once

#include "models/store.h"

#include <QStringList>

namespace creneau {

// Below this many free bytes the data directory's disk counts as full (SQLite's journal and the
// outbox folder need room before the disk is at 0).
constexpr qint64 kMinFreeBytes = 4 * 1024 * 1024;

QStringList storeProblems(Store &store, const QString &dataDir);

} // namespace creneau
