// Writes the rows of change-feed pages into the cache straight through SQLite's C API, a batch
// of rows per statement: Qt SQL's binding (a QVariant and a placeholder lookup per value) and
// SQLite's per-statement work (a cursor per index) cost more than the rows themselves in a
// 100,000-row pull.
//
// A fast path (see sync/fastpath/CMakeLists.txt), outside « storage through Qt SQL »: it exists
// because bench_feed_paths shows the plain path (SyncCache::RowWriter::QtSql: QJsonDocument and
// Qt SQL) 3-4x slower on the initial pull. It must match that path: the same rows, values and SQL
// types in the cache for every page, and a page refused whenever the plain path refuses it
// (tst_page_writer holds it to that, hostile pages included). SyncCache falls back to the plain
// path when Qt's SQLite driver does not run the library linked here.
#pragma once

#include "models/store.h"
#include "sync/fastpath/jsonreader.h"

#include <QHash>
#include <QList>

#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace creneau::fastpath {

class PageWriter
{
public:
    // nullptr when the store's connection is not run by the SQLite library this program links
    // (then the cache writes rows through Qt SQL).
    static std::unique_ptr<PageWriter> create(Store &store);
    ~PageWriter();
    PageWriter(const PageWriter &) = delete;
    PageWriter &operator=(const PageWriter &) = delete;

    // Inside a write transaction: row `id` of `table` (a cache table) becomes the object `data`
    // is positioned at, with its link lists (agent_ids, usager_ids, motif_ids); columns the
    // object does not carry keep their defaults. Rows may wait in a batch: flush() before any
    // other write and before the commit. `page` is the text `data` reads and must outlive the
    // flush. Throws StoreError or JsonFormatError.
    void upsert(const QString &table, qint64 id, JsonReader &data);
    void flush();
    // Forgets rows not flushed (after a failure: the transaction is rolled back).
    void discard();

private:
    PageWriter(Store &store, sqlite3 *db) : m_store(store), m_db(db) {}
    struct Links
    {
        QByteArray table, owner, column;
        QByteArray name; // in the row's data
        sqlite3_stmt *remove = nullptr;
        sqlite3_stmt *insertOne = nullptr;
        sqlite3_stmt *insertBatch = nullptr;
    };
    struct Table
    {
        QString name;
        QList<QByteArray> columns;
        int idColumn = -1;
        QList<Links> links;
        // By set of columns (bit i: column i) and rows per statement.
        QHash<QPair<quint64, int>, sqlite3_stmt *> inserts;
        QHash<quint64, sqlite3_stmt *> replaces;
    };
    struct Cell
    {
        enum Kind : char
        {
            Absent,
            Null,
            Integer,
            Real,
            Text
        };
        Kind kind = Absent;
        qint64 integer = 0;
        double real = 0;
        const char *text = nullptr; // into the page, or null when in m_arena at `offset`
        qsizetype offset = 0;
        qsizetype size = 0;
    };
    struct Link
    {
        qsizetype row; // in the batch
        qint64 linked;
    };
    Table &table(const QString &name);
    sqlite3_stmt *prepare(const QByteArray &statement);
    sqlite3_stmt *insertStatement(Table &t, quint64 columns, int rows);
    sqlite3_stmt *replaceStatement(Table &t, quint64 columns);
    void readCell(JsonReader &data, Cell &cell);
    // Binds the batch's rows [first, first + count) from parameter 1 on.
    void bindRows(sqlite3_stmt *statement, qsizetype first, qsizetype count);
    void step(sqlite3_stmt *statement);
    void writeLinks(bool replaced);

    Store &m_store;
    sqlite3 *m_db;
    QHash<QString, Table> m_tables;
    // The batch: rows of one table carrying the same columns.
    Table *m_batchTable = nullptr;
    quint64 m_batchColumns = 0;
    QList<Cell> m_cells; // row after row, every column of the table
    QList<qint64> m_ids;
    QList<QList<Link>> m_links; // per list of the table
    QByteArray m_arena;         // the unescaped text of the batch's strings
    QByteArray m_keyScratch;
};

} // namespace creneau::fastpath
