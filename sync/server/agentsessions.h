// Agent sign-in: checks e-mail and password, issues 256-bit bearer tokens stored only as hashes,
// with a sliding expiry, and revokes them. Repeated failures per address and per account are
// slowed down, then locked for a while (AgentLoginThrottle).
#pragma once

#include "agentloginthrottle.h"
#include "catalog.h"
#include "clock.h"
#include "store.h"

#include <optional>

namespace creneau::http {

struct AgentSession
{
    Agent agent;
    QString tokenHash;
};

class AgentSessions
{
public:
    static constexpr qint64 kLifetimeSecs = 12 * 3600;

    AgentSessions(Store &store, const Clock &clock = Clock::system());

    enum class LoginError
    {
        None,
        BadCredentials,
        SlowDown,      // too soon after the last failures: retryAfter seconds
        AddressLocked, // this address failed too often
        AccountLocked  // this account failed too often
    };
    struct LoginResult
    {
        LoginError error = LoginError::None;
        int retryAfter = 0;
        QString token; // the only time the clear token exists on the server
        Agent agent;
    };
    LoginResult login(const QString &address, const QString &email, const QString &password);

    // A new session for an agent already known to be who they say (the embedded desktop, which
    // owns the store); its token.
    QString open(Id agentId);
    // The session of a bearer token, extending its expiry; nullopt when unknown or expired.
    std::optional<AgentSession> check(const QString &token);
    void revoke(const QString &tokenHash);

private:
    Store &m_store;
    const Clock &m_clock;
    AgentLoginThrottle m_throttle;
    QString m_dummyHash; // verified against when the e-mail is unknown, to keep timings alike
};

} // namespace creneau::http
