#include "models/storecopy.h"

#include <QSqlField>
#include <QSqlRecord>

namespace creneau {

namespace {

// Parents before children, so that foreign keys hold at every insert.
QStringList tablesInOrder(const QSqlDatabase &db)
{
    const QStringList known{QStringLiteral("organisations"),
                            QStringLiteral("agents"),
                            QStringLiteral("lieux"),
                            QStringLiteral("motifs"),
                            QStringLiteral("collective_sessions"),
                            QStringLiteral("collective_session_agents"),
                            QStringLiteral("plages_ouverture"),
                            QStringLiteral("plage_motifs"),
                            QStringLiteral("absences"),
                            QStringLiteral("usagers"),
                            QStringLiteral("rdvs"),
                            QStringLiteral("rdv_agents"),
                            QStringLiteral("rdv_usagers"),
                            QStringLiteral("tombstones")};
    QStringList out;
    const QStringList present = db.tables();
    for (const QString &t : known)
        if (present.contains(t))
            out << t;
    // Tables added by later migrations (outbox, sessions...) come after, in name order.
    QStringList rest;
    for (const QString &t : present)
        if (!known.contains(t) && t != QLatin1String("schema_migrations") &&
            t != QLatin1String("sequence") && !t.startsWith(QLatin1String("sqlite_")))
            rest << t;
    rest.sort();
    return out + rest;
}

} // namespace

CopyReport copyStore(Store &from, Store &to)
{
    if (sql::scalar(to.db(), QStringLiteral("SELECT COUNT(*) FROM organisations")).toInt() != 0)
        throw StoreError(QStringLiteral("the destination already holds data"));
    if (from.schemaVersion() != to.schemaVersion())
        throw StoreError(QStringLiteral("schema versions differ (%1 and %2)")
                             .arg(from.schemaVersion())
                             .arg(to.schemaVersion()));
    CopyReport report;
    WriteTransaction tx(to);
    const QSqlDatabase source = from.db();
    const QSqlDatabase target = to.db();
    for (const QString &table : tablesInOrder(source)) {
        const QSqlRecord columns = source.record(table);
        QStringList names, marks;
        for (int i = 0; i < columns.count(); ++i) {
            names << columns.fieldName(i);
            marks << QStringLiteral("?");
        }
        QSqlQuery insert = sql::prepare(
            target, QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                        .arg(table, names.join(QLatin1Char(',')), marks.join(QLatin1Char(','))));
        QSqlQuery rows = sql::run(
            source, QStringLiteral("SELECT %1 FROM %2").arg(names.join(QLatin1Char(',')), table));
        while (rows.next()) {
            for (int i = 0; i < names.size(); ++i)
                insert.addBindValue(rows.value(i));
            sql::exec(insert);
            ++report.rows;
        }
        // Identity columns continue after the copied ids.
        const QMetaType idType = columns.field(QStringLiteral("id")).metaType();
        const bool integerId = idType.id() == QMetaType::Int || idType.id() == QMetaType::LongLong;
        if (to.engine() == Store::Engine::Postgres && names.contains(QStringLiteral("id")) &&
            integerId)
            sql::run(target, QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'), "
                                            "COALESCE((SELECT MAX(id) FROM %1), 0) + 1, false)")
                                 .arg(table));
        report.tables << table;
    }
    // The store-wide number (where organisations without a row of organisation_sequences start);
    // the organisations' own numbers came with that table.
    sql::run(target, QStringLiteral("UPDATE sequence SET value = ? WHERE id = 1"),
             {sql::scalar(source, QStringLiteral("SELECT value FROM sequence WHERE id = 1"))});
    tx.commit();
    return report;
}

} // namespace creneau
