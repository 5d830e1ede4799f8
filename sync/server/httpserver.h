// Adapts Qt HttpServer to our Router: builds an HttpRequest, applies the shared policies (body
// cap, authentication, POST rate limit, security headers) and maps errors to statuses in one
// place.
#pragma once

#include "sync/server/accesslog.h"
#include "sync/server/limitedtcpserver.h"
#include "sync/server/ratelimiter.h"
#include "sync/server/router.h"

#include <QAbstractHttpServer>

#include <functional>

namespace creneau::server {

class HttpServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    // Renders an HTML error page for browsers; API paths (/api/) always get JSON.
    using ErrorPage = std::function<HttpResponse(int status, const QString &message)>;

    explicit HttpServer(Router router, QObject *parent = nullptr);

    void setRateLimit(int postsPerMinute) { m_rateLimiter.setPerMinute(postsPerMinute); }
    // Counts in the database shared by several instances instead of this process's memory.
    void setRateLimitStore(Store *store) { m_rateLimiter.useStore(store); }
    // Resolves the bearer tokens of routes declared Auth::Agent or Auth::Admin. Without one,
    // such routes answer 401. Signed-in calls are not counted against the POST rate limit (an
    // agent's desktop replays its offline queue in a burst); a missing or bad token is.
    void setSessionResolver(SessionResolver resolver) { m_resolveSession = std::move(resolver); }
    // Requests from these addresses are attributed to the last X-Forwarded-For address.
    void setTrustedProxies(QList<QHostAddress> proxies) { m_trustedProxies = std::move(proxies); }
    void setErrorPage(ErrorPage page) { m_errorPage = std::move(page); }
    // --access-log: false with `error` when the file cannot be opened.
    bool openAccessLog(const QString &target, QString *error)
    {
        return m_accessLog.open(target, error);
    }
    // What a storage failure (disk full, read-only store, database gone) answers: 503 with this
    // Retry-After, since it is the service that is unavailable, not the request that is wrong.
    static constexpr int kStoreRetryAfterSecs = 30;
    // Listens through a LimitedTcpServer; returns the port, 0 on failure.
    quint16 listenLimited(const QHostAddress &address, quint16 port, ConnectionLimits limits = {});
    void stopListening();

    const Router &router() const { return m_router; }

    // The whole pipeline without sockets, so that it can be tested and embedded.
    HttpResponse dispatch(HttpRequest &request);

    // What the exception being handled answers, wherever its handler ran (this thread or a
    // ReadWorkers thread): an HttpError as it says, a store failure 503 with Retry-After,
    // anything else 500. Call only inside a catch block. `page` renders the HTML ones of non-API
    // paths; null: JSON.
    static HttpResponse answerToException(const HttpRequest &request, const ErrorPage &page);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    HttpResponse error(const HttpRequest &request, int status, const QString &message) const;
    static void addSecurityHeaders(HttpResponse &response);
    // `close`: the request asked to close the connection (HTTP/1.0, "Connection: close").
    void writeTo(QTcpSocket *socket, HttpResponse response, bool head, bool close);

    Router m_router;
    RateLimiter m_rateLimiter;
    SessionResolver m_resolveSession;
    QList<QHostAddress> m_trustedProxies;
    ErrorPage m_errorPage;
    AccessLog m_accessLog;
    LimitedTcpServer *m_tcp = nullptr;
};

} // namespace creneau::server
