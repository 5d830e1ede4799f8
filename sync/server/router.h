// Maps (method, path pattern) to a handler and what the route needs from its caller. Patterns are
// "/rdv/{slug}/motif/{id}": a "{name}" segment matches one path segment and lands in
// HttpRequest::params. Every route states its Auth: HttpServer::dispatch checks it before the
// handler runs, so no handler authenticates on its own.
#pragma once

#include "sync/server/httptypes.h"

#include <functional>

namespace creneau::server {

using Handler = std::function<HttpResponse(HttpRequest &)>;

class Router
{
public:
    void add(const QByteArray &method, const QString &pattern, Auth auth, Handler handler);
    void get(const QString &pattern, Auth auth, Handler h)
    {
        add("GET", pattern, auth, std::move(h));
    }
    void post(const QString &pattern, Auth auth, Handler h)
    {
        add("POST", pattern, auth, std::move(h));
    }

    // What is served, for the checks that compare it with the OpenAPI document.
    struct RouteInfo
    {
        QByteArray method;
        QString pattern;
        Auth auth;
    };
    QList<RouteInfo> routes() const;

    enum class Match
    {
        Found,
        NotFound,
        WrongMethod
    };
    // On Found, fills request.params, `handler` and `auth`.
    Match route(HttpRequest &request, Handler *handler, Auth *auth) const;

private:
    struct Rule
    {
        QByteArray method;
        QString pattern;
        QStringList segments;
        Auth auth;
        Handler handler;
    };
    static bool matches(const Rule &rule, const QStringList &segments,
                        QMap<QString, QString> *params);
    QList<Rule> m_rules;
};

} // namespace creneau::server
