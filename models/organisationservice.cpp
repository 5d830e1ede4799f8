#include "models/organisationservice.h"

#include "models/catalog.h"
#include "models/catalogservice.h"
#include "models/secrets.h"
#include "models/sql.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>
#include <QUrl>

namespace creneau {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("creneau::OrganisationService", text);
}

const QSet<QString> &commonPasswords()
{
    static const QSet<QString> list = [] {
        QSet<QString> out;
        QFile f(QStringLiteral(":/passwords/common.txt"));
        if (f.open(QIODevice::ReadOnly)) {
            for (const QByteArray &line : f.readAll().split('\n')) {
                const QString word = QString::fromUtf8(line).trimmed().toLower();
                if (!word.isEmpty() && !word.startsWith(QLatin1Char('#')))
                    out.insert(word);
            }
        }
        return out;
    }();
    return list;
}

// "aaaaaaaaaaaa", "abcdefghijkl", "987654321098": one character, or a run up or down.
bool isTrivial(const QString &p)
{
    bool same = true, up = true, down = true;
    for (int i = 1; i < p.size(); ++i) {
        const int d = p.at(i).unicode() - p.at(i - 1).unicode();
        same = same && d == 0;
        up = up && (d == 1 || (p.at(i) == QLatin1Char('0') && p.at(i - 1) == QLatin1Char('9')));
        down =
            down && (d == -1 || (p.at(i) == QLatin1Char('9') && p.at(i - 1) == QLatin1Char('0')));
    }
    return same || up || down;
}

AdminOutcome failure(AdminError e, const QString &message, const FieldErrors &fields = {})
{
    AdminOutcome out;
    out.error = e;
    out.message = message;
    out.fields = fields;
    return out;
}

AdminOutcome invalid(const FieldErrors &fields)
{
    return failure(AdminError::Invalid, tr("Some fields are invalid."), fields);
}

QString q(const char *text)
{
    return QString::fromUtf8(text);
}

} // namespace

QString OrganisationSettings::effectiveReplyTo() const
{
    return replyTo.trimmed().isEmpty() ? organisation.email.trimmed() : replyTo.trimmed();
}

QString OrganisationSettings::linkBase(const QString &serverUrl) const
{
    QString base = publicUrl.trimmed().isEmpty() ? serverUrl : publicUrl.trimmed();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return base;
}

OrganisationService::OrganisationService(Store &store, const Clock &clock)
    : m_store(store), m_clock(clock)
{}

FieldErrors OrganisationService::validate(const OrganisationSettings &s)
{
    FieldErrors e;
    const Organisation &o = s.organisation;
    checkName(e, QStringLiteral("name"), o.name, true);
    static const QRegularExpression slugRe(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
    if (o.slug.isEmpty())
        e.insert(QStringLiteral("slug"), tr("This field is required."));
    else if (o.slug.size() < 2 || o.slug.size() > 60 || !slugRe.match(o.slug).hasMatch())
        e.insert(QStringLiteral("slug"),
                 tr("2 to 60 lower-case letters, digits and hyphens (no accents), "
                    "like « mfs-saint-lo »."));
    checkText(e, QStringLiteral("address"), o.address, 300);
    checkPhone(e, QStringLiteral("phone"), o.phone, false);
    checkEmail(e, QStringLiteral("email"), o.email, false);
    if (!QTimeZone::isTimeZoneIdAvailable(o.timeZone.toUtf8()))
        e.insert(QStringLiteral("time_zone"), tr("Unknown time zone."));
    if (o.reminderHours < 0 || o.reminderHours > kMaxDelayHours)
        e.insert(QStringLiteral("reminder_hours"),
                 tr("Between 0 (no reminder) and %1 hours.").arg(kMaxDelayHours));
    if (o.usagerCancelHours < 0 || o.usagerCancelHours > kMaxDelayHours)
        e.insert(QStringLiteral("usager_cancel_hours"),
                 tr("Between 0 and %1 hours.").arg(kMaxDelayHours));
    // The sender name goes into a mail header: a name's rules (no control characters).
    checkName(e, QStringLiteral("sender_name"), s.senderName, false);
    checkEmail(e, QStringLiteral("reply_to"), s.replyTo, false);
    if (!s.publicUrl.isEmpty()) {
        const QUrl url(s.publicUrl, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")) ||
            url.hasQuery() || url.hasFragment() || s.publicUrl.size() > 200)
            e.insert(QStringLiteral("public_url"),
                     tr("An address like « https://rdv.example.fr », without anything after "
                        "the name."));
    }
    return e;
}

FieldErrors OrganisationService::validateAgent(const Agent &a)
{
    FieldErrors e;
    checkPersonName(e, QStringLiteral("first_name"), a.firstName, true);
    checkPersonName(e, QStringLiteral("last_name"), a.lastName, true);
    checkEmail(e, QStringLiteral("email"), a.email, true);
    return e;
}

void OrganisationService::checkPassword(FieldErrors &errors, const QString &field,
                                        const QString &password)
{
    if (password.size() < kMinPasswordLength)
        errors.insert(field, tr("At least %1 characters.").arg(kMinPasswordLength));
    else if (password.size() > 1024)
        errors.insert(field, tr("1024 characters at most."));
    else if (commonPasswords().contains(password.toLower()) || isTrivial(password))
        errors.insert(field, tr("This password is among the most common ones: choose another."));
}

QString OrganisationService::proposeSlug(const QString &name)
{
    QString out;
    for (const QChar c : foldName(name)) {
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) || c.isDigit())
            out.append(c.unicode() < 128 ? c : QLatin1Char('-'));
        else if (!out.endsWith(QLatin1Char('-')))
            out.append(QLatin1Char('-'));
    }
    out.replace(QRegularExpression(QStringLiteral("-+")), QStringLiteral("-"));
    while (out.startsWith(QLatin1Char('-')))
        out.remove(0, 1);
    out.truncate(60);
    while (out.endsWith(QLatin1Char('-')))
        out.chop(1);
    return out;
}

bool OrganisationService::slugTaken(const QString &slug, Id exceptOrganisation) const
{
    const auto o = Catalog(m_store).organisationBySlug(slug);
    return o && o->id != exceptOrganisation;
}

bool OrganisationService::emailTaken(const QString &email, Id exceptAgent) const
{
    const auto a = Catalog(m_store).agentByEmail(email.trimmed().toLower());
    return a && a->id != exceptAgent;
}

OrganisationSettings OrganisationService::settings(Id organisationId) const
{
    if (const auto o = Catalog(m_store).organisation(organisationId))
        return settings(*o);
    return {};
}

OrganisationSettings OrganisationService::settings(const Organisation &organisation) const
{
    OrganisationSettings s;
    s.organisation = organisation;
    sql::Rows r(m_store.db(),
                q("SELECT sender_name, reply_to, public_url FROM organisations WHERE id = ?"),
                {organisation.id});
    if (r.next()) {
        s.senderName = r.value(0).toString();
        s.replyTo = r.value(1).toString();
        s.publicUrl = r.value(2).toString();
    }
    return s;
}

QList<AgentAccount> OrganisationService::accounts(Id organisationId) const
{
    QList<AgentAccount> out;
    for (const Agent &a : Catalog(m_store).agents(organisationId))
        if (auto acc = account(a.id))
            out << *acc;
    return out;
}

std::optional<AgentAccount> OrganisationService::account(Id agentId) const
{
    const auto a = Catalog(m_store).agent(agentId);
    if (!a)
        return std::nullopt;
    AgentAccount acc;
    acc.agent = *a;
    sql::Rows r(m_store.db(),
                q("SELECT password_hash <> '', must_change_password, last_sign_in_at "
                  "FROM agents WHERE id = ?"),
                {agentId});
    if (r.next()) {
        acc.hasPassword = r.value(0).toBool();
        acc.mustChangePassword = r.value(1).toBool();
        acc.lastSignInAt = r.value(2).toLongLong();
    }
    return acc;
}

void OrganisationService::saveSettingsColumns(const OrganisationSettings &s)
{
    sql::run(
        m_store.db(),
        q("UPDATE organisations SET sender_name = ?, reply_to = ?, public_url = ? "
          "WHERE id = ?"),
        {s.senderName.trimmed(), s.replyTo.trimmed(), s.publicUrl.trimmed(), s.organisation.id});
}

AdminOutcome OrganisationService::createOrganisation(const FirstStart &start)
{
    OrganisationSettings s = start.settings;
    s.organisation.id = 0;
    FieldErrors e = validate(s);
    if (!e.contains(QStringLiteral("slug")) && slugTaken(s.organisation.slug))
        e.insert(QStringLiteral("slug"), tr("This address is already taken."));
    const FieldErrors agentErrors = validateAgent(start.admin);
    for (auto it = agentErrors.cbegin(); it != agentErrors.cend(); ++it)
        e.insert(QStringLiteral("admin.") + it.key(), it.value());
    if (!agentErrors.contains(QStringLiteral("email")) && emailTaken(start.admin.email))
        e.insert(QStringLiteral("admin.email"), tr("Another agent already uses this e-mail."));
    checkPassword(e, QStringLiteral("admin.password"), start.password);
    // The first lieu follows the Lieux dialog's rules (CatalogService), not a copy of them.
    if (start.lieu) {
        const FieldErrors lieuErrors = CatalogService::checkLieu(*start.lieu);
        for (auto it = lieuErrors.cbegin(); it != lieuErrors.cend(); ++it)
            e.insert(QStringLiteral("lieu.") + it.key(), it.value());
    }
    if (!e.isEmpty())
        return invalid(e);
    // Argon2id before the write lock: tens of milliseconds nobody waits for.
    const QString hash = secrets::hashPassword(start.password);
    WriteTransaction tx(m_store);
    Catalog catalog(m_store);
    if (slugTaken(s.organisation.slug)) // taken while we hashed
        return invalid({{QStringLiteral("slug"), tr("This address is already taken.")}});
    catalog.save(s.organisation);
    saveSettingsColumns(s);
    Agent admin = start.admin;
    admin.id = 0;
    admin.organisationId = s.organisation.id;
    admin.email = admin.email.trimmed();
    admin.role = AgentRole::Admin;
    catalog.save(admin);
    catalog.setPasswordHash(admin.id, hash);
    if (start.lieu) {
        Lieu l = *start.lieu;
        l.id = 0;
        l.organisationId = s.organisation.id;
        catalog.save(l);
    }
    tx.commit();
    AdminOutcome out;
    out.id = s.organisation.id;
    return out;
}

std::optional<AdminOutcome> OrganisationService::refuse(const Agent &actor, Id agentId) const
{
    const auto a = Catalog(m_store).agent(agentId);
    // Another organisation's agent answers as an unknown one: nothing says it exists.
    if (!a || a->organisationId != actor.organisationId)
        return failure(AdminError::NotFound, tr("Not found in your organisation."));
    if (actor.role != AgentRole::Admin)
        return failure(AdminError::Forbidden, tr("Only an administrator may manage agents."));
    return std::nullopt;
}

int OrganisationService::activeAdmins(Id organisationId, Id except) const
{
    return sql::scalar(m_store.db(),
                       q("SELECT COUNT(*) FROM agents WHERE organisation_id = ? AND role = "
                         "'admin' AND archived = 0 AND id <> ?"),
                       {organisationId, except})
        .toInt();
}

AdminOutcome OrganisationService::saveOrganisation(const Agent &actor, OrganisationSettings s)
{
    if (s.organisation.id != actor.organisationId)
        return failure(AdminError::NotFound, tr("Not found in your organisation."));
    if (actor.role != AgentRole::Admin)
        return failure(AdminError::Forbidden,
                       tr("Only an administrator may change the organisation."));
    s.organisation.name = s.organisation.name.trimmed();
    s.organisation.email = s.organisation.email.trimmed();
    FieldErrors e = validate(s);
    if (!e.contains(QStringLiteral("slug")) && slugTaken(s.organisation.slug, s.organisation.id))
        e.insert(QStringLiteral("slug"), tr("This address is already taken."));
    if (!e.isEmpty())
        return invalid(e);
    WriteTransaction tx(m_store);
    const auto before = Catalog(m_store).organisation(s.organisation.id);
    if (!before)
        return failure(AdminError::NotFound, tr("Not found in your organisation."));
    // What the form does not show stays as stored.
    s.organisation.privacyInitials = before->privacyInitials;
    Catalog(m_store).save(s.organisation);
    saveSettingsColumns(s);
    if (before->reminderHours != s.organisation.reminderHours && m_reminderDelayChanged)
        m_reminderDelayChanged(s.organisation.id, s.organisation.reminderHours);
    tx.commit();
    AdminOutcome out;
    out.id = s.organisation.id;
    return out;
}

AdminOutcome OrganisationService::saveAgent(const Agent &actor, Agent a,
                                            const PasswordInput &initialPassword)
{
    a.firstName = a.firstName.trimmed();
    a.lastName = a.lastName.trimmed();
    a.email = a.email.trimmed().toLower();
    std::optional<Agent> stored;
    if (a.id) {
        if (auto refused = refuse(actor, a.id))
            return *refused;
        stored = Catalog(m_store).agent(a.id);
    } else if (actor.role != AgentRole::Admin) {
        return failure(AdminError::Forbidden, tr("Only an administrator may manage agents."));
    }
    FieldErrors e = validateAgent(a);
    if (!e.contains(QStringLiteral("email")) && emailTaken(a.email, a.id))
        e.insert(QStringLiteral("email"), tr("Another agent already uses this e-mail."));
    if (!initialPassword.isEmpty()) {
        if (a.id)
            e.insert(QStringLiteral("initial_password"),
                     tr("Use « Reset password » for an existing agent."));
        else
            checkPassword(e, QStringLiteral("initial_password"), initialPassword.clear());
    }
    if (!e.isEmpty())
        return invalid(e);
    const QString hash = initialPassword.hash();
    WriteTransaction tx(m_store);
    if (stored && stored->role == AgentRole::Admin && a.role != AgentRole::Admin &&
        !stored->archived && activeAdmins(actor.organisationId, a.id) == 0)
        return failure(AdminError::Conflict,
                       tr("The organisation's last administrator cannot become an agent: "
                          "make someone else administrator first."));
    a.organisationId = actor.organisationId;
    if (stored) {
        // Not changed here: archiving has its own command, the level is the agent's own choice.
        a.archived = stored->archived;
        a.notificationLevel = stored->notificationLevel;
    } else {
        a.archived = false;
    }
    Catalog(m_store).save(a);
    AdminOutcome out;
    out.id = a.id;
    if (!stored) {
        if (hash.isEmpty()) {
            out.invitationToken = issueInvitation(a.id);
        } else {
            Catalog(m_store).setPasswordHash(a.id, hash);
            sql::run(m_store.db(), q("UPDATE agents SET must_change_password = 1 WHERE id = ?"),
                     {a.id});
        }
    }
    tx.commit();
    return out;
}

AdminOutcome OrganisationService::archiveAgent(const Agent &actor, Id agentId)
{
    if (auto refused = refuse(actor, agentId))
        return *refused;
    WriteTransaction tx(m_store);
    Catalog catalog(m_store);
    Agent a = *catalog.agent(agentId);
    if (a.role == AgentRole::Admin && !a.archived && activeAdmins(actor.organisationId, a.id) == 0)
        return failure(AdminError::Conflict,
                       tr("The organisation's last administrator cannot be archived: make "
                          "someone else administrator first."));
    a.archived = true;
    catalog.save(a); // also ends their sessions
    // Their calendar feed ends too, and does not come back if they are ever restored.
    sql::run(m_store.db(),
             q("UPDATE agent_calendars SET feed_token_hash = '', seq = ? WHERE agent_id = ?"),
             {m_store.nextSeq(a.organisationId), agentId});
    sql::run(m_store.db(),
             q("UPDATE agent_invitations SET used_at = ? WHERE agent_id = ? AND "
               "used_at = 0"),
             {m_clock.nowSecs(), agentId});
    AdminOutcome out;
    out.id = agentId;
    sql::Rows r(m_store.db(),
                q("SELECT r.id FROM rdvs r JOIN rdv_agents ra ON ra.rdv_id = r.id "
                  "WHERE ra.agent_id = ? AND r.starts_at >= ? AND r.status <> "
                  "'revoked' AND r.status <> 'excused' ORDER BY r.starts_at"),
                {agentId, m_clock.nowSecs()});
    while (r.next())
        out.rdvsToReassign << r.value(0).toLongLong();
    tx.commit();
    return out;
}

AdminOutcome OrganisationService::resetPassword(const Agent &actor, Id agentId,
                                                const PasswordInput &initialPassword)
{
    if (auto refused = refuse(actor, agentId))
        return *refused;
    FieldErrors e;
    if (!initialPassword.isEmpty())
        checkPassword(e, QStringLiteral("initial_password"), initialPassword.clear());
    if (!e.isEmpty())
        return invalid(e);
    const QString hash = initialPassword.hash();
    WriteTransaction tx(m_store);
    const auto a = Catalog(m_store).agent(agentId);
    if (a->archived)
        return failure(AdminError::Invalid, tr("This agent is archived."));
    Catalog(m_store).setPasswordHash(agentId, hash); // also ends their sessions
    sql::run(m_store.db(), q("UPDATE agents SET must_change_password = ? WHERE id = ?"),
             {int(!hash.isEmpty()), agentId});
    AdminOutcome out;
    out.id = agentId;
    if (hash.isEmpty())
        out.invitationToken = issueInvitation(agentId);
    tx.commit();
    return out;
}

AdminOutcome OrganisationService::changeOwnPassword(const Agent &actor,
                                                    const PasswordInput &current,
                                                    const PasswordInput &password)
{
    FieldErrors e;
    if (!current.matches(Catalog(m_store).passwordHash(actor.id)))
        e.insert(QStringLiteral("current_password"), tr("Wrong password."));
    checkPassword(e, QStringLiteral("password"), password.clear());
    if (!e.contains(QStringLiteral("password")) && current.clear() == password.clear())
        e.insert(QStringLiteral("password"), tr("Choose a password other than the current one."));
    if (!e.isEmpty())
        return invalid(e);
    const QString hash = password.hash();
    WriteTransaction tx(m_store);
    // Ends every session, this one included: the desktop signs in again with the new password.
    Catalog(m_store).setPasswordHash(actor.id, hash);
    sql::run(m_store.db(), q("UPDATE agents SET must_change_password = 0 WHERE id = ?"),
             {actor.id});
    tx.commit();
    AdminOutcome out;
    out.id = actor.id;
    return out;
}

AdminOutcome OrganisationService::setNotificationLevel(const Agent &actor, NotificationLevel level)
{
    WriteTransaction tx(m_store);
    auto a = Catalog(m_store).agent(actor.id);
    if (!a)
        return failure(AdminError::NotFound, tr("Not found in your organisation."));
    a->notificationLevel = level;
    Catalog(m_store).save(*a);
    tx.commit();
    AdminOutcome out;
    out.id = actor.id;
    return out;
}

void OrganisationService::recordSignIn(Id agentId)
{
    // Not a change the feed carries (the column is left out of it): no sequence number, so a
    // sign-in does not make every desktop pull.
    WriteTransaction tx(m_store);
    sql::run(m_store.db(), q("UPDATE agents SET last_sign_in_at = ? WHERE id = ?"),
             {m_clock.nowSecs(), agentId});
    tx.commit();
}

QString OrganisationService::issueInvitation(Id agentId)
{
    // One valid invitation at a time: a new one replaces the previous link.
    const qint64 now = m_clock.nowSecs();
    sql::run(m_store.db(),
             q("UPDATE agent_invitations SET used_at = ? WHERE agent_id = ? AND used_at = 0"),
             {now, agentId});
    const QString token = secrets::randomToken(24); // 192 bits
    sql::run(m_store.db(),
             q("INSERT INTO agent_invitations (token_hash, agent_id, created_at, expires_at) "
               "VALUES (?, ?, ?, ?)"),
             {secrets::tokenHash(token), agentId, now, now + kInvitationSecs});
    return token;
}

std::optional<Agent> OrganisationService::invitedAgent(const QString &token) const
{
    if (token.size() < 20 || token.size() > 100)
        return std::nullopt;
    const QVariant id = sql::scalar(m_store.db(),
                                    q("SELECT agent_id FROM agent_invitations WHERE token_hash = "
                                      "? AND used_at = 0 AND expires_at > ?"),
                                    {secrets::tokenHash(token), m_clock.nowSecs()});
    if (!id.isValid())
        return std::nullopt;
    const auto a = Catalog(m_store).agent(id.toLongLong());
    if (!a || a->archived)
        return std::nullopt;
    return a;
}

AdminOutcome OrganisationService::acceptInvitation(const QString &token, const QString &password)
{
    if (!invitedAgent(token))
        return failure(AdminError::NotFound,
                       tr("This invitation is no longer valid: ask your administrator for a new "
                          "one."));
    FieldErrors e;
    checkPassword(e, QStringLiteral("password"), password);
    if (!e.isEmpty())
        return invalid(e);
    const QString hash = secrets::hashPassword(password);
    WriteTransaction tx(m_store);
    const auto agent = invitedAgent(token); // spent by another request while we hashed?
    if (!agent)
        return failure(AdminError::NotFound,
                       tr("This invitation is no longer valid: ask your administrator for a new "
                          "one."));
    sql::run(m_store.db(), q("UPDATE agent_invitations SET used_at = ? WHERE token_hash = ?"),
             {m_clock.nowSecs(), secrets::tokenHash(token)});
    Catalog(m_store).setPasswordHash(agent->id, hash);
    sql::run(m_store.db(), q("UPDATE agents SET must_change_password = 0 WHERE id = ?"),
             {agent->id});
    tx.commit();
    AdminOutcome out;
    out.id = agent->id;
    return out;
}

} // namespace creneau
