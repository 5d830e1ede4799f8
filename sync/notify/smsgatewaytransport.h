// SMS through an HTTP gateway: one JSON POST {"to", "text"} per message with a bearer token.
#pragma once

#include "transport.h"

#include <QNetworkAccessManager>
#include <QUrl>

namespace creneau::notify {

class SmsGatewayTransport : public Transport
{
    Q_OBJECT
public:
    SmsGatewayTransport(QUrl url, QString token, QObject *parent = nullptr);
    void deliver(const OutboxMessage &message, const QDateTime &now, Done done) override;

private:
    QUrl m_url;
    QString m_token;
    QNetworkAccessManager m_network;
};

} // namespace creneau::notify
