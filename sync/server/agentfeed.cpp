#include "agentfeed.h"

#include "sql.h"

#include <QSqlRecord>

#include <algorithm>

namespace creneau::http {

namespace {

struct EntityTable
{
    const char *entity;
    const char *table;
    const char *orgColumn;
};

// Entity names of the feed, in the order a cache best applies rows sharing a sequence number.
const EntityTable kTables[] = {
    {"organisation", "organisations", "id"},
    {"agents", "agents", "organisation_id"},
    {"lieux", "lieux", "organisation_id"},
    {"motifs", "motifs", "organisation_id"},
    {"plages", "plages_ouverture", "organisation_id"},
    {"absences", "absences", "organisation_id"},
    {"usagers", "usagers", "organisation_id"},
    {"rdvs", "rdvs", "organisation_id"},
};

const EntityTable *tableOf(const QString &entity)
{
    for (const EntityTable &t : kTables)
        if (entity == QLatin1String(t.entity) || entity == QLatin1String(t.table))
            return &t;
    return nullptr;
}

bool isSecretColumn(const QString &name)
{
    return name == QLatin1String("password_hash") || name == QLatin1String("usager_token_hash");
}

// id -> the ids linked to it, for every owner in `owners`, in one query.
QHash<qint64, QJsonArray> linked(const QSqlDatabase &db, const char *table, const char *owner,
                                 const char *column, const QList<qint64> &owners)
{
    QHash<qint64, QJsonArray> out;
    if (owners.isEmpty())
        return out;
    QStringList ids;
    for (qint64 id : owners)
        ids << QString::number(id); // integers read from the database: safe to inline
    QSqlQuery q = sql::run(db, QStringLiteral("SELECT %1, %2 FROM %3 WHERE %1 IN (%4) ORDER BY %2")
                                   .arg(QLatin1String(owner), QLatin1String(column),
                                        QLatin1String(table), ids.join(QLatin1Char(','))));
    while (q.next())
        out[q.value(0).toLongLong()].append(q.value(1).toLongLong());
    return out;
}

// The rows' lists, which live in link tables.
void addLinks(const QSqlDatabase &db, const QString &entity, QList<QJsonObject> &changes)
{
    const bool rdvs = entity == QLatin1String("rdvs");
    if (changes.isEmpty() || (!rdvs && entity != QLatin1String("plages")))
        return;
    QList<qint64> ids;
    for (const QJsonObject &c : std::as_const(changes))
        ids << c.value(QStringLiteral("id")).toInteger();
    const auto first = rdvs ? linked(db, "rdv_agents", "rdv_id", "agent_id", ids)
                            : linked(db, "plage_motifs", "plage_id", "motif_id", ids);
    const auto second =
        rdvs ? linked(db, "rdv_usagers", "rdv_id", "usager_id", ids) : QHash<qint64, QJsonArray>();
    for (QJsonObject &c : changes) {
        const qint64 id = c.value(QStringLiteral("id")).toInteger();
        QJsonObject data = c.value(QStringLiteral("data")).toObject();
        if (rdvs) {
            data.insert(QStringLiteral("agent_ids"), first.value(id));
            data.insert(QStringLiteral("usager_ids"), second.value(id));
            data.insert(
                QStringLiteral("prescripteur"),
                QJsonObject{
                    {QStringLiteral("first_name"),
                     data.value(QStringLiteral("prescripteur_first_name"))},
                    {QStringLiteral("last_name"),
                     data.value(QStringLiteral("prescripteur_last_name"))},
                    {QStringLiteral("email"), data.value(QStringLiteral("prescripteur_email"))},
                    {QStringLiteral("phone"), data.value(QStringLiteral("prescripteur_phone"))}});
        } else {
            data.insert(QStringLiteral("motif_ids"), first.value(id));
        }
        c.insert(QStringLiteral("data"), data);
    }
}

// The columns a query's rows show, read once per query: (index, name), secrets left out.
QList<QPair<int, QString>> shownColumns(const QSqlQuery &q)
{
    QList<QPair<int, QString>> out;
    const QSqlRecord rec = q.record();
    for (int i = 0; i < rec.count(); ++i)
        if (!isSecretColumn(rec.fieldName(i)))
            out.append({i, rec.fieldName(i)});
    return out;
}

QJsonObject change(const QString &entity, const QSqlQuery &q,
                   const QList<QPair<int, QString>> &columns)
{
    QJsonObject data;
    for (const auto &[i, name] : columns) {
        const QVariant v = q.value(i);
        if (v.isNull())
            data.insert(name, QJsonValue(QJsonValue::Null));
        else if (v.typeId() == QMetaType::QString)
            data.insert(name, v.toString());
        else
            data.insert(name, v.toLongLong());
    }
    const qint64 id = data.value(QStringLiteral("id")).toInteger();
    const bool deleted = data.value(QStringLiteral("deleted")).toInteger() != 0;
    return QJsonObject{{QStringLiteral("entity"), entity},
                       {QStringLiteral("id"), id},
                       {QStringLiteral("seq"), data.value(QStringLiteral("seq"))},
                       {QStringLiteral("deleted"), deleted},
                       {QStringLiteral("data"), data}};
}

qint64 seqOf(const QJsonObject &c)
{
    return c.value(QStringLiteral("seq")).toInteger();
}

} // namespace

QList<QJsonObject> AgentFeed::query(const QString &entity, qint64 organisationId, qint64 since,
                                    qint64 onlySeq, int limit)
{
    const EntityTable *t = tableOf(entity);
    const QString where = onlySeq ? QStringLiteral("seq = ?") : QStringLiteral("seq > ?");
    const QString statement =
        QStringLiteral("SELECT * FROM %1 WHERE %2 = ? AND %3 ORDER BY seq LIMIT %4")
            .arg(QLatin1String(t->table), QLatin1String(t->orgColumn), where)
            .arg(limit);
    QSqlQuery q = sql::run(m_store.db(), statement, {organisationId, onlySeq ? onlySeq : since});
    QList<QJsonObject> out;
    const auto columns = shownColumns(q);
    while (q.next())
        out.append(change(QLatin1String(t->entity), q, columns));
    addLinks(m_store.db(), QLatin1String(t->entity), out);
    return out;
}

QList<QJsonObject> AgentFeed::tombstones(qint64 since, qint64 onlySeq, int limit)
{
    // Tombstones carry no organisation: they say only that an id is gone, nothing about it.
    QSqlQuery q =
        sql::run(m_store.db(),
                 QStringLiteral(
                     "SELECT seq, entity, entity_id FROM tombstones WHERE %1 ORDER BY seq LIMIT %2")
                     .arg(onlySeq ? QStringLiteral("seq = ?") : QStringLiteral("seq > ?"))
                     .arg(limit),
                 {onlySeq ? onlySeq : since});
    QList<QJsonObject> out;
    while (q.next()) {
        const EntityTable *t = tableOf(q.value(1).toString());
        if (!t)
            continue;
        out.append(QJsonObject{{QStringLiteral("entity"), QLatin1String(t->entity)},
                               {QStringLiteral("id"), q.value(2).toLongLong()},
                               {QStringLiteral("seq"), q.value(0).toLongLong()},
                               {QStringLiteral("deleted"), true},
                               {QStringLiteral("data"), QJsonObject{}}});
    }
    return out;
}

FeedPage AgentFeed::changesSince(qint64 organisationId, qint64 since, int limit)
{
    limit = std::clamp(limit, 1, 5000);
    QList<QJsonObject> all;
    for (const EntityTable &t : kTables)
        all += query(QLatin1String(t.entity), organisationId, since, 0, limit + 1);
    all += tombstones(since, 0, limit + 1);
    std::stable_sort(all.begin(), all.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return seqOf(a) < seqOf(b);
    });
    FeedPage page;
    page.next = since;
    if (all.size() > limit) {
        const qint64 boundary = seqOf(all.at(limit));
        while (all.size() > limit)
            all.removeLast();
        while (!all.isEmpty() && seqOf(all.last()) == boundary)
            all.removeLast();
        if (all.isEmpty()) {
            // More rows share one sequence number than a page holds: send them all at once.
            for (const EntityTable &t : kTables)
                all += query(QLatin1String(t.entity), organisationId, 0, boundary, 1000000);
            all += tombstones(0, boundary, 1000000);
        }
    }
    for (const QJsonObject &c : std::as_const(all)) {
        page.changes.append(c);
        page.next = std::max(page.next, seqOf(c));
    }
    return page;
}

QJsonObject AgentFeed::row(const QString &entity, qint64 organisationId, qint64 id)
{
    const EntityTable *t = tableOf(entity);
    if (!t)
        return {};
    QSqlQuery q = sql::run(m_store.db(),
                           QStringLiteral("SELECT * FROM %1 WHERE id = ? AND %2 = ?")
                               .arg(QLatin1String(t->table), QLatin1String(t->orgColumn)),
                           {id, organisationId});
    if (!q.next())
        return {};
    QList<QJsonObject> one{change(QLatin1String(t->entity), q, shownColumns(q))};
    addLinks(m_store.db(), QLatin1String(t->entity), one);
    return one.first().value(QStringLiteral("data")).toObject();
}

} // namespace creneau::http
