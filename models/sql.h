// Thin helpers over Qt SQL that turn an unexpected database failure into a StoreError.
#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <initializer_list>
#include <memory>
#include <stdexcept>

namespace creneau {

// A database failure nobody can fix by changing their input (disk full, broken schema...).
class StoreError : public std::runtime_error
{
public:
    explicit StoreError(const QString &what) : std::runtime_error(what.toStdString()) {}
};

namespace sql {

// Writes (INSERT, UPDATE, DELETE) are prepared once per connection and reused.
QSqlQuery prepare(const QSqlDatabase &db, const QString &statement);
// Drops the statements kept for a connection (before it closes).
void forgetStatements(const QString &connectionName);
// Binds the next positional value; a null QString is bound as '' (our text columns are NOT NULL).
void bind(QSqlQuery &query, const QVariant &value);
void exec(QSqlQuery &query);
// Prepares, binds in order and runs; the query is positioned before the first row.
QSqlQuery run(const QSqlDatabase &db, const QString &statement,
              std::initializer_list<QVariant> values = {});
// Runs a statement that cannot be prepared (BEGIN, COMMIT on PostgreSQL), without parameters.
void direct(const QSqlDatabase &db, const QString &statement);
// The first column of the first row, or an invalid QVariant.
QVariant scalar(const QSqlDatabase &db, const QString &statement,
                std::initializer_list<QVariant> values = {});
// Id of the row just inserted by `query` (RETURNING id on PostgreSQL).
qint64 insertedId(QSqlQuery &query);

// A read prepared once per connection and reused, for callers that read its rows before they let
// it go (the lookups of a booking: preparing them cost more than running them, and on PostgreSQL
// each preparation is a round trip under the organisation's lock). The same statement asked for
// while one is open (a nested call) gets a statement of its own, so no caller's rows move under it.
struct KeptRead;

class Rows
{
public:
    Rows(const QSqlDatabase &db, const QString &statement,
         std::initializer_list<QVariant> values = {});
    ~Rows();
    Rows(const Rows &) = delete;
    Rows &operator=(const Rows &) = delete;

    bool next() { return m_query.next(); }
    QVariant value(int column) const { return m_query.value(column); }
    QSqlQuery &query() { return m_query; }
    // Read where a query is read (the row readers take a QSqlQuery).
    operator QSqlQuery &() { return m_query; }
    operator const QSqlQuery &() const { return m_query; }

private:
    QSqlQuery m_query;
    std::shared_ptr<KeptRead> m_kept; // null: a statement of its own
};

} // namespace sql
} // namespace creneau
