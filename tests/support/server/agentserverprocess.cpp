#include "agentserverprocess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QRegularExpression>
#include <QThread>

namespace creneau::test {

AgentServerProcess::~AgentServerProcess()
{
    // SIGTERM and a clean exit, so that the server's shutdown runs (and its coverage is
    // written); SIGKILL only when a test asks for a crash through kill().
    if (isRunning())
        stop();
}

QString AgentServerProcess::storeFile() const
{
    return QDir(m_dir.path()).filePath(QStringLiteral("creneau.sqlite"));
}

QUrl AgentServerProcess::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

bool AgentServerProcess::start()
{
    QStringList args{QStringLiteral("--data"),       m_dir.path(),
                     QStringLiteral("--listen"),     QStringLiteral("127.0.0.1:%1").arg(m_port),
                     QStringLiteral("--rate-limit"), QStringLiteral("0")};
    if (!m_seeded)
        args << QStringLiteral("--demo");
    args << m_extra;
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    const QRegularExpression listening(QStringLiteral("Listening on http://127.0.0.1:(\\d+)"));
    // The port may still be held for a moment after a kill: try a few times.
    for (int attempt = 0; attempt < 20; ++attempt) {
        m_process.start(QStringLiteral(CRENEAU_SERVER_BINARY), args);
        QString out;
        QDeadlineTimer deadline(60000);
        while (!deadline.hasExpired() && m_process.state() != QProcess::NotRunning) {
            m_process.waitForReadyRead(100);
            out += QString::fromUtf8(m_process.readAll());
            const auto match = listening.match(out);
            if (match.hasMatch()) {
                m_port = quint16(match.captured(1).toUInt());
                m_seeded = true;
                m_output += out;
                return true;
            }
        }
        m_output += out;
        m_process.waitForFinished(1000);
        QThread::msleep(250);
    }
    return false;
}

int AgentServerProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return -1;
    m_process.terminate();
    if (!m_process.waitForFinished(10000)) {
        kill();
        return -1;
    }
    m_output += QString::fromUtf8(m_process.readAll());
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

void AgentServerProcess::kill()
{
    m_process.kill();
    m_process.waitForFinished(10000);
}

bool AgentServerProcess::createAdmin(const QString &email, const QString &organisationSlug,
                                     const QString &password)
{
    QProcess p;
    p.start(QStringLiteral(CRENEAU_SERVER_BINARY),
            {QStringLiteral("--data"), m_dir.path(), QStringLiteral("--create-admin"), email,
             QStringLiteral("--organisation"), organisationSlug});
    p.write(password.toUtf8() + '\n');
    p.closeWriteChannel();
    return p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

} // namespace creneau::test
