// Our own request and response types: the routes never see Qt HttpServer, whose API changes
// between 6.4 and 6.8.
#pragma once

#include "sync/server/auth.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <functional>
#include <stdexcept>

namespace creneau::server {

struct HttpRequest
{
    QByteArray method; // "GET", "POST"...
    QString path;      // decoded, without the query
    QUrlQuery query;
    QMap<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
    QHostAddress peer;
    QMap<QString, QString> params; // filled by the router from the path pattern
    // Filled by HttpServer::dispatch for a route that needs a signed-in caller (Auth::Agent or
    // Auth::Admin) before its handler runs; such a handler never sees a request without it.
    std::optional<AgentSession> session;

    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    QString queryValue(const QString &key) const
    {
        return query.queryItemValue(key, QUrl::FullyDecoded);
    }
    QString param(const QString &key) const { return params.value(key); }
    QString cookie(const QString &name) const;
    // The signed-in caller of an Auth::Agent or Auth::Admin route.
    const AgentSession &caller() const;
    // The token of "Authorization: Bearer <token>", empty without one.
    QString bearerToken() const;
};

struct HttpResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    // Set by a handler that answers later (long-polling): called once with the function that
    // writes the answer; the connection stays open meanwhile.
    using Completion = std::function<void(HttpResponse)>;
    std::function<void(Completion)> deferred;
    // With `deferred`: called instead when the connection closes before the answer is ready.
    std::function<void()> cancel;

    void setHeader(const QByteArray &name, const QByteArray &value);
    void addHeader(const QByteArray &name, const QByteArray &value)
    {
        headers.append({name, value});
    }
    QByteArray header(const QByteArray &name) const;

    static HttpResponse html(const QByteArray &body, int status = 200);
    static HttpResponse json(const QByteArray &body, int status = 200);
    static HttpResponse text(const QByteArray &body, const QByteArray &type, int status = 200);
    static HttpResponse redirect(const QString &location, int status = 303);
    // {"error": message} with the given status.
    static HttpResponse jsonError(int status, const QString &message);
};

// Thrown by handlers for the errors every route shares; mapped to a response in one place
// (HttpServer::dispatch).
class HttpError : public std::runtime_error
{
public:
    HttpError(int status, const QString &message, bool asJson = false)
        : std::runtime_error(message.toStdString()), m_status(status), m_message(message),
          m_json(asJson)
    {}
    int status() const { return m_status; }
    QString message() const { return m_message; }
    bool asJson() const { return m_json; }

private:
    int m_status;
    QString m_message;
    bool m_json;
};

QByteArray reasonPhrase(int status);

} // namespace creneau::server
