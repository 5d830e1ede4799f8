#include "sync/server/agentfeed.h"

#include "models/sql.h"
#include "sync/fastpath/feedjson.h"

#include <QJsonDocument>
#include <QSqlRecord>

#include <algorithm>

namespace creneau::server {

using fastpath::FeedJson;

namespace {

struct EntityTable
{
    const char *entity;
    const char *table;
    const char *orgColumn;
    // The table listing the row's links, its owner and linked columns, and the list's name.
    const char *linkTable = nullptr;
    const char *linkOwner = nullptr;
    const char *linkColumn = nullptr;
    const char *linkName = nullptr;
};

// Entity names of the feed, in the order a cache best applies rows sharing a sequence number.
const EntityTable kTables[] = {
    {"organisation", "organisations", "id"},
    {"agents", "agents", "organisation_id"},
    {"lieux", "lieux", "organisation_id"},
    {"motifs", "motifs", "organisation_id"},
    {"plages", "plages_ouverture", "organisation_id", "plage_motifs", "plage_id", "motif_id",
     "motif_ids"},
    {"absences", "absences", "organisation_id"},
    {"usagers", "usagers", "organisation_id"},
    {"rdvs", "rdvs", "organisation_id", "rdv_agents", "rdv_id", "agent_id", "agent_ids"},
    // Collective sessions; their participants are rdvs rows carrying a session_id.
    {"sessions", "collective_sessions", "organisation_id", "collective_session_agents",
     "session_id", "agent_id", "agent_ids"},
};
constexpr int kRdvs = 7;

int tableIndex(const QString &entity)
{
    for (int i = 0; i < int(std::size(kTables)); ++i)
        if (entity == QLatin1String(kTables[i].entity) || entity == QLatin1String(kTables[i].table))
            return i;
    return -1;
}

// The WHERE clause of a range over `table` aliased `alias` (bound: organisation, then value).
QString rangeClause(const EntityTable &t, const QString &alias, bool onlySeq, bool byId)
{
    const QString seq = byId      ? QStringLiteral("%1.id = ?")
                        : onlySeq ? QStringLiteral("%1.seq = ?")
                                  : QStringLiteral("%1.seq > ?");
    return QStringLiteral("%1.%2 = ? AND ").arg(alias, QLatin1String(t.orgColumn)) + seq.arg(alias);
}

// The cut of a merged, seq-ordered page at `limit`: never between two rows of one seq.
// Returns false when the rows of one seq alone exceed the limit (the caller sends them all).
bool cutAtLimit(QList<AgentFeed::Row> &all, int limit, qint64 *boundary)
{
    if (all.size() <= limit)
        return true;
    *boundary = all.at(limit).seq;
    all.resize(limit);
    while (!all.isEmpty() && all.last().seq == *boundary)
        all.removeLast();
    return !all.isEmpty();
}

} // namespace

QList<AgentFeed::Row> AgentFeed::rows(int table, qint64 organisationId, const Range &range)
{
    const EntityTable &t = kTables[table];
    const QSqlDatabase db = m_store.db();
    const bool byId = range.id != 0;
    const qint64 value = byId ? range.id : range.onlySeq ? range.onlySeq : range.since;
    QString &shown = m_shownColumns[table];
    if (shown.isEmpty()) {
        // Named, so that secrets are not even read.
        QStringList names;
        const QSqlRecord all = db.record(QLatin1String(t.table));
        for (int i = 0; i < all.count(); ++i)
            if (!AgentFeed::isPrivateColumn(all.fieldName(i)))
                names << QStringLiteral("r.") + all.fieldName(i);
        shown = names.join(QLatin1Char(','));
    }
    QSqlQuery q = sql::run(db,
                           QStringLiteral("SELECT %1 FROM %2 r WHERE %3 ORDER BY r.seq LIMIT %4")
                               .arg(shown, QLatin1String(t.table),
                                    rangeClause(t, QStringLiteral("r"), range.onlySeq, byId))
                               .arg(range.limit),
                           {organisationId, value});
    // The columns, read once: their index and their key as JSON ("name":).
    const QSqlRecord record = q.record();
    QList<QPair<int, QByteArray>> columns;
    for (int i = 0; i < record.count(); ++i)
        columns.append({i, FeedJson::key(record.fieldName(i))});
    const int idColumn = record.indexOf(QStringLiteral("id"));
    const int seqColumn = record.indexOf(QStringLiteral("seq"));
    const int deletedColumn = record.indexOf(QStringLiteral("deleted"));
    const bool rdvs = table == kRdvs;
    const int prescripteur[] = {record.indexOf(QStringLiteral("prescripteur_first_name")),
                                record.indexOf(QStringLiteral("prescripteur_last_name")),
                                record.indexOf(QStringLiteral("prescripteur_email")),
                                record.indexOf(QStringLiteral("prescripteur_phone"))};

    struct Pending
    {
        qint64 id;
        Row row;
    };
    QList<Pending> pending;
    QHash<qint64, qsizetype> byRowId;
    while (q.next()) {
        Pending p;
        p.id = q.value(idColumn).toLongLong();
        p.row.seq = q.value(seqColumn).toLongLong();
        const bool deleted = deletedColumn >= 0 && q.value(deletedColumn).toLongLong() != 0;
        QByteArray &out = p.row.json;
        out.reserve(256 + columns.size() * 32);
        FeedJson::beginChange(out, t.entity, p.id, p.row.seq, deleted);
        for (const auto &[i, key] : std::as_const(columns)) {
            out += key;
            FeedJson::appendValue(out, q.value(i));
            out += ',';
        }
        if (rdvs && prescripteur[0] >= 0) {
            // The prescripteur also as one object, as the API describes it.
            out += "\"prescripteur\":{\"first_name\":";
            FeedJson::appendValue(out, q.value(prescripteur[0]));
            out += ",\"last_name\":";
            FeedJson::appendValue(out, q.value(prescripteur[1]));
            out += ",\"email\":";
            FeedJson::appendValue(out, q.value(prescripteur[2]));
            out += ",\"phone\":";
            FeedJson::appendValue(out, q.value(prescripteur[3]));
            out += "},";
        }
        byRowId.insert(p.id, pending.size());
        pending.append(std::move(p));
    }
    if (pending.isEmpty())
        return {};

    // The rows' lists live in link tables: one joined query per list, over the same range.
    struct List
    {
        const char *table;
        const char *owner;
        const char *column;
        const char *name;
    };
    QList<List> lists;
    if (t.linkTable)
        lists.append({t.linkTable, t.linkOwner, t.linkColumn, t.linkName});
    if (rdvs)
        lists.append({"rdv_usagers", "rdv_id", "usager_id", "usager_ids"});
    const qint64 lastSeq = pending.last().row.seq;
    for (const List &list : std::as_const(lists)) {
        QList<QList<qint64>> ids(pending.size());
        QString statement =
            QStringLiteral("SELECT l.%1, l.%2 FROM %3 l JOIN %4 r ON r.id = l.%1 WHERE %5")
                .arg(QLatin1String(list.owner), QLatin1String(list.column),
                     QLatin1String(list.table), QLatin1String(t.table),
                     rangeClause(t, QStringLiteral("r"), range.onlySeq, byId));
        if (!byId && !range.onlySeq)
            statement += QStringLiteral(" AND r.seq <= ?");
        statement += QStringLiteral(" ORDER BY 1, 2");
        QSqlQuery links = sql::prepare(db, statement);
        sql::bind(links, organisationId);
        sql::bind(links, value);
        if (!byId && !range.onlySeq)
            sql::bind(links, lastSeq);
        sql::exec(links);
        while (links.next()) {
            const auto at = byRowId.constFind(links.value(0).toLongLong());
            if (at == byRowId.cend())
                continue; // past the page's last row, sharing its seq
            ids[*at].append(links.value(1).toLongLong());
        }
        const QByteArray key = FeedJson::key(QString::fromLatin1(list.name));
        for (qsizetype i = 0; i < pending.size(); ++i)
            FeedJson::appendIdList(pending[i].row.json, key, ids.at(i));
    }
    QList<Row> out;
    out.reserve(pending.size());
    for (Pending &p : pending) {
        FeedJson::endChange(p.row.json);
        out.append(std::move(p.row));
    }
    return out;
}

QList<AgentFeed::Row> AgentFeed::tombstones(qint64 organisationId, const Range &range)
{
    // A tombstone says only that an id is gone, nothing about it. It is numbered in its
    // organisation's sequence, so it goes to that organisation's feed; the older ones, from before
    // the sequences were per organisation (no organisation), to every feed.
    QSqlQuery q = sql::run(
        m_store.db(),
        QStringLiteral("SELECT seq, entity, entity_id FROM tombstones WHERE %1 AND "
                       "(organisation_id = ? OR organisation_id IS NULL) ORDER BY seq LIMIT %2")
            .arg(range.onlySeq ? QStringLiteral("seq = ?") : QStringLiteral("seq > ?"))
            .arg(range.limit),
        {range.onlySeq ? range.onlySeq : range.since, organisationId});
    QList<Row> out;
    while (q.next()) {
        const int table = tableIndex(q.value(1).toString());
        if (table < 0)
            continue;
        Row r;
        r.seq = q.value(0).toLongLong();
        FeedJson::beginChange(r.json, kTables[table].entity, q.value(2).toLongLong(), r.seq, true);
        FeedJson::endChange(r.json);
        out.append(std::move(r));
    }
    return out;
}

QByteArray AgentFeed::pageJson(qint64 organisationId, qint64 since, int limit)
{
    limit = std::clamp(limit, 1, 20000);
    // One snapshot: a write committing between two tables' queries must not leave its first
    // rows out of this page while the cursor moves past its last ones.
    ReadTransaction snapshot(m_store);
    QList<Row> all;
    const Range range{since, 0, 0, limit + 1};
    for (int table = 0; table < int(std::size(kTables)); ++table)
        all += rows(table, organisationId, range);
    all += tombstones(organisationId, range);
    // Stable: rows sharing a seq keep the tables' order.
    std::stable_sort(all.begin(), all.end(),
                     [](const Row &a, const Row &b) { return a.seq < b.seq; });
    qint64 boundary = 0;
    if (!cutAtLimit(all, limit, &boundary)) {
        // More rows share one sequence number than a page holds: send them all at once.
        const Range one{0, boundary, 0, 1000000};
        for (int table = 0; table < int(std::size(kTables)); ++table)
            all += rows(table, organisationId, one);
        all += tombstones(organisationId, one);
    }
    snapshot.end();
    qsizetype size = 32;
    for (const Row &r : std::as_const(all))
        size += r.json.size() + 1;
    QByteArray out;
    out.reserve(size);
    out += "{\"changes\":[";
    qint64 next = since;
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (i)
            out += ',';
        out += all.at(i).json;
        next = std::max(next, all.at(i).seq);
    }
    out += "],\"next\":" + QByteArray::number(next) + '}';
    return out;
}

QJsonObject AgentFeed::row(const QString &entity, qint64 organisationId, qint64 id)
{
    const int table = tableIndex(entity);
    if (table < 0 || id <= 0)
        return {};
    const QList<Row> one = rows(table, organisationId, Range{0, 0, id, 1});
    if (one.isEmpty())
        return {};
    return QJsonDocument::fromJson(one.first().json)
        .object()
        .value(QStringLiteral("data"))
        .toObject();
}

bool AgentFeed::isPrivateColumn(const QString &name)
{
    // An agent's sign-ins are for administrators (GET /organisation), not for colleagues.
    return name == QLatin1String("password_hash") || name == QLatin1String("usager_token_hash") ||
           name == QLatin1String("last_sign_in_at") ||
           name == QLatin1String("must_change_password");
}

} // namespace creneau::server
