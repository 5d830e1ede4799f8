#include "serverprocess.h"

#include "postgrescluster.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QRegularExpression>

namespace creneau::test {

ServerProcess::ServerProcess(QStringList extraArgs)
{
    QStringList args{QStringLiteral("--data"), m_dir.path(), QStringLiteral("--listen"),
                     QStringLiteral("127.0.0.1:0")};
    args += extraArgs;
    // The same suite on PostgreSQL: each server gets a fresh database in a shared throw-away
    // cluster (ctest registers the *_postgresql variants).
    if (qEnvironmentVariable("CRENEAU_TEST_ENGINE") == QLatin1String("postgresql") &&
        !extraArgs.contains(QStringLiteral("--db"))) {
        static int databases = 0;
        PostgresCluster &cluster = PostgresCluster::shared();
        if (!cluster.isRunning())
            qFatal("cannot start PostgreSQL: %s", qPrintable(cluster.error()));
        args << QStringLiteral("--db")
             << cluster.createDatabase(QStringLiteral("s%1_%2")
                                           .arg(QCoreApplication::applicationPid())
                                           .arg(++databases));
    }
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(QStringLiteral(CRENEAU_SERVER_BINARY), args);
    const QRegularExpression listening(QStringLiteral("Listening on http://127.0.0.1:(\\d+)"));
    QDeadlineTimer deadline(60000);
    while (!deadline.hasExpired() && m_process.state() != QProcess::NotRunning) {
        m_process.waitForReadyRead(200);
        m_output += QString::fromUtf8(m_process.readAll());
        const auto match = listening.match(m_output);
        if (match.hasMatch()) {
            m_port = quint16(match.captured(1).toUInt());
            break;
        }
    }
}

ServerProcess::~ServerProcess()
{
    if (m_process.state() != QProcess::NotRunning)
        terminate();
}

QString ServerProcess::url(const QString &path) const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path);
}

void ServerProcess::kill()
{
    m_process.kill();
    m_process.waitForFinished();
    m_port = 0;
}

int ServerProcess::terminate()
{
    m_process.terminate();
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished();
        return -1;
    }
    m_output += QString::fromUtf8(m_process.readAll());
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

} // namespace creneau::test
