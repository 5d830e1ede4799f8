#include "sync/client/admincommands.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUuid>

namespace creneau::client {

namespace {
// A server that stops answering must not leave a dialog waiting for ever.
constexpr int kTimeoutMs = 20000;
} // namespace

AdminCommands::AdminCommands(QUrl server, QString bearerToken, QObject *parent)
    : QObject(parent), m_server(std::move(server)), m_token(std::move(bearerToken))
{}

AdminCommands::~AdminCommands()
{
    for (QNetworkReply *reply : m_network.findChildren<QNetworkReply *>()) {
        reply->disconnect(this);
        reply->abort();
    }
}

void AdminCommands::load(Done done)
{
    send("GET", QStringLiteral("/api/v1/agent/organisation"), {}, std::move(done));
}

void AdminCommands::run(protocol::CommandType type, const QJsonObject &payload, Done done,
                        int expectedVersion)
{
    const protocol::CommandEnvelope command{QUuid::createUuid().toString(QUuid::WithoutBraces),
                                            type, expectedVersion, payload};
    send("POST", QStringLiteral("/api/v1/agent/commands"), command.toJson(), std::move(done));
}

void AdminCommands::signIn(const QString &email, const QString &password, Done done)
{
    send("POST", QStringLiteral("/api/v1/agent/session"),
         {{QStringLiteral("email"), email}, {QStringLiteral("password"), password}},
         std::move(done), false);
}

void AdminCommands::send(const QByteArray &verb, const QString &path, const QJsonObject &body,
                         Done done, bool authenticated)
{
    QUrl url = m_server;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path);
    QNetworkRequest request(url);
    if (authenticated)
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(kTimeoutMs);
    QByteArray payload;
    if (verb == "POST" || verb == "PUT") {
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    QNetworkReply *reply = m_network.sendCustomRequest(request, verb, payload);
    // The reply's context is this object: a dialog closed mid-request drops the answer.
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        AdminReply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = QJsonDocument::fromJson(reply->readAll()).object();
        r.message = r.body.value(QStringLiteral("error")).toString();
        r.fields = r.body.value(QStringLiteral("fields")).toObject();
        if (r.status == 0)
            r.message =
                tr("The server cannot be reached (%1). Try again later.").arg(reply->errorString());
        else if (!r.ok() && r.message.isEmpty())
            r.message = tr("The server refused the request (HTTP %1).").arg(r.status);
        done(r);
    });
}

} // namespace creneau::client
