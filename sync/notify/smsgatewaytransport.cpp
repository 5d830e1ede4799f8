#include "sync/notify/smsgatewaytransport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

namespace creneau::notify {

SmsGatewayTransport::SmsGatewayTransport(QUrl url, QString token, QObject *parent)
    : Transport(parent), m_url(std::move(url)), m_token(std::move(token))
{}

void SmsGatewayTransport::deliver(const OutboxMessage &m, const QDateTime &, Done done)
{
    QNetworkRequest request(m_url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setRawHeader("Idempotency-Key", m.messageId.toUtf8());
    request.setTransferTimeout(m_timeoutMs);
    const QJsonObject body{{QStringLiteral("to"), m.recipient},
                           {QStringLiteral("text"), m.bodyText}};
    QNetworkReply *reply =
        m_network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    connect(
        reply, &QNetworkReply::finished, this,
        [reply, timeout = m_timeoutMs, done = std::move(done)] {
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            DeliveryResult r;
            // Only a 2xx counts as sent; anything else (5xx, no answer in time) is retried
            // later with the same Idempotency-Key.
            r.ok = reply->error() == QNetworkReply::NoError && status >= 200 && status < 300;
            if (!r.ok && status == 0 && reply->error() == QNetworkReply::OperationCanceledError)
                r.error = QStringLiteral("SMS gateway: no answer within %1 ms").arg(timeout);
            else if (!r.ok)
                r.error =
                    QStringLiteral("SMS gateway: HTTP %1 %2").arg(status).arg(reply->errorString());
            done(r);
        });
}

} // namespace creneau::notify
