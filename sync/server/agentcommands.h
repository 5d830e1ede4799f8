// The agent API's commands: each changes one thing (an appointment, a motif, a lieu, an opening
// range, an absence, two usagers merged), carries the version its sender last saw and an
// idempotency key. The first answer to a key is stored and returned again for every replay, so a
// change applies once.
#pragma once

#include "models/passwordinput.h"
#include "sync/protocol/agentcommand.h"
#include "sync/server/agentfeed.h"
#include "sync/server/bookingsite.h"

#include <QJsonObject>

namespace creneau::server {

// The HTTP status of a booking or session error.
int statusFor(BookingError e);

struct CommandAnswer
{
    int status = 200;
    QJsonObject body;
    bool replayed = false;
};

class AgentCommands
{
public:
    AgentCommands(BookingSite &site, AgentFeed &feed) : m_site(site), m_feed(feed) {}

    // `command`: an envelope (protocol::CommandEnvelope), read here.
    CommandAnswer run(const Agent &agent, const QJsonObject &command);
    // Whether e-mails reach people (SMTP set up): otherwise a new agent needs an initial
    // password, as an invitation would go nowhere.
    void setMailDelivery(bool on) { m_mailDelivery = on; }
    // Queues an appointment's missing reminder when an organisation turns reminders back on
    // (NotificationSink::queueReminder); unset: only pending reminders move.
    void setReminderQueue(std::function<void(Store &, const Rdv &)> queue)
    {
        m_queueReminder = std::move(queue);
    }

private:
    using Command = protocol::CommandEnvelope;
    // The passwords a command carries, their Argon2id work done before the write lock.
    struct Passwords
    {
        PasswordInput initial; // save_agent, reset_agent_password
        PasswordInput current; // change_password
        PasswordInput chosen;  // change_password
    };
    Passwords preparePasswords(const Agent &agent, const Command &c);
    // Both run inside run()'s transaction, which also stores their answer.
    CommandAnswer runRdvCommand(const Agent &agent, const Command &c);
    CommandAnswer runCatalogCommand(const Agent &agent, const Command &c);
    // create_session, update_session, cancel_session (agentsessioncommands.cpp).
    CommandAnswer runSessionCommand(const Agent &agent, const Command &c);
    // merge_usagers {keep_id, duplicate_id}: see UsagerDuplicates::merge.
    CommandAnswer mergeUsagers(const Agent &agent, const Command &c);
    CommandAnswer saveMotif(const Agent &agent, const Command &c);
    CommandAnswer saveLieu(const Agent &agent, const Command &c);
    CommandAnswer savePlage(const Agent &agent, const Command &c);
    CommandAnswer saveAbsence(const Agent &agent, const Command &c, bool remove);
    // 403 for every command but change_password while the agent still has the initial password
    // an administrator set.
    std::optional<CommandAnswer> passwordChangeFirst(const Agent &agent,
                                                     protocol::CommandType type);
    // The organisation, its agents, one's own password and notification level
    // (agentadmincommands.cpp).
    CommandAnswer runAdminCommand(const Agent &agent, const Command &c, const Passwords &passwords);
    void queueInvitation(Id organisationId, Id agentId, const QString &token);
    // 409 with the current row when `expected` is set and differs from the row's seq.
    std::optional<CommandAnswer> staleCatalogRow(const Agent &agent, const QString &entity, Id id,
                                                 int expected);
    CommandAnswer saved(const Agent &agent, const QString &entity, Id id);

    std::optional<CommandAnswer> storedAnswer(Id agentId, const QString &key);
    void storeAnswer(Id agentId, const QString &key, const CommandAnswer &answer);

    BookingSite &m_site;
    AgentFeed &m_feed;
    bool m_mailDelivery = false;
    std::function<void(Store &, const Rdv &)> m_queueReminder;
};

// {"error": message} and, when given, {"fields": {...}}.
QJsonObject errorBody(const QString &message, const FieldErrors &fields = {});

} // namespace creneau::server
