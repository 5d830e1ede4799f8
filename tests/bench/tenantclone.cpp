#include "tenantclone.h"

#include "models/sql.h"

#include <QStringList>

namespace creneau::bench {

namespace {

// Which rows of `table` belong to the organisation `org`.
QString ownRows(const QString &table, Id org)
{
    const QString o = QString::number(org);
    if (table == QLatin1String("organisations"))
        return QStringLiteral("id = ") + o;
    if (table == QLatin1String("plage_motifs"))
        return QStringLiteral("plage_id IN (SELECT id FROM plages_ouverture "
                              "WHERE organisation_id = ") +
               o + QLatin1Char(')');
    if (table == QLatin1String("rdv_agents") || table == QLatin1String("rdv_usagers"))
        return QStringLiteral("rdv_id IN (SELECT id FROM rdvs WHERE organisation_id = ") + o +
               QLatin1Char(')');
    return QStringLiteral("organisation_id = ") + o;
}

QStringList columnsOf(Store &store, const QString &table)
{
    const bool pg = store.engine() == Store::Engine::Postgres;
    QSqlQuery info =
        pg ? sql::run(store.db(),
                      QStringLiteral("SELECT column_name FROM information_schema.columns "
                                     "WHERE table_name = ? ORDER BY ordinal_position"),
                      {table})
           : sql::run(store.db(), QStringLiteral("PRAGMA table_info(") + table + QLatin1Char(')'));
    QStringList out;
    while (info.next())
        out << info.value(pg ? 0 : 1).toString();
    return out;
}

} // namespace

QList<Id> cloneOrganisation(Store &store, Id org, int copies)
{
    const QSqlDatabase db = store.db();
    QStringList tables = {QStringLiteral("organisations"),
                          QStringLiteral("agents"),
                          QStringLiteral("lieux"),
                          QStringLiteral("motifs"),
                          QStringLiteral("plages_ouverture"),
                          QStringLiteral("plage_motifs"),
                          QStringLiteral("absences"),
                          QStringLiteral("usagers"),
                          QStringLiteral("rdvs"),
                          QStringLiteral("rdv_agents"),
                          QStringLiteral("rdv_usagers")};
    // A copy's numbers continue from the original's: its rows carry the original's numbers.
    if (db.tables().contains(QStringLiteral("organisation_sequences")))
        tables << QStringLiteral("organisation_sequences");
    qint64 stride = 0;
    for (const QString &t : tables) {
        if (t == QLatin1String("plage_motifs") || t.startsWith(QLatin1String("rdv_")) ||
            t == QLatin1String("organisation_sequences"))
            continue;
        stride = std::max(
            stride,
            sql::scalar(db, QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM ") + t).toLongLong());
    }
    stride += 1;
    WriteTransaction tx(store);
    for (const QString &t : tables) {
        QStringList columns;
        QStringList values;
        for (const QString &c : columnsOf(store, t)) {
            columns << c;
            if (c == QLatin1String("id") || c.endsWith(QLatin1String("_id")))
                values << c + QStringLiteral(" + k.n * ") + QString::number(stride);
            else if (c == QLatin1String("slug") ||
                     (c == QLatin1String("email") && t == QLatin1String("agents")))
                values << QStringLiteral("'c' || k.n || '-' || ") + c;
            else
                values << c;
        }
        sql::run(db, QStringLiteral("WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 "
                                    "FROM k WHERE n < %1) INSERT INTO %2 (%3) SELECT %4 FROM %2, k "
                                    "WHERE %5")
                         .arg(QString::number(copies), t, columns.join(QStringLiteral(", ")),
                              values.join(QStringLiteral(", ")), ownRows(t, org)));
    }
    if (store.engine() == Store::Engine::Postgres) {
        // Ids were given explicitly: the serial sequences must move past them, or the next
        // booking's INSERT takes an id a copy already holds.
        for (const QString &t : tables) {
            if (t == QLatin1String("plage_motifs") || t.startsWith(QLatin1String("rdv_")) ||
                t == QLatin1String("organisation_sequences"))
                continue;
            sql::run(db, QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'), "
                                        "(SELECT MAX(id) FROM %1))")
                             .arg(t));
        }
    }
    tx.commit();
    QList<Id> out;
    for (int n = 1; n <= copies; ++n)
        out << org + n * stride;
    return out;
}

} // namespace creneau::bench
