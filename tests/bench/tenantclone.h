// Copies of one organisation in the same store (SQLite or PostgreSQL), made in SQL (one statement
// per table), for the benchmarks of many organisations: every id is shifted by a stride per copy,
// slugs and e-mail addresses get the copy's number.
#pragma once

#include "models/domain.h"
#include "models/store.h"

namespace creneau::bench {

// Adds `copies` copies of organisation `org` (its catalogue, usagers and appointments) and
// returns the ids of the new organisations.
QList<Id> cloneOrganisation(Store &store, Id org, int copies);

} // namespace creneau::bench
