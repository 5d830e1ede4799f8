#include "app/desktop/embeddedserver.h"

#include "models/catalog.h"
#include "models/demodata.h"
#include "models/secrets.h"
#include "models/store.h"
#include "sync/server/agentsessions.h"

#include <QDir>
#include <QFileInfo>
#include <QTcpServer>

namespace creneau::desktop {

EmbeddedServer::EmbeddedServer(QString dataDir) : m_dataDir(std::move(dataDir)) {}

EmbeddedServer::~EmbeddedServer() = default;

QString EmbeddedServer::databasePath() const
{
    // The file name ServerApplication opens.
    return QDir(m_dataDir).filePath(QStringLiteral("creneau.sqlite"));
}

bool EmbeddedServer::isFirstRun() const
{
    if (!QFileInfo::exists(databasePath()))
        return true;
    try {
        auto store = Store::open(databasePath());
        store->migrate();
        return demo::isEmpty(*store);
    } catch (const std::exception &) {
        return false; // start() reports the error
    }
}

namespace {

// The saved port when it is free, else the next free one of the twenty that follow.
quint16 freePort(const QHostAddress &address, quint16 wanted)
{
    for (quint32 port = wanted; port < quint32(wanted) + 20 && port <= 65535; ++port) {
        QTcpServer probe;
        if (probe.listen(address, quint16(port)))
            return quint16(port);
    }
    return 0; // any free port: the link changes, but the program starts
}

} // namespace

bool EmbeddedServer::start(bool seedDemo)
{
    BookingLinkAddress address = BookingLinkAddress::load(m_dataDir);
    const quint16 port = freePort(address.listenAddress(), address.port);
    server::ServerOptions options;
    options.dataDir = m_dataDir;
    options.address = address.listenAddress();
    options.port = port;
    options.demo =
        seedDemo ? server::ServerOptions::Demo::Small : server::ServerOptions::Demo::None;
    if (port != 0)
        options.publicUrl = address.linkBase(port);
    m_server = std::make_unique<server::ServerApplication>(options);
    if (!m_server->start()) {
        // Taken between the probe and the listen (another program starting at the same moment):
        // any free port today rather than no Créneau, the saved one is tried again next time.
        // Only on this computer: elsewhere the link would name no usable address.
        if (port == 0 || address.reach != BookingLinkAddress::Reach::ThisComputer ||
            !m_server->errorString().startsWith(QLatin1String("cannot listen")))
            return false;
        options.port = 0;
        options.publicUrl.clear();
        m_server = std::make_unique<server::ServerApplication>(options);
        return m_server->start();
    }
    if (port == 0)
        return true;
    // Kept from now on, so the link given to partners does not change at the next start.
    address.port = port;
    address.save(m_dataDir);
    m_address = address;
    return true;
}

QString EmbeddedServer::errorString() const
{
    return m_server ? m_server->errorString() : QString();
}

QString EmbeddedServer::publicUrl() const
{
    return m_server ? m_server->publicUrl() : QString();
}

QString EmbeddedServer::localUrl() const
{
    return m_server ? QStringLiteral("http://127.0.0.1:%1").arg(m_server->port()) : QString();
}

QString EmbeddedServer::publicLink(const QString &slug) const
{
    return publicUrl() + QStringLiteral("/rdv/") + slug;
}

QString EmbeddedServer::partnerLink(const QString &slug) const
{
    return publicLink(slug) + QStringLiteral("/prescripteur");
}

bool EmbeddedServer::offersAgentChoice() const
{
    try {
        auto store = Store::open(databasePath());
        const Catalog catalog(*store);
        if (const std::optional<Agent> admin =
                catalog.agentByEmail(QString::fromLatin1(demo::kAdminEmail))) {
            const QString hash = catalog.passwordHash(admin->id);
            if (!hash.isEmpty() &&
                secrets::verifyPassword(hash, QString::fromLatin1(demo::kAdminPassword)))
                return true;
        }
        for (const Organisation &o : catalog.organisations())
            for (const Agent &a : catalog.agents(o.id))
                if (!a.archived && !catalog.passwordHash(a.id).isEmpty())
                    return false;
        return true;
    } catch (const std::exception &) {
        return false; // nobody chooses without the store saying so
    }
}

std::optional<Agent> EmbeddedServer::firstAgent() const
{
    try {
        auto store = Store::open(databasePath());
        const Catalog catalog(*store);
        std::optional<Agent> admin = catalog.agentByEmail(QString::fromLatin1(demo::kAdminEmail));
        if (admin && !admin->archived)
            return admin;
        std::optional<Agent> first;
        for (const Organisation &o : catalog.organisations())
            for (const Agent &a : catalog.agents(o.id)) {
                if (a.archived)
                    continue;
                if (a.role == AgentRole::Admin)
                    return a;
                if (!first)
                    first = a;
            }
        return first;
    } catch (const std::exception &) {
        return std::nullopt;
    }
}

QString EmbeddedServer::openSession(Id agentId) const
{
    try {
        auto store = Store::open(databasePath());
        return server::AgentSessions(*store).open(agentId);
    } catch (const std::exception &) {
        return {};
    }
}

} // namespace creneau::desktop
