// Agent sign-in: checks e-mail and password (off the event loop), issues 256-bit bearer tokens
// stored only as hashes, with a sliding expiry within an absolute lifetime, and revokes them
// (Catalog revokes an agent's sessions when their password changes or they are archived). Repeated
// failures per address and per account are slowed down with growing delays (AgentLoginThrottle),
// per account *and* address.
#pragma once

#include "models/catalog.h"
#include "models/clock.h"
#include "models/store.h"
#include "sync/server/agentloginthrottle.h"
#include "sync/server/auth.h"

#include <QHash>
#include <QObject>
#include <QThreadPool>

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>

namespace creneau::server {

class AgentSessions
{
public:
    // Idle lifetime: a session unused for this long ends.
    static constexpr qint64 kLifetimeSecs = 12 * 3600;
    // Absolute lifetime by default (--session-days): however busy, a session ends this long
    // after sign-in.
    static constexpr qint64 kDefaultMaxAgeSecs = 30 * 24 * 3600;

    AgentSessions(Store &store, const Clock &clock = Clock::system());
    ~AgentSessions();
    void setMaxAgeSecs(qint64 secs) { m_maxAgeSecs = std::max<qint64>(1, secs); }
    qint64 maxAgeSecs() const { return m_maxAgeSecs; }
    // What a new session's expires_in says: the idle lifetime, or less when the absolute one is
    // shorter.
    qint64 firstLifetimeSecs() const { return std::min(kLifetimeSecs, m_maxAgeSecs); }

    // Failures without delay: per account from one address, and per address whatever the account.
    static constexpr int kFreeFailuresPerAccount = 3;
    static constexpr int kFreeFailuresPerAddress = 10;
    // A sign-in waiting longer than this for a verifying thread is answered 503 (below the
    // server's 30 s idle timeout, which would otherwise cut the connection).
    static constexpr qint64 kMaxQueueMs = 20000;

    enum class LoginError
    {
        None,
        BadCredentials,
        SlowDown,      // too soon after the last failures of this account here: retryAfter seconds
        AddressLocked, // this address failed too often, whatever the account
        Unavailable    // busy (a burst of sign-ins) or the store failed: retryAfter seconds
    };
    struct LoginResult
    {
        LoginError error = LoginError::None;
        int retryAfter = 0;
        QString token; // the only time the clear token exists on the server
        Agent agent;
    };
    // Checks the throttle and reads the account on the calling thread, verifies the password
    // (Argon2id: tens of milliseconds of CPU) on a worker thread, then calls `done` on the
    // event loop of `context`'s thread, so requests keep flowing during a burst of sign-ins.
    void login(const QString &address, const QString &email, const QString &password,
               QObject *context, std::function<void(LoginResult)> done);

    // A new session for an agent already known to be who they say (the embedded desktop, which
    // owns the store); its token.
    QString open(Id agentId);
    // The session of a bearer token, extending its idle expiry up to its absolute end; nullopt
    // when unknown, expired, or its agent is archived.
    std::optional<AgentSession> check(const QString &token);
    void revoke(const QString &tokenHash);

private:
    // The outcome once the password was verified (on the event loop again).
    LoginResult conclude(const QString &accountKey, const QString &addressKey,
                         const std::optional<Agent> &agent, const QString &verifiedHash,
                         bool verified);

    Store &m_store;
    const Clock &m_clock;
    qint64 m_maxAgeSecs = kDefaultMaxAgeSecs;
    AgentLoginThrottle m_throttle;
    QHash<QString, int> m_verifying; // per account and address: attempts being verified
    QString m_dummyHash; // verified against when the e-mail is unknown, to keep timings alike
    // Argon2id is memory-hard: two at a time, the others queue (and never the event loop).
    std::unique_ptr<QThreadPool> m_pool;
};

} // namespace creneau::server
