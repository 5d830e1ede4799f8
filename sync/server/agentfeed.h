// The agent change feed: every row of one organisation written after a change-sequence number,
// as {entity, id, seq, deleted, data}, where data holds the row's columns (never password
// hashes nor usagers' link secrets) plus the row's lists (agent_ids, usager_ids, motif_ids).
// A page is written straight to JSON bytes (sync/fastpath/feedjson, a fast path): an initial pull
// sends hundreds of thousands of rows, and building QJsonObject trees for them costs 3-6x more.
#pragma once

#include "models/store.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>

namespace creneau::server {

class AgentFeed
{
public:
    explicit AgentFeed(Store &store) : m_store(store) {}

    // {"changes": [...], "next": N}: at most `limit` changes after `since`, in sequence order,
    // read from one snapshot of the database; `next` is the cursor to ask from next time (equal
    // to `since` when nothing is new). Rows sharing one sequence number are never split across
    // pages, so a page may exceed `limit` in that rare case.
    QByteArray pageJson(qint64 organisationId, qint64 since, int limit);
    // One row's data as the feed shows it ({} when it is not the organisation's).
    QJsonObject row(const QString &entity, qint64 organisationId, qint64 id);
    // Columns the feed never carries: secrets, and what only administrators see.
    static bool isPrivateColumn(const QString &name);

    struct Row
    {
        qint64 seq = 0;
        QByteArray json; // one element of "changes"
    };

private:
    struct Range
    {
        qint64 since = 0;   // seq > since ...
        qint64 onlySeq = 0; // ... or, when set, seq = onlySeq
        qint64 id = 0;      // when set, this row only
        int limit = 0;
    };
    QList<Row> rows(int table, qint64 organisationId, const Range &range);
    QList<Row> tombstones(qint64 organisationId, const Range &range);
    Store &m_store;
    QHash<int, QString> m_shownColumns; // per table: the columns read, secrets left out
};

} // namespace creneau::server
