#include "embeddeddesk.h"

#include "sync/client/syncclient.h"
#include "sync/server/agentfeed.h"
#include "sync/server/agentsessions.h"
#include "sync/server/serverapplication.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace creneau::test {

EmbeddedDesk::EmbeddedDesk(TestOrganisation &org, Id agentId)
    : EmbeddedDesk(*org.store, org.dir.path(), org.location, org.org.id, agentId)
{}

EmbeddedDesk::EmbeddedDesk(Store &store, QString dataDir, QString location, Id organisationId,
                           Id agentId)
    : m_store(store), m_dataDir(std::move(dataDir)), m_location(std::move(location)),
      m_organisationId(organisationId), m_agentId(agentId)
{}

EmbeddedDesk::~EmbeddedDesk()
{
    m_source.reset();
    m_client.reset(); // before the server it talks to
    m_server.reset();
}

QString EmbeddedDesk::url() const
{
    return m_server ? QStringLiteral("http://127.0.0.1:") + QString::number(m_server->port())
                    : QString();
}

bool EmbeddedDesk::start()
{
    server::ServerOptions options;
    options.dataDir = m_dataDir;
    if (m_location.startsWith(QLatin1String("postgres")))
        options.database = m_location;
    options.port = 0;
    m_server = std::make_unique<server::ServerApplication>(options);
    if (!m_server->start()) {
        m_error = m_server->errorString();
        return false;
    }
    const QString token = server::AgentSessions(m_store).open(m_agentId);
    m_client = std::make_unique<client::SyncClient>(m_cacheDirPath.isEmpty() ? m_cacheDir.path()
                                                                             : m_cacheDirPath);
    m_client->setLongPollSecs(5);
    m_client->setMaxRetryDelayMs(300);
    m_client->useSession({QUrl(url()), token}, m_agentId);
    if (!settle()) {
        m_error = QStringLiteral("the first pull did not end");
        return false;
    }
    m_source = std::make_unique<ui::AgendaSource>(m_client.get());
    return true;
}

bool EmbeddedDesk::settle(int timeoutMs)
{
    // Caught up: the server's feed has nothing after the cache's cursor.
    const auto caughtUp = [this] {
        const QByteArray page =
            server::AgentFeed(m_store).pageJson(m_organisationId, m_client->cache().cursor(), 1);
        return QJsonDocument::fromJson(page)
            .object()
            .value(QStringLiteral("changes"))
            .toArray()
            .isEmpty();
    };
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (m_client->status() == client::SyncClient::Status::Online &&
            m_client->pendingCommands() == 0 && caughtUp())
            return true;
        QTest::qWait(20);
    }
    return false;
}

} // namespace creneau::test
