// Adapts Qt HttpServer to our Router: builds an HttpRequest, applies the shared policies (body
// cap, POST rate limit, security headers) and maps errors to statuses in one place.
#pragma once

#include "limitedtcpserver.h"
#include "ratelimiter.h"
#include "router.h"

#include <QAbstractHttpServer>

#include <functional>

namespace creneau::http {

class HttpServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    // Renders an HTML error page for browsers; API paths (/api/) always get JSON.
    using ErrorPage = std::function<HttpResponse(int status, const QString &message)>;

    explicit HttpServer(Router router, QObject *parent = nullptr);

    void setRateLimit(int postsPerMinute) { m_rateLimiter.setPerMinute(postsPerMinute); }
    // Requests for which `exempt` answers true are not counted against the POST rate limit
    // (signed-in agents' calls); it runs only for POSTs while the limit is on.
    void setRateLimitExemption(std::function<bool(const HttpRequest &)> exempt)
    {
        m_rateLimitExempt = std::move(exempt);
    }
    // Requests from these addresses are attributed to the last X-Forwarded-For address.
    void setTrustedProxies(QList<QHostAddress> proxies) { m_trustedProxies = std::move(proxies); }
    void setErrorPage(ErrorPage page) { m_errorPage = std::move(page); }
    // Listens through a LimitedTcpServer; returns the port, 0 on failure.
    quint16 listenLimited(const QHostAddress &address, quint16 port, ConnectionLimits limits = {});
    void stopListening();

    // The whole pipeline without sockets, so that it can be tested and embedded.
    HttpResponse dispatch(HttpRequest &request);

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
    std::function<bool(const HttpRequest &)> m_rateLimitExempt;
    QList<QHostAddress> m_trustedProxies;
    ErrorPage m_errorPage;
    LimitedTcpServer *m_tcp = nullptr;
};

} // namespace creneau::http
