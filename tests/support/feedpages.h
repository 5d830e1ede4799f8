// The change feed's pages and the desktop cache's rows, for the tests and the bench that compare
// the sync's fast paths (AgentFeed's hand-built JSON, the client's pull parser and PageWriter)
// with the plain ones (QJsonDocument, Qt SQL) on the same pages.
#pragma once

#include "models/store.h"

#include <QByteArray>
#include <QJsonArray>
#include <QList>
#include <QStringList>

namespace creneau::test {

struct FeedPage
{
    QByteArray json;
    qint64 next = 0;
};

// Every page of the organisation's feed from 0, at most `limit` changes a page.
QList<FeedPage> feedPages(Store &store, qint64 organisationId, int limit);

// The same changes as the feed shows them, built the plain way: Qt SQL rows turned into
// QJsonObjects (secrets left out, link lists and the rdv's prescripteur object added), rows then
// tombstones, in table order; compare both after sortedChanges().
QJsonArray plainChanges(Store &store, qint64 organisationId);
// Sorts changes by (seq, entity, id).
QJsonArray sortedChanges(QJsonArray changes);

// Text the feed must carry intact: quotes, backslashes, control characters, NUL, non-ASCII
// (accents, CJK, a surrogate pair, U+2028), and integers beyond 2^53 up to the 64-bit limits, put
// into rows of every table, each write with its own sequence number.
void makeHostile(Store &store, qint64 organisationId);

// Every row of the cache's tables (and the sync cursor) as SQL literals, table by table, sorted:
// two caches with the same dump hold the same values with the same types.
QStringList cacheDump(Store &store);

} // namespace creneau::test
