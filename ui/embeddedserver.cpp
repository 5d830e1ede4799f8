#include "embeddedserver.h"

#include "demodata.h"
#include "store.h"

#include <QDir>
#include <QFileInfo>

namespace creneau::ui {

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

bool EmbeddedServer::start(bool seedDemo)
{
    http::ServerOptions options;
    options.dataDir = m_dataDir;
    options.address = QHostAddress::LocalHost;
    options.port = 0;
    options.demo = seedDemo ? http::ServerOptions::Demo::Small : http::ServerOptions::Demo::None;
    m_server = std::make_unique<http::ServerApplication>(options);
    return m_server->start();
}

QString EmbeddedServer::errorString() const
{
    return m_server ? m_server->errorString() : QString();
}

QString EmbeddedServer::publicUrl() const
{
    return m_server ? m_server->publicUrl() : QString();
}

QString EmbeddedServer::publicLink(const QString &slug) const
{
    return publicUrl() + QStringLiteral("/rdv/") + slug;
}

QString EmbeddedServer::partnerLink(const QString &slug) const
{
    return publicLink(slug) + QStringLiteral("/prescripteur");
}

} // namespace creneau::ui
