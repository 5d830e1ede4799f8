#include "sync/server/agentsessions.h"

#include "models/organisationservice.h"

#include "models/secrets.h"
#include "models/sql.h"
#include "sync/server/limitedtcpserver.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QPointer>

namespace creneau::server {

AgentSessions::AgentSessions(Store &store, const Clock &clock)
    : m_store(store), m_clock(clock), m_dummyHash(secrets::hashPassword(secrets::randomToken(16))),
      m_pool(std::make_unique<QThreadPool>())
{
    m_pool->setMaxThreadCount(2);
    // Several instances share a PostgreSQL database: one count of failures for all of them.
    if (store.engine() == Store::Engine::Postgres)
        m_throttle.useStore(&store);
}

AgentSessions::~AgentSessions() = default;

void AgentSessions::login(const QString &address, const QString &email, const QString &password,
                          QObject *context, std::function<void(LoginResult)> done)
{
    LoginResult out;
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    // IPv6 per /64, as the connection cap counts: one client holds a whole /64.
    const QHostAddress peer(address);
    const QString client =
        peer.isNull() ? address : QString::fromLatin1(LimitedTcpServer::clientKey(peer));
    const QString addressKey = QStringLiteral("address:") + client;
    const QString accountKey =
        QStringLiteral("account:") + email.trimmed().toLower() + QLatin1Char('|') + client;
    const auto byAddress =
        m_throttle.check(addressKey, nowMs, kFreeFailuresPerAddress, &out.retryAfter);
    if (byAddress != AgentLoginThrottle::Verdict::Allow) {
        out.error = LoginError::AddressLocked;
        done(out);
        return;
    }
    // One attempt at a time per account and address: parallel guesses would all pass the check.
    const auto byAccount =
        m_throttle.check(accountKey, nowMs, kFreeFailuresPerAccount, &out.retryAfter);
    if (byAccount != AgentLoginThrottle::Verdict::Allow || m_verifying.value(accountKey) > 0) {
        out.retryAfter = std::max(out.retryAfter, 1);
        out.error = LoginError::SlowDown;
        done(out);
        return;
    }

    Catalog catalog(m_store);
    const auto agent = catalog.agentByEmail(email.trimmed());
    const QString stored = agent ? catalog.passwordHash(agent->id) : QString();
    // Verify even when the account is unknown or has no password, so timings do not tell.
    const QString hash = stored.isEmpty() ? m_dummyHash : stored;
    const bool usable = agent && !stored.isEmpty();
    ++m_verifying[accountKey];
    QPointer<QObject> guard(context);
    QElapsedTimer queued;
    queued.start();
    m_pool->start(
        [this, hash, password, usable, agent, accountKey, addressKey, guard, done, queued] {
            // Waited too long behind a burst: answer "try again" before the connection's idle
            // timeout cuts it, without counting a failure.
            const bool late = queued.elapsed() > kMaxQueueMs;
            const bool verified = !late && secrets::verifyPassword(hash, password) && usable;
            if (!guard)
                return;
            QMetaObject::invokeMethod(
                guard.data(),
                [this, late, verified, agent, hash, accountKey, addressKey, done] {
                    if (--m_verifying[accountKey] <= 0)
                        m_verifying.remove(accountKey);
                    LoginResult result;
                    try {
                        if (late) {
                            result.error = LoginError::Unavailable;
                            result.retryAfter = 5;
                        } else {
                            result = conclude(accountKey, addressKey, agent, hash, verified);
                        }
                    } catch (const std::exception &) {
                        result = LoginResult{};
                        result.error = LoginError::Unavailable;
                        result.retryAfter = 5;
                    }
                    done(result);
                },
                Qt::QueuedConnection);
        });
}

AgentSessions::LoginResult AgentSessions::conclude(const QString &accountKey,
                                                   const QString &addressKey,
                                                   const std::optional<Agent> &agent,
                                                   const QString &verifiedHash, bool verified)
{
    LoginResult out;
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    // Read again: the agent may have been archived, or their password reset, while the password
    // was being verified against the old hash.
    Catalog catalog(m_store);
    const auto current = agent ? catalog.agent(agent->id) : std::nullopt;
    if (!current || current->archived || !verified ||
        catalog.passwordHash(current->id) != verifiedHash) {
        m_throttle.failed(addressKey, nowMs);
        m_throttle.failed(accountKey, nowMs);
        out.error = LoginError::BadCredentials;
        return out;
    }
    m_throttle.succeeded(accountKey);
    out.token = open(current->id);
    out.agent = *current;
    OrganisationService(m_store, m_clock).recordSignIn(current->id); // « last sign-in »
    return out;
}

QString AgentSessions::open(Id agentId)
{
    const QString token = secrets::randomToken(32);
    const qint64 now = m_clock.nowSecs();
    WriteTransaction tx(m_store);
    sql::run(m_store.db(), QStringLiteral("DELETE FROM agent_sessions WHERE expires_at < ?"),
             {now});
    sql::run(m_store.db(),
             QStringLiteral("INSERT INTO agent_sessions (token_hash, agent_id, created_at, "
                            "expires_at) VALUES (?, ?, ?, ?)"),
             {secrets::tokenHash(token), agentId, now, now + firstLifetimeSecs()});
    tx.commit();
    return token;
}

std::optional<AgentSession> AgentSessions::check(const QString &token)
{
    if (token.size() < 32 || token.size() > 128)
        return std::nullopt;
    const QString hash = secrets::tokenHash(token);
    QSqlQuery q = sql::run(m_store.db(),
                           QStringLiteral("SELECT token_hash, agent_id, expires_at, created_at "
                                          "FROM agent_sessions WHERE token_hash = ?"),
                           {hash});
    if (!q.next())
        return std::nullopt;
    if (!secrets::constantTimeEquals(q.value(0).toString().toLatin1(), hash.toLatin1()))
        return std::nullopt;
    const Id agentId = q.value(1).toLongLong();
    const qint64 expiresAt = q.value(2).toLongLong();
    const qint64 endOfLife = q.value(3).toLongLong() + m_maxAgeSecs;
    const qint64 now = m_clock.nowSecs();
    if (expiresAt <= now || endOfLife <= now)
        return std::nullopt;
    const auto agent = Catalog(m_store).agent(agentId);
    if (!agent || agent->archived)
        return std::nullopt;
    // Sliding expiry, never past the absolute end, written at most once a minute per session.
    const qint64 extended = std::min(now + kLifetimeSecs, endOfLife);
    if (extended - expiresAt >= 60) {
        WriteTransaction tx(m_store);
        sql::run(m_store.db(),
                 QStringLiteral("UPDATE agent_sessions SET expires_at = ? WHERE token_hash = ?"),
                 {extended, hash});
        tx.commit();
    }
    return AgentSession{*agent, hash};
}

void AgentSessions::revoke(const QString &tokenHash)
{
    WriteTransaction tx(m_store);
    sql::run(m_store.db(), QStringLiteral("DELETE FROM agent_sessions WHERE token_hash = ?"),
             {tokenHash});
    tx.commit();
}

} // namespace creneau::server
