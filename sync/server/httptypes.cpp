#include "sync/server/httptypes.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace creneau::server {

QString HttpRequest::cookie(const QString &name) const
{
    const QList<QByteArray> parts = header("cookie").split(';');
    for (const QByteArray &part : parts) {
        const int eq = part.indexOf('=');
        if (eq < 0)
            continue;
        if (QString::fromLatin1(part.left(eq).trimmed()) == name)
            return QString::fromLatin1(part.mid(eq + 1).trimmed());
    }
    return {};
}

const AgentSession &HttpRequest::caller() const
{
    // Only a route declared Auth::None can get here without a session: a bug in that route,
    // answered 500 by HttpServer::dispatch rather than served to nobody in particular.
    if (!session)
        throw std::logic_error("caller() on a route that does not require a session");
    return *session;
}

QString HttpRequest::bearerToken() const
{
    const QByteArray value = header("authorization");
    if (!value.startsWith("Bearer "))
        return {};
    return QString::fromLatin1(value.mid(7).trimmed());
}

void HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            h.second = value;
            return;
        }
    }
    headers.append({name, value});
}

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

HttpResponse HttpResponse::text(const QByteArray &body, const QByteArray &type, int status)
{
    HttpResponse r;
    r.status = status;
    r.body = body;
    r.setHeader("Content-Type", type);
    return r;
}

HttpResponse HttpResponse::html(const QByteArray &body, int status)
{
    return text(body, "text/html; charset=utf-8", status);
}

HttpResponse HttpResponse::json(const QByteArray &body, int status)
{
    return text(body, "application/json; charset=utf-8", status);
}

HttpResponse HttpResponse::redirect(const QString &location, int status)
{
    HttpResponse r;
    r.status = status;
    r.setHeader("Location", location.toUtf8());
    return r;
}

HttpResponse HttpResponse::jsonError(int status, const QString &message)
{
    QJsonObject o{{QStringLiteral("error"), message}};
    return json(QJsonDocument(o).toJson(QJsonDocument::Compact), status);
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 303:
        return "See Other";
    case 400:
        return "Bad Request";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 413:
        return "Payload Too Large";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

} // namespace creneau::server
