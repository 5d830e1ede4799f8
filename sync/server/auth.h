// What a route needs from its caller, and who the caller is once HttpServer::dispatch has checked
// the bearer token: handlers of signed-in routes read HttpRequest::session and never parse an
// Authorization header themselves.
#pragma once

#include "models/catalog.h"

#include <QString>

#include <functional>
#include <optional>

namespace creneau::server {

enum class Auth
{
    None,  // public pages and API, capability links (their token is in the path)
    Agent, // a signed-in agent of any role
    Admin  // a signed-in administrator
};

struct AgentSession
{
    Agent agent;
    QString tokenHash;
};

// The session of a bearer token, or nullopt when it is unknown, expired or revoked
// (AgentSessions::check).
using SessionResolver = std::function<std::optional<AgentSession>(const QString &token)>;

} // namespace creneau::server
