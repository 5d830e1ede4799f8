// The agent API under /api/v1/agent: sign-in sessions, the change feed (with long-polling) and
// commands. Every route but sign-in is declared Auth::Agent: HttpServer::dispatch resolves the
// bearer token through sessions() before the handler runs, and each handler sees only its
// caller's organisation.
#pragma once

#include "sync/server/agentcommands.h"
#include "sync/server/agentfeed.h"
#include "sync/server/agentlongpoll.h"
#include "sync/server/agentsessions.h"
#include "sync/server/bookingsite.h"
#include "sync/server/router.h"

#include <QObject>

namespace creneau::server {

class AgentApi : public QObject
{
    Q_OBJECT
public:
    // Long-polls waiting at once per session; past it, 429.
    static constexpr int kMaxWaitsPerSession = 4;
    explicit AgentApi(BookingSite &site, QObject *parent = nullptr);
    void addRoutes(Router &router);
    // --session-days: how long a session lasts at most after sign-in.
    void setSessionMaxAgeSecs(qint64 secs) { m_sessions.setMaxAgeSecs(secs); }
    // SMTP set up: new agents get an invitation e-mail (see AgentCommands::setMailDelivery).
    void setMailDelivery(bool on) { m_commands.setMailDelivery(on); }
    void setReminderQueue(std::function<void(Store &, const Rdv &)> queue)
    {
        m_commands.setReminderQueue(std::move(queue));
    }
    // What every signed-in route of the server is checked against
    // (HttpServer::setSessionResolver): this API's sessions.
    SessionResolver sessionResolver()
    {
        return [this](const QString &token) { return m_sessions.check(token); };
    }

private:
    HttpResponse login(HttpRequest &request);
    HttpResponse loginAnswer(const AgentSessions::LoginResult &result);
    HttpResponse logout(HttpRequest &request);
    HttpResponse me(HttpRequest &request);
    HttpResponse changes(HttpRequest &request);
    HttpResponse waitForChanges(HttpRequest &request);
    HttpResponse command(HttpRequest &request);
    // GET /organisation: the settings and agents an administrator edits, or for an agent their
    // own account (agentadminapi.cpp).
    HttpResponse administration(HttpRequest &request);
    // Still on the initial password an administrator set.
    bool mustChangePassword(Id agentId);

    BookingSite &m_site;
    AgentSessions m_sessions;
    AgentFeed m_feed;
    AgentCommands m_commands;
    AgentLongPoll m_longPoll;
};

} // namespace creneau::server
