#include "models/sql.h"

#include <QHash>
#include <QMutex>
#include <QSqlError>

#include <unordered_map>

namespace creneau::sql {

struct KeptRead
{
    QSqlQuery query;
    bool busy = false; // a Rows holds it
};

namespace {

// Statements prepared once per connection and reused: preparing (SQLite's parser, Qt's
// named-to-positional rewrite, allocations) cost more than running a booking's small statements.
// Each connection is used by one thread only; the lock guards the map of connections.
struct StatementCache
{
    QMutex mutex;
    std::unordered_map<std::string, QHash<QString, QSqlQuery>> byConnection;
    // Entries stay where they are while Rows point at them (QHash moves its values).
    std::unordered_map<std::string, QHash<QString, std::shared_ptr<KeptRead>>> readsByConnection;
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

// The kept read for `statement` on `db` when no Rows holds it, else null.
std::shared_ptr<KeptRead> keptRead(const QSqlDatabase &db, const QString &statement)
{
    StatementCache &cache = statementCache();
    QHash<QString, std::shared_ptr<KeptRead>> *reads = nullptr;
    {
        QMutexLocker lock(&cache.mutex);
        reads = &cache.readsByConnection[db.connectionName().toStdString()];
    }
    auto it = reads->find(statement);
    if (it == reads->end()) {
        if (reads->size() > 500) // statements built from varying text cannot grow it forever
            reads->removeIf([](const auto &entry) { return !entry.value()->busy; });
        it = reads->insert(statement,
                           std::make_shared<KeptRead>(KeptRead{prepareNew(db, statement)}));
    }
    return it->get()->busy ? nullptr : *it;
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
    cache.readsByConnection.erase(connectionName.toStdString());
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

Rows::Rows(const QSqlDatabase &db, const QString &statement, std::initializer_list<QVariant> values)
{
    m_kept = keptRead(db, statement);
    if (m_kept) {
        m_query = m_kept->query;
        m_kept->busy = true;
    } else {
        m_query = prepareNew(db, statement);
    }
    int i = 0;
    for (const QVariant &v : values)
        bindAt(m_query, i++, v);
    try {
        exec(m_query);
    } catch (...) {
        if (m_kept)
            m_kept->busy = false;
        throw;
    }
}

Rows::~Rows()
{
    m_query.finish(); // SQLite: ends the statement's read, so no snapshot stays pinned
    if (m_kept)
        m_kept->busy = false;
}

} // namespace creneau::sql
