// The payloads of the administration commands (the organisation, its agents) and of each agent's
// own account: built by the desktop's dialogs, read back by the server (only the keys present
// change the stored row).
//   save_organisation      {name, slug, address, phone, email, time_zone, reminder_hours,
//                           usager_cancel_hours, sender_name, reply_to, public_url}
//   save_agent             {id?, first_name, last_name, email, role, initial_password?}
//   archive_agent          {id}
//   reset_agent_password   {id, initial_password?}
//   change_password        {current_password, password}
//   set_notification_level {level}
#pragma once

#include "models/organisationservice.h"

#include <QJsonObject>

namespace creneau::protocol {

QJsonObject organisationPayload(const OrganisationSettings &settings);
FieldErrors readOrganisation(const QJsonObject &payload, OrganisationSettings *settings);

// A new agent, or an existing one's names, e-mail and role.
QJsonObject agentPayload(const Agent &agent, const QString &initialPassword = {});
// Only the role of an existing agent.
QJsonObject agentRolePayload(Id agentId, AgentRole role);
FieldErrors readAgent(const QJsonObject &payload, Agent *agent);
QString initialPasswordOf(const QJsonObject &payload);

QJsonObject archiveAgentPayload(Id agentId);
QJsonObject resetAgentPasswordPayload(Id agentId, const QString &initialPassword = {});

struct PasswordChange
{
    QString current;
    QString password;
};
QJsonObject changePasswordPayload(const PasswordChange &change);
PasswordChange readPasswordChange(const QJsonObject &payload);

QJsonObject notificationLevelPayload(NotificationLevel level);
// The level is required.
FieldErrors readNotificationLevel(const QJsonObject &payload, NotificationLevel *level);

} // namespace creneau::protocol
