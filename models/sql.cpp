#include "sql.h"

#include <QSqlError>

namespace creneau::sql {

QSqlQuery prepare(const QSqlDatabase &db, const QString &statement)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(statement))
        throw StoreError(
            QStringLiteral("prepare failed: %1 [%2]").arg(q.lastError().text(), statement));
    return q;
}

void bind(QSqlQuery &query, const QVariant &value)
{
    if (value.typeId() == QMetaType::QString && value.toString().isNull())
        query.addBindValue(QString::fromLatin1(""));
    else
        query.addBindValue(value);
}

void exec(QSqlQuery &query)
{
    if (!query.exec())
        throw StoreError(QStringLiteral("query failed: %1 [%2]")
                             .arg(query.lastError().text(), query.lastQuery()));
}

QSqlQuery run(const QSqlDatabase &db, const QString &statement,
              std::initializer_list<QVariant> values)
{
    QSqlQuery q = prepare(db, statement);
    for (const QVariant &v : values)
        bind(q, v);
    exec(q);
    return q;
}

void direct(const QSqlDatabase &db, const QString &statement)
{
    QSqlQuery q(db);
    if (!q.exec(statement))
        throw StoreError(
            QStringLiteral("query failed: %1 [%2]").arg(q.lastError().text(), statement));
}

QVariant scalar(const QSqlDatabase &db, const QString &statement,
                std::initializer_list<QVariant> values)
{
    QSqlQuery q = run(db, statement, values);
    return q.next() ? q.value(0) : QVariant();
}

qint64 insertedId(QSqlQuery &query)
{
    if (query.isSelect() && query.next())
        return query.value(0).toLongLong();
    return query.lastInsertId().toLongLong();
}

} // namespace creneau::sql
