// Copies every row of one store into another, empty one: how an embedded SQLite store moves to
// PostgreSQL (`creneau-server --migrate-to postgresql://...`).
#pragma once

#include "models/store.h"

namespace creneau {

struct CopyReport
{
    QStringList tables;
    qint64 rows = 0;
};

// `to` must be migrated and hold no organisation. One transaction: all or nothing.
// Throws StoreError on failure.
CopyReport copyStore(Store &from, Store &to);

} // namespace creneau
