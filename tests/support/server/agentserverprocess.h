// The real creneau-server on loopback for the agent API and sync tests: keeps its data directory
// and port across restarts, can be killed mid-request, and creates accounts with --create-admin.
#pragma once

#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>

namespace creneau::test {

class AgentServerProcess
{
public:
    AgentServerProcess() = default;
    ~AgentServerProcess();

    // Starts the server (with the small demo the first time); the same port after a restart.
    bool start();
    // Added to the command line from the next start() on (--allow-insecure-caldav...).
    void setExtraArguments(const QStringList &args) { m_extra = args; }
    // SIGTERM, waiting for a clean exit: the exit code, or -1 when it had to be killed (or was
    // not running).
    int stop();
    // SIGKILL: no clean shutdown at all.
    void kill();
    bool isRunning() const { return m_process.state() == QProcess::Running; }

    // Runs creneau-server --create-admin with the password on standard input.
    bool createAdmin(const QString &email, const QString &organisationSlug,
                     const QString &password);
    QString dataDir() const { return m_dir.path(); }
    QString storeFile() const;
    QUrl url() const;
    QString output() const { return m_output; }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    bool m_seeded = false;
    QStringList m_extra;
    QString m_output;
};

} // namespace creneau::test
