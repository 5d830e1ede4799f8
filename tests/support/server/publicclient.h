// Requests to the real server as seen from a chosen client address: the server is started with
// --trusted-proxy 127.0.0.1 and each request carries X-Forwarded-For, as behind a reverse proxy.
// Also reads what the server wrote to <data>/outbox/ (no SMTP server or SMS gateway configured).
#pragma once

#include "httpclient.h"

#include <QStringList>

namespace creneau::test {

class PublicClient
{
public:
    PublicClient(QString base, QByteArray address)
        : m_base(std::move(base)), m_address(std::move(address)), m_http(m_base)
    {}
    Reply get(const QString &path);
    Reply postJson(const QString &path, const QByteArray &json);
    Reply postForm(const QString &path, const QList<QPair<QString, QString>> &fields);
    // A public booking through the JSON API.
    Reply book(const QByteArray &json)
    {
        return postJson(QStringLiteral("/api/v1/public/mfs-vernon/rdvs"), json);
    }

    // Sent as the Cookie header when set, instead of the jar's cookies: a cookie marked Secure
    // is not given back over plain http by the jar, yet the server under test listens on http.
    QByteArray cookies;

private:
    Reply send(const QByteArray &method, const QString &path, const QByteArray &body,
               const QByteArray &contentType);
    QString m_base;
    QByteArray m_address;
    HttpClient m_http; // its cookie jar: one browser
};

struct OutboxFile
{
    QString name;
    QByteArray bytes;
    QString recipient; // the To: address (e-mail) or number (SMS)
    QString text;      // decoded: the plain and HTML parts, or the SMS text
};

// Every message the server has delivered to files so far.
QList<OutboxFile> outboxFiles(const QString &dataDir);

} // namespace creneau::test
