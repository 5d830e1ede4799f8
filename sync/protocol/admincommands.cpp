#include "sync/protocol/admincommands.h"

#include "sync/protocol/payloadreader.h"

namespace creneau::protocol {

QJsonObject organisationPayload(const OrganisationSettings &s)
{
    const Organisation &o = s.organisation;
    return {{QStringLiteral("name"), o.name},
            {QStringLiteral("slug"), o.slug},
            {QStringLiteral("address"), o.address},
            {QStringLiteral("phone"), o.phone},
            {QStringLiteral("email"), o.email},
            {QStringLiteral("time_zone"), o.timeZone},
            {QStringLiteral("reminder_hours"), o.reminderHours},
            {QStringLiteral("usager_cancel_hours"), o.usagerCancelHours},
            {QStringLiteral("sender_name"), s.senderName},
            {QStringLiteral("reply_to"), s.replyTo},
            {QStringLiteral("public_url"), s.publicUrl}};
}

FieldErrors readOrganisation(const QJsonObject &payload, OrganisationSettings *s)
{
    PayloadReader r(payload);
    Organisation &o = s->organisation;
    r.text("name", o.name);
    r.text("slug", o.slug);
    r.text("address", o.address);
    r.text("phone", o.phone);
    r.text("email", o.email);
    r.text("time_zone", o.timeZone);
    r.number("reminder_hours", o.reminderHours);
    r.number("usager_cancel_hours", o.usagerCancelHours);
    r.text("sender_name", s->senderName);
    r.text("reply_to", s->replyTo);
    r.text("public_url", s->publicUrl);
    return r.errors();
}

QJsonObject agentPayload(const Agent &a, const QString &initialPassword)
{
    QJsonObject p{{QStringLiteral("first_name"), a.firstName},
                  {QStringLiteral("last_name"), a.lastName},
                  {QStringLiteral("email"), a.email},
                  {QStringLiteral("role"), toWord(a.role)}};
    if (a.id)
        p.insert(QStringLiteral("id"), a.id);
    if (!initialPassword.isEmpty())
        p.insert(QStringLiteral("initial_password"), initialPassword);
    return p;
}

QJsonObject agentRolePayload(Id agentId, AgentRole role)
{
    return {{QStringLiteral("id"), agentId}, {QStringLiteral("role"), toWord(role)}};
}

FieldErrors readAgent(const QJsonObject &payload, Agent *a)
{
    PayloadReader r(payload);
    r.text("first_name", a->firstName);
    r.text("last_name", a->lastName);
    r.text("email", a->email);
    r.word("role", a->role);
    return r.errors();
}

QString initialPasswordOf(const QJsonObject &payload)
{
    return payload.value(QStringLiteral("initial_password")).toString();
}

QJsonObject archiveAgentPayload(Id agentId)
{
    return {{QStringLiteral("id"), agentId}};
}

QJsonObject resetAgentPasswordPayload(Id agentId, const QString &initialPassword)
{
    QJsonObject p{{QStringLiteral("id"), agentId}};
    if (!initialPassword.isEmpty())
        p.insert(QStringLiteral("initial_password"), initialPassword);
    return p;
}

QJsonObject changePasswordPayload(const PasswordChange &change)
{
    return {{QStringLiteral("current_password"), change.current},
            {QStringLiteral("password"), change.password}};
}

PasswordChange readPasswordChange(const QJsonObject &payload)
{
    return {payload.value(QStringLiteral("current_password")).toString(),
            payload.value(QStringLiteral("password")).toString()};
}

QJsonObject notificationLevelPayload(NotificationLevel level)
{
    return {{QStringLiteral("level"), toWord(level)}};
}

FieldErrors readNotificationLevel(const QJsonObject &payload, NotificationLevel *level)
{
    PayloadReader r(payload);
    r.word("level", *level);
    FieldErrors errors = r.errors();
    if (!r.has("level"))
        errors.insert(QStringLiteral("level"), PayloadReader::message("Unknown value."));
    return errors;
}

} // namespace creneau::protocol
