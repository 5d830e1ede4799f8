// creneau-server: the headless booking server. Parses the command line and wires
// ServerApplication; nothing else lives here.
#include "models/installationkeys.h"
#include "models/processidentity.h"
#include "models/store.h"
#include "models/storecopy.h"
#include "sync/server/agentadmin.h"
#include "sync/server/serverapplication.h"
#include "translations/translator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QSysInfo>
#include <QUrl>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(signalPipe[1], &c, 1);
}

// SIGTERM/SIGINT quit the event loop: requests in flight finish, the store closes normally.
void installSignalHandlers(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [&app] {
        char c;
        [[maybe_unused]] const auto n = ::read(signalPipe[0], &c, 1);
        app.quit();
    });
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGINT, &sa, nullptr);
}

// SQLite maps its -shm file: if that file is truncated or its disk cannot back it any more (a full
// tmpfs, a removed file), touching the mapping raises SIGBUS. Say why before dying, rather than
// vanish; acknowledged bookings are already committed to the WAL, and systemd restarts us.
void onBusError(int)
{
    static const char message[] =
        "creneau-server: the store's shared-memory file (creneau.sqlite-shm) can no longer be "
        "read (disk full, or the file was truncated or removed): stopping; free space in the "
        "data directory and start again\n";
    [[maybe_unused]] const auto n = ::write(STDERR_FILENO, message, sizeof message - 1);
    ::_exit(75); // EX_TEMPFAIL
}

void installBusErrorHandler()
{
    struct sigaction sa = {};
    sa.sa_handler = onBusError;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGBUS, &sa, nullptr);
}

int migrateStore(const QString &sqliteFile, const QString &target)
{
    if (!QFileInfo::exists(sqliteFile)) {
        std::fprintf(stderr, "creneau-server: no store at %s\n", qPrintable(sqliteFile));
        return 1;
    }
    try {
        auto from = creneau::Store::open(sqliteFile);
        from->migrate();
        auto to = creneau::Store::open(target);
        to->migrate();
        const creneau::CopyReport report = creneau::copyStore(*from, *to);
        // The instances of the new database share the keys this data directory held, so links
        // already sent and sealed CalDAV passwords stay valid.
        const creneau::InstallationKeys keys =
            creneau::InstallationKeys::fromStore(*to, QFileInfo(sqliteFile).absolutePath());
        if (!keys.ok()) {
            std::fprintf(stderr, "creneau-server: %s\n", qPrintable(keys.error));
            return 1;
        }
        std::printf("Copied %lld rows of %lld tables to %s\n", report.rows,
                    qint64(report.tables.size()),
                    qPrintable(QUrl(target).toDisplayString(QUrl::RemovePassword)));
        return 0;
    } catch (const std::exception &e) {
        std::fprintf(stderr, "creneau-server: migration failed: %s\n", e.what());
        return 1;
    }
}

bool parseListen(const QString &text, creneau::server::ServerOptions &o)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return false;
    o.address = host == QLatin1String("localhost") ? QHostAddress(QHostAddress::LocalHost)
                                                   : QHostAddress(host);
    o.port = quint16(port);
    return !o.address.isNull();
}

} // namespace

int main(int argc, char **argv)
{
    // Every file the server creates (store, journal, outbox, keys) is readable by it alone.
    ::umask(077);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("creneau"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CRENEAU_VERSION));
    creneau::installTranslations(app); // French unless CRENEAU_LANG says otherwise

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Créneau booking server"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption data(QStringLiteral("data"), QStringLiteral("Data directory."),
                                  QStringLiteral("DIR"));
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("Address and port (port 0: any free port)."),
                                    QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:8080"));
    const QCommandLineOption publicUrl(QStringLiteral("public-url"),
                                       QStringLiteral("Base of every printed or mailed link (or "
                                                      "CRENEAU_PUBLIC_URL)."),
                                       QStringLiteral("URL"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Seed the small demo organisation when empty."));
    const QCommandLineOption demoSize(QStringLiteral("demo-size"),
                                      QStringLiteral("Demo to seed when empty: small or large."),
                                      QStringLiteral("SIZE"));
    const QCommandLineOption rateLimit(QStringLiteral("rate-limit"),
                                       QStringLiteral("POSTs per minute per client (0: off)."),
                                       QStringLiteral("N"), QStringLiteral("60"));
    const QCommandLineOption maxBookings(
        QStringLiteral("max-bookings-per-hour"),
        QStringLiteral("Public bookings per client address per hour; past it 429 (0: off)."),
        QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption maxMessages(
        QStringLiteral("max-messages-per-recipient"),
        QStringLiteral("Messages per e-mail address or phone per day caused by online bookings; "
                       "later ones are held and the agents told (0: off)."),
        QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption maxPrescriberMessages(
        QStringLiteral("max-prescriber-messages"),
        QStringLiteral("Confirmations per prescriber e-mail address per day; later ones are held "
                       "and the agents told (0: off)."),
        QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption bookingGroup(
        QStringLiteral("booking-group"),
        QStringLiteral("Public API bookings committed together at most (group commit; 1: one "
                       "transaction each)."),
        QStringLiteral("N"), QStringLiteral("64"));
    const QCommandLineOption readThreads(
        QStringLiteral("read-threads"),
        QStringLiteral("Threads answering the public API's créneaux and sessions lists, each with "
                       "its own store connection (0: the server's thread answers them)."),
        QStringLiteral("N"), QStringLiteral("2"));
    const QCommandLineOption maxConnections(QStringLiteral("max-connections"),
                                            QStringLiteral("Open connections at most."),
                                            QStringLiteral("N"), QStringLiteral("512"));
    const QCommandLineOption maxPerClient(
        QStringLiteral("max-per-client"),
        QStringLiteral("Open connections at most per client address (IPv6: per /64); "
                       "--trusted-proxy addresses are exempt."),
        QStringLiteral("N"), QStringLiteral("32"));
    const QCommandLineOption headTimeout(
        QStringLiteral("head-timeout"),
        QStringLiteral("Seconds for a whole request head to arrive, from its first byte."),
        QStringLiteral("SECONDS"), QStringLiteral("10"));
    const QCommandLineOption bodyTimeout(
        QStringLiteral("body-timeout"),
        QStringLiteral("Seconds for a whole request body to arrive, from the end of its head."),
        QStringLiteral("SECONDS"), QStringLiteral("30"));
    const QCommandLineOption idleTimeout(
        QStringLiteral("idle-timeout"), QStringLiteral("Seconds before an idle connection closes."),
        QStringLiteral("SECONDS"), QStringLiteral("30"));
    const QCommandLineOption createAdmin(
        QStringLiteral("create-admin"),
        QStringLiteral("Create an administrator (password from the terminal or stdin), then exit."),
        QStringLiteral("EMAIL"));
    const QCommandLineOption organisation(
        QStringLiteral("organisation"),
        QStringLiteral("With --create-admin: the organisation's slug (created when unknown)."),
        QStringLiteral("SLUG"));
    const QCommandLineOption db(QStringLiteral("db"),
                                QStringLiteral("PostgreSQL database instead of the SQLite file "
                                               "(or CRENEAU_DB; password from PGPASSWORD or "
                                               "~/.pgpass)."),
                                QStringLiteral("postgresql://USER@HOST:PORT/DB"));
    const QCommandLineOption trustedProxy(
        QStringLiteral("trusted-proxy"),
        QStringLiteral("Address of a reverse proxy whose X-Forwarded-For is trusted (repeatable)."),
        QStringLiteral("ADDRESS"));
    const QCommandLineOption migrateTo(
        QStringLiteral("migrate-to"),
        QStringLiteral("Copy the SQLite store of --data into this empty PostgreSQL database, "
                       "then exit."),
        QStringLiteral("postgresql://USER@HOST:PORT/DB"));
    parser.addOptions({data, listen, publicUrl, demo, demoSize, rateLimit, maxConnections,
                       maxPerClient, idleTimeout, headTimeout, bodyTimeout, createAdmin,
                       organisation, db, trustedProxy, migrateTo});
    const QCommandLineOption smtp(
        QStringLiteral("smtp"),
        QStringLiteral("SMTP server for e-mail (or CRENEAU_SMTP, which keeps the password "
                       "out of the command line; default: files in <data>/outbox)."),
        QStringLiteral("smtp[s]://[USER:PASSWORD@]HOST[:PORT]"));
    const QCommandLineOption mailFrom(QStringLiteral("mail-from"),
                                      QStringLiteral("Sender address of notification e-mails "
                                                     "(or CRENEAU_MAIL_FROM)."),
                                      QStringLiteral("ADDRESS"));
    const QCommandLineOption smsGateway(
        QStringLiteral("sms-gateway"),
        QStringLiteral("HTTP gateway for SMS, one JSON POST {to, text} each (or "
                       "CRENEAU_SMS_GATEWAY; default: files)."),
        QStringLiteral("URL"));
    const QCommandLineOption smsToken(
        QStringLiteral("sms-token"),
        QStringLiteral("Bearer token of the SMS gateway (or CRENEAU_SMS_TOKEN)."),
        QStringLiteral("TOKEN"));
    const QCommandLineOption demoPassword(
        QStringLiteral("demo-password"),
        QStringLiteral("The demo administrator's password; required with --demo on an address "
                       "other than loopback (the default one is public)."),
        QStringLiteral("PASSWORD"));
    parser.addOption(bookingGroup);
    parser.addOption(readThreads);
    parser.addOptions({smtp, mailFrom, smsGateway, smsToken, maxBookings, maxMessages,
                       maxPrescriberMessages, demoPassword});
    const QCommandLineOption sessionDays(
        QStringLiteral("session-days"),
        QStringLiteral("Days an agent's session lasts at most after sign-in (a fraction is "
                       "allowed: 0.5 is twelve hours)."),
        QStringLiteral("DAYS"), QStringLiteral("30"));
    const QCommandLineOption insecureCaldav(
        QStringLiteral("allow-insecure-caldav"),
        QStringLiteral("For tests only: allow CalDAV over plain http and to loopback addresses "
                       "(private and link-local addresses stay refused)."));
    parser.addOptions({sessionDays, insecureCaldav});
    // Several instances, one installation (README « Déploiement »).
    const QCommandLineOption secrets(
        QStringLiteral("secrets"),
        QStringLiteral("File holding the keys every instance shares (created owner-only when "
                       "missing; or CRENEAU_SECRETS). Default: the PostgreSQL database, else "
                       "<data>/server.key and calendar.key."),
        QStringLiteral("FILE"));
    const QCommandLineOption accessLog(
        QStringLiteral("access-log"),
        QStringLiteral("One line per request (method, path without tokens, status, duration, "
                       "instance) to FILE, or - for standard output (or CRENEAU_ACCESS_LOG)."),
        QStringLiteral("FILE|-"));
    const QCommandLineOption instance(
        QStringLiteral("instance"),
        QStringLiteral("Name of this instance in claims and the access log (or "
                       "CRENEAU_INSTANCE; default: HOST:PORT)."),
        QStringLiteral("NAME"));
    const QCommandLineOption createOrganisation(
        QStringLiteral("create-organisation"),
        QStringLiteral("Create an organisation (with --name, --zone) in the store of --data or "
                       "--db, then exit."),
        QStringLiteral("SLUG"));
    const QCommandLineOption organisationName(
        QStringLiteral("name"), QStringLiteral("With --create-organisation: its name."),
        QStringLiteral("NAME"));
    const QCommandLineOption organisationZone(
        QStringLiteral("zone"), QStringLiteral("With --create-organisation: its IANA time zone."),
        QStringLiteral("ZONE"), QString::fromLatin1(creneau::kDefaultTimeZone));
    parser.addOptions(
        {secrets, accessLog, instance, createOrganisation, organisationName, organisationZone});
    parser.process(app);
    // Settings an operator keeps in /etc/creneau/env (see the systemd unit): the command line wins,
    // and secrets such as the SMTP password need never appear in it (nor in `ps`).
    const auto setting = [&parser](const QCommandLineOption &option, const char *variable) {
        return parser.isSet(option) ? parser.value(option) : qEnvironmentVariable(variable);
    };

    creneau::server::ServerOptions options;
    options.dataDir = parser.isSet(data)
                          ? parser.value(data)
                          : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    options.database = setting(db, "CRENEAU_DB");
    for (const QString &address : parser.values(trustedProxy)) {
        const QHostAddress proxy(address);
        if (proxy.isNull()) {
            std::fprintf(stderr, "Invalid --trusted-proxy: %s\n", qPrintable(address));
            return 2;
        }
        options.trustedProxies << proxy;
    }
    if (parser.isSet(migrateTo))
        return migrateStore(QDir(options.dataDir).filePath(QStringLiteral("creneau.sqlite")),
                            parser.value(migrateTo));
    if (parser.isSet(createOrganisation)) {
        creneau::server::CreateOrganisationOptions o;
        o.dataDir = options.dataDir;
        o.database = options.database;
        o.slug = parser.value(createOrganisation);
        o.name = parser.value(organisationName);
        o.timeZone = parser.value(organisationZone);
        return creneau::server::createOrganisationCommand(o);
    }
    if (parser.isSet(createAdmin))
        return creneau::server::createAdminCommand({options.dataDir,
                                                    parser.value(createAdmin),
                                                    parser.value(organisation),
                                                    {},
                                                    options.database});
    if (!parseListen(parser.value(listen), options)) {
        std::fprintf(stderr, "Invalid --listen value: expected HOST:PORT\n");
        return 2;
    }
    options.publicUrl = setting(publicUrl, "CRENEAU_PUBLIC_URL");
    options.secretsFile = setting(secrets, "CRENEAU_SECRETS");
    options.accessLog = setting(accessLog, "CRENEAU_ACCESS_LOG");
    const QString instanceName = setting(instance, "CRENEAU_INSTANCE");
    // Unique per instance sharing a database (two on one host listen on two ports): claims of
    // this name left by a dead process are released when it starts again.
    creneau::ProcessIdentity::setInstance(!instanceName.isEmpty() ? instanceName
                                          : options.port != 0
                                              ? QSysInfo::machineHostName() + QLatin1Char(':') +
                                                    QString::number(options.port)
                                              : QSysInfo::machineHostName() + QLatin1Char(':') +
                                                    QDir(options.dataDir).absolutePath());
    options.notify = {setting(smtp, "CRENEAU_SMTP"), setting(mailFrom, "CRENEAU_MAIL_FROM"),
                      setting(smsGateway, "CRENEAU_SMS_GATEWAY"), parser.value(smsToken)};
    while (options.publicUrl.endsWith(QLatin1Char('/')))
        options.publicUrl.chop(1);
    const QString size = parser.value(demoSize);
    if (parser.isSet(demoSize) && size != QLatin1String("small") &&
        size != QLatin1String("large")) {
        std::fprintf(stderr, "Invalid --demo-size: expected small or large\n");
        return 2;
    }
    if (size == QLatin1String("large"))
        options.demo = creneau::server::ServerOptions::Demo::Large;
    else if (parser.isSet(demo) || size == QLatin1String("small"))
        options.demo = creneau::server::ServerOptions::Demo::Small;
    options.demoPassword = parser.value(demoPassword);
    if (options.demo != creneau::server::ServerOptions::Demo::None &&
        !options.address.isLoopback() && options.demoPassword.isEmpty()) {
        std::fprintf(stderr,
                     "--demo on %s needs --demo-password: the demo administrator's default "
                     "password is published\n",
                     qPrintable(options.address.toString()));
        return 2;
    }
    bool ok = false;
    // Counts: each at least its minimum (0 turns a limit off where that is allowed).
    const struct
    {
        const QCommandLineOption *option;
        int *value;
        int minimum;
    } counts[] = {{&rateLimit, &options.rateLimitPerMinute, 0},
                  {&maxBookings, &options.maxBookingsPerHour, 0},
                  {&maxMessages, &options.maxMessagesPerRecipient, 0},
                  {&maxPrescriberMessages, &options.maxMessagesPerPrescripteur, 0},
                  {&maxConnections, &options.maxConnections, 1},
                  {&maxPerClient, &options.maxPerClient, 1},
                  {&bookingGroup, &options.bookingGroup, 1},
                  {&readThreads, &options.readThreads, 0}};
    for (const auto &count : counts) {
        *count.value = parser.value(*count.option).toInt(&ok);
        if (!ok || *count.value < count.minimum) {
            std::fprintf(stderr, "Invalid --%s: expected a number >= %d\n",
                         qPrintable(count.option->names().constFirst()), count.minimum);
            return 2;
        }
    }
    const std::pair<const QCommandLineOption *, int *> timeouts[] = {
        {&idleTimeout, &options.idleTimeoutSecs},
        {&headTimeout, &options.headTimeoutSecs},
        {&bodyTimeout, &options.bodyTimeoutSecs}};
    for (const auto &[option, secs] : timeouts) {
        *secs = parser.value(*option).toInt(&ok);
        if (!ok || *secs < 1 || *secs > 24 * 3600) {
            std::fprintf(stderr, "Invalid --%s: expected a number of seconds >= 1\n",
                         qPrintable(option->names().constFirst()));
            return 2;
        }
    }

    const double days = parser.value(sessionDays).toDouble(&ok);
    if (!ok || days <= 0 || days > 3650) {
        std::fprintf(stderr, "Invalid --session-days: expected a number of days > 0\n");
        return 2;
    }
    options.sessionMaxAgeSecs = std::max<qint64>(1, qint64(days * 24 * 3600));
    options.allowInsecureCaldav = parser.isSet(insecureCaldav);

    installSignalHandlers(app);
    installBusErrorHandler();
    creneau::server::ServerApplication server(options);
    if (!server.start()) {
        std::fprintf(stderr, "creneau-server: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    for (const QString &line : server.bookingLinks())
        std::printf("%s\n", qPrintable(line));
    std::printf("Listening on http://%s:%u\n", qPrintable(options.address.toString()),
                unsigned(server.port()));
    std::fflush(stdout);
    const int rc = app.exec();
    server.stop();
    return rc;
}
