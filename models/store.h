// One connection to the database (SQLite file or PostgreSQL), with its schema migrations and the
// change sequence every write bumps. One Store per thread: Qt SQL connections are not shared.
#pragma once

#include "models/sql.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>

namespace creneau {

class Store
{
public:
    enum class Engine
    {
        Sqlite,
        Postgres
    };

    // `location` is a SQLite file path or a postgresql:// URL. Throws StoreError on failure.
    static std::unique_ptr<Store> open(const QString &location);
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    QSqlDatabase db() const { return QSqlDatabase::database(m_connection, false); }
    Engine engine() const { return m_engine; }
    QString location() const { return m_location; }

    // Applies the migrations of resources/sql not yet applied, each in its own transaction.
    void migrate();
    int schemaVersion() const;
    bool isUsable() const;

    // Inside a write transaction: takes the next number of the per-database change sequence.
    qint64 nextSeq();
    qint64 currentSeq() const;
    // "INSERT ... RETURNING id" where the engine needs it to report the new id.
    QString returningId() const;

    // Called after each outermost commit on this connection (long-polling answers at once
    // instead of at its next look at the sequence). Writes of other connections and server
    // instances are not seen here. Returns an id for removeCommitListener.
    int addCommitListener(std::function<void()> listener);
    void removeCommitListener(int id);

private:
    friend class WriteTransaction;
    friend class ReadTransaction;
    Store(QString connection, QString location, Engine engine);
    QString m_connection;
    QString m_location;
    Engine m_engine;
    int m_transactionDepth = 0; // open WriteTransactions on this connection, outermost first
    QList<QPair<int, std::function<void()>>> m_commitListeners;
    int m_nextListener = 0;
};

// The single writer's transaction: BEGIN IMMEDIATE on SQLite takes the write lock up front, so
// a booking's check and its insert cannot interleave with another writer's. On PostgreSQL the
// same comes from locking the change-sequence row at BEGIN: writers of every server instance
// queue there, so a créneau cannot be taken twice and sequence numbers commit in order (a reader
// of the change feed never sees N+1 before N).
//
// Transactions nest: one opened while another is open on the same Store is a SAVEPOINT inside
// it, so a caller can run an operation that has its own transaction (a booking) and write what
// follows from it (the command's stored answer) atomically with it. An inner commit only
// releases its savepoint: nothing is durable before the outermost commit. An inner transaction
// destroyed uncommitted undoes its own writes and leaves the outer one usable. Inner ones must
// end before the outer one (they are scoped objects).
class WriteTransaction
{
public:
    enum class Mode
    {
        Serialised, // every write of the application
        Schema,     // migrations: before the sequence row exists; serialised by an advisory lock
    };
    explicit WriteTransaction(Store &store, Mode mode = Mode::Serialised);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;
    void commit();
    bool isNested() const { return m_level > 0; }

private:
    QString savepoint() const;
    void close();
    Store &m_store;
    int m_level = 0; // 0: the outermost transaction
    bool m_open = false;
};

// A consistent view for several reads (the change feed reads many tables): a deferred
// transaction on SQLite pins one WAL snapshot, REPEATABLE READ on PostgreSQL. Nothing to do when
// a write transaction is already open on the store. No writes inside.
class ReadTransaction
{
public:
    explicit ReadTransaction(Store &store);
    ~ReadTransaction() { end(); }
    ReadTransaction(const ReadTransaction &) = delete;
    ReadTransaction &operator=(const ReadTransaction &) = delete;
    void end();

private:
    Store &m_store;
    bool m_open = false;
};

} // namespace creneau
