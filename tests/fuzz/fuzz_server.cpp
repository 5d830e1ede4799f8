// The whole server in-process (demo data, the public API, the booking pages, the recap pages
// and the agent API, through HttpServer::dispatch): JSON bodies, forms, cookies, headers and
// query strings as the real handlers read them. Whatever arrives: no 5xx, no CR or LF in a
// response header (no injection through Location or Set-Cookie), JSON answers are JSON, and an
// HTML page holds only the tags our templates use (a value never becomes markup).
//
// An input is a request head ("METHOD target" then "name: value" lines), "@@", a body. These
// words are replaced so that seeds reach past the checks: @TOKEN@ (an agent's session), @CSRF@
// (the form token of the cookie creneau_csrf=fuzzfuzzfuzzfuzzfuzzfuzz), @MOTIF@, @LIEU@,
// @DEBUT@ and @STARTS_AT@ (a free créneau), @MANAGE@ and @RECAP@ (the last booking's links).
#include "fuzzcheck.h"
#include "models/demodata.h"
#include "sync/server/agentapi.h"
#include "sync/server/bookingpages.h"
#include "sync/server/bookingsite.h"
#include "sync/server/csrf.h"
#include "sync/server/httpserver.h"
#include "sync/server/pagerenderer.h"
#include "sync/server/publicapi.h"
#include "sync/server/recappages.h"
#include "sync/server/serversecret.h"

#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>

#include <cstdlib>

using namespace creneau;
using namespace creneau::server;

namespace {

const QByteArray kCsrfCookie = "fuzzfuzzfuzzfuzzfuzzfuzz";

struct Slot
{
    QByteArray motif, lieu, debut, startsAt;
};

struct Fixture
{
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<Store> store;
    std::unique_ptr<ServerSecret> secret;
    std::unique_ptr<Csrf> csrf;
    std::unique_ptr<PageRenderer> pages;
    std::unique_ptr<BookingSite> site;
    std::unique_ptr<AgentApi> agentApi;
    std::unique_ptr<HttpServer> server;
    QByteArray token, csrfToken, manage, recap;
    QList<Slot> freeCreneaux;
    quint64 turn = 0;
    QSet<QString> tags; // element names our templates write

    // Fails only the first time: later, the account may be locked by inputs that guessed wrong.
    void signIn(bool required = false)
    {
        HttpResponse login = call(
            "POST", "/api/v1/agent/session",
            QJsonDocument(
                QJsonObject{{QStringLiteral("email"), QString::fromUtf8(demo::kAdminEmail)},
                            {QStringLiteral("password"), QString::fromUtf8(demo::kAdminPassword)}})
                .toJson());
        if (login.deferred) {
            // The password is checked on a worker thread: wait for the answer.
            QEventLoop loop;
            bool answered = false;
            login.deferred([&](HttpResponse answer) {
                login = std::move(answer);
                answered = true;
                loop.quit();
            });
            QTimer::singleShot(30000, &loop, &QEventLoop::quit);
            if (!answered)
                loop.exec();
        }
        token = QJsonDocument::fromJson(login.body)
                    .object()
                    .value(QStringLiteral("token"))
                    .toString()
                    .toLatin1();
        FUZZ_CHECK(!required || !token.isEmpty(), "cannot sign in", login.body);
    }

    HttpResponse call(const QByteArray &method, const QByteArray &target,
                      const QByteArray &body = {})
    {
        HttpRequest r;
        r.method = method;
        const QUrl url = QUrl::fromEncoded(target);
        r.path = url.path(QUrl::FullyDecoded);
        r.query = QUrlQuery(url);
        r.body = body;
        r.headers.insert("content-type", "application/json");
        r.peer = QHostAddress(QStringLiteral("127.0.0.1"));
        return server->dispatch(r);
    }
};

QSet<QString> templateTags()
{
    QSet<QString> tags;
    static const QRegularExpression tag(QStringLiteral("</?([A-Za-z][A-Za-z0-9-]*)"));
    const QDir web(QStringLiteral(CRENEAU_WEB_DIR));
    for (const QString &name : web.entryList({QStringLiteral("*.html")})) {
        QFile file(web.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QString text = QString::fromUtf8(file.readAll());
        for (auto it = tag.globalMatch(text); it.hasNext();)
            tags.insert(it.next().captured(1).toLower());
    }
    FUZZ_CHECK(tags.contains(QStringLiteral("form")), "templates not found", CRENEAU_WEB_DIR);
    return tags;
}

Fixture &fixture()
{
    static Fixture *f = [] {
        fuzzcheck::ensureApplication();
        // The server's warnings about refused input would drown the fuzzer's own output.
        qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &m) {
            if (type == QtCriticalMsg || type == QtFatalMsg)
                std::fprintf(stderr, "%s\n", m.toUtf8().constData());
        });
        auto *f = new Fixture;
        // Writes go to memory when the system has a tmpfs there.
        f->dir =
            QDir(QStringLiteral("/dev/shm")).exists()
                ? std::make_unique<QTemporaryDir>(QStringLiteral("/dev/shm/creneau-fuzz-XXXXXX"))
                : std::make_unique<QTemporaryDir>();
        // The fixture lives as long as the process: its files go when the fuzzer exits.
        static QTemporaryDir *dir = f->dir.get();
        std::atexit([] { dir->remove(); });
        f->store = Store::open(f->dir->filePath(QStringLiteral("creneau.sqlite")));
        f->store->migrate();
        demo::seedSmall(*f->store);
        f->secret = std::make_unique<ServerSecret>(QByteArray(32, 's'));
        f->csrf = std::make_unique<Csrf>(*f->secret);
        f->pages = std::make_unique<PageRenderer>(*f->csrf);
        f->site = std::make_unique<BookingSite>(*f->store, *f->secret,
                                                QStringLiteral("http://127.0.0.1:8080"));
        f->site->bookingLimit().setPerHour(0); // every input from one address: no hourly cap
        f->site->setReady(true);               // as a server that listens
        Router router;
        addPublicApiRoutes(router, *f->site);
        addBookingPageRoutes(router, *f->site, *f->pages);
        addRecapPageRoutes(router, *f->site, *f->pages);
        f->agentApi = std::make_unique<AgentApi>(*f->site);
        f->agentApi->addRoutes(router);
        f->server = std::make_unique<HttpServer>(std::move(router));
        f->server->setSessionResolver(f->agentApi->sessionResolver());
        f->server->setErrorPage([](int status, const QString &message) {
            return PageRenderer::message(status, QStringLiteral("Erreur"), message);
        });
        f->tags = templateTags();

        f->signIn(true);
        f->csrfToken = f->secret->sign("csrf:" + kCsrfCookie);

        const QDate today = QDate::currentDate();
        const QJsonArray motifs =
            QJsonDocument::fromJson(f->call("GET", "/api/v1/public/mfs-vernon/motifs").body)
                .array();
        for (const QJsonValue &m : motifs) {
            const QByteArray id =
                QByteArray::number(m.toObject().value(QStringLiteral("id")).toInteger());
            // Only motifs anyone may book online: the seeds use both links.
            if (f->call("GET", "/rdv/mfs-vernon/motif/" + id).status != 200)
                continue;
            const QByteArray target = "/api/v1/public/mfs-vernon/motifs/" + id + "/creneaux?from=" +
                                      today.addDays(1).toString(Qt::ISODate).toLatin1() +
                                      "&to=" + today.addDays(28).toString(Qt::ISODate).toLatin1();
            const QJsonArray found = QJsonDocument::fromJson(f->call("GET", target).body).array();
            for (const QJsonValue &c : found) {
                const QJsonObject o = c.toObject();
                const QString at = o.value(QStringLiteral("starts_at")).toString();
                f->freeCreneaux.append(
                    {id, QByteArray::number(o.value(QStringLiteral("lieu_id")).toInteger()),
                     QByteArray::number(QDateTime::fromString(at, Qt::ISODate).toSecsSinceEpoch()),
                     at.toLatin1()});
            }
        }
        FUZZ_CHECK(!f->freeCreneaux.isEmpty(), "no créneau in the demo data");
        return f;
    }();
    return *f;
}

QByteArray substitute(QByteArray text, Fixture &f, const Slot &slot)
{
    return text.replace("@TOKEN@", f.token)
        .replace("@CSRF@", f.csrfToken)
        .replace("@MOTIF@", slot.motif)
        .replace("@LIEU@", slot.lieu)
        .replace("@DEBUT@", slot.debut)
        .replace("@STARTS_AT@", slot.startsAt)
        .replace("@MANAGE@", f.manage)
        .replace("@RECAP@", f.recap);
}

void remember(Fixture &f, const HttpResponse &r)
{
    if (r.status != 201)
        return;
    const QJsonObject o = QJsonDocument::fromJson(r.body).object();
    const QString manage = o.value(QStringLiteral("manage_url")).toString();
    if (!manage.isEmpty())
        f.manage = manage.section(QLatin1Char('/'), -1).toLatin1();
    const QString recap = o.value(QStringLiteral("recap_url")).toString();
    if (!recap.isEmpty())
        f.recap = recap.section(QLatin1Char('/'), -1).toLatin1();
}

void checkHtml(const Fixture &f, const QByteArray &body, const QByteArray &input)
{
    static const QRegularExpression tag(QStringLiteral("<(/?)([A-Za-z][A-Za-z0-9-]*)"));
    const QString text = QString::fromUtf8(body);
    for (auto it = tag.globalMatch(text); it.hasNext();) {
        const QString name = it.next().captured(2).toLower();
        FUZZ_CHECK(f.tags.contains(name), "a tag our templates do not write", name, input,
                   body.left(6000));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fixture &f = fixture();
    const Slot slot = f.freeCreneaux.at(qsizetype(f.turn++ % quint64(f.freeCreneaux.size())));
    const QList<QByteArray> parts = fuzzcheck::fields(data, size, 2);
    const QByteArray head = substitute(parts[0], f, slot);
    const QList<QByteArray> lines = head.split('\n');

    HttpRequest request;
    const QByteArray requestLine = lines.value(0).trimmed();
    const qsizetype space = requestLine.indexOf(' ');
    request.method = space < 0 ? requestLine : requestLine.left(space);
    const QUrl url =
        QUrl::fromEncoded(space < 0 ? QByteArray("/") : requestLine.mid(space + 1).trimmed());
    request.path = url.path(QUrl::FullyDecoded);
    request.query = QUrlQuery(url);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            request.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                   lines.at(i).mid(colon + 1).trimmed());
    }
    request.body = substitute(parts[1], f, slot);
    request.peer = QHostAddress(QStringLiteral("192.0.2.7"));

    const HttpResponse response = f.server->dispatch(request);
    // CRENEAU_FUZZ_TRACE=1: one line per request, to check that the seeds get past the checks.
    static const bool trace = qEnvironmentVariableIsSet("CRENEAU_FUZZ_TRACE");
    if (trace)
        std::fprintf(stderr, "trace: %s %s -> %d %s\n", request.method.constData(),
                     request.path.toUtf8().constData(), response.status,
                     response.status >= 400 ? response.body.left(300).constData() : "");
    if (response.deferred)
        return 0; // a long-poll: answered later, not by this call
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    FUZZ_CHECK(response.status >= 200 && response.status < 500, "a 5xx or no status",
               QByteArray::number(response.status), input, response.body.left(2000));
    for (const auto &h : response.headers)
        FUZZ_CHECK(!h.first.contains('\r') && !h.first.contains('\n') && !h.second.contains('\r') &&
                       !h.second.contains('\n'),
                   "a line break in a response header", h.first, h.second, input);
    const QByteArray type = response.header("Content-Type");
    if (type.startsWith("application/json") && request.method != "HEAD") {
        QJsonParseError error;
        QJsonDocument::fromJson(response.body, &error);
        FUZZ_CHECK(error.error == QJsonParseError::NoError, "a JSON answer that is not JSON",
                   response.body.left(2000), input);
    }
    if (type.startsWith("text/html"))
        checkHtml(f, response.body, input);
    remember(f, response);
    if (request.method == "DELETE" && request.path == QLatin1String("/api/v1/agent/session"))
        f.signIn(); // the input signed the fixture's agent out: the next inputs need one
    return 0;
}
