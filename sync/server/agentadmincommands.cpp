// The administration half of AgentCommands: the organisation's settings and its agents
// (administrators), and each agent's own password and notification level. The rules are
// OrganisationService's; this file maps payloads and answers. Runs in the transaction
// AgentCommands::run opens, together with its stored answer.
#include "sync/server/agentcommands.h"

#include "models/catalog.h"
#include "models/frenchformat.h"
#include "models/organisationservice.h"
#include "models/secrets.h"
#include "sync/notify/mailtemplate.h"
#include "sync/notify/outbox.h"
#include "sync/notify/reminderschedule.h"
#include "sync/protocol/admincommands.h"
#include "sync/protocol/catalogcommands.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QUrl>

#include <algorithm>

namespace creneau::server {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("AgentCommands", text);
}

int statusFor(AdminError e)
{
    switch (e) {
    case AdminError::None:
        return 200;
    case AdminError::Invalid:
        return 422;
    case AdminError::Forbidden:
        return 403;
    case AdminError::NotFound:
        return 404;
    case AdminError::Conflict:
        return 409;
    }
    return 400;
}

CommandAnswer refused(const AdminOutcome &out)
{
    return {statusFor(out.error), errorBody(out.message, out.fields)};
}

CommandAnswer invalid(const FieldErrors &fields)
{
    return {422, errorBody(tr("Some fields are invalid."), fields)};
}

} // namespace

AgentCommands::Passwords AgentCommands::preparePasswords(const Agent &agent, const Command &c)
{
    using protocol::CommandType;
    Passwords out;
    // Only a password the rules accept is worth hashing: the others are refused anyway.
    const auto prepareNew = [](PasswordInput &input) {
        FieldErrors e;
        OrganisationService::checkPassword(e, QStringLiteral("password"), input.clear());
        if (e.isEmpty())
            input.prepare();
    };
    if (c.type == CommandType::SaveAgent || c.type == CommandType::ResetAgentPassword) {
        out.initial = protocol::initialPasswordOf(c.payload);
        prepareNew(out.initial);
    } else if (c.type == CommandType::ChangePassword) {
        const protocol::PasswordChange change = protocol::readPasswordChange(c.payload);
        out.current = change.current;
        out.chosen = change.password;
        // Checked again under the lock against the hash then stored: a change meanwhile
        // makes matches() verify once more rather than trust this answer.
        out.current.prepareCheck(Catalog(m_site.store()).passwordHash(agent.id));
        prepareNew(out.chosen);
    }
    return out;
}

CommandAnswer AgentCommands::runAdminCommand(const Agent &agent, const Command &c,
                                             const Passwords &passwords)
{
    Store &store = m_site.store();
    const Clock &clock = m_site.clock();
    OrganisationService service(store, clock);
    service.setReminderDelayListener([this, &store, &clock](Id organisationId, int hours) {
        std::function<void(const Rdv &)> queueMissing;
        if (m_queueReminder)
            queueMissing = [this, &store](const Rdv &rdv) { m_queueReminder(store, rdv); };
        notify::rescheduleReminders(store, organisationId, hours, clock.nowSecs(), queueMissing);
    });
    using protocol::CommandType;
    const QJsonObject &p = c.payload;

    if (c.type == CommandType::SaveOrganisation) {
        // 404 for another organisation's id, as everywhere, before telling a non-admin no.
        if (const Id id = protocol::rowId(p); id && id != agent.organisationId)
            return {404, errorBody(tr("Not found in your organisation."))};
        if (agent.role != AgentRole::Admin)
            return {403, errorBody(tr("Only an administrator may change the organisation."))};
        if (auto stale = staleCatalogRow(agent, QStringLiteral("organisation"),
                                         agent.organisationId, c.expectedVersion))
            return *stale;
        OrganisationSettings s = service.settings(agent.organisationId);
        if (const FieldErrors errors = protocol::readOrganisation(p, &s); !errors.isEmpty())
            return invalid(errors);
        const AdminOutcome out = service.saveOrganisation(agent, s);
        if (!out.ok())
            return refused(out);
        return saved(agent, QStringLiteral("organisation"), agent.organisationId);
    }

    if (c.type == CommandType::ChangePassword) {
        const AdminOutcome out =
            service.changeOwnPassword(agent, passwords.current, passwords.chosen);
        if (!out.ok())
            return refused(out);
        // Every session ended, this one too: the desktop signs in again with the new password.
        return {200, QJsonObject{{QStringLiteral("result"),
                                  QJsonObject{{QStringLiteral("signed_out"), true}}}}};
    }

    if (c.type == CommandType::SetNotificationLevel) {
        NotificationLevel level;
        if (const FieldErrors errors = protocol::readNotificationLevel(p, &level);
            !errors.isEmpty())
            return invalid(errors);
        const AdminOutcome out = service.setNotificationLevel(agent, level);
        if (!out.ok())
            return refused(out);
        return saved(agent, QStringLiteral("agents"), agent.id);
    }

    const PasswordInput &initialPassword = passwords.initial;
    if (c.type == CommandType::SaveAgent) {
        Agent a;
        if (const Id id = protocol::rowId(p)) {
            // Unknown or foreign ids are OrganisationService's 404, whatever else is wrong.
            const auto stored = m_site.catalog().agent(id);
            if (!stored || stored->organisationId != agent.organisationId) {
                Agent unknown;
                unknown.id = id;
                return refused(service.saveAgent(agent, unknown));
            }
            a = *stored;
            if (auto stale =
                    staleCatalogRow(agent, QStringLiteral("agents"), id, c.expectedVersion))
                return *stale;
        }
        FieldErrors errors = protocol::readAgent(p, &a);
        if (!a.id && initialPassword.isEmpty() && !m_mailDelivery && agent.role == AgentRole::Admin)
            errors.insert(QStringLiteral("initial_password"),
                          tr("E-mail delivery is not set up on the server: set an initial "
                             "password, which the agent changes at first sign-in."));
        if (!errors.isEmpty() && agent.role == AgentRole::Admin) {
            // Every field's message at once, not only the payload's type errors.
            const FieldErrors rules = OrganisationService::validateAgent(a);
            for (auto it = rules.cbegin(); it != rules.cend(); ++it)
                if (!errors.contains(it.key()))
                    errors.insert(it.key(), it.value());
            if (!errors.contains(QStringLiteral("email")) && service.emailTaken(a.email, a.id))
                errors.insert(QStringLiteral("email"),
                              tr("Another agent already uses this e-mail."));
            return invalid(errors);
        }
        const AdminOutcome out = service.saveAgent(agent, a, initialPassword);
        if (!out.ok())
            return refused(out);
        CommandAnswer answer = saved(agent, QStringLiteral("agents"), out.id);
        if (!out.invitationToken.isEmpty())
            queueInvitation(agent.organisationId, out.id, out.invitationToken);
        answer.body[QStringLiteral("invitation")] =
            out.invitationToken.isEmpty() ? QString() : QStringLiteral("email");
        return answer;
    }

    const Id id = protocol::rowId(p);
    if (c.type == CommandType::ArchiveAgent) {
        const AdminOutcome out = service.archiveAgent(agent, id);
        if (!out.ok())
            return refused(out);
        CommandAnswer answer = saved(agent, QStringLiteral("agents"), id);
        QJsonArray rdvs;
        for (const Id r : out.rdvsToReassign)
            rdvs.append(r);
        answer.body[QStringLiteral("rdvs_to_reassign")] = rdvs;
        return answer;
    }

    // reset_agent_password
    if (!initialPassword.isEmpty() || m_mailDelivery || agent.role != AgentRole::Admin) {
        const AdminOutcome out = service.resetPassword(agent, id, initialPassword);
        if (!out.ok())
            return refused(out);
        if (!out.invitationToken.isEmpty())
            queueInvitation(agent.organisationId, id, out.invitationToken);
        CommandAnswer answer = saved(agent, QStringLiteral("agents"), id);
        answer.body[QStringLiteral("invitation")] =
            out.invitationToken.isEmpty() ? QString() : QStringLiteral("email");
        return answer;
    }
    // Without e-mail delivery an invitation would reach nobody: refuse before revoking anything.
    if (const auto a = m_site.catalog().agent(id); !a || a->organisationId != agent.organisationId)
        return {404, errorBody(tr("Not found in your organisation."))};
    return invalid({{QStringLiteral("initial_password"),
                     tr("E-mail delivery is not set up on the server: set an initial password, "
                        "which the agent changes at first sign-in.")}});
}

std::optional<CommandAnswer> AgentCommands::passwordChangeFirst(const Agent &agent,
                                                                protocol::CommandType type)
{
    if (type == protocol::CommandType::ChangePassword)
        return std::nullopt;
    const auto account = OrganisationService(m_site.store()).account(agent.id);
    if (!account || !account->mustChangePassword)
        return std::nullopt;
    return CommandAnswer{403, errorBody(tr("Choose your own password first (My preferences…): "
                                           "the one you were given is temporary."))};
}

void AgentCommands::queueInvitation(Id organisationId, Id agentId, const QString &token)
{
    Store &store = m_site.store();
    const OrganisationSettings s = OrganisationService(store).settings(organisationId);
    const auto agent = m_site.catalog().agent(agentId);
    if (!agent)
        return;
    const QString base = s.linkBase(m_site.publicUrl());
    const qint64 now = m_site.clock().nowSecs();
    notify::TemplateValues v;
    v[QStringLiteral("agent")] = agent->fullName();
    v[QStringLiteral("email")] = agent->email;
    v[QStringLiteral("organisation")] = s.organisation.name;
    v[QStringLiteral("link")] = base + QStringLiteral("/invitation/") + token;
    v[QStringLiteral("expires")] =
        fr::dateTime(now + OrganisationService::kInvitationSecs, s.organisation.zone());
    const notify::RenderedMessage r =
        notify::MailTemplate::load(QStringLiteral("agent_invitation")).render(v);
    notify::OutboxMessage m;
    const QString host = QUrl(base).host();
    m.messageId = secrets::randomToken(18) + QStringLiteral(".invitation@") +
                  (host.isEmpty() ? QStringLiteral("creneau.localhost") : host);
    m.kind = notify::OutboxMessage::Kind::Email;
    m.purpose = QStringLiteral("invitation");
    m.recipient = agent->email;
    m.recipientName = agent->fullName();
    m.subject = r.subject;
    m.bodyText = r.text;
    m.bodyHtml = r.html;
    m.dueAt = now;
    m.createdAt = now;
    m.senderName = s.senderName.trimmed(); // empty: « Créneau »
    m.replyTo = s.effectiveReplyTo();
    notify::Outbox(store).enqueue(m);
}

} // namespace creneau::server
