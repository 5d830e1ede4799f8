#include "feedpages.h"

#include "models/sql.h"
#include "sync/server/agentfeed.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QSqlRecord>

#include <algorithm>
#include <limits>

namespace creneau::test {

namespace {

struct Entity
{
    const char *entity, *table, *orgColumn;
};
const Entity kEntities[] = {
    {"organisation", "organisations", "id"},
    {"agents", "agents", "organisation_id"},
    {"lieux", "lieux", "organisation_id"},
    {"motifs", "motifs", "organisation_id"},
    {"plages", "plages_ouverture", "organisation_id"},
    {"absences", "absences", "organisation_id"},
    {"usagers", "usagers", "organisation_id"},
    {"rdvs", "rdvs", "organisation_id"},
    {"sessions", "collective_sessions", "organisation_id"},
};

QJsonValue plainValue(const QVariant &v)
{
    if (v.isNull())
        return QJsonValue(QJsonValue::Null);
    if (v.typeId() == QMetaType::QString)
        return v.toString();
    return QJsonValue(v.toLongLong());
}

// Every list of a link table at once, by owner (ordered by linked id).
QHash<qint64, QJsonArray> linked(Store &store, const char *table, const char *owner,
                                 const char *column)
{
    QHash<qint64, QJsonArray> out;
    QSqlQuery q = sql::run(
        store.db(), QStringLiteral("SELECT %1, %2 FROM %3 ORDER BY 1, 2")
                        .arg(QLatin1String(owner), QLatin1String(column), QLatin1String(table)));
    while (q.next())
        out[q.value(0).toLongLong()].append(q.value(1).toLongLong());
    return out;
}

} // namespace

QList<FeedPage> feedPages(Store &store, qint64 organisationId, int limit)
{
    server::AgentFeed feed(store);
    QList<FeedPage> out;
    qint64 since = 0;
    for (;;) {
        FeedPage page;
        page.json = feed.pageJson(organisationId, since, limit);
        page.next = QJsonDocument::fromJson(page.json)["next"].toInteger();
        if (page.next == since)
            break;
        since = page.next;
        out.append(page);
    }
    return out;
}

QJsonArray plainChanges(Store &store, qint64 organisationId)
{
    QJsonArray out;
    const QHash<qint64, QJsonArray> plageMotifs =
        linked(store, "plage_motifs", "plage_id", "motif_id");
    const QHash<qint64, QJsonArray> rdvAgents = linked(store, "rdv_agents", "rdv_id", "agent_id");
    const QHash<qint64, QJsonArray> rdvUsagers =
        linked(store, "rdv_usagers", "rdv_id", "usager_id");
    const QHash<qint64, QJsonArray> sessionAgents =
        linked(store, "collective_session_agents", "session_id", "agent_id");
    for (const Entity &e : kEntities) {
        QSqlQuery q = sql::run(store.db(),
                               QStringLiteral("SELECT * FROM %1 WHERE %2 = ?")
                                   .arg(QLatin1String(e.table), QLatin1String(e.orgColumn)),
                               {organisationId});
        const QSqlRecord record = q.record();
        while (q.next()) {
            QJsonObject data;
            for (int i = 0; i < record.count(); ++i) {
                const QString name = record.fieldName(i);
                if (server::AgentFeed::isPrivateColumn(name))
                    continue;
                data.insert(name, plainValue(q.value(i)));
            }
            const qint64 id = q.value(QStringLiteral("id")).toLongLong();
            const QString entity = QLatin1String(e.entity);
            if (entity == QLatin1String("plages"))
                data.insert(QStringLiteral("motif_ids"), plageMotifs.value(id));
            if (entity == QLatin1String("sessions"))
                data.insert(QStringLiteral("agent_ids"), sessionAgents.value(id));
            if (entity == QLatin1String("rdvs")) {
                data.insert(QStringLiteral("agent_ids"), rdvAgents.value(id));
                data.insert(QStringLiteral("usager_ids"), rdvUsagers.value(id));
                data.insert(QStringLiteral("prescripteur"),
                            QJsonObject{{QStringLiteral("first_name"),
                                         data.value(QStringLiteral("prescripteur_first_name"))},
                                        {QStringLiteral("last_name"),
                                         data.value(QStringLiteral("prescripteur_last_name"))},
                                        {QStringLiteral("email"),
                                         data.value(QStringLiteral("prescripteur_email"))},
                                        {QStringLiteral("phone"),
                                         data.value(QStringLiteral("prescripteur_phone"))}});
            }
            const bool deleted = record.indexOf(QStringLiteral("deleted")) >= 0 &&
                                 q.value(QStringLiteral("deleted")).toLongLong() != 0;
            out.append(
                QJsonObject{{QStringLiteral("entity"), entity},
                            {QStringLiteral("id"), id},
                            {QStringLiteral("seq"), q.value(QStringLiteral("seq")).toLongLong()},
                            {QStringLiteral("deleted"), deleted},
                            {QStringLiteral("data"), data}});
        }
    }
    QSqlQuery t =
        sql::run(store.db(), QStringLiteral("SELECT seq, entity, entity_id FROM tombstones"));
    while (t.next()) {
        QString entity = t.value(1).toString();
        for (const Entity &e : kEntities)
            if (entity == QLatin1String(e.table))
                entity = QLatin1String(e.entity);
        out.append(QJsonObject{{QStringLiteral("entity"), entity},
                               {QStringLiteral("id"), t.value(2).toLongLong()},
                               {QStringLiteral("seq"), t.value(0).toLongLong()},
                               {QStringLiteral("deleted"), true},
                               {QStringLiteral("data"), QJsonObject()}});
    }
    return out;
}

QJsonArray sortedChanges(QJsonArray changes)
{
    QList<QJsonObject> list;
    for (const QJsonValue &c : std::as_const(changes))
        list.append(c.toObject());
    std::sort(list.begin(), list.end(), [](const QJsonObject &a, const QJsonObject &b) {
        const auto key = [](const QJsonObject &o) {
            return std::make_tuple(o.value(QStringLiteral("seq")).toInteger(),
                                   o.value(QStringLiteral("entity")).toString(),
                                   o.value(QStringLiteral("id")).toInteger());
        };
        return key(a) < key(b);
    });
    QJsonArray out;
    for (const QJsonObject &o : std::as_const(list))
        out.append(o);
    return out;
}

void makeHostile(Store &store, qint64 organisationId)
{
    const QSqlDatabase db = store.db();
    const QString hostile = QStringLiteral("« Quote \" back\\slash / tab\t nl\n cr\r bell") +
                            QChar(0x07) + QStringLiteral(" nul") + QChar(0) +
                            QStringLiteral(" del\x7f é 李 ") + QString::fromUtf8("😀") +
                            QChar(0x2028) + QStringLiteral(" \\u0041 </script> »");
    WriteTransaction tx(store);
    const auto bump = [&](const QString &statement, const QVariantList &values) {
        QSqlQuery q = sql::prepare(db, statement);
        sql::bind(q, store.nextSeq(organisationId));
        for (const QVariant &v : values)
            sql::bind(q, v);
        sql::exec(q);
    };
    bump(QStringLiteral("UPDATE organisations SET seq = ?, name = ? WHERE id = ?"),
         {hostile, organisationId});
    bump(
        QStringLiteral("UPDATE lieux SET seq = ?, name = ?, address = ? WHERE id = (SELECT MIN(id) "
                       "FROM lieux WHERE organisation_id = ?)"),
        {hostile, QString(hostile).replace(QChar(0), QChar(' ')), organisationId});
    bump(QStringLiteral("UPDATE motifs SET seq = ?, instructions = ? WHERE id = (SELECT MIN(id) "
                        "FROM motifs WHERE organisation_id = ?)"),
         {hostile, organisationId});
    bump(QStringLiteral("UPDATE usagers SET seq = ?, notes = ?, first_name = ?, created_at = ? "
                        "WHERE id = (SELECT MIN(id) FROM usagers WHERE organisation_id = ?)"),
         {hostile, QStringLiteral("Zoé 😀"), std::numeric_limits<qint64>::max(), organisationId});
    bump(QStringLiteral("UPDATE usagers SET seq = ?, address = '', created_at = ? WHERE id = "
                        "(SELECT MAX(id) FROM usagers WHERE organisation_id = ?)"),
         {std::numeric_limits<qint64>::min(), organisationId});
    bump(QStringLiteral("UPDATE rdvs SET seq = ?, context = ?, prescripteur_last_name = ?, "
                        "updated_at = ? WHERE id = (SELECT MIN(id) FROM rdvs WHERE "
                        "organisation_id = ?)"),
         {hostile, QStringLiteral("d'Arc \"la\" Pucelle"), qint64(9007199254740993LL),
          organisationId});
    // A tombstone: an rdv gone for good.
    const qint64 gone = sql::scalar(db,
                                    QStringLiteral("SELECT MAX(id) FROM rdvs WHERE "
                                                   "organisation_id = ?"),
                                    {organisationId})
                            .toLongLong();
    sql::run(db, QStringLiteral("DELETE FROM rdv_agents WHERE rdv_id = ?"), {gone});
    sql::run(db, QStringLiteral("DELETE FROM rdv_usagers WHERE rdv_id = ?"), {gone});
    sql::run(db, QStringLiteral("DELETE FROM rdvs WHERE id = ?"), {gone});
    sql::run(db,
             QStringLiteral("INSERT INTO tombstones (seq, organisation_id, entity, entity_id) "
                            "VALUES (?, ?, 'rdvs', ?)"),
             {store.nextSeq(organisationId), organisationId, gone});
    tx.commit();
}

QStringList cacheDump(Store &store)
{
    QStringList out;
    const QSqlDatabase db = store.db();
    for (const char *table :
         {"organisations", "agents", "lieux", "motifs", "plages_ouverture", "plage_motifs",
          "absences", "usagers", "rdvs", "rdv_agents", "rdv_usagers", "collective_sessions",
          "collective_session_agents", "sync_state"}) {
        const QSqlRecord record = db.record(QLatin1String(table));
        QStringList columns;
        for (int i = 0; i < record.count(); ++i)
            columns << QStringLiteral("quote(%1)").arg(record.fieldName(i));
        QSqlQuery q = sql::run(
            db, QStringLiteral("SELECT %1 FROM %2 ORDER BY 1")
                    .arg(columns.join(QStringLiteral(" || ',' || ")), QLatin1String(table)));
        QStringList rows;
        while (q.next())
            rows << QLatin1String(table) + QLatin1Char(':') + q.value(0).toString();
        rows.sort();
        out += rows;
    }
    return out;
}

} // namespace creneau::test
