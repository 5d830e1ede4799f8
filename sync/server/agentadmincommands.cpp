// The administration half of AgentCommands: the organisation's settings and its agents
// (administrators), and each agent's own password and notification level. The rules are
// OrganisationService's; this file maps payloads and answers. Runs in the transaction
// AgentCommands::run opens, together with its stored answer.
#include "sync/server/agentcommands.h"

#include "models/frenchformat.h"
#include "models/organisationservice.h"
#include "models/secrets.h"
#include "sync/notify/mailtemplate.h"
#include "sync/notify/outbox.h"
#include "sync/notify/reminderschedule.h"

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

Id idOf(const QJsonObject &o, const char *key)
{
    return std::max<Id>(0, o.value(QLatin1String(key)).toInteger(0));
}

// Only the keys present change; a key of the wrong type is an error of that field.
void overlay(const QJsonObject &p, const char *key, QString &field, FieldErrors &errors)
{
    const QJsonValue v = p.value(QLatin1String(key));
    if (v.isString())
        field = v.toString();
    else if (!v.isUndefined())
        errors.insert(QLatin1String(key), tr("Unknown value."));
}

void overlay(const QJsonObject &p, const char *key, int &field, FieldErrors &errors)
{
    const QJsonValue v = p.value(QLatin1String(key));
    if (v.isDouble() && v.toDouble() == double(v.toInteger()) &&
        std::abs(v.toDouble()) < 1e6) // an exact, reasonable integer
        field = int(v.toInteger());
    else if (!v.isUndefined())
        errors.insert(QLatin1String(key), tr("A whole number is expected."));
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

bool AgentCommands::isAdminCommand(const QString &type)
{
    static const QStringList types = {
        QStringLiteral("save_organisation"), QStringLiteral("save_agent"),
        QStringLiteral("archive_agent"),     QStringLiteral("reset_agent_password"),
        QStringLiteral("change_password"),   QStringLiteral("set_notification_level")};
    return types.contains(type);
}

CommandAnswer AgentCommands::runAdminCommand(const Agent &agent, const Command &c)
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
    const QJsonObject &p = c.payload;

    if (c.type == QLatin1String("save_organisation")) {
        // 404 for another organisation's id, as everywhere, before telling a non-admin no.
        if (const Id id = idOf(p, "id"); id && id != agent.organisationId)
            return {404, errorBody(tr("Not found in your organisation."))};
        if (agent.role != AgentRole::Admin)
            return {403, errorBody(tr("Only an administrator may change the organisation."))};
        if (auto stale = staleCatalogRow(agent, QStringLiteral("organisation"),
                                         agent.organisationId, c.expectedVersion))
            return *stale;
        OrganisationSettings s = service.settings(agent.organisationId);
        FieldErrors errors;
        overlay(p, "name", s.organisation.name, errors);
        overlay(p, "slug", s.organisation.slug, errors);
        overlay(p, "address", s.organisation.address, errors);
        overlay(p, "phone", s.organisation.phone, errors);
        overlay(p, "email", s.organisation.email, errors);
        overlay(p, "time_zone", s.organisation.timeZone, errors);
        overlay(p, "reminder_hours", s.organisation.reminderHours, errors);
        overlay(p, "usager_cancel_hours", s.organisation.usagerCancelHours, errors);
        overlay(p, "sender_name", s.senderName, errors);
        overlay(p, "reply_to", s.replyTo, errors);
        overlay(p, "public_url", s.publicUrl, errors);
        if (!errors.isEmpty())
            return invalid(errors);
        const AdminOutcome out = service.saveOrganisation(agent, s);
        if (!out.ok())
            return refused(out);
        return saved(agent, QStringLiteral("organisation"), agent.organisationId);
    }

    if (c.type == QLatin1String("change_password")) {
        const AdminOutcome out =
            service.changeOwnPassword(agent, p.value(QStringLiteral("current_password")).toString(),
                                      p.value(QStringLiteral("password")).toString());
        if (!out.ok())
            return refused(out);
        // Every session ended, this one too: the desktop signs in again with the new password.
        return {200, QJsonObject{{QStringLiteral("result"),
                                  QJsonObject{{QStringLiteral("signed_out"), true}}}}};
    }

    if (c.type == QLatin1String("set_notification_level")) {
        NotificationLevel level;
        if (!fromWord(p.value(QStringLiteral("level")).toString(), &level))
            return invalid({{QStringLiteral("level"), tr("Unknown value.")}});
        const AdminOutcome out = service.setNotificationLevel(agent, level);
        if (!out.ok())
            return refused(out);
        return saved(agent, QStringLiteral("agents"), agent.id);
    }

    const QString initialPassword = p.value(QStringLiteral("initial_password")).toString();
    if (c.type == QLatin1String("save_agent")) {
        Agent a;
        FieldErrors errors;
        if (const Id id = idOf(p, "id")) {
            // Unknown or foreign ids are OrganisationService's 404, whatever else is wrong.
            const auto stored = m_site.catalog().agent(id);
            if (!stored || stored->organisationId != agent.organisationId) {
                Agent unknown;
                unknown.id = id;
                return refused(service.saveAgent(agent, unknown, QString()));
            }
            a = *stored;
            if (auto stale =
                    staleCatalogRow(agent, QStringLiteral("agents"), id, c.expectedVersion))
                return *stale;
        }
        overlay(p, "first_name", a.firstName, errors);
        overlay(p, "last_name", a.lastName, errors);
        overlay(p, "email", a.email, errors);
        if (p.contains(QStringLiteral("role")) &&
            !fromWord(p.value(QStringLiteral("role")).toString(), &a.role))
            errors.insert(QStringLiteral("role"), tr("Unknown value."));
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

    const Id id = idOf(p, "id");
    if (c.type == QLatin1String("archive_agent")) {
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
                                                                const QString &type)
{
    if (type == QLatin1String("change_password"))
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
    const QString base = s.publicUrl.isEmpty() ? m_site.publicUrl() : s.publicUrl;
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
