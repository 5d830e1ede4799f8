#include "smtpsink.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <algorithm>

namespace creneau::test {

SmtpSink::SmtpSink() = default;

SmtpSink::~SmtpSink()
{
    stop();
}

quint16 SmtpSink::freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

bool SmtpSink::start(quint16 port)
{
    m_port = port ? port : freePort();
    const QString python = QFileInfo::exists(QStringLiteral("/usr/bin/python3"))
                               ? QStringLiteral("/usr/bin/python3")
                               : QStringLiteral("python3");
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(python, {QStringLiteral("-m"), QStringLiteral("aiosmtpd"), QStringLiteral("-n"),
                             QStringLiteral("-l"), QStringLiteral("127.0.0.1:%1").arg(m_port),
                             QStringLiteral("-c"), QStringLiteral("aiosmtpd.handlers.Mailbox"),
                             m_dir.filePath(QStringLiteral("maildir"))});
    if (!m_process.waitForStarted(5000)) {
        m_error = m_process.errorString();
        return false;
    }
    const QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, m_port);
        if (probe.waitForConnected(200) && probe.waitForReadyRead(2000) &&
            probe.readAll().startsWith("220"))
            return true;
        if (m_process.state() != QProcess::Running)
            break;
        QTest::qWait(100);
    }
    m_error = QStringLiteral("aiosmtpd did not answer on port %1").arg(m_port);
    return false;
}

void SmtpSink::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

QString SmtpSink::url() const
{
    return QStringLiteral("smtp://127.0.0.1:%1").arg(m_port);
}

QList<QByteArray> SmtpSink::messages() const
{
    QFileInfoList files;
    for (const char *sub : {"new", "cur"})
        files += QDir(m_dir.filePath(QStringLiteral("maildir/") + QLatin1String(sub)))
                     .entryInfoList(QDir::Files);
    // Maildir names start with the delivery second only: a stable order, not arrival order.
    std::sort(files.begin(), files.end(),
              [](const QFileInfo &a, const QFileInfo &b) { return a.fileName() < b.fileName(); });
    QList<QByteArray> out;
    for (const QFileInfo &f : files) {
        QFile file(f.filePath());
        if (file.open(QIODevice::ReadOnly))
            out << file.readAll();
    }
    return out;
}

bool SmtpSink::waitFor(int count, int timeoutMs) const
{
    const QDeadlineTimer deadline(timeoutMs);
    while (messages().size() < count) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(50);
    }
    return true;
}

} // namespace creneau::test
