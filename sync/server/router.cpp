#include "sync/server/router.h"

namespace creneau::server {

void Router::add(const QByteArray &method, const QString &pattern, Auth auth, Handler handler)
{
    m_rules.append({method, pattern, pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts), auth,
                    std::move(handler)});
}

QList<Router::RouteInfo> Router::routes() const
{
    QList<RouteInfo> out;
    out.reserve(m_rules.size());
    for (const Rule &rule : m_rules)
        out.append({rule.method, rule.pattern, rule.auth});
    return out;
}

bool Router::matches(const Rule &rule, const QStringList &segments, QMap<QString, QString> *params)
{
    if (rule.segments.size() != segments.size())
        return false;
    QMap<QString, QString> found;
    for (int i = 0; i < segments.size(); ++i) {
        const QString &want = rule.segments.at(i);
        if (want.startsWith(QLatin1Char('{')) && want.endsWith(QLatin1Char('}'))) {
            if (segments.at(i).isEmpty())
                return false;
            found.insert(want.mid(1, want.size() - 2), segments.at(i));
        } else if (want != segments.at(i)) {
            return false;
        }
    }
    *params = found;
    return true;
}

Router::Match Router::route(HttpRequest &request, Handler *handler, Auth *auth) const
{
    const QStringList segments = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    bool pathKnown = false;
    for (const Rule &rule : m_rules) {
        QMap<QString, QString> params;
        if (!matches(rule, segments, &params))
            continue;
        const bool head = request.method == "HEAD" && rule.method == "GET";
        if (rule.method != request.method && !head) {
            pathKnown = true;
            continue;
        }
        request.params = params;
        *handler = rule.handler;
        *auth = rule.auth;
        return Match::Found;
    }
    return pathKnown ? Match::WrongMethod : Match::NotFound;
}

} // namespace creneau::server
