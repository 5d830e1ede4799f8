// Maps (method, path pattern) to a handler. Patterns are "/rdv/{slug}/motif/{id}": a "{name}"
// segment matches one path segment and lands in HttpRequest::params.
#pragma once

#include "sync/server/httptypes.h"

#include <functional>

namespace creneau::server {

using Handler = std::function<HttpResponse(HttpRequest &)>;

class Router
{
public:
    void add(const QByteArray &method, const QString &pattern, Handler handler);
    void get(const QString &pattern, Handler h) { add("GET", pattern, std::move(h)); }
    void post(const QString &pattern, Handler h) { add("POST", pattern, std::move(h)); }

    enum class Match
    {
        Found,
        NotFound,
        WrongMethod
    };
    // On Found, fills request.params and `handler`.
    Match route(HttpRequest &request, Handler *handler) const;

private:
    struct Rule
    {
        QByteArray method;
        QStringList segments;
        Handler handler;
    };
    static bool matches(const Rule &rule, const QStringList &segments,
                        QMap<QString, QString> *params);
    QList<Rule> m_rules;
};

} // namespace creneau::server
