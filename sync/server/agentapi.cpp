#include "sync/server/agentapi.h"
#include "models/organisationservice.h"
#include "sync/server/jsonexchange.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QPointer>

#include <memory>

namespace creneau::server {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("creneau::server::AgentApi", text);
}

qint64 intParam(const HttpRequest &request, const QString &key, qint64 fallback, qint64 min,
                qint64 max)
{
    const QString text = request.queryValue(key);
    if (text.isEmpty())
        return fallback;
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (!ok || v < min)
        throw HttpError(400, tr("Invalid value for \"%1\".").arg(key), true);
    return std::min(v, max);
}

QJsonObject agentJson(const Agent &a, const std::optional<Organisation> &org,
                      bool mustChangePassword = false)
{
    QJsonObject out{{QStringLiteral("id"), a.id},
                    {QStringLiteral("organisation_id"), a.organisationId},
                    {QStringLiteral("first_name"), a.firstName},
                    {QStringLiteral("last_name"), a.lastName},
                    {QStringLiteral("email"), a.email},
                    {QStringLiteral("role"), toWord(a.role)},
                    {QStringLiteral("notification_level"), toWord(a.notificationLevel)},
                    {QStringLiteral("must_change_password"), mustChangePassword}};
    if (org)
        out.insert(QStringLiteral("organisation"),
                   QJsonObject{{QStringLiteral("id"), org->id},
                               {QStringLiteral("name"), org->name},
                               {QStringLiteral("slug"), org->slug},
                               {QStringLiteral("time_zone"), org->timeZone}});
    return out;
}

} // namespace

bool AgentApi::mustChangePassword(Id agentId)
{
    const auto account = OrganisationService(m_site.store()).account(agentId);
    return account && account->mustChangePassword;
}

AgentApi::AgentApi(BookingSite &site, QObject *parent)
    : QObject(parent), m_site(site), m_sessions(site.store(), site.clock()), m_feed(site.store()),
      m_commands(site, m_feed), m_longPoll(site.store())
{}

void AgentApi::addRoutes(Router &router)
{
    const QString base = QStringLiteral("/api/v1/agent");
    router.post(base + QStringLiteral("/session"), Auth::None,
                [this](HttpRequest &r) { return login(r); });
    router.add("DELETE", base + QStringLiteral("/session"), Auth::Agent,
               [this](HttpRequest &r) { return logout(r); });
    router.get(base + QStringLiteral("/session"), Auth::Agent,
               [this](HttpRequest &r) { return me(r); });
    router.get(base + QStringLiteral("/changes"), Auth::Agent,
               [this](HttpRequest &r) { return changes(r); });
    router.get(base + QStringLiteral("/changes/wait"), Auth::Agent,
               [this](HttpRequest &r) { return waitForChanges(r); });
    router.post(base + QStringLiteral("/commands"), Auth::Agent,
                [this](HttpRequest &r) { return command(r); });
    router.get(base + QStringLiteral("/organisation"), Auth::Agent,
               [this](HttpRequest &r) { return administration(r); });
}

HttpResponse AgentApi::login(HttpRequest &request)
{
    const QJsonObject body = jsonObjectBody(request);
    const QString email = body.value(QStringLiteral("email")).toString();
    const QString password = body.value(QStringLiteral("password")).toString();
    if (email.isEmpty() || password.isEmpty() || email.size() > 320 || password.size() > 1024)
        throw HttpError(400, tr("E-mail and password are required."), true);
    // Answered once the password is verified on a worker thread (see AgentSessions::login).
    HttpResponse later;
    later.deferred = [this, address = request.peer.toString(), email,
                      password](HttpResponse::Completion complete) {
        try {
            m_sessions.login(address, email, password, this,
                             [this, complete](const AgentSessions::LoginResult &result) {
                                 complete(loginAnswer(result));
                             });
        } catch (const std::exception &) {
            AgentSessions::LoginResult failed;
            failed.error = AgentSessions::LoginError::Unavailable;
            failed.retryAfter = 5;
            complete(loginAnswer(failed));
        }
    };
    return later;
}

HttpResponse AgentApi::loginAnswer(const AgentSessions::LoginResult &result)
{
    HttpResponse r;
    switch (result.error) {
    case AgentSessions::LoginError::None: {
        const bool mustChange = mustChangePassword(result.agent.id);
        return privateJson(
            {{QStringLiteral("token"), result.token},
             {QStringLiteral("expires_in"), m_sessions.firstLifetimeSecs()},
             {QStringLiteral("must_change_password"), mustChange},
             {QStringLiteral("agent"),
              agentJson(result.agent, m_site.catalog().organisation(result.agent.organisationId),
                        mustChange)}});
    }
    case AgentSessions::LoginError::BadCredentials:
        return HttpResponse::jsonError(401, tr("Wrong e-mail or password."));
    case AgentSessions::LoginError::Unavailable:
        r = HttpResponse::jsonError(503, tr("Sign-in is unavailable for a moment: try again."));
        break;
    case AgentSessions::LoginError::SlowDown:
        r = HttpResponse::jsonError(
            429, tr("Too many failed sign-ins: wait %1 seconds.").arg(result.retryAfter));
        break;
    case AgentSessions::LoginError::AddressLocked:
        r = HttpResponse::jsonError(
            429, tr("Too many failed sign-ins from this address: try again in %1 minutes.")
                     .arg((result.retryAfter + 59) / 60));
        break;
    }
    r.setHeader("Retry-After", QByteArray::number(result.retryAfter));
    return r;
}

HttpResponse AgentApi::logout(HttpRequest &request)
{
    const AgentSession &session = request.caller();
    m_sessions.revoke(session.tokenHash);
    return privateJson({{QStringLiteral("status"), QStringLiteral("signed_out")}});
}

HttpResponse AgentApi::me(HttpRequest &request)
{
    const AgentSession &session = request.caller();
    return privateJson(
        {{QStringLiteral("agent"),
          agentJson(session.agent, m_site.catalog().organisation(session.agent.organisationId),
                    mustChangePassword(session.agent.id))}});
}

HttpResponse AgentApi::changes(HttpRequest &request)
{
    const AgentSession &session = request.caller();
    const qint64 since = intParam(request, QStringLiteral("since"), 0, 0, LLONG_MAX);
    const int limit = int(intParam(request, QStringLiteral("limit"), 500, 1, 20000));
    return privateJsonBytes(m_feed.pageJson(session.agent.organisationId, since, limit));
}

HttpResponse AgentApi::waitForChanges(HttpRequest &request)
{
    const AgentSession &session = request.caller();
    const qint64 since = intParam(request, QStringLiteral("since"), 0, 0, LLONG_MAX);
    // Below the server's idle timeout (30 s by default), so the connection is not cut first.
    const int timeout = int(intParam(request, QStringLiteral("timeout"), 25, 0, 25));
    // The agent's organisation's number: their feed (pageJson) is numbered by it.
    const qint64 organisation = session.agent.organisationId;
    const qint64 seq = m_site.store().currentSeq(organisation);
    if (seq > since || timeout == 0)
        return privateJson({{QStringLiteral("seq"), seq}, {QStringLiteral("moved"), seq > since}});
    // Each wait holds a connection for up to 25 s: one stolen token must not hold hundreds.
    if (m_longPoll.waitingFor(session.tokenHash) >= kMaxWaitsPerSession) {
        HttpResponse r = HttpResponse::jsonError(
            429, tr("Too many simultaneous waits for this session (%1 at most): close one first.")
                     .arg(kMaxWaitsPerSession));
        r.setHeader("Retry-After", "5");
        return r;
    }
    HttpResponse later;
    auto id = std::make_shared<quint64>(0);
    later.deferred = [this, organisation, since, timeout, id,
                      owner = session.tokenHash](HttpResponse::Completion complete) {
        *id = m_longPoll.wait(
            owner, organisation, since, timeout * 1000, [complete](qint64 now, bool moved) {
                complete(
                    privateJson({{QStringLiteral("seq"), now}, {QStringLiteral("moved"), moved}}));
            });
    };
    later.cancel = [self = QPointer<AgentApi>(this), id] {
        if (self)
            self->m_longPoll.cancel(*id);
    };
    return later;
}

HttpResponse AgentApi::command(HttpRequest &request)
{
    const AgentSession &session = request.caller();
    const CommandAnswer answer = m_commands.run(session.agent, jsonObjectBody(request));
    HttpResponse r = privateJson(answer.body, answer.status);
    if (answer.replayed)
        r.setHeader("Idempotent-Replayed", "true");
    return r;
}

} // namespace creneau::server
