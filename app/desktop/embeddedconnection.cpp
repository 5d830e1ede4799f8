#include "app/desktop/embeddedconnection.h"

#include "app/desktop/embeddedserver.h"
#include "sync/client/syncclient.h"
#include "ui/logindialog.h"
#include "ui/remoteconnection.h"

#include <QCoreApplication>

namespace creneau::desktop {

std::unique_ptr<client::SyncClient> connectToEmbedded(const EmbeddedServer &server,
                                                      const QString &dataDir, QString *error)
{
    const QUrl url(server.localUrl());
    if (!server.offersAgentChoice())
        return ui::connectToServer(url, dataDir, error);
    const std::optional<Agent> agent = server.firstAgent();
    const QString token = agent ? server.openSession(agent->id) : QString();
    if (token.isEmpty()) {
        *error = QCoreApplication::translate("main", "No agent can open the agenda.");
        return nullptr;
    }
    return ui::connectWithSession(url, dataDir, token, agent->id, error);
}

bool actAs(const EmbeddedServer &server, client::SyncClient *client, Id agentId)
{
    if (!server.offersAgentChoice())
        return false;
    const QString token = server.openSession(agentId);
    if (token.isEmpty())
        return false;
    client->useSession({QUrl(server.localUrl()), token}, agentId);
    return true;
}

void signInAgainWhenAsked(const EmbeddedServer &server, client::SyncClient *client, QWidget *parent)
{
    QObject::connect(client, &client::SyncClient::authenticationRequired, parent,
                     [&server, client, parent] {
                         const Id agentId = client->agent().value(QStringLiteral("id")).toInteger();
                         if (agentId && actAs(server, client, agentId))
                             return;
                         ui::LoginDialog login(client, QUrl(server.localUrl()), parent);
                         login.exec();
                     });
}

} // namespace creneau::desktop
