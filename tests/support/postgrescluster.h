// A throw-away PostgreSQL cluster for tests: initdb into a temporary folder, started on a free
// loopback port, stopped and removed with the object. Runs the server as `postgres` when the
// tests run as root (initdb refuses root).
#pragma once

#include <QString>
#include <QTemporaryDir>

namespace creneau::test {

class PostgresCluster
{
public:
    // `durable`: keep fsync on (benchmarks); tests turn it off for speed.
    explicit PostgresCluster(bool durable = false);
    ~PostgresCluster();
    PostgresCluster(const PostgresCluster &) = delete;
    PostgresCluster &operator=(const PostgresCluster &) = delete;

    bool isRunning() const { return m_running; }
    QString error() const { return m_error; }
    quint16 port() const { return m_port; }
    // Creates an empty database and returns its postgresql:// URL.
    QString createDatabase(const QString &name);

    // One cluster shared by the whole test process, started on first use.
    static PostgresCluster &shared();

private:
    bool run(const QStringList &command, QString *output = nullptr);
    QTemporaryDir m_dir;
    quint16 m_port = 0;
    bool m_running = false;
    QString m_error;
};

} // namespace creneau::test
