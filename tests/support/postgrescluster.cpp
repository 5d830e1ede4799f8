#include "postgrescluster.h"

#include <QDir>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>

#include <unistd.h>

namespace creneau::test {

namespace {

QString binDir()
{
    const QStringList versions =
        QDir(QStringLiteral("/usr/lib/postgresql"))
            .entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name | QDir::Reversed);
    return versions.isEmpty() ? QString()
                              : QStringLiteral("/usr/lib/postgresql/%1/bin").arg(versions.first());
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace

bool PostgresCluster::run(const QStringList &command, QString *output)
{
    QStringList args = command;
    QString program = args.takeFirst();
    if (geteuid() == 0) {
        args = QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"),
                           program} +
               args;
        program = QStringLiteral("runuser");
    }
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        m_error = QStringLiteral("%1 failed: %2")
                      .arg(command.first(), QString::fromLocal8Bit(p.readAll()));
        return false;
    }
    if (output)
        *output = QString::fromLocal8Bit(p.readAll());
    return true;
}

PostgresCluster::PostgresCluster(bool durable)
{
    const QString bin = binDir();
    if (bin.isEmpty()) {
        m_error = QStringLiteral("PostgreSQL is not installed (apt-get install postgresql)");
        return;
    }
    if (geteuid() == 0) {
        QProcess::execute(QStringLiteral("chown"),
                          {QStringLiteral("postgres:postgres"), m_dir.path()});
        QFile::setPermissions(m_dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                QFileDevice::ExeOwner);
    }
    const QString data = m_dir.filePath(QStringLiteral("data"));
    if (!run({bin + QStringLiteral("/initdb"), QStringLiteral("-D"), data, QStringLiteral("-U"),
              QStringLiteral("postgres"), QStringLiteral("--auth=trust"),
              QStringLiteral("--encoding=UTF8"), QStringLiteral("--no-sync")}))
        return;
    m_port = freePort();
    QString options = QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 "
                                     "-c max_connections=200")
                          .arg(m_port)
                          .arg(m_dir.path());
    if (!durable)
        options += QStringLiteral(" -c fsync=off -c synchronous_commit=off");
    m_running = run({bin + QStringLiteral("/pg_ctl"), QStringLiteral("-D"), data,
                     QStringLiteral("-l"), m_dir.filePath(QStringLiteral("server.log")),
                     QStringLiteral("-o"), options, QStringLiteral("-w"), QStringLiteral("start")});
}

PostgresCluster::~PostgresCluster()
{
    if (m_running)
        run({binDir() + QStringLiteral("/pg_ctl"), QStringLiteral("-D"),
             m_dir.filePath(QStringLiteral("data")), QStringLiteral("-m"),
             QStringLiteral("immediate"), QStringLiteral("stop")});
}

QString PostgresCluster::createDatabase(const QString &name)
{
    const QString connection = QStringLiteral("pg-admin-%1").arg(name);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        db.setHostName(QStringLiteral("127.0.0.1"));
        db.setPort(m_port);
        db.setUserName(QStringLiteral("postgres"));
        db.setDatabaseName(QStringLiteral("postgres"));
        if (!db.open()) {
            m_error = db.lastError().text();
        } else {
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("CREATE DATABASE \"%1\"").arg(name)))
                m_error = q.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return QStringLiteral("postgresql://postgres@127.0.0.1:%1/%2").arg(m_port).arg(name);
}

PostgresCluster &PostgresCluster::shared()
{
    static PostgresCluster cluster;
    return cluster;
}

} // namespace creneau::test
