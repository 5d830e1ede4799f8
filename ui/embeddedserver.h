// The embedded mode: the booking server running in the desktop's process on loopback, over the
// SQLite store of a data directory, and the links it serves.
#pragma once

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
    // Listens on 127.0.0.1 on a free port; seeds the demo organisation first when asked.
    bool start(bool seedDemo);
    QString errorString() const;
    QString databasePath() const;
    QString publicUrl() const;
    // <url>/rdv/<slug> and <url>/rdv/<slug>/prescripteur
    QString publicLink(const QString &slug) const;
    QString partnerLink(const QString &slug) const;
    http::ServerApplication *server() const { return m_server.get(); }

private:
    QString m_dataDir;
    std::unique_ptr<http::ServerApplication> m_server;
};

} // namespace creneau::ui
