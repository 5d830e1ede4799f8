// GET /api/v1/agent/organisation: what « Administration › Organisation… », « Agents… » and
// « Mes préférences… » show. An administrator gets the settings and every agent of their
// organisation with role and last sign-in; an agent gets the public settings and only their own
// account. Password hashes and tokens never leave the server.
#include "models/organisationservice.h"
#include "sync/server/agentapi.h"
#include "sync/server/jsonexchange.h"

#include <QJsonArray>

namespace creneau::server {

namespace {

QJsonObject accountJson(const AgentAccount &acc)
{
    const Agent &a = acc.agent;
    return {{QStringLiteral("id"), a.id},
            {QStringLiteral("first_name"), a.firstName},
            {QStringLiteral("last_name"), a.lastName},
            {QStringLiteral("email"), a.email},
            {QStringLiteral("role"), toWord(a.role)},
            {QStringLiteral("notification_level"), toWord(a.notificationLevel)},
            {QStringLiteral("archived"), a.archived},
            {QStringLiteral("has_password"), acc.hasPassword},
            {QStringLiteral("must_change_password"), acc.mustChangePassword},
            {QStringLiteral("last_sign_in_at"), acc.lastSignInAt}};
}

} // namespace

HttpResponse AgentApi::administration(HttpRequest &request)
{
    const AgentSession &session = request.caller();
    const Agent &me = session.agent;
    OrganisationService service(m_site.store(), m_site.clock());
    const OrganisationSettings s = service.settings(me.organisationId);
    const Organisation &o = s.organisation;
    QJsonObject org{{QStringLiteral("id"), o.id},
                    {QStringLiteral("name"), o.name},
                    {QStringLiteral("slug"), o.slug},
                    {QStringLiteral("time_zone"), o.timeZone},
                    {QStringLiteral("address"), o.address},
                    {QStringLiteral("phone"), o.phone},
                    {QStringLiteral("email"), o.email},
                    {QStringLiteral("reminder_hours"), o.reminderHours},
                    {QStringLiteral("usager_cancel_hours"), o.usagerCancelHours},
                    {QStringLiteral("public_url"), s.publicUrl},
                    {QStringLiteral("server_url"), m_site.publicUrl()}};
    QJsonArray agents;
    if (me.role == AgentRole::Admin) {
        org.insert(QStringLiteral("sender_name"), s.senderName);
        org.insert(QStringLiteral("reply_to"), s.replyTo);
        org.insert(QStringLiteral("seq"),
                   m_feed.row(QStringLiteral("organisation"), me.organisationId, me.organisationId)
                       .value(QStringLiteral("seq")));
        for (const AgentAccount &acc : service.accounts(me.organisationId))
            agents.append(accountJson(acc));
    } else if (const auto acc = service.account(me.id)) {
        agents.append(accountJson(*acc));
    }
    return privateJson({{QStringLiteral("organisation"), org},
                        {QStringLiteral("agents"), agents},
                        {QStringLiteral("me"), me.id}});
}

} // namespace creneau::server
