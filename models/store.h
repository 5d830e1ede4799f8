// One connection to the database (SQLite file or PostgreSQL), with its schema migrations and the
// change sequences every write bumps, one per organisation. One Store per thread: Qt SQL
// connections are not shared.
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

    // Inside a write transaction of that organisation (or a store-wide one): takes the next
    // number of the organisation's change sequence. Throws StoreError inside another
    // organisation's transaction: its row is not locked, its numbers could commit out of order.
    qint64 nextSeq(qint64 organisationId);
    // The organisation's last committed number (as this connection sees it): its change feed's
    // high-water mark. Numbers of two organisations are not comparable.
    qint64 currentSeq(qint64 organisationId) const;
    // "INSERT ... RETURNING id" where the engine needs it to report the new id.
    QString returningId() const;
    // A WriteTransaction is open on this connection: a single statement needs no savepoint then.
    bool inWriteTransaction() const { return m_transactionDepth > 0; }

    // Called after each outermost commit on this connection (long-polling answers at once
    // instead of at its next look at the sequence). Writes of other connections and server
    // instances are not seen here. Returns an id for removeCommitListener.
    int addCommitListener(std::function<void()> listener);
    void removeCommitListener(int id);

    // A write transaction's scope that is every organisation (WriteTransaction's default).
    static constexpr qint64 kStoreWide = -1;

private:
    friend class WriteTransaction;
    friend class ReadTransaction;
    Store(QString connection, QString location, Engine engine);
    QString m_connection;
    QString m_location;
    Engine m_engine;
    int m_transactionDepth = 0; // open WriteTransactions on this connection, outermost first
    // The outermost write transaction's organisation; kStoreWide for a store-wide one.
    qint64 m_writeScope = 0;
    QList<QPair<int, std::function<void()>>> m_commitListeners;
    int m_nextListener = 0;
};

// A writer's transaction. On SQLite BEGIN IMMEDIATE takes the one write lock up front, so a
// booking's check and its insert cannot interleave with another writer's, whatever the
// organisation. On PostgreSQL a transaction of one organisation locks that organisation's
// sequence row at BEGIN: its writers, on every server instance, queue there, so a créneau cannot
// be taken twice and the organisation's numbers commit in order (a reader of its change feed
// never sees N+1 before N), while other organisations write at the same time. A store-wide
// transaction (no organisation: creating one, sessions, counters, maintenance over several) waits
// for every organisation's writers and holds them off until it ends.
//
// Lock order on PostgreSQL, the same for everyone, so that no two writers wait on each other:
//   1. advisory lock kWriters: shared by a transaction of one organisation, exclusive by a
//      store-wide one (which therefore never meets an organisation's writer past this point);
//   2. one row of organisation_sequences, FOR UPDATE, by a transaction of one organisation (never
//      a second one: nextSeq refuses another organisation's number inside it).
// Then the data rows. Migrations take their own advisory lock (kSchema) and nothing of the above.
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
    // Store-wide (Serialised) or a migration (Schema).
    explicit WriteTransaction(Store &store, Mode mode = Mode::Serialised);
    // Writes of one organisation only (on PostgreSQL, concurrent with other organisations').
    WriteTransaction(Store &store, qint64 organisationId);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;
    void commit();
    bool isNested() const { return m_level > 0; }

private:
    void begin(qint64 scope, Mode mode);
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
