#include "sync/client/synccache.h"

#include "models/secrets.h"
#include "models/sql.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlQuery>

#include <algorithm>
#include <utility>

namespace creneau::client {

using fastpath::JsonReader;
using fastpath::PageWriter;

namespace {

QString tableOf(const QString &entity)
{
    static const QHash<QString, QString> tables{
        {QStringLiteral("organisation"), QStringLiteral("organisations")},
        {QStringLiteral("agents"), QStringLiteral("agents")},
        {QStringLiteral("lieux"), QStringLiteral("lieux")},
        {QStringLiteral("motifs"), QStringLiteral("motifs")},
        {QStringLiteral("plages"), QStringLiteral("plages_ouverture")},
        {QStringLiteral("absences"), QStringLiteral("absences")},
        {QStringLiteral("usagers"), QStringLiteral("usagers")},
        {QStringLiteral("rdvs"), QStringLiteral("rdvs")},
        {QStringLiteral("sessions"), QStringLiteral("collective_sessions")}};
    return tables.value(entity);
}

// A whole number within 64 bits, exactly (through a double, 2^53 + 1 and 2^63 - 1 were lost,
// and casting a double beyond 64 bits is undefined), as the pull reader reads one.
bool integerOf(const QJsonValue &v, qint64 *out)
{
    if (!v.isDouble())
        return false;
    const qint64 integer = v.toInteger(0);
    if (integer == 0 && v.toDouble() != 0)
        return false; // a fraction, or beyond 64 bits
    *out = integer;
    return true;
}

QVariant toSql(const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined())
        return QVariant();
    if (qint64 integer = 0; integerOf(v, &integer))
        return integer;
    if (v.isDouble())
        return v.toDouble();
    if (v.isBool())
        return int(v.toBool());
    return v.toString();
}

} // namespace

QJsonObject QueuedCommand::toJson() const
{
    return protocol::CommandEnvelope{idempotencyKey, type, expectedVersion, payload}.toJson();
}

SyncCache::SyncCache(const QString &file, RowWriter writer) : m_store(Store::open(file))
{
    m_store->migrate();
    const QSqlDatabase db = m_store->db();
    // A mirror: rows arrive in sequence order, so a row may name one that comes later.
    sql::run(db, QStringLiteral("PRAGMA foreign_keys=OFF"));
    // The server checked every row; re-checking them costs a temporary table per row for each
    // "x IN (...)" constraint.
    sql::run(db, QStringLiteral("PRAGMA ignore_check_constraints=ON"));
    // A page of the initial pull is several MB of pages: keep them in memory until the commit.
    sql::run(db, QStringLiteral("PRAGMA cache_size=-65536"));
    sql::run(db, QStringLiteral("CREATE TABLE IF NOT EXISTS sync_state (key TEXT PRIMARY KEY, "
                                "value TEXT NOT NULL)"));
    sql::run(db, QStringLiteral("CREATE TABLE IF NOT EXISTS sync_queue (id INTEGER PRIMARY KEY "
                                "AUTOINCREMENT, idempotency_key TEXT NOT NULL UNIQUE, type TEXT "
                                "NOT NULL, expected_version INTEGER NOT NULL, payload TEXT NOT "
                                "NULL, created_at BIGINT NOT NULL)"));
    if (writer == RowWriter::Fastest)
        m_writer = PageWriter::create(*m_store);
}

QString SyncCache::value(const QString &key) const
{
    return sql::scalar(m_store->db(), QStringLiteral("SELECT value FROM sync_state WHERE key = ?"),
                       {key})
        .toString();
}

void SyncCache::setValue(const QString &key, const QString &value)
{
    sql::run(m_store->db(),
             QStringLiteral("INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)"),
             {key, value});
}

qint64 SyncCache::cursor() const
{
    return value(QStringLiteral("cursor")).toLongLong();
}

SyncCache::PageSummary SyncCache::summarise(const QByteArray &page)
{
    PageSummary out;
    JsonReader reader(page);
    QByteArray scratch;
    QByteArrayView key;
    reader.beginObject();
    for (; reader.nextKey(scratch, &key); scratch.clear()) {
        if (key == "changes" && reader.peek() == JsonReader::Type::Array) {
            reader.beginArray();
            while (reader.nextElement()) {
                reader.skimValue(); // checked when the page is applied
                ++out.changes;
            }
        } else if (key == "next" && reader.peek() == JsonReader::Type::Number) {
            bool isInteger = false;
            reader.readNumber(&isInteger, &out.next);
            if (!isInteger)
                out.next = 0;
        } else {
            reader.skipValue();
        }
    }
    reader.expectEnd();
    return out;
}

void SyncCache::applyPage(const QByteArray &page, qint64 next)
{
    WriteTransaction tx(*m_store);
    if (!m_writer) {
        applyPlain(page);
        setValue(QStringLiteral("cursor"), QString::number(next));
        tx.commit();
        return;
    }
    m_writer->discard(); // rows left by a page that failed half-way
    JsonReader reader(page);
    QByteArray scratch;
    QByteArrayView key;
    reader.beginObject();
    bool changesSeen = false;
    for (; reader.nextKey(scratch, &key); scratch.clear()) {
        if (key == "changes" && std::exchange(changesSeen, true))
            throw JsonFormatError("a page names changes twice"); // as in applyChange
        if (key != "changes" || reader.peek() != JsonReader::Type::Array) {
            reader.skipValue();
            continue;
        }
        // In the feed's order: a row may replace one written earlier in the page.
        reader.beginArray();
        while (reader.nextElement())
            applyChange(reader, page);
    }
    reader.expectEnd();
    m_writer->flush();
    setValue(QStringLiteral("cursor"), QString::number(next));
    tx.commit();
}

// The plain path: the page as one QJsonDocument, every row through Qt SQL.
void SyncCache::applyPlain(const QByteArray &page)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(page, &error);
    if (error.error != QJsonParseError::NoError)
        throw JsonFormatError("unreadable page: " + error.errorString().toStdString());
    if (!doc.isObject())
        throw JsonFormatError("a page is an object");
    const QJsonValue changes = doc.object().value(QStringLiteral("changes"));
    if (!changes.isArray())
        return; // no changes (as the pull reader skips a "changes" of another type)
    for (const QJsonValue change : changes.toArray()) {
        if (!change.isObject())
            throw JsonFormatError("a change is an object");
        apply(change.toObject());
    }
}

void SyncCache::applyChange(JsonReader &reader, const QByteArray &page)
{
    const qsizetype start = reader.offset();
    QByteArray scratch;
    QByteArrayView key;
    QString table;
    bool entityKnown = false;
    qint64 id = 0;
    bool deleted = false;
    bool written = false;
    qsizetype dataAt = -1; // when "data" came before the entity and id: read it afterwards
    bool dataEmpty = true;
    // A member named twice: QJsonDocument keeps the last, after this one may have been written.
    // The feed never sends one; the page is refused rather than read otherwise than Qt reads it.
    int seen = 0;
    const auto once = [&](int bit) {
        if (seen & bit)
            throw JsonFormatError("a change names " + key.toByteArray().toStdString() + " twice");
        seen |= bit;
    };
    reader.beginObject();
    for (; reader.nextKey(scratch, &key); scratch.clear()) {
        if (key == "entity")
            once(1);
        else if (key == "id")
            once(2);
        else if (key == "deleted")
            once(4);
        else if (key == "data")
            once(8);
        const JsonReader::Type type = reader.peek();
        if (key == "entity" && type == JsonReader::Type::String) {
            table = tableOf(QString::fromUtf8(reader.readString(scratch)));
            entityKnown = true;
        } else if (key == "id" && type == JsonReader::Type::Number) {
            bool isInteger = false;
            reader.readNumber(&isInteger, &id);
            if (!isInteger)
                id = 0;
        } else if (key == "deleted" && type == JsonReader::Type::Bool) {
            deleted = reader.readBool();
        } else if (key == "data" && type == JsonReader::Type::Object) {
            dataAt = reader.offset();
            JsonReader probe(page.constData() + dataAt, page.constData() + page.size());
            probe.beginObject();
            QByteArrayView inner;
            dataEmpty = !probe.nextKey(scratch, &inner);
            // The feed sends the data last: write the row as it is read.
            if (entityKnown && !table.isEmpty() && id > 0 && !dataEmpty) {
                m_writer->upsert(table, id, reader);
                written = true;
            } else {
                reader.skipValue();
            }
        } else {
            reader.skipValue();
        }
    }
    if (written || table.isEmpty() || id <= 0)
        return; // an entity this version does not know: skip it, do not stop the sync
    if ((deleted && dataEmpty) || dataAt < 0) {
        // Tombstones (rare) the plain way, after the rows before them.
        m_writer->flush();
        const QByteArrayView text(page.constData() + start, reader.offset() - start);
        QJsonParseError error;
        const QJsonDocument change = QJsonDocument::fromJson(text.toByteArray(), &error);
        // Read and checked by the pull reader already; refused, it would refuse the page.
        if (error.error != QJsonParseError::NoError)
            throw JsonFormatError("unreadable change: " + error.errorString().toStdString());
        apply(change.object());
        return;
    }
    JsonReader data(page.constData() + dataAt, page.constData() + page.size());
    m_writer->upsert(table, id, data);
}

void SyncCache::reset()
{
    WriteTransaction tx(*m_store);
    for (const char *table :
         {"rdv_agents", "rdv_usagers", "plage_motifs", "rdvs", "collective_session_agents",
          "collective_sessions", "usagers", "absences", "plages_ouverture", "motifs", "lieux",
          "agents", "organisations", "sync_queue", "sync_state"})
        sql::run(m_store->db(), QStringLiteral("DELETE FROM ") + QLatin1String(table));
    tx.commit();
}

void SyncCache::apply(const QJsonObject &change)
{
    const QString table = tableOf(change.value(QStringLiteral("entity")).toString());
    const qint64 id = change.value(QStringLiteral("id")).toInteger();
    if (table.isEmpty() || id <= 0)
        return; // an entity this version does not know: skip it, do not stop the sync
    const QJsonObject data = change.value(QStringLiteral("data")).toObject();
    if (change.value(QStringLiteral("deleted")).toBool() && data.isEmpty()) {
        // A tombstone: the row is gone for good.
        if (table == QLatin1String("collective_sessions"))
            sql::run(m_store->db(),
                     QStringLiteral("DELETE FROM collective_session_agents WHERE session_id = ?"),
                     {id});
        if (table == QLatin1String("rdvs")) {
            sql::run(m_store->db(), QStringLiteral("DELETE FROM rdv_agents WHERE rdv_id = ?"),
                     {id});
            sql::run(m_store->db(), QStringLiteral("DELETE FROM rdv_usagers WHERE rdv_id = ?"),
                     {id});
        }
        sql::run(m_store->db(), QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(table), {id});
        return;
    }
    upsert(table, data);
    if (table == QLatin1String("rdvs")) {
        replaceLinks(QStringLiteral("rdv_agents"), QStringLiteral("rdv_id"),
                     QStringLiteral("agent_id"), id, data.value("agent_ids").toArray());
        replaceLinks(QStringLiteral("rdv_usagers"), QStringLiteral("rdv_id"),
                     QStringLiteral("usager_id"), id, data.value("usager_ids").toArray());
    } else if (table == QLatin1String("collective_sessions")) {
        replaceLinks(QStringLiteral("collective_session_agents"), QStringLiteral("session_id"),
                     QStringLiteral("agent_id"), id, data.value("agent_ids").toArray());
    } else if (table == QLatin1String("plages_ouverture")) {
        replaceLinks(QStringLiteral("plage_motifs"), QStringLiteral("plage_id"),
                     QStringLiteral("motif_id"), id, data.value("motif_ids").toArray());
    }
}

void SyncCache::upsert(const QString &table, const QJsonObject &data)
{
    if (!m_columns.contains(table))
        m_columns.insert(table, m_store->db().record(table));
    const QSqlRecord &record = m_columns[table];
    QStringList columns;
    QVariantList values;
    for (int i = 0; i < record.count(); ++i) {
        const QString name = record.fieldName(i);
        const QJsonValue v = data.value(name);
        // Left to the column's default: absent (password hashes never travel), or an object or
        // a list, which no column holds (as PageWriter reads them).
        if (v.isUndefined() || v.isObject() || v.isArray())
            continue;
        columns << name;
        values << toSql(v);
    }
    if (!columns.contains(QStringLiteral("id")))
        return;
    QSqlQuery &q = prepared(QStringLiteral("INSERT OR REPLACE INTO %1 (%2) VALUES (%3)")
                                .arg(table, columns.join(QLatin1Char(',')),
                                     QStringList(columns.size(), QStringLiteral("?")).join(',')));
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    sql::exec(q);
}

void SyncCache::replaceLinks(const QString &table, const QString &ownerColumn,
                             const QString &column, qint64 owner, const QJsonArray &ids)
{
    QSqlQuery &remove =
        prepared(QStringLiteral("DELETE FROM %1 WHERE %2 = ?").arg(table, ownerColumn));
    remove.bindValue(0, owner);
    sql::exec(remove);
    QSqlQuery &insert = prepared(QStringLiteral("INSERT OR IGNORE INTO %1 (%2, %3) VALUES (?, ?)")
                                     .arg(table, ownerColumn, column));
    for (const QJsonValue id : ids) {
        qint64 linked = 0;
        if (!integerOf(id, &linked))
            continue; // not an id (as PageWriter reads lists)
        insert.bindValue(0, owner);
        insert.bindValue(1, linked);
        sql::exec(insert);
    }
}

QSqlQuery &SyncCache::prepared(const QString &statement)
{
    auto it = m_prepared.find(statement);
    if (it == m_prepared.end())
        it = m_prepared.insert(statement, sql::prepare(m_store->db(), statement));
    return *it;
}

QueuedCommand SyncCache::enqueue(protocol::CommandType type, int expectedVersion,
                                 const QJsonObject &payload)
{
    QueuedCommand c;
    c.idempotencyKey = secrets::randomToken(24);
    c.type = type;
    c.expectedVersion = expectedVersion;
    c.payload = payload;
    QSqlQuery q = sql::run(
        m_store->db(),
        QStringLiteral("INSERT INTO sync_queue (idempotency_key, type, expected_version, payload, "
                       "created_at) VALUES (?, ?, ?, ?, ?)"),
        {c.idempotencyKey, protocol::toWord(type), expectedVersion,
         QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)),
         QDateTime::currentSecsSinceEpoch()});
    c.id = q.lastInsertId().toLongLong();
    return c;
}

std::optional<QueuedCommand> SyncCache::firstQueued()
{
    for (;;) {
        QSqlQuery q = sql::run(m_store->db(),
                               QStringLiteral("SELECT id, idempotency_key, type, expected_version, "
                                              "payload FROM sync_queue ORDER BY id LIMIT 1"));
        if (!q.next())
            return std::nullopt;
        QueuedCommand c;
        c.id = q.value(0).toLongLong();
        c.idempotencyKey = q.value(1).toString();
        c.expectedVersion = q.value(3).toInt();
        c.payload = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
        if (protocol::fromWord(q.value(2).toString(), &c.type))
            return c;
        qWarning("sync queue: dropping a command of unknown type %s",
                 qPrintable(q.value(2).toString()));
        dequeue(c.id);
    }
}

void SyncCache::dequeue(qint64 id)
{
    sql::run(m_store->db(), QStringLiteral("DELETE FROM sync_queue WHERE id = ?"), {id});
}

int SyncCache::queued() const
{
    return sql::scalar(m_store->db(), QStringLiteral("SELECT COUNT(*) FROM sync_queue")).toInt();
}

} // namespace creneau::client
