#include "models/store.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QUrl>

#include <algorithm>

namespace creneau {

namespace {

QString newConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("creneau-%1").arg(++counter);
}

// One schema, two dialects: the few words that differ are placeholders in the migration files.
QString dialect(QString text, Store::Engine engine)
{
    const bool pg = engine == Store::Engine::Postgres;
    text.replace(QLatin1String("{{PK}}"), pg ? QLatin1String("BIGSERIAL PRIMARY KEY")
                                             : QLatin1String("INTEGER PRIMARY KEY AUTOINCREMENT"));
    // A table stored in its primary key's B-tree (SQLite): one page written per new row, not
    // the table's and its key's. PostgreSQL has no such option and needs none.
    text.replace(QLatin1String("{{WITHOUT_ROWID}}"),
                 pg ? QLatin1String("") : QLatin1String("WITHOUT ROWID"));
    return text;
}

// Advisory lock keys (see the lock order in store.h).
constexpr int kSchema = 7270727;
constexpr int kWriters = 7270728;

QStringList splitStatements(const QString &script)
{
    QStringList out;
    QString current;
    for (const QString &line : script.split(QLatin1Char('\n'))) {
        if (line.trimmed().startsWith(QLatin1String("--")))
            continue;
        current += line + QLatin1Char('\n');
        if (line.trimmed().endsWith(QLatin1Char(';'))) {
            out << current.trimmed();
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        out << current.trimmed();
    return out;
}

// Locks the organisation's sequence row until the transaction ends, creating it first when the
// organisation has none yet (the INSERT of a concurrent writer makes ours wait, then do nothing).
// An organisation that does not exist gets no row and no lock: nothing can be written for it.
void lockOrganisation(const QSqlDatabase &db, qint64 organisationId)
{
    const QString lock = QStringLiteral(
        "SELECT value FROM organisation_sequences WHERE organisation_id = ? FOR UPDATE");
    if (sql::scalar(db, lock, {organisationId}).isValid())
        return;
    sql::run(db,
             QStringLiteral("INSERT INTO organisation_sequences (organisation_id, value) "
                            "SELECT ?, value FROM sequence WHERE id = 1 "
                            "AND EXISTS (SELECT 1 FROM organisations WHERE id = ?) "
                            "ON CONFLICT (organisation_id) DO NOTHING"),
             {organisationId, organisationId});
    sql::scalar(db, lock, {organisationId});
}

} // namespace

Store::Store(QString connection, QString location, Engine engine)
    : m_connection(std::move(connection)), m_location(std::move(location)), m_engine(engine)
{}

std::unique_ptr<Store> Store::open(const QString &location)
{
    const QString name = newConnectionName();
    const bool pg = location.startsWith(QLatin1String("postgresql://")) ||
                    location.startsWith(QLatin1String("postgres://"));
    std::unique_ptr<Store> store(new Store(name, location, pg ? Engine::Postgres : Engine::Sqlite));
    QSqlDatabase db =
        QSqlDatabase::addDatabase(pg ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), name);
    if (pg) {
        const QUrl url(location);
        db.setHostName(url.host().isEmpty() ? QStringLiteral("localhost") : url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        if (!url.password().isEmpty())
            db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
    } else {
        QDir().mkpath(QFileInfo(location).absolutePath());
        db.setDatabaseName(location);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=30000"));
    }
    if (!db.open())
        throw StoreError(QStringLiteral("cannot open %1: %2").arg(location, db.lastError().text()));
    if (!pg) {
        sql::run(db, QStringLiteral("PRAGMA journal_mode=WAL"));
        sql::run(db, QStringLiteral("PRAGMA synchronous=FULL"));
        sql::run(db, QStringLiteral("PRAGMA foreign_keys=ON"));
    }
    return store;
}

Store::~Store()
{
    sql::forgetStatements(m_connection);
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

int Store::schemaVersion() const
{
    const QSqlDatabase d = db();
    if (!d.tables().contains(QStringLiteral("schema_migrations")))
        return 0;
    return sql::scalar(d, QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"))
        .toInt();
}

bool Store::isUsable() const
{
    try {
        return sql::scalar(db(), QStringLiteral("SELECT value FROM sequence WHERE id = 1"))
            .isValid();
    } catch (const StoreError &) {
        return false;
    }
}

void Store::migrate()
{
    QDir dir(QStringLiteral(":/sql"));
    QStringList files = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    std::sort(files.begin(), files.end());
    QSqlDatabase d = db();
    // Applied by number, not by "above the highest": migrations written on parallel branches
    // (009 merged before 008) still run once each.
    auto applied = [this, &d](int version) {
        return schemaVersion() > 0 &&
               sql::scalar(d,
                           QStringLiteral("SELECT COUNT(*) FROM schema_migrations "
                                          "WHERE version = ?"),
                           {version})
                       .toInt() > 0;
    };
    for (const QString &file : files) {
        const int version = file.section(QLatin1Char('_'), 0, 0).toInt();
        if (applied(version))
            continue;
        WriteTransaction tx(*this, WriteTransaction::Mode::Schema);
        if (applied(version)) // another instance migrated while we waited
            continue;
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            throw StoreError(QStringLiteral("missing migration %1").arg(file));
        const QString script = dialect(QString::fromUtf8(f.readAll()), m_engine);
        for (const QString &statement : splitStatements(script))
            sql::direct(d, statement); // DDL cannot be prepared on PostgreSQL
        sql::run(
            d, QStringLiteral("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)"),
            {version, QDateTime::currentSecsSinceEpoch()});
        tx.commit();
    }
}

qint64 Store::nextSeq(qint64 organisationId)
{
    if (m_transactionDepth == 0)
        throw StoreError(QStringLiteral("a change number taken outside a write transaction"));
    // Checked on SQLite too (where the file lock would hide it), so that tests catch it.
    if (m_writeScope != kStoreWide && m_writeScope != organisationId)
        throw StoreError(QStringLiteral("organisation %1 written inside organisation %2's "
                                        "transaction")
                             .arg(organisationId)
                             .arg(m_writeScope));
    const QSqlDatabase d = db();
    // An organisation without its row yet (created just now, or copied in by SQL) starts from the
    // store-wide number, above every row written before the sequences were per organisation.
    sql::run(d,
             QStringLiteral("INSERT INTO organisation_sequences (organisation_id, value) "
                            "VALUES (?, (SELECT value FROM sequence WHERE id = 1) + 1) "
                            "ON CONFLICT (organisation_id) "
                            "DO UPDATE SET value = organisation_sequences.value + 1"),
             {organisationId});
    return currentSeq(organisationId);
}

qint64 Store::currentSeq(qint64 organisationId) const
{
    return sql::scalar(db(),
                       QStringLiteral("SELECT COALESCE((SELECT value FROM organisation_sequences "
                                      "WHERE organisation_id = ?), "
                                      "(SELECT value FROM sequence WHERE id = 1))"),
                       {organisationId})
        .toLongLong();
}

QString Store::returningId() const
{
    return m_engine == Engine::Postgres ? QStringLiteral(" RETURNING id") : QString();
}

int Store::addCommitListener(std::function<void()> listener)
{
    m_commitListeners.append({++m_nextListener, std::move(listener)});
    return m_nextListener;
}

void Store::removeCommitListener(int id)
{
    m_commitListeners.removeIf([id](const auto &l) { return l.first == id; });
}

WriteTransaction::WriteTransaction(Store &store, Mode mode)
    : m_store(store), m_level(store.m_transactionDepth)
{
    begin(Store::kStoreWide, mode);
}

WriteTransaction::WriteTransaction(Store &store, qint64 organisationId)
    : m_store(store), m_level(store.m_transactionDepth)
{
    begin(organisationId, Mode::Serialised);
}

void WriteTransaction::begin(qint64 scope, Mode mode)
{
    const QSqlDatabase db = m_store.db();
    if (m_level > 0) {
        // Already serialised by the outermost transaction's lock, which decides what nextSeq
        // may number: a nested store-wide transaction inside an organisation's (a counter
        // written with a booking) adds no lock and no right.
        sql::direct(db, QStringLiteral("SAVEPOINT ") + savepoint());
    } else if (m_store.engine() == Store::Engine::Sqlite) {
        sql::direct(db, QStringLiteral("BEGIN IMMEDIATE"));
        m_store.m_writeScope = scope;
    } else {
        sql::direct(db, QStringLiteral("BEGIN"));
        try {
            if (mode == Mode::Schema) {
                sql::run(db, QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kSchema));
            } else if (scope == Store::kStoreWide) {
                sql::run(db, QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kWriters));
            } else {
                sql::run(db,
                         QStringLiteral("SELECT pg_advisory_xact_lock_shared(%1)").arg(kWriters));
                lockOrganisation(db, scope);
            }
        } catch (...) {
            // No destructor runs for a constructor that throws: do not leave the BEGIN open.
            QSqlQuery q(db);
            q.exec(QStringLiteral("ROLLBACK"));
            throw;
        }
        m_store.m_writeScope = scope;
    }
    m_open = true;
    ++m_store.m_transactionDepth;
}

WriteTransaction::~WriteTransaction()
{
    if (!m_open)
        return;
    // No exceptions from a destructor: failures here leave the outer transaction to fail.
    QSqlQuery q(m_store.db());
    if (m_level > 0) {
        q.exec(QStringLiteral("ROLLBACK TO SAVEPOINT ") + savepoint());
        q.exec(QStringLiteral("RELEASE SAVEPOINT ") + savepoint());
    } else {
        q.exec(QStringLiteral("ROLLBACK"));
    }
    close();
}

void WriteTransaction::commit()
{
    Q_ASSERT(m_open && m_store.m_transactionDepth == m_level + 1);
    sql::direct(m_store.db(), m_level > 0 ? QStringLiteral("RELEASE SAVEPOINT ") + savepoint()
                                          : QStringLiteral("COMMIT"));
    close();
    if (m_level == 0) {
        const auto listeners = m_store.m_commitListeners; // a listener may remove itself
        for (const auto &l : listeners)
            l.second();
    }
}

QString WriteTransaction::savepoint() const
{
    return QStringLiteral("sp_%1").arg(m_level);
}

void WriteTransaction::close()
{
    m_open = false;
    if (--m_store.m_transactionDepth == 0)
        m_store.m_writeScope = 0;
}

ReadTransaction::ReadTransaction(Store &store) : m_store(store)
{
    if (store.m_transactionDepth > 0)
        return;
    sql::direct(store.db(), store.engine() == Store::Engine::Postgres
                                ? QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                                : QStringLiteral("BEGIN"));
    m_open = true;
}

void ReadTransaction::end()
{
    if (!m_open)
        return;
    m_open = false;
    QSqlQuery q(m_store.db());
    q.exec(QStringLiteral("COMMIT")); // read only: nothing to lose
}

} // namespace creneau
