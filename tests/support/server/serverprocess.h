// Starts the real creneau-server binary on a free loopback port with a throw-away data directory.
#pragma once

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

namespace creneau::test {

class ServerProcess
{
public:
    explicit ServerProcess(QStringList extraArgs = {QStringLiteral("--demo"),
                                                    QStringLiteral("--rate-limit"),
                                                    QStringLiteral("0")});
    ~ServerProcess();
    bool isRunning() const { return m_port != 0; }
    quint16 port() const { return m_port; }
    QString url(const QString &path) const;
    QString output() const { return m_output; }
    QString dataDir() const { return m_dir.path(); }
    // Sends SIGTERM and returns the exit code (-1 if it had to be killed).
    int terminate();
    // SIGKILL, as a crash or a power cut would stop it: nothing runs after.
    void kill();

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_output;
};

} // namespace creneau::test
