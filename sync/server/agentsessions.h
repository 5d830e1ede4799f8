// Agent sign-in: checks e-mail and password, issues 256-bit bearer tokens stored only as hashes,
// with a sliding expiry within an absolute lifetime, and revokes them (Catalog revokes an
// agent's sessions when their password changes or they are archived). Repeated failures per address and per account are
// slowed down, then locked for a while (AgentLoginThrottle).
#pragma once

#include "agentloginthrottle.h"
#include "catalog.h"
#include "clock.h"
#include "store.h"

#include <algorithm>
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
    // Idle lifetime: a session unused for this long ends.
    static constexpr qint64 kLifetimeSecs = 12 * 3600;
    // Absolute lifetime by default (--session-days): however busy, a session ends this long
    // after sign-in.
    static constexpr qint64 kDefaultMaxAgeSecs = 30 * 24 * 3600;

    AgentSessions(Store &store, const Clock &clock = Clock::system());
    void setMaxAgeSecs(qint64 secs) { m_maxAgeSecs = std::max<qint64>(1, secs); }
    qint64 maxAgeSecs() const { return m_maxAgeSecs; }
    // What a new session's expires_in says: the idle lifetime, or less when the absolute one is
    // shorter.
    qint64 firstLifetimeSecs() const { return std::min(kLifetimeSecs, m_maxAgeSecs); }

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
    // The session of a bearer token, extending its idle expiry up to its absolute end; nullopt
    // when unknown, expired, or its agent is archived.
    std::optional<AgentSession> check(const QString &token);
    void revoke(const QString &tokenHash);

private:
    Store &m_store;
    const Clock &m_clock;
    qint64 m_maxAgeSecs = kDefaultMaxAgeSecs;
    AgentLoginThrottle m_throttle;
    QString m_dummyHash; // verified against when the e-mail is unknown, to keep timings alike
};

} // namespace creneau::http
