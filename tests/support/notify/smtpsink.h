// A real SMTP server on loopback for tests: Debian's aiosmtpd with its Mailbox handler, writing
// each received message to a maildir that the test reads back.
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QTemporaryDir>

namespace creneau::test {

class SmtpSink
{
public:
    SmtpSink();
    ~SmtpSink();
    // Starts on `port` (0: a free one); false when aiosmtpd cannot start.
    bool start(quint16 port = 0);
    void stop();
    quint16 port() const { return m_port; }
    QString url() const;
    // Raw messages received so far, in no particular order (the sink adds X-RcptTo and
    // X-MailFrom).
    QList<QByteArray> messages() const;
    // Waits until at least `count` messages arrived.
    bool waitFor(int count, int timeoutMs = 15000) const;
    static quint16 freePort();
    QString error() const { return m_error; }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace creneau::test
