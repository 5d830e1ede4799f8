// The desktop's local copy of what the change feed sent: a SQLite file with the server's own
// schema (the same migrations, through creneau::Store), so that the repositories and item models
// read it as they read the server's. It also holds the sync cursor and the offline command queue.
#pragma once

#include "models/store.h"
#include "sync/fastpath/jsonreader.h"
#include "sync/fastpath/pagewriter.h"
#include "sync/protocol/agentcommand.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>
#include <QSqlRecord>

#include <memory>
#include <optional>

namespace creneau::client {

// A page that is not the JSON it should be (from either path).
using JsonFormatError = fastpath::JsonFormatError;

struct QueuedCommand
{
    qint64 id = 0;
    QString idempotencyKey;
    protocol::CommandType type = protocol::CommandType::CreateRdv;
    int expectedVersion = 0;
    QJsonObject payload;
    // The envelope POST /api/v1/agent/commands carries.
    QJsonObject toJson() const;
};

class SyncCache
{
public:
    // How pages reach the file. Fastest: read by the pull reader and written through SQLite's
    // C API (sync/fastpath) when the linked library runs Qt's driver, else as QtSql. QtSql: the
    // plain path, QJsonDocument::fromJson and Qt SQL, which the fast one is tested against.
    enum class RowWriter
    {
        Fastest,
        QtSql
    };
    explicit SyncCache(const QString &file,
                       RowWriter writer = RowWriter::Fastest); // throws StoreError
    bool writesThroughSqliteApi() const { return m_writer != nullptr; }
    Store &store() { return *m_store; }

    // A page of the feed as the server sent it ({"changes": [...], "next": N}), looked through
    // without writing anything. Throws JsonFormatError when it is not such a page.
    struct PageSummary
    {
        int changes = 0;
        qint64 next = 0;
    };
    static PageSummary summarise(const QByteArray &page);
    // Writes such a page and moves the cursor to `next`, in one transaction: a page is seen once.
    // Throws StoreError or JsonFormatError (nothing written then).
    void applyPage(const QByteArray &page, qint64 next);
    qint64 cursor() const;
    // Forgets every cached row (used when another account signs in).
    void reset();

    QString value(const QString &key) const;
    void setValue(const QString &key, const QString &value);

    // The offline queue, replayed in insertion order. A row whose type this build does not know
    // (a cache written by a newer Créneau) is dropped with a warning rather than sent.
    QueuedCommand enqueue(protocol::CommandType type, int expectedVersion,
                          const QJsonObject &payload);
    std::optional<QueuedCommand> firstQueued();
    void dequeue(qint64 id);
    int queued() const;

private:
    void applyPlain(const QByteArray &page);
    void applyChange(fastpath::JsonReader &reader, const QByteArray &page);
    void apply(const QJsonObject &change);
    void upsert(const QString &table, const QJsonObject &data);
    void replaceLinks(const QString &table, const QString &ownerColumn, const QString &column,
                      qint64 owner, const QJsonArray &ids);
    // Prepared once per statement: a big pull runs the same few statements many times.
    QSqlQuery &prepared(const QString &statement);
    std::unique_ptr<Store> m_store;
    QHash<QString, QSqlRecord> m_columns;
    QHash<QString, QSqlQuery> m_prepared; // after m_store: destroyed before the connection
    std::unique_ptr<fastpath::PageWriter> m_writer; // likewise; null on the plain path
};

} // namespace creneau::client
