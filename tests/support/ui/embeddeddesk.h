// The desktop's one path, for GUI tests: `org`'s store served by the booking server from this
// process on a free loopback port (the embedded mode's endpoint), and a SyncClient holding a
// session of one agent, opened here as the demo's « Je suis » does. Dialogs and windows read and
// write through source(); settle() waits until the server answered and the cache caught up.
#pragma once

#include "testorganisation.h"
#include "ui/agendasource.h"

#include <QTemporaryDir>

#include <memory>

namespace creneau::server {
class ServerApplication;
}
namespace creneau::client {
class SyncClient;
}

namespace creneau::test {

class EmbeddedDesk
{
public:
    // Seed `org` first: the first pull happens in start().
    EmbeddedDesk(TestOrganisation &org, Id agentId);
    // Any store: `location` as Store::open takes it (the SQLite file must be <dataDir>/
    // creneau.sqlite), `store` a connection to it for the test's own reads.
    EmbeddedDesk(Store &store, QString dataDir, QString location, Id organisationId, Id agentId);
    ~EmbeddedDesk();

    // Where the sync client keeps its cache (a temporary folder unless set before start()): a
    // second desk on the same folder starts from that cache, as the program does.
    void setCacheDir(const QString &dir) { m_cacheDirPath = dir; }
    // Starts the server, opens the session and waits for the first pull; false with error().
    bool start();
    QString error() const { return m_error; }
    QString url() const;
    client::SyncClient *client() const { return m_client.get(); }
    ui::AgendaSource &source() const { return *m_source; }
    server::ServerApplication *server() const { return m_server.get(); }
    // True once no command waits and the cache holds the server's last change.
    bool settle(int timeoutMs = 15000);

private:
    Store &m_store;
    QString m_dataDir;
    QString m_location;
    Id m_organisationId;
    Id m_agentId;
    QTemporaryDir m_cacheDir;
    QString m_cacheDirPath;
    std::unique_ptr<server::ServerApplication> m_server;
    std::unique_ptr<client::SyncClient> m_client;
    std::unique_ptr<ui::AgendaSource> m_source;
    QString m_error;
};

} // namespace creneau::test
