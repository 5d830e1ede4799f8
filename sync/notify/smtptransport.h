// E-mail over SMTP with libcurl: smtp:// (STARTTLS when the server offers it), smtps://, login
// from the URL's user info. Each transfer runs on a pool thread; the result comes back queued.
#pragma once

#include "sync/notify/transport.h"

#include <QThreadPool>

namespace creneau::notify {

class SmtpTransport : public Transport
{
    Q_OBJECT
public:
    // `url`: smtp://[user:password@]host[:port] or smtps://...
    SmtpTransport(QString url, MailAddress from, QObject *parent = nullptr);
    ~SmtpTransport() override;
    void deliver(const OutboxMessage &message, const QDateTime &now, Done done) override;
    void setTimeoutSecs(int secs) { m_timeoutSecs = secs; }

    // Blocking; public for tests and for the pool threads.
    static DeliveryResult send(const QString &url, const QString &from, const QString &to,
                               const QByteArray &bytes, int timeoutSecs);

private:
    QString m_url;
    MailAddress m_from;
    int m_timeoutSecs = 60;
    QThreadPool m_pool;
};

} // namespace creneau::notify
