#include "ui/calendarsettingsclient.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace creneau::ui {

namespace {
const QString kSettings = QStringLiteral("/api/v1/agent/calendar-settings");
const QString kFeed = QStringLiteral("/api/v1/agent/calendar-feed");
// A server that stops answering must not leave the dialog loading for ever.
constexpr int kTimeoutMs = 20000;
} // namespace

CalendarSettingsClient::CalendarSettingsClient(QUrl server, QString bearerToken, QObject *parent)
    : QObject(parent), m_server(std::move(server)), m_token(std::move(bearerToken))
{}

CalendarSettingsClient::~CalendarSettingsClient()
{
    for (QNetworkReply *reply : m_network.findChildren<QNetworkReply *>()) {
        reply->disconnect(this);
        reply->abort();
    }
}

void CalendarSettingsClient::loadSettings(Done done)
{
    send("GET", kSettings, {}, std::move(done));
}

void CalendarSettingsClient::saveSettings(const QJsonObject &settings, Done done)
{
    send("PUT", kSettings, settings, std::move(done));
}

void CalendarSettingsClient::regenerateFeed(Done done)
{
    send("POST", kFeed, {}, std::move(done));
}

void CalendarSettingsClient::revokeFeed(Done done)
{
    send("DELETE", kFeed, {}, std::move(done));
}

void CalendarSettingsClient::send(const QByteArray &verb, const QString &path,
                                  const QJsonObject &body, Done done)
{
    QUrl url = m_server;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(kTimeoutMs);
    QByteArray payload;
    if (verb == "PUT") {
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    QNetworkReply *reply = m_network.sendCustomRequest(request, verb, payload);
    // The reply's context is this client: a dialog closed mid-request drops the answer.
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        CalendarReply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = QJsonDocument::fromJson(reply->readAll()).object();
        r.message = r.body.value(QStringLiteral("error")).toString();
        if (r.status == 0)
            r.message =
                tr("The server cannot be reached (%1). Try again later.").arg(reply->errorString());
        else if (!r.ok() && r.message.isEmpty())
            r.message = tr("The server refused the request (HTTP %1).").arg(r.status);
        done(r);
    });
}

} // namespace creneau::ui
