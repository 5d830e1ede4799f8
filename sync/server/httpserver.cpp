#include "sync/server/httpserver.h"

#include "sync/server/connectionguard.h"

#include "models/sql.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QLoggingCategory>
#include <QMetaEnum>
#include <QPointer>
#include <QTcpSocket>

Q_LOGGING_CATEGORY(lcServer, "creneau.server")

namespace creneau::server {

namespace {

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    default:
        return "OTHER";
    }
}

HttpRequest fromQt(const QHttpServerRequest &q)
{
    HttpRequest r;
    r.method = methodName(q.method());
    r.path = q.url().path(QUrl::FullyDecoded);
    r.query = q.query();
    for (const auto &h : q.headers())
        r.headers.insert(h.first.toLower(), h.second);
    r.body = q.body();
    r.peer = q.remoteAddress();
    return r;
}

} // namespace

HttpServer::HttpServer(Router router, QObject *parent)
    : QAbstractHttpServer(parent), m_router(std::move(router))
{}

quint16 HttpServer::listenLimited(const QHostAddress &address, quint16 port,
                                  ConnectionLimits limits)
{
    auto *tcp = new LimitedTcpServer(limits, this);
    if (!tcp->listen(address, port)) {
        qCWarning(lcServer) << "cannot listen:" << tcp->errorString();
        delete tcp;
        return 0;
    }
    bind(tcp);
    tcp->attachAfterHttpServer();
    m_tcp = tcp;
    return tcp->serverPort();
}

void HttpServer::stopListening()
{
    if (m_tcp)
        m_tcp->drain(2000);
}

namespace {

HttpResponse errorFor(const HttpRequest &request, const HttpServer::ErrorPage &page, int status,
                      const QString &message)
{
    if (request.path.startsWith(QLatin1String("/api/")) || !page)
        return HttpResponse::jsonError(status, message);
    return page(status, message);
}

} // namespace

HttpResponse HttpServer::error(const HttpRequest &request, int status, const QString &message) const
{
    return errorFor(request, m_errorPage, status, message);
}

HttpResponse HttpServer::dispatch(HttpRequest &request)
{
    HttpResponse response;
    try {
        if (request.body.size() > 64 * 1024)
            return error(
                request, 413,
                QStringLiteral("La requête dépasse la taille maximale autorisée (64 Kio)."));
        Handler handler;
        Auth auth = Auth::None;
        const Router::Match match = m_router.route(request, &handler, &auth);
        // Resolved once, here, for every signed-in route; the rate limit below spares those calls.
        if (match == Router::Match::Found && auth != Auth::None && m_resolveSession) {
            if (const QString token = request.bearerToken(); !token.isEmpty())
                request.session = m_resolveSession(token);
        }
        int retryAfter = 0;
        if (request.method == "POST" && m_rateLimiter.enabled() && !request.session &&
            !m_rateLimiter.allow(request.peer.toString(), QDateTime::currentMSecsSinceEpoch(),
                                 &retryAfter)) {
            response = error(
                request, 429,
                QStringLiteral("Trop de demandes : réessayez dans %1 secondes.").arg(retryAfter));
            response.setHeader("Retry-After", QByteArray::number(retryAfter));
            return response;
        }
        switch (match) {
        case Router::Match::NotFound:
            return error(request, 404, QStringLiteral("Cette page n'existe pas."));
        case Router::Match::WrongMethod:
            response = error(request, 405, QStringLiteral("Méthode non autorisée."));
            return response;
        case Router::Match::Found:
            break;
        }
        if (auth != Auth::None && !request.session)
            return HttpResponse::jsonError(
                401, request.bearerToken().isEmpty()
                         ? tr("Sign in first: a bearer token is required.")
                         : tr("Your session has expired or was closed: sign in again."));
        if (auth == Auth::Admin && request.session->agent.role != AgentRole::Admin)
            return HttpResponse::jsonError(403, tr("Only an administrator may do this."));
        return handler(request);
    } catch (...) {
        return answerToException(request, m_errorPage);
    }
}

HttpResponse HttpServer::answerToException(const HttpRequest &request, const ErrorPage &page)
{
    const auto error = [&](int status, const QString &message) {
        return errorFor(request, page, status, message);
    };
    try {
        throw;
    } catch (const HttpError &e) {
        return e.asJson() ? HttpResponse::jsonError(e.status(), e.message())
                          : error(e.status(), e.message());
    } catch (const StoreError &e) {
        // Nothing was written (the transaction rolled back): the client may try again later.
        qCWarning(lcServer) << "store unavailable on" << request.method << request.path << e.what();
        HttpResponse response =
            error(503, QStringLiteral("Le service ne peut pas enregistrer pour le moment : "
                                      "réessayez dans quelques instants."));
        response.setHeader("Retry-After", QByteArray::number(kStoreRetryAfterSecs));
        return response;
    } catch (const std::exception &e) {
        qCWarning(lcServer) << "error on" << request.method << request.path << e.what();
    } catch (...) {
        qCWarning(lcServer) << "error on" << request.method << request.path;
    }
    return error(500, QStringLiteral("Erreur interne du serveur."));
}

void HttpServer::addSecurityHeaders(HttpResponse &r)
{
    // Defaults only: a route that set one of these (the calendar feed's stricter
    // Referrer-Policy, a page's own Cache-Control) knows better and keeps its value.
    auto byDefault = [&r](const QByteArray &name, const QByteArray &value) {
        if (r.header(name).isEmpty())
            r.setHeader(name, value);
    };
    byDefault("Content-Security-Policy",
              "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
    byDefault("X-Content-Type-Options", "nosniff");
    byDefault("Referrer-Policy", "same-origin");
    byDefault("X-Frame-Options", "DENY");
    byDefault("Cache-Control", "no-cache");
}

bool HttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ConnectionGuard *guard = ConnectionGuard::of(socket);
    const bool close = guard && guard->nextRequestCloses();
    QElapsedTimer timer;
    timer.start();
    HttpRequest r = fromQt(request);
    const bool viaProxy =
        std::any_of(m_trustedProxies.cbegin(), m_trustedProxies.cend(), [&](const QHostAddress &p) {
            return p.isEqual(r.peer, QHostAddress::TolerantConversion);
        });
    if (viaProxy && r.headers.contains("x-forwarded-for")) {
        // The proxy appends the address it saw: the last entry is the only one it vouches for.
        const QList<QByteArray> chain = r.headers.value("x-forwarded-for").split(',');
        const QHostAddress client(QString::fromLatin1(chain.last().trimmed()));
        if (!client.isNull())
            r.peer = client;
    }
    HttpResponse response = dispatch(r);
    if (response.deferred) {
        // Answered later; the socket may be gone by then.
        auto start = std::move(response.deferred);
        auto link = std::make_shared<QMetaObject::Connection>();
        if (response.cancel)
            *link = connect(socket, &QTcpSocket::disconnected, this,
                            [link, cancel = std::move(response.cancel)] {
                                QObject::disconnect(*link);
                                cancel();
                            });
        start([this, alive = QPointer<QTcpSocket>(socket), head = r.method == "HEAD", close, link,
               method = r.method, path = r.path, timer](HttpResponse later) {
            QObject::disconnect(*link);
            m_accessLog.write(method, path, later.status, timer.elapsed());
            if (alive)
                writeTo(alive, std::move(later), head, close);
        });
        return true;
    }
    m_accessLog.write(r.method, r.path, response.status, timer.elapsed());
    writeTo(socket, std::move(response), r.method == "HEAD", close);
    return true;
}

void HttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    Q_UNUSED(request)
    // Not reached: handleRequest always answers. Closes, since no request was accounted for.
    writeTo(socket, HttpResponse::jsonError(404, QStringLiteral("Introuvable.")), false, true);
}

void HttpServer::writeTo(QTcpSocket *socket, HttpResponse response, bool head, bool close)
{
    ConnectionGuard *guard = ConnectionGuard::of(socket);
    if (ConnectionGuard::isClosing(socket))
        return; // refused meanwhile (deadline, framing): the error answer was the last
    addSecurityHeaders(response);
    if (close)
        response.setHeader("Connection", "close");
    // One buffer, one write: QHttpServerResponder writes the status line and each header
    // separately, which costs a system call and an event-loop turn apiece.
    // A large body (a page of the change feed: megabytes) goes on its own rather than being
    // copied once more behind the headers.
    const bool apart = response.body.size() > 256 * 1024;
    QByteArray out;
    out.reserve(512 + (apart ? 0 : response.body.size()));
    out += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) +
           "\r\n";
    for (const auto &h : std::as_const(response.headers))
        out += h.first + ": " + h.second + "\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n\r\n";
    if (!head && !apart)
        out += response.body;
    socket->write(out);
    if (!head && apart)
        socket->write(response.body);
    if (close) {
        // HTTP/1.0 or "Connection: close": the answer is the last thing on this connection.
        if (guard)
            guard->closeAfterAnswer();
        else
            ConnectionGuard::closeGracefully(socket, 2000);
    }
}

} // namespace creneau::server
