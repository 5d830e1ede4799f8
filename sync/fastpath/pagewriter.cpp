#include "sync/fastpath/pagewriter.h"

#include "models/sql.h"

#include <QScopeGuard>
#include <QSqlDriver>
#include <QSqlRecord>

#include <sqlite3.h>

namespace creneau::fastpath {

namespace {
// Rows (and links) per multi-row statement: amortises SQLite's per-statement work, well under its
// limit of 32766 bound values.
constexpr int kBatch = 64;
} // namespace

std::unique_ptr<PageWriter> PageWriter::create(Store &store)
{
    const QSqlDatabase db = store.db();
    if (store.engine() != Store::Engine::Sqlite || !db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    sqlite3 *raw = *static_cast<sqlite3 *const *>(handle.constData());
    // Qt's driver must run the very library linked here (Debian's Qt uses the system SQLite;
    // a Qt with its own copy would not share our state): same source, or Qt SQL it is.
    const QString source = sql::scalar(db, QStringLiteral("SELECT sqlite_source_id()")).toString();
    if (!raw || source != QLatin1String(sqlite3_sourceid()))
        return nullptr;
    return std::unique_ptr<PageWriter>(new PageWriter(store, raw));
}

PageWriter::~PageWriter()
{
    for (Table &t : m_tables) {
        for (sqlite3_stmt *s : std::as_const(t.inserts))
            sqlite3_finalize(s);
        for (sqlite3_stmt *s : std::as_const(t.replaces))
            sqlite3_finalize(s);
        for (const Links &l : std::as_const(t.links)) {
            sqlite3_finalize(l.remove);
            sqlite3_finalize(l.insertOne);
            sqlite3_finalize(l.insertBatch);
        }
    }
}

sqlite3_stmt *PageWriter::prepare(const QByteArray &statement)
{
    sqlite3_stmt *s = nullptr;
    if (sqlite3_prepare_v3(m_db, statement.constData(), int(statement.size()),
                           SQLITE_PREPARE_PERSISTENT, &s, nullptr) != SQLITE_OK)
        throw StoreError(QStringLiteral("prepare failed: %1 [%2]")
                             .arg(QString::fromUtf8(sqlite3_errmsg(m_db)),
                                  QString::fromUtf8(statement.left(300))));
    return s;
}

void PageWriter::step(sqlite3_stmt *statement)
{
    const int rc = sqlite3_step(statement);
    sqlite3_reset(statement);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        throw StoreError(QStringLiteral("query failed: %1 [%2]")
                             .arg(QString::fromUtf8(sqlite3_errmsg(m_db)),
                                  QString::fromUtf8(sqlite3_sql(statement)).left(300)));
}

PageWriter::Table &PageWriter::table(const QString &name)
{
    auto it = m_tables.find(name);
    if (it != m_tables.end())
        return *it;
    Table t;
    t.name = name;
    const QSqlRecord record = m_store.db().record(name);
    for (int i = 0; i < record.count() && i < 64; ++i)
        t.columns << record.fieldName(i).toUtf8();
    t.idColumn = int(t.columns.indexOf("id"));
    struct List
    {
        const char *table, *owner, *column, *name;
    };
    QList<List> lists;
    if (name == QLatin1String("rdvs"))
        lists = {{"rdv_agents", "rdv_id", "agent_id", "agent_ids"},
                 {"rdv_usagers", "rdv_id", "usager_id", "usager_ids"}};
    else if (name == QLatin1String("plages_ouverture"))
        lists = {{"plage_motifs", "plage_id", "motif_id", "motif_ids"}};
    else if (name == QLatin1String("collective_sessions"))
        lists = {{"collective_session_agents", "session_id", "agent_id", "agent_ids"}};
    for (const List &l : lists) {
        Links links;
        links.table = l.table;
        links.owner = l.owner;
        links.column = l.column;
        links.name = l.name;
        links.remove = prepare("DELETE FROM " + links.table + " WHERE " + links.owner + " = ?");
        const QByteArray insert = "INSERT OR IGNORE INTO " + links.table + " (" + links.owner +
                                  ", " + links.column + ") VALUES ";
        links.insertOne = prepare(insert + "(?,?)");
        QByteArrayList pairs;
        for (int i = 0; i < kBatch; ++i)
            pairs << "(?,?)";
        links.insertBatch = prepare(insert + pairs.join(','));
        t.links << links;
    }
    return *m_tables.insert(name, t);
}

sqlite3_stmt *PageWriter::insertStatement(Table &t, quint64 columns, int rows)
{
    if (sqlite3_stmt *s = t.inserts.value({columns, rows}))
        return s;
    QByteArrayList names;
    for (int c = 0; c < t.columns.size(); ++c)
        if (columns & (quint64(1) << c))
            names << t.columns.at(c);
    const QByteArray row = '(' + QByteArrayList(names.size(), "?").join(',') + ')';
    sqlite3_stmt *s = prepare("INSERT OR IGNORE INTO " + t.name.toUtf8() + " (" + names.join(',') +
                              ") VALUES " + QByteArrayList(rows, row).join(','));
    t.inserts.insert({columns, rows}, s);
    return s;
}

sqlite3_stmt *PageWriter::replaceStatement(Table &t, quint64 columns)
{
    if (sqlite3_stmt *s = t.replaces.value(columns))
        return s;
    QByteArrayList names;
    for (int c = 0; c < t.columns.size(); ++c)
        if (columns & (quint64(1) << c))
            names << t.columns.at(c);
    sqlite3_stmt *s = prepare("INSERT OR REPLACE INTO " + t.name.toUtf8() + " (" + names.join(',') +
                              ") VALUES (" + QByteArrayList(names.size(), "?").join(',') + ')');
    t.replaces.insert(columns, s);
    return s;
}

void PageWriter::readCell(JsonReader &data, Cell &cell)
{
    switch (data.peek()) {
    case JsonReader::Type::Null:
        data.readNull();
        cell.kind = Cell::Null;
        return;
    case JsonReader::Type::Bool:
        cell.kind = Cell::Integer;
        cell.integer = data.readBool() ? 1 : 0;
        return;
    case JsonReader::Type::Number: {
        bool isInteger = false;
        cell.real = data.readNumber(&isInteger, &cell.integer);
        cell.kind = isInteger ? Cell::Integer : Cell::Real;
        return;
    }
    case JsonReader::Type::String: {
        const qsizetype before = m_arena.size();
        const QByteArrayView text = data.readString(m_arena);
        const bool inArena = m_arena.size() > before; // unescaped there
        cell.kind = Cell::Text;
        cell.text = inArena ? nullptr : text.data();
        cell.offset = inArena ? before : 0;
        cell.size = text.size();
        return;
    }
    case JsonReader::Type::Object:
    case JsonReader::Type::Array:
        data.skipValue(); // no column holds one: as if absent
        cell.kind = Cell::Absent;
        return;
    }
}

void PageWriter::upsert(const QString &name, qint64 id, JsonReader &data)
{
    Table &t = table(name);
    const qsizetype width = t.columns.size();
    // Read into the batch's tail; taken back below if the row cannot join the batch.
    const qsizetype cellsBefore = m_cells.size();
    m_cells.resize(cellsBefore + width);
    Cell *cells = m_cells.data() + cellsBefore;
    QList<QList<qint64>> linked(t.links.size());

    data.beginObject();
    QByteArrayView key;
    int hint = 0; // rows come with their keys in the same order: try the one after the last
    for (m_keyScratch.clear(); data.nextKey(m_keyScratch, &key); m_keyScratch.clear()) {
        int column = -1;
        for (int n = 0; n < width; ++n) {
            const int c = (hint + n) % int(width);
            if (t.columns.at(c) == key) {
                column = c;
                break;
            }
        }
        if (column >= 0) {
            hint = column + 1;
            readCell(data, cells[column]);
            continue;
        }
        qsizetype list = -1;
        for (qsizetype l = 0; l < t.links.size(); ++l)
            if (t.links.at(l).name == key)
                list = l;
        if (list < 0 || data.peek() != JsonReader::Type::Array) {
            data.skipValue();
            continue;
        }
        data.beginArray();
        while (data.nextElement()) {
            bool isInteger = false;
            qint64 value = 0;
            if (data.peek() == JsonReader::Type::Number)
                data.readNumber(&isInteger, &value);
            else
                data.skipValue();
            if (isInteger)
                linked[list] << value;
        }
    }

    quint64 present = 0;
    for (int c = 0; c < width; ++c)
        if (cells[c].kind != Cell::Absent)
            present |= quint64(1) << c;
    const bool hasId = t.idColumn >= 0 && (present & (quint64(1) << t.idColumn));
    if (!m_ids.isEmpty() && (m_batchTable != &t || m_batchColumns != present || !hasId)) {
        // Not of this batch: write the batch first, then start the next one with this row.
        QList<Cell> row(cells, cells + width);
        const QByteArray arena = m_arena; // the row's unescaped text may be there
        m_cells.resize(cellsBefore);
        flush();
        m_arena = arena;
        m_cells = row;
    }
    if (!hasId) {
        // No row to write (the feed always sends ids): its lists only, as they come.
        m_cells.clear();
        m_arena.clear();
        for (qsizetype l = 0; l < t.links.size(); ++l) {
            sqlite3_bind_int64(t.links.at(l).remove, 1, id);
            step(t.links.at(l).remove);
            for (qint64 value : std::as_const(linked.at(l))) {
                sqlite3_bind_int64(t.links.at(l).insertOne, 1, id);
                sqlite3_bind_int64(t.links.at(l).insertOne, 2, value);
                step(t.links.at(l).insertOne);
            }
        }
        return;
    }
    m_batchTable = &t;
    m_batchColumns = present;
    m_links.resize(t.links.size());
    for (qsizetype l = 0; l < t.links.size(); ++l)
        for (qint64 value : std::as_const(linked.at(l)))
            m_links[l].append({m_ids.size(), value});
    m_ids << id;
    if (m_ids.size() >= 16 * kBatch)
        flush();
}

void PageWriter::bindRows(sqlite3_stmt *statement, qsizetype first, qsizetype count)
{
    const qsizetype width = m_batchTable->columns.size();
    int position = 0;
    for (const Cell *cell = m_cells.constData() + first * width, *end = cell + count * width;
         cell < end; ++cell) {
        switch (cell->kind) {
        case Cell::Absent:
            continue;
        case Cell::Null:
            sqlite3_bind_null(statement, ++position);
            break;
        case Cell::Integer:
            sqlite3_bind_int64(statement, ++position, cell->integer);
            break;
        case Cell::Real:
            sqlite3_bind_double(statement, ++position, cell->real);
            break;
        case Cell::Text:
            // The page and the arena outlive the step that follows.
            sqlite3_bind_text(statement, ++position,
                              cell->text ? cell->text : m_arena.constData() + cell->offset,
                              int(cell->size), SQLITE_STATIC);
            break;
        }
    }
}

void PageWriter::flush()
{
    if (m_ids.isEmpty())
        return;
    const auto clear = qScopeGuard([this] { discard(); });
    Table &t = *m_batchTable;
    const qsizetype n = m_ids.size();
    // Most rows of a pull are new: plain inserts, many rows a statement, and no old links to
    // remove. When some were there already, every row of the batch is replaced, in order.
    qsizetype inserted = 0;
    for (qsizetype first = 0; first < n;) {
        const int rows = n - first >= kBatch ? kBatch : 1;
        sqlite3_stmt *s = insertStatement(t, m_batchColumns, rows);
        bindRows(s, first, rows);
        step(s);
        inserted += sqlite3_changes(m_db);
        first += rows;
    }
    const bool replaced = inserted < n;
    if (replaced) {
        sqlite3_stmt *s = replaceStatement(t, m_batchColumns);
        for (qsizetype r = 0; r < n; ++r) {
            bindRows(s, r, 1);
            step(s);
        }
    }
    writeLinks(replaced);
}

void PageWriter::writeLinks(bool replaced)
{
    const Table &t = *m_batchTable;
    for (qsizetype l = 0; l < t.links.size(); ++l) {
        const Links &links = t.links.at(l);
        if (replaced) {
            for (qint64 id : std::as_const(m_ids)) {
                sqlite3_bind_int64(links.remove, 1, id);
                step(links.remove);
            }
        }
        const QList<Link> &pairs = m_links.at(l);
        for (qsizetype first = 0; first < pairs.size();) {
            const int count = pairs.size() - first >= kBatch ? kBatch : 1;
            sqlite3_stmt *s = count == kBatch ? links.insertBatch : links.insertOne;
            for (int i = 0; i < count; ++i) {
                sqlite3_bind_int64(s, 2 * i + 1, m_ids.at(pairs.at(first + i).row));
                sqlite3_bind_int64(s, 2 * i + 2, pairs.at(first + i).linked);
            }
            step(s);
            first += count;
        }
    }
}

void PageWriter::discard()
{
    m_cells.clear();
    m_ids.clear();
    for (QList<Link> &l : m_links)
        l.clear();
    m_arena.clear();
    m_batchTable = nullptr;
    m_batchColumns = 0;
}

} // namespace creneau::fastpath
