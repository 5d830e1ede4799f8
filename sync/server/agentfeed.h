// The agent change feed: every row of one organisation written after a change-sequence number,
// as {entity, id, seq, deleted, data}, where data holds the row's columns (never password
// hashes nor usagers' link secrets) plus the row's lists (agent_ids, usager_ids, motif_ids).
#pragma once

#include "store.h"

#include <QJsonArray>
#include <QJsonObject>

namespace creneau::http {

struct FeedPage
{
    QJsonArray changes;
    qint64 next = 0; // the cursor to ask from next time; equal to `since` when nothing is new
};

class AgentFeed
{
public:
    explicit AgentFeed(Store &store) : m_store(store) {}

    // At most `limit` changes after `since`, in sequence order. Rows sharing one sequence number
    // are never split across pages, so a page may exceed `limit` in that rare case.
    FeedPage changesSince(qint64 organisationId, qint64 since, int limit);
    // One row as the feed shows it ({} when it is not the organisation's).
    QJsonObject row(const QString &entity, qint64 organisationId, qint64 id);

private:
    QList<QJsonObject> query(const QString &entity, qint64 organisationId, qint64 since,
                             qint64 onlySeq, int limit);
    QList<QJsonObject> tombstones(qint64 since, qint64 onlySeq, int limit);
    Store &m_store;
};

} // namespace creneau::http
