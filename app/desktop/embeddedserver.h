// The embedded mode: the booking server running in the desktop's process, over the SQLite store
// of a data directory, and the links it serves. The desktop reaches it like a remote server, by
// SyncClient over loopback; only the demo's « Je suis » opens sessions here directly.
#pragma once

#include "sync/server/serverapplication.h"
#include "ui/bookinglinkaddress.h"

#include "models/domain.h"

#include <memory>

namespace creneau::desktop {

using ui::BookingLinkAddress;

class EmbeddedServer
{
public:
    explicit EmbeddedServer(QString dataDir);
    ~EmbeddedServer();

    // True when the data directory holds no organisation yet (first run).
    bool isFirstRun() const;
    // Listens where the saved BookingLinkAddress says, on its port (8080 at first, the next free
    // one if taken, then kept); seeds the demo organisation first when asked.
    bool start(bool seedDemo);
    BookingLinkAddress address() const { return m_address; }
    QString errorString() const;
    QString databasePath() const;
    // The base of the links given to partners (see BookingLinkAddress).
    QString publicUrl() const;
    // Where this process itself reaches the endpoint: loopback, whatever the links say.
    QString localUrl() const;
    // <url>/rdv/<slug> and <url>/rdv/<slug>/prescripteur
    QString publicLink(const QString &slug) const;
    QString partnerLink(const QString &slug) const;
    server::ServerApplication *server() const { return m_server.get(); }

    // True while the demo administrator keeps the published password (anyone may sign in as
    // them) or no agent has a password at all: then « Je suis » chooses the agent. Otherwise the
    // desktop opens on the sign-in.
    bool offersAgentChoice() const;
    // Whom « Je suis » begins with: the demo administrator, else the first administrator, else
    // the first agent; nullopt when there is nobody.
    std::optional<Agent> firstAgent() const;
    // A new session for `agentId` (« Je suis » only): its bearer token, empty on failure.
    QString openSession(Id agentId) const;

private:
    QString m_dataDir;
    BookingLinkAddress m_address;
    std::unique_ptr<server::ServerApplication> m_server;
};

} // namespace creneau::desktop
