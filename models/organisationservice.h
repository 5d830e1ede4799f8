// The rules of organisation and agent changes: who may make them (administrators of the same
// organisation), what is valid (the field rules of validation.h, unique slug and e-mail, a strong
// password), and what must stay true (an organisation keeps at least one active administrator).
// Called by the agent commands (sync/server/agentadmincommands.cpp), the invitation page and the
// desktop's first start; no rule is written again in a dialog or a route.
#pragma once

#include "models/clock.h"
#include "models/domain.h"
#include "models/passwordinput.h"
#include "models/store.h"
#include "models/validation.h"

#include <functional>
#include <optional>

namespace creneau {

// What « Administration › Organisation… » edits, with the columns of migration 011.
struct OrganisationSettings
{
    Organisation organisation;
    QString senderName; // empty: « Créneau », as before
    QString replyTo;    // empty: the organisation's contact e-mail
    QString publicUrl;  // empty: the server's own address
    // Where replies go: the organisation's contact e-mail unless another address was chosen
    // (empty: no Reply-To).
    QString effectiveReplyTo() const;
    // Where the organisation's links start (booking link, private links, invitations): its own
    // public address when it set one (its reverse proxy), else the server's; no trailing slash.
    QString linkBase(const QString &serverUrl) const;
};

// An agent as the administration lists them.
struct AgentAccount
{
    Agent agent;
    bool hasPassword = false;
    bool mustChangePassword = false;
    qint64 lastSignInAt = 0; // UTC seconds; 0: never
};

enum class AdminError
{
    None,
    Invalid,   // 422, with fields
    Forbidden, // 403
    NotFound,  // 404: unknown, or of another organisation
    Conflict   // 409: the last administrator
};

struct AdminOutcome
{
    AdminError error = AdminError::None;
    QString message;
    FieldErrors fields;
    Id id = 0;
    // archive_agent: the archived agent's future appointments, to reassign.
    QList<Id> rdvsToReassign;
    // A new invitation's clear token (save_agent without a password, reset_agent_password).
    QString invitationToken;
    bool ok() const { return error == AdminError::None; }
};

// What the first start creates, in one transaction.
struct FirstStart
{
    OrganisationSettings settings;
    Agent admin;
    QString password;
    std::optional<Lieu> lieu;
};

class OrganisationService
{
public:
    static constexpr int kMinPasswordLength = 12;
    static constexpr qint64 kInvitationSecs = 7 * 24 * 3600;
    static constexpr int kMaxDelayHours = 14 * 24;

    explicit OrganisationService(Store &store, const Clock &clock = Clock::system());

    // Called inside the transaction that changed an organisation's reminder delay, so pending
    // reminders follow it (sync/notify/reminderschedule.h); models know no outbox.
    void setReminderDelayListener(std::function<void(Id organisationId, int hours)> listener)
    {
        m_reminderDelayChanged = std::move(listener);
    }

    // Field rules, usable before anything is stored (the first-start wizard).
    static FieldErrors validate(const OrganisationSettings &s);
    static FieldErrors validateAgent(const Agent &a);
    // At least 12 characters, not one of the most common passwords (resources/passwords).
    static void checkPassword(FieldErrors &errors, const QString &field, const QString &password);
    // "Maison France Services de Saint-Lô" -> "maison-france-services-de-saint-lo".
    static QString proposeSlug(const QString &name);
    bool slugTaken(const QString &slug, Id exceptOrganisation = 0) const;
    bool emailTaken(const QString &email, Id exceptAgent = 0) const;

    OrganisationSettings settings(Id organisationId) const;
    // The same for an organisation already read.
    OrganisationSettings settings(const Organisation &organisation) const;
    QList<AgentAccount> accounts(Id organisationId) const;
    std::optional<AgentAccount> account(Id agentId) const;

    // The first start: organisation, first administrator (with their password) and maybe a lieu.
    AdminOutcome createOrganisation(const FirstStart &start);

    // Administrators only; `s.organisation.id` must be the actor's organisation.
    AdminOutcome saveOrganisation(const Agent &actor, OrganisationSettings s);
    // A new agent (id 0) or a change of name, e-mail or role. `initialPassword` (new agents
    // only, optional): set, and to be changed at first sign-in; otherwise an invitation.
    // Passwords are hashed before the write transaction opens (or ahead: PasswordInput).
    AdminOutcome saveAgent(const Agent &actor, Agent a, const PasswordInput &initialPassword = {});
    // Ends their sessions and calendar feed at once; their future appointments stay.
    AdminOutcome archiveAgent(const Agent &actor, Id agentId);
    // Clears the password, ends the sessions; with `initialPassword` sets it (to be changed at
    // first sign-in), otherwise issues an invitation.
    AdminOutcome resetPassword(const Agent &actor, Id agentId,
                               const PasswordInput &initialPassword = {});

    // Every agent, for themselves.
    AdminOutcome changeOwnPassword(const Agent &actor, const PasswordInput &current,
                                   const PasswordInput &password);
    AdminOutcome setNotificationLevel(const Agent &actor, NotificationLevel level);
    void recordSignIn(Id agentId);

    // The agent an invitation token names, while valid and unused.
    std::optional<Agent> invitedAgent(const QString &token) const;
    // Sets the password and spends the token.
    AdminOutcome acceptInvitation(const QString &token, const QString &password);

private:
    QString issueInvitation(Id agentId);
    // Not found unless the agent exists in the actor's organisation; forbidden unless admin.
    std::optional<AdminOutcome> refuse(const Agent &actor, Id agentId) const;
    int activeAdmins(Id organisationId, Id except) const;
    void saveSettingsColumns(const OrganisationSettings &s);

    Store &m_store;
    const Clock &m_clock;
    std::function<void(Id, int)> m_reminderDelayChanged;
};

} // namespace creneau
