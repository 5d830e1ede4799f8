// SMS through an HTTP gateway: one JSON POST {"to", "text"} per message with a bearer token and
// an Idempotency-Key (the message's Message-ID, the same at every attempt), so that a retry after
// a time-out or a 5xx whose message did leave is not sent twice by a gateway that honours it.
#pragma once

#include "sync/notify/transport.h"

#include <QNetworkAccessManager>
#include <QUrl>

namespace creneau::notify {

class SmsGatewayTransport : public Transport
{
    Q_OBJECT
public:
    SmsGatewayTransport(QUrl url, QString token, QObject *parent = nullptr);
    void deliver(const OutboxMessage &message, const QDateTime &now, Done done) override;
    // How long one POST may take before it counts as failed (and is retried).
    void setTimeoutMs(int ms) { m_timeoutMs = qMax(100, ms); }

private:
    QUrl m_url;
    QString m_token;
    int m_timeoutMs = 30000;
    QNetworkAccessManager m_network;
};

} // namespace creneau::notify
