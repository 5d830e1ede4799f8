// The booking server as one object: opens the store (seeding demo data on request), builds the
// routes and listens. creneau-server wires it from the command line; the desktop can embed it.
#pragma once

#include "sync/notify/notifysettings.h"
#include "sync/server/router.h"

#include <QHostAddress>
#include <QObject>
#include <QString>

#include <memory>

namespace creneau {
class RdvEventSink;
namespace notify {
class NotificationService;
}
} // namespace creneau

namespace creneau::server {

struct ServerOptions
{
    QString dataDir;
    QString database; // a postgresql:// URL; empty: the SQLite file in dataDir
    // --secrets: one file holding the keys every instance shares (else the database when it is
    // PostgreSQL, else the data directory's key files). See models/installationkeys.h.
    QString secretsFile;
    // --access-log: one line per request to this file, "-" for standard output; empty: none.
    QString accessLog;
    // Addresses of reverse proxies whose X-Forwarded-For is believed (for the rate limit).
    QList<QHostAddress> trustedProxies;
    QString storeLocation() const;
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8080;
    QString publicUrl; // empty: http://<address>:<port>
    enum class Demo
    {
        None,
        Small,
        Large
    } demo = Demo::None;
    QString demoPassword; // replaces the demo administrator's published password when set
    int rateLimitPerMinute = 60;
    // Abuse limits (0: none): public bookings per client address per hour; messages per
    // recipient per day caused by the public (see notify::NotifyContext).
    int maxBookingsPerHour = 20;
    int bookingGroup = 64; // public API bookings per group commit
    // Threads answering the public API's créneaux and sessions lists (ReadWorkers); 0: the
    // server's thread does. An in-memory SQLite store has none (nothing else can open it).
    int readThreads = 2;
    int maxMessagesPerRecipient = 3;
    int maxMessagesPerPrescripteur = 20; // the prescriber's own confirmations, counted apart
    int maxConnections = 512;
    int maxPerClient = 32; // trusted proxies are exempt (they carry many clients)
    int idleTimeoutSecs = 30;
    int headTimeoutSecs = 10;
    int bodyTimeoutSecs = 30;
    // --session-days: how long an agent's session lasts at most after sign-in.
    qint64 sessionMaxAgeSecs = 30 * 24 * 3600;
    // --allow-insecure-caldav: CalDAV over plain http and to loopback (tests with a local
    // Radicale); private, link-local and multicast addresses stay refused.
    bool allowInsecureCaldav = false;
    // --smtp, --mail-from, --sms-gateway, --sms-token; completed from <dataDir>/creneau.conf.
    notify::NotifySettings notify;
};

class ServerApplication : public QObject
{
    Q_OBJECT
public:
    explicit ServerApplication(ServerOptions options, QObject *parent = nullptr);
    ~ServerApplication() override;

    // Opens the store and listens; false with errorString() on failure.
    bool start();
    void stop();
    quint16 port() const { return m_port; }
    QString publicUrl() const;
    QString errorString() const { return m_error; }
    // "Booking URL: ..." and "Partner URL: ..." for each organisation.
    QStringList bookingLinks() const;
    // Notifications of this server (settings from <dataDir>/creneau.conf; with none, messages go
    // to <dataDir>/outbox/): a BookingService running in the same process (the desktop's) passes
    // this sink so its changes notify too. Null before start().
    RdvEventSink *eventSink() const;
    notify::NotificationService *notifications() const;
    // Every route served, with what it needs from its caller (empty before start()): what the
    // OpenAPI document is checked against.
    QList<Router::RouteInfo> routes() const;

private:
    bool startNotifications();
    RdvEventSink *startCalendars(); // after startNotifications(); gives the booking sink
    struct Parts;
    ServerOptions m_options;
    std::unique_ptr<Parts> m_parts;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace creneau::server
