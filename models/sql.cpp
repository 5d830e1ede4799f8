#include "models/sql.h"

#include <QHash>
#include <QMutex>
#include <QSqlError>

#include <unordered_map>

namespace creneau::sql {

namespace {

// Statements prepared once per connection and reused: preparing (SQLite's parser, Qt's
// named-to-positional rewrite, allocations) cost more than running a booking's small statements.
// Each connection is used by one thread only; the lock guards the map of connections.
struct StatementCache
{
    QMutex mutex;
    std::unordered_map<std::string, QHash<QString, QSqlQuery>> byConnection;
};

StatementCache &statementCache()
{
    static StatementCache cache;
    return cache;
}

QSqlQuery prepareNew(const QSqlDatabase &db, const QString &statement)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(statement))
        throw StoreError(
            QStringLiteral("prepare failed: %1 [%2]").arg(q.lastError().text(), statement));
    return q;
}

// A reused query shares its result with every copy handed out: only statements whose caller
// does not iterate rows while the same statement may run again are reused (writes, and
// scalar() which reads its one value at once).
bool reusable(const QString &statement)
{
    for (const char *word : {"INSERT", "UPDATE", "DELETE"})
        if (statement.startsWith(QLatin1String(word), Qt::CaseInsensitive))
            return true;
    return false;
}

QSqlQuery &cached(const QSqlDatabase &db, const QString &statement)
{
    StatementCache &cache = statementCache();
    QHash<QString, QSqlQuery> *statements = nullptr;
    {
        QMutexLocker lock(&cache.mutex);
        statements = &cache.byConnection[db.connectionName().toStdString()];
    }
    auto it = statements->find(statement);
    if (it == statements->end()) {
        if (statements->size() > 500)
            statements->clear(); // statements built from varying text cannot grow it forever
        it = statements->insert(statement, prepareNew(db, statement));
    }
    return *it;
}

void bindAt(QSqlQuery &query, int index, const QVariant &value)
{
    if (value.typeId() == QMetaType::QString && value.toString().isNull())
        query.bindValue(index, QString::fromLatin1(""));
    else
        query.bindValue(index, value);
}

} // namespace

QSqlQuery prepare(const QSqlDatabase &db, const QString &statement)
{
    if (reusable(statement))
        return cached(db, statement);
    return prepareNew(db, statement);
}

void forgetStatements(const QString &connectionName)
{
    StatementCache &cache = statementCache();
    QMutexLocker lock(&cache.mutex);
    cache.byConnection.erase(connectionName.toStdString());
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
    int i = 0;
    for (const QVariant &v : values)
        bindAt(q, i++, v);
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
    QSqlQuery &q = cached(db, statement);
    int i = 0;
    for (const QVariant &v : values)
        bindAt(q, i++, v);
    exec(q);
    const QVariant value = q.next() ? q.value(0) : QVariant();
    q.finish(); // SQLite: ends the statement's read, so no snapshot stays pinned
    return value;
}

qint64 insertedId(QSqlQuery &query)
{
    if (query.isSelect() && query.next())
        return query.value(0).toLongLong();
    return query.lastInsertId().toLongLong();
}

} // namespace creneau::sql
