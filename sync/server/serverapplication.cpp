#include "sync/server/serverapplication.h"

#include "models/catalog.h"
#include "models/demodata.h"
#include "models/installationkeys.h"
#include "models/secrets.h"
#include "models/sql.h"
#include "sync/calendar/calendarkey.h"
#include "sync/calendar/calendarservice.h"
#include "sync/ical/calendardomain.h"
#include "sync/notify/notificationservice.h"
#include "sync/server/agentapi.h"
#include "sync/server/bookingpages.h"
#include "sync/server/bookingsite.h"
#include "sync/server/calendarapi.h"
#include "sync/server/csrf.h"
#include "sync/server/httpserver.h"
#include "sync/server/invitationpages.h"
#include "sync/server/limitedtcpserver.h"
#include "sync/server/pagerenderer.h"
#include "sync/server/publicapi.h"
#include "sync/server/readworkers.h"
#include "sync/server/recappages.h"
#include "sync/server/serversecret.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace creneau::server {

struct ServerApplication::Parts
{
    std::unique_ptr<Store> store;
    // Before `site`, whose booking service holds its sink.
    std::unique_ptr<notify::NotificationService> notifications;
    // External calendars (feeds, CalDAV push): its sink chains the notifications' one.
    std::unique_ptr<calendar::CalendarService> calendars;
    std::unique_ptr<CalendarApi> calendarApi;
    std::unique_ptr<ServerSecret> secret;
    std::unique_ptr<Csrf> csrf;
    std::unique_ptr<PageRenderer> pages;
    std::unique_ptr<BookingSite> site;
    // After `secret`, which its workers read.
    std::unique_ptr<ReadWorkers> readers;
    std::unique_ptr<AgentApi> agentApi;
    HttpServer *server = nullptr;
    // The address e-mails come from, as NotificationService sends them: the .ics files'
    // ORGANIZER when the organisation has none, else its SENT-BY.
    QString mailSender;
    QByteArray calendarKey; // InstallationKeys::calendar, until CalendarService holds it
};

namespace {

HttpResponse staticFile(const QString &path, const QByteArray &type)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw HttpError(404, QStringLiteral("Fichier introuvable."));
    HttpResponse r = HttpResponse::text(file.readAll(), type);
    r.setHeader("Cache-Control", "public, max-age=3600");
    return r;
}

} // namespace

ServerApplication::ServerApplication(ServerOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_parts(std::make_unique<Parts>())
{}

ServerApplication::~ServerApplication()
{
    stop();
}

QString ServerApplication::publicUrl() const
{
    if (!m_options.publicUrl.isEmpty())
        return m_options.publicUrl;
    QString host = m_options.address.toString();
    if (m_options.address.protocol() == QAbstractSocket::IPv6Protocol)
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return QStringLiteral("http://%1:%2").arg(host).arg(m_port);
}

namespace {

// Usagers' data, private links in the outbox, keys: the data directory is the service's alone.
// Directories and files made by older versions (0755 / 0644) are tightened at start.
QString protectDataDir(const QString &dataDir)
{
    if (!QDir().mkpath(dataDir))
        return QStringLiteral("cannot create the data directory %1").arg(dataDir);
    const auto ownerOnlyDir =
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
    const auto ownerOnlyFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    if (!QFile::setPermissions(dataDir, ownerOnlyDir))
        return QStringLiteral("cannot make %1 private (chmod 700)").arg(dataDir);
    QDirIterator it(dataDir, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo entry(it.next());
        if (entry.isSymLink() || entry.fileName().endsWith(QLatin1String(".key")))
            continue; // a loose key is refused by checkFile, not silently fixed
        QFile::setPermissions(entry.filePath(), entry.isDir() ? ownerOnlyDir : ownerOnlyFile);
    }
    return {};
}

void setDemoPassword(Store &store, const QString &password)
{
    Catalog catalog(store);
    WriteTransaction tx(store);
    if (const std::optional<Agent> admin =
            catalog.agentByEmail(QString::fromLatin1(demo::kAdminEmail))) {
        catalog.setPasswordHash(admin->id, secrets::hashPassword(password));
        tx.commit();
    }
}

bool demoPasswordStillPublished(Store &store)
{
    const Catalog catalog(store);
    const std::optional<Agent> admin = catalog.agentByEmail(QString::fromLatin1(demo::kAdminEmail));
    if (!admin || admin->archived)
        return false;
    const QString hash = catalog.passwordHash(admin->id);
    return !hash.isEmpty() &&
           secrets::verifyPassword(hash, QString::fromLatin1(demo::kAdminPassword));
}

} // namespace

QString ServerOptions::storeLocation() const
{
    return database.isEmpty() ? QDir(dataDir).filePath(QStringLiteral("creneau.sqlite")) : database;
}

bool ServerApplication::start()
{
    if (!m_options.dataDir.isEmpty()) {
        if (const QString error = protectDataDir(m_options.dataDir); !error.isEmpty()) {
            m_error = error;
            return false;
        }
    }
    InstallationKeys keys;
    try {
        m_parts->store = Store::open(m_options.storeLocation());
        m_parts->store->migrate();
        // Shared by every instance of the installation (issue 14): from --secrets, the database
        // or the data directory; a key that cannot be used stops the start, never replaced.
        keys = InstallationKeys::load(*m_parts->store, m_options.secretsFile, m_options.dataDir);
        if (!keys.ok()) {
            m_error = keys.error;
            return false;
        }
        // Created now rather than by the first request that writes an .ics.
        ical::calendarDomain(*m_parts->store);
        if (m_options.demo == ServerOptions::Demo::Small)
            demo::seedSmall(*m_parts->store);
        else if (m_options.demo == ServerOptions::Demo::Large)
            demo::seedLarge(*m_parts->store);
        if (m_options.demo != ServerOptions::Demo::None && !m_options.demoPassword.isEmpty())
            setDemoPassword(*m_parts->store, m_options.demoPassword);
        // Whoever started it (the desktop's « Ce réseau local », a restart on 0.0.0.0 without
        // --demo), the published demo password must not be reachable from another computer.
        if (!m_options.address.isLoopback() && demoPasswordStillPublished(*m_parts->store)) {
            m_error =
                QStringLiteral("the demo administrator %1 still has the published password: "
                               "give it another one (--demo-password, or sign in and change "
                               "it) before listening on %2")
                    .arg(QString::fromLatin1(demo::kAdminEmail), m_options.address.toString());
            return false;
        }
    } catch (const std::exception &e) {
        m_error = QStringLiteral("cannot open the store: ") + QString::fromUtf8(e.what());
        return false;
    }
    m_parts->secret = std::make_unique<ServerSecret>(keys.server);
    m_parts->calendarKey = keys.calendar;
    m_parts->csrf = std::make_unique<Csrf>(*m_parts->secret);
    m_parts->pages = std::make_unique<PageRenderer>(*m_parts->csrf);
    if (!startNotifications())
        return false;
    m_parts->site = std::make_unique<BookingSite>(*m_parts->store, *m_parts->secret, QString(),
                                                  Clock::system(), startCalendars());

    const QString location = m_options.storeLocation();
    if (m_options.readThreads > 0 && !location.startsWith(QLatin1Char(':')) &&
        !location.contains(QLatin1String("mode=memory")))
        m_parts->readers = std::make_unique<ReadWorkers>(*m_parts->store, location,
                                                         *m_parts->secret, m_options.readThreads);
    Router router;
    addPublicApiRoutes(router, *m_parts->site, m_parts->readers.get());
    addBookingPageRoutes(router, *m_parts->site, *m_parts->pages);
    addRecapPageRoutes(router, *m_parts->site, *m_parts->pages, m_parts->mailSender);
    addInvitationPageRoutes(router, *m_parts->site, *m_parts->pages);
    m_parts->agentApi = std::make_unique<AgentApi>(*m_parts->site);
    m_parts->agentApi->setSessionMaxAgeSecs(m_options.sessionMaxAgeSecs);
    m_parts->agentApi->setMailDelivery(!m_options.notify.smtpUrl.isEmpty());
    m_parts->agentApi->setReminderQueue([parts = m_parts.get()](Store &store, const Rdv &rdv) {
        if (parts->notifications)
            parts->notifications->notificationSink().queueReminder(store, rdv);
    });
    m_parts->agentApi->addRoutes(router);
    m_parts->calendars->setAllowInsecureCaldav(m_options.allowInsecureCaldav);
    Parts *parts = m_parts.get();
    m_parts->calendarApi =
        std::make_unique<CalendarApi>(*m_parts->store, m_parts->calendars->key(), [parts] {
            return parts->site ? parts->site->publicUrl() : QString();
        });
    m_parts->calendarApi->setAllowInsecureCaldav(m_options.allowInsecureCaldav);
    m_parts->calendarApi->addRoutes(router);
    router.get(QStringLiteral("/static/style.css"), Auth::None, [](HttpRequest &) {
        return staticFile(QStringLiteral(":/web/style.css"), "text/css; charset=utf-8");
    });
    m_parts->server = new HttpServer(std::move(router), this);
    m_parts->server->setRateLimit(m_options.rateLimitPerMinute);
    // Several instances share a PostgreSQL database: one count per client for all of them.
    if (m_parts->store->engine() == Store::Engine::Postgres)
        m_parts->server->setRateLimitStore(m_parts->store.get());
    m_parts->server->setSessionResolver(m_parts->agentApi->sessionResolver());
    m_parts->server->setTrustedProxies(m_options.trustedProxies);
    if (!m_options.accessLog.isEmpty() &&
        !m_parts->server->openAccessLog(m_options.accessLog, &m_error))
        return false;
    m_parts->server->setErrorPage([](int status, const QString &message) {
        return PageRenderer::message(status, QStringLiteral("Erreur"), message);
    });
    ConnectionLimits limits;
    limits.maxConnections = m_options.maxConnections;
    limits.maxPerClient = m_options.maxPerClient;
    // A reverse proxy carries every client's connections: capping it would cap the whole site.
    // Per-client connection caps then belong to the proxy (nginx: limit_conn).
    limits.uncappedPeers = m_options.trustedProxies;
    limits.idleTimeoutMs = m_options.idleTimeoutSecs * 1000;
    limits.headTimeoutMs = m_options.headTimeoutSecs * 1000;
    limits.bodyTimeoutMs = m_options.bodyTimeoutSecs * 1000;
    m_port = m_parts->server->listenLimited(m_options.address, m_options.port, limits);
    if (!m_port) {
        m_error = QStringLiteral("cannot listen on %1:%2")
                      .arg(m_options.address.toString())
                      .arg(m_options.port);
        return false;
    }
    // Known only now when the port was chosen by the system.
    m_parts->site->setPublicUrl(publicUrl());
    m_parts->csrf->setSecure(
        publicUrl().startsWith(QLatin1String("https://"), Qt::CaseInsensitive));
    m_parts->site->bookingLimit().setPerHour(m_options.maxBookingsPerHour);
    m_parts->site->bookingQueue().setMaxGroup(m_options.bookingGroup);
    m_parts->notifications->start();
    m_parts->calendars->start();
    m_parts->site->setReady(true);
    return true;
}

bool ServerApplication::startNotifications()
{
    notify::NotifySettings &settings = m_options.notify;
    settings.completeFrom(m_options.dataDir);
    if (const QString bad = settings.check(); !bad.isEmpty()) {
        m_error = bad;
        return false;
    }
    notify::NotifyContext context;
    context.host = notify::hostFor(m_options.publicUrl, settings.mailFrom);
    m_parts->mailSender = settings.mailFrom.isEmpty()
                              ? QStringLiteral("ne-pas-repondre@") + context.host
                              : settings.mailFrom;
    context.fromAddress = m_parts->mailSender;
    Parts *parts = m_parts.get();
    context.publicUrl = [parts] { return parts->site ? parts->site->publicUrl() : QString(); };
    context.recapToken = [parts](Id id) {
        return parts->site ? parts->site->recapToken(id) : QString();
    };
    context.calendarByEmail = &calendar::calendarByEmail;
    context.maxMessagesPerRecipient = m_options.maxMessagesPerRecipient;
    context.maxMessagesPerPrescripteur = m_options.maxMessagesPerPrescripteur;
    m_parts->notifications = std::make_unique<notify::NotificationService>(
        *m_parts->store, m_options.dataDir, settings, context);
    return true;
}

RdvEventSink *ServerApplication::startCalendars()
{
    m_parts->calendars = std::make_unique<calendar::CalendarService>(
        *m_parts->store, calendar::CalendarKey::fromBase64(m_parts->calendarKey)
                             .value_or(calendar::CalendarKey::random()));
    return m_parts->calendars->sink(m_parts->notifications->sink());
}

QList<Router::RouteInfo> ServerApplication::routes() const
{
    return m_parts && m_parts->server ? m_parts->server->router().routes()
                                      : QList<Router::RouteInfo>();
}

RdvEventSink *ServerApplication::eventSink() const
{
    if (m_parts->calendars)
        return m_parts->calendars->sink(nullptr); // already chained after the notifications
    return m_parts->notifications ? m_parts->notifications->sink() : nullptr;
}

notify::NotificationService *ServerApplication::notifications() const
{
    return m_parts->notifications.get();
}

void ServerApplication::stop()
{
    if (m_parts && m_parts->server)
        m_parts->server->stopListening();
}

QStringList ServerApplication::bookingLinks() const
{
    QStringList out;
    if (!m_parts->site)
        return out;
    for (const Organisation &o : m_parts->site->catalog().organisations()) {
        const QString base = publicUrl() + QStringLiteral("/rdv/") + o.slug;
        out << QStringLiteral("Booking URL: ") + base
            << QStringLiteral("Partner URL: ") + base + QStringLiteral("/prescripteur");
    }
    return out;
}

} // namespace creneau::server
