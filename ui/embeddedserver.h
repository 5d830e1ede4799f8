// The embedded mode: the booking server running in the desktop's process on loopback, over the
// SQLite store of a data directory, and the links it serves.
#pragma once

#include "bookinglinkaddress.h"
#include "serverapplication.h"

#include <memory>

namespace creneau::ui {

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
    http::ServerApplication *server() const { return m_server.get(); }

private:
    QString m_dataDir;
    BookingLinkAddress m_address;
    std::unique_ptr<http::ServerApplication> m_server;
};

} // namespace creneau::ui
