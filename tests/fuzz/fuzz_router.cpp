// Request targets (path and query) through the real route patterns and HttpServer::dispatch,
// without sockets: a route matches only when its literal segments equal the path's and each
// "{name}" takes one non-empty segment; a path no pattern matches is 404, a known path with
// another method 405 (HEAD follows GET); nothing is a 5xx; API paths answer JSON errors.
#include "fuzzcheck.h"
#include "sync/server/httpserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

using namespace creneau::server;

namespace {

struct Route
{
    QByteArray method;
    QString pattern;
};

// The server's routes (serverapplication.cpp and the add*Routes functions it calls).
const QList<Route> &routes()
{
    static const QList<Route> all = [] {
        QList<Route> r{
            {"GET", "/api/v1/public/{slug}/motifs"},
            {"GET", "/api/v1/public/{slug}/motifs/{id}/creneaux"},
            {"POST", "/api/v1/public/{slug}/rdvs"},
            {"GET", "/api/v1/openapi.json"},
            {"GET", "/healthz"},
            {"GET", "/rdv/{slug}/recapitulatif/{token}"},
            {"GET", "/rdv/{slug}/recapitulatif/{token}/rdv.ics"},
            {"GET", "/rdv/{slug}/mon-rdv/{token}"},
            {"GET", "/rdv/{slug}/mon-rdv/{token}/rdv.ics"},
            {"POST", "/rdv/{slug}/mon-rdv/{token}/annuler"},
            {"POST", "/api/v1/agent/session"},
            {"DELETE", "/api/v1/agent/session"},
            {"GET", "/api/v1/agent/session"},
            {"GET", "/api/v1/agent/changes"},
            {"GET", "/api/v1/agent/changes/wait"},
            {"POST", "/api/v1/agent/commands"},
            {"GET", "/calendrier/{file}"},
            {"GET", "/api/v1/agent/calendar-settings"},
            {"PUT", "/api/v1/agent/calendar-settings"},
            {"POST", "/api/v1/agent/calendar-feed"},
            {"DELETE", "/api/v1/agent/calendar-feed"},
            {"GET", "/static/style.css"},
        };
        for (const QString &base :
             {QStringLiteral("/rdv/{slug}"), QStringLiteral("/rdv/{slug}/prescripteur")}) {
            r.append({"GET", base});
            r.append({"GET", base + "/motif/{id}"});
            r.append({"GET", base + "/creneau"});
            r.append({"POST", base + "/prescripteur-coordonnees"});
            r.append({"POST", base + "/beneficiaire"});
            r.append({"POST", base + "/confirmer"});
            r.append({"POST", base + "/etape"});
        }
        return r;
    }();
    return all;
}

// Our own reading of a pattern against a path: the params, or nothing.
std::optional<QMap<QString, QString>> match(const QString &pattern, const QStringList &segments)
{
    const QStringList want = pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (want.size() != segments.size())
        return std::nullopt;
    QMap<QString, QString> params;
    for (qsizetype i = 0; i < want.size(); ++i) {
        if (want.at(i).startsWith(QLatin1Char('{'))) {
            if (segments.at(i).isEmpty())
                return std::nullopt;
            params.insert(want.at(i).mid(1, want.at(i).size() - 2), segments.at(i));
        } else if (want.at(i) != segments.at(i)) {
            return std::nullopt;
        }
    }
    return params;
}

HttpServer &server()
{
    static HttpServer *s = [] {
        fuzzcheck::ensureApplication();
        Router router;
        for (qsizetype i = 0; i < routes().size(); ++i) {
            router.add(routes().at(i).method, routes().at(i).pattern, Auth::None,
                       [i](HttpRequest &r) {
                           QJsonObject params;
                           for (auto it = r.params.cbegin(); it != r.params.cend(); ++it)
                               params.insert(it.key(), it.value());
                           return HttpResponse::json(
                               QJsonDocument(QJsonObject{{QStringLiteral("route"), int(i)},
                                                         {QStringLiteral("params"), params}})
                                   .toJson(QJsonDocument::Compact));
                       });
        }
        auto *server = new HttpServer(std::move(router));
        server->setErrorPage([](int status, const QString &message) {
            return HttpResponse::html("<p>" + message.toUtf8() + "</p>", status);
        });
        return server;
    }();
    return *s;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // A method, the request target as sent ("/rdv/x/motif/3?debut=..."), a body.
    const QList<QByteArray> f = fuzzcheck::fields(data, size, 3);
    HttpRequest request;
    request.method = f[0].trimmed().toUpper();
    // As HttpServer::fromQt does with what Qt HttpServer parsed.
    const QUrl url = QUrl::fromEncoded(f[1].trimmed());
    request.path = url.path(QUrl::FullyDecoded);
    request.query = QUrlQuery(url);
    request.body = f[2];
    for (const auto &item : request.query.queryItems(QUrl::FullyDecoded))
        request.queryValue(item.first);

    const QString path = request.path;
    const HttpResponse response = server().dispatch(request);
    FUZZ_CHECK(response.status < 500, "a 5xx", f[1], QByteArray::number(response.status));

    const QStringList segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    std::optional<qsizetype> first;
    bool otherMethod = false;
    for (qsizetype i = 0; i < routes().size(); ++i) {
        if (!match(routes().at(i).pattern, segments))
            continue;
        const QByteArray m = routes().at(i).method;
        if (m == request.method || (request.method == "HEAD" && m == "GET")) {
            first = i;
            break;
        }
        otherMethod = true;
    }
    if (request.body.size() > 64 * 1024) {
        FUZZ_CHECK(response.status == 413, f[1]);
        return 0;
    }
    if (first) {
        FUZZ_CHECK(response.status == 200, "a route that matches was not taken", f[0], f[1]);
        const QJsonObject answer = QJsonDocument::fromJson(response.body).object();
        FUZZ_CHECK(answer.value(QStringLiteral("route")).toInt() == *first, "another route taken",
                   f[1], response.body);
        const QMap<QString, QString> expected = *match(routes().at(*first).pattern, segments);
        QJsonObject params;
        for (auto it = expected.cbegin(); it != expected.cend(); ++it)
            params.insert(it.key(), it.value());
        FUZZ_CHECK(answer.value(QStringLiteral("params")).toObject() == params, f[1],
                   response.body);
    } else {
        FUZZ_CHECK(response.status == (otherMethod ? 405 : 404), f[0], f[1],
                   QByteArray::number(response.status));
        if (path.startsWith(QLatin1String("/api/"))) {
            const QJsonDocument error = QJsonDocument::fromJson(response.body);
            FUZZ_CHECK(error.isObject() && error.object().value(QStringLiteral("error")).isString(),
                       "an API error that is not JSON", response.body);
        }
    }
    return 0;
}
