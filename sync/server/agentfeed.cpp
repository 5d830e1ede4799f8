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

QJsonArray idList(const QSqlDatabase &db, const QString &statement, qint64 id)
{
    QJsonArray out;
    QSqlQuery q = sql::run(db, statement, {id});
    while (q.next())
        out.append(q.value(0).toLongLong());
    return out;
}

// The row's lists, which live in link tables.
void addLinks(const QSqlDatabase &db, const QString &entity, QJsonObject &data, qint64 id)
{
    if (entity == QLatin1String("rdvs")) {
        data.insert(QStringLiteral("agent_ids"),
                    idList(db,
                           QStringLiteral("SELECT agent_id FROM rdv_agents WHERE rdv_id = ? "
                                          "ORDER BY agent_id"),
                           id));
        data.insert(QStringLiteral("usager_ids"),
                    idList(db,
                           QStringLiteral("SELECT usager_id FROM rdv_usagers WHERE rdv_id = ? "
                                          "ORDER BY usager_id"),
                           id));
        data.insert(
            QStringLiteral("prescripteur"),
            QJsonObject{{QStringLiteral("first_name"), data.value("prescripteur_first_name")},
                        {QStringLiteral("last_name"), data.value("prescripteur_last_name")},
                        {QStringLiteral("email"), data.value("prescripteur_email")},
                        {QStringLiteral("phone"), data.value("prescripteur_phone")}});
    } else if (entity == QLatin1String("plages")) {
        data.insert(QStringLiteral("motif_ids"),
                    idList(db,
                           QStringLiteral("SELECT motif_id FROM plage_motifs WHERE plage_id = ? "
                                          "ORDER BY motif_id"),
                           id));
    }
}

QJsonObject change(const QString &entity, const QSqlQuery &q, const QSqlDatabase &db)
{
    QJsonObject data;
    const QSqlRecord rec = q.record();
    for (int i = 0; i < rec.count(); ++i) {
        const QString name = rec.fieldName(i);
        if (isSecretColumn(name))
            continue;
        const QVariant v = q.value(i);
        if (v.isNull())
            data.insert(name, QJsonValue(QJsonValue::Null));
        else if (v.typeId() == QMetaType::QString)
            data.insert(name, v.toString());
        else
            data.insert(name, v.toLongLong());
    }
    const qint64 id = data.value(QStringLiteral("id")).toInteger();
    addLinks(db, entity, data, id);
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
    while (q.next())
        out.append(change(QLatin1String(t->entity), q, m_store.db()));
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
    return change(QLatin1String(t->entity), q, m_store.db())
        .value(QStringLiteral("data"))
        .toObject();
}

} // namespace creneau::http
