#include "sync/notify/notificationsink.h"

#include "models/catalog.h"
#include "models/frenchformat.h"
#include "models/organisationservice.h"
#include "models/rdvrepository.h"
#include "models/secrets.h"
#include "models/sessionrepository.h"
#include "models/throttle.h"
#include "models/validation.h"
#include "sync/ical/calendardomain.h"
#include "sync/ical/rdvical.h"
#include "sync/notify/mailtemplate.h"

#include <QLocale>
#include <QSet>
#include <QTimeZone>

namespace creneau::notify {

namespace {

QTimeZone zoneOf(const Organisation &org)
{
    return org.zone();
}

// Everything one change needs to write its messages, read once.
struct Change
{
    const RdvEvent &event;
    Store &store;
    const NotifyContext &context;
    qint64 now = 0;
    Organisation org;
    OrganisationSettings settings; // sender name and Reply-To of the e-mails
    Motif motif;
    std::optional<Lieu> lieu;
    std::optional<Usager> usager;
    std::optional<CollectiveSession> session; // the session the appointment is a place of
    QTimeZone zone;
    TemplateValues values;

    Change(const RdvEvent &e, Store &s, const NotifyContext &c, qint64 n)
        : event(e), store(s), context(c), now(n)
    {}

    bool load();
    // Returns the queued message's id.
    // `heldBecause`: written held (dropped) with this reason instead of queued.
    Id queue(OutboxMessage::Kind kind, const QString &purpose, const QString &recipient,
             const QString &name, const QString &templateName, qint64 dueAt,
             std::optional<ical::Method> method = std::nullopt, const Agent *agent = nullptr,
             const QString &heldBecause = {});
    // A message to the public (usager or prescriber): queued, or held past the recipient's
    // daily limit when the public made this change.
    void queueLimited(OutboxMessage::Kind kind, const QString &purpose, const QString &recipient,
                      const QString &name, const QString &templateName, qint64 dueAt,
                      std::optional<ical::Method> method = std::nullopt);
    void tellAgentsOfHeld(const QString &recipient, int limit);
    std::optional<ical::Calendar> calendar(ical::Method method, const QString &purpose,
                                           const Agent *agent);
    QString calendarDomain; // read at the first calendar
    QSet<QString> held;     // recipients whose messages of this change are held
    void toUsager(const QString &purpose, const QString &templateName, qint64 dueAt,
                  std::optional<ical::Method> method);
    void toAgents(const QString &templateName, ical::Method method, const QList<Id> &agentIds);
    // A participant registered or left: the agents leading the session are told, their
    // calendar's one event of the session updated (its count), unless the whole session changed
    // with it (its own SessionEvent tells them then).
    void toSessionAgents(const QString &templateName);
    void toPrescripteur(const QString &templateName);
    void reminder();
    // The agents read the usager's name as their calendars show it: initials only when the
    // organisation chose so (sync/ical), subject lines included.
    void agentPrivacy(TemplateValues &v) const
    {
        if (org.privacyInitials && v.contains(QStringLiteral("usager")))
            v[QStringLiteral("usager")] = ical::initials(v.value(QStringLiteral("usager")));
    }
};

bool Change::load()
{
    Catalog catalog(store);
    const RdvEvent::Known &known = event.known;
    const auto o = known.organisation && known.organisation->id == event.rdv.organisationId
                       ? known.organisation
                       : catalog.organisation(event.rdv.organisationId);
    const auto m = known.motif && known.motif->id == event.rdv.motifId
                       ? known.motif
                       : catalog.motif(event.rdv.motifId);
    if (!o || !m)
        return false;
    org = *o;
    settings = OrganisationService(store).settings(org);
    motif = *m;
    zone = zoneOf(org);
    if (event.rdv.lieuId)
        lieu = known.lieu && known.lieu->id == event.rdv.lieuId ? known.lieu
                                                                : catalog.lieu(event.rdv.lieuId);
    RdvRepository repo(store);
    if (!event.rdv.usagerIds.isEmpty()) {
        const Id usagerId = event.rdv.usagerIds.first();
        usager =
            known.usager && known.usager->id == usagerId ? known.usager : repo.usager(usagerId);
    }

    const Rdv &rdv = event.rdv;
    values[QStringLiteral("organisation")] = org.name;
    values[QStringLiteral("organisation_phone")] = org.phone;
    values[QStringLiteral("organisation_email")] = org.email;
    values[QStringLiteral("motif")] = motif.name;
    values[QStringLiteral("instructions")] = motif.instructions;
    values[QStringLiteral("date")] = fr::dateTime(rdv.startsAt, zone);
    if (event.previous.startsAt)
        values[QStringLiteral("old_date")] = fr::dateTime(event.previous.startsAt, zone);
    if (motif.locationType != LocationType::PublicOffice)
        values[QStringLiteral("how")] = fr::howItTakesPlace(motif.locationType);
    if (lieu && motif.locationType == LocationType::PublicOffice) {
        values[QStringLiteral("lieu")] = lieu->name;
        values[QStringLiteral("lieu_address")] = lieu->address;
    }
    if (usager) {
        values[QStringLiteral("usager")] = usager->fullName();
        QStringList contact;
        if (!usager->phone.isEmpty())
            contact << fr::phone(usager->phone);
        if (!usager->email.isEmpty())
            contact << usager->email;
        values[QStringLiteral("usager_contact")] = contact.join(QStringLiteral(", "));
    }
    if (usager) {
        // What the prescriber is told the usager receives: the same rule as toUsager().
        QStringList channels;
        if (isMobilePhone(usager->phone))
            channels << QStringLiteral("par SMS au ") + fr::phone(usager->phone);
        if (!usager->email.trimmed().isEmpty())
            channels << QStringLiteral("par e-mail à ") + usager->email.trimmed();
        values[QStringLiteral("usager_channels")] = channels.join(QStringLiteral(" et "));
        const qint64 due = rdv.startsAt - qint64(org.reminderHours) * 3600;
        if (org.reminderHours > 0 && due > now)
            values[QStringLiteral("reminder_date")] = fr::dateTime(due, zone);
    }
    values[QStringLiteral("changed_by")] = event.actor == Actor::Kind::Usager
                                               ? QStringLiteral("par l'usager")
                                               : QStringLiteral("par ") + org.name;
    if (rdv.sessionId) {
        SessionRepository sessions(store);
        session = sessions.find(rdv.sessionId);
        if (session)
            values[QStringLiteral("session_places")] = QStringLiteral("%1/%2").arg(
                QString::number(sessions.taken(session->id)), QString::number(session->capacity));
    }
    values[QStringLiteral("context")] = rdv.context;
    values[QStringLiteral("reason")] = rdv.cancelReason;
    if (rdv.createdBy == CreatedBy::Prescripteur && !rdv.prescripteur.isEmpty()) {
        values[QStringLiteral("prescripteur")] = rdv.prescripteur.fullName().trimmed();
        values[QStringLiteral("prescripteur_email")] = rdv.prescripteur.email;
        values[QStringLiteral("prescripteur_phone")] = rdv.prescripteur.phone;
    }
    // Who made this change, for the agents.
    if (event.kind == RdvEvent::Kind::Created && rdv.createdBy == CreatedBy::Prescripteur)
        values[QStringLiteral("by_prescripteur")] = rdv.prescripteur.fullName().trimmed();
    else if (event.actor == Actor::Kind::Usager)
        values[QStringLiteral("by_usager")] = QStringLiteral("1");
    else if (event.actor == Actor::Kind::Agent && event.actorAgentId)
        if (const auto a = catalog.agent(event.actorAgentId))
            values[QStringLiteral("by_agent")] = a->fullName();

    const QString base = settings.linkBase(context.publicUrl ? context.publicUrl() : QString());
    if (!base.isEmpty()) {
        const QString orgBase = base + QStringLiteral("/rdv/") + org.slug;
        if (!event.usagerToken.isEmpty())
            values[QStringLiteral("link")] =
                orgBase + QStringLiteral("/mon-rdv/") + event.usagerToken;
        if (context.recapToken && rdv.createdBy == CreatedBy::Prescripteur) {
            const QString token = context.recapToken(rdv.id);
            if (!token.isEmpty())
                values[QStringLiteral("recap")] =
                    orgBase + QStringLiteral("/recapitulatif/") + token;
        }
    }
    return true;
}

Id Change::queue(OutboxMessage::Kind kind, const QString &purpose, const QString &recipient,
                 const QString &name, const QString &templateName, qint64 dueAt,
                 std::optional<ical::Method> method, const Agent *agent, const QString &heldBecause)
{
    TemplateValues v = values;
    if (agent) {
        v[QStringLiteral("agent")] = agent->fullName();
        agentPrivacy(v);
    }
    if (agent || purpose == QLatin1String("prescripteur"))
        v.remove(QStringLiteral("link")); // the usager's private link is theirs alone
    // The agents' texts mention the attached file only when there is one.
    if (method && kind == OutboxMessage::Kind::Email)
        v[QStringLiteral("invitation")] = QStringLiteral("1");
    OutboxMessage m;
    m.messageId = secrets::randomToken(18) + QLatin1Char('.') + QString::number(event.rdv.id) +
                  QLatin1Char('@') + context.host;
    m.kind = kind;
    m.purpose = purpose;
    m.rdvId = event.rdv.id;
    m.recipient = recipient;
    m.recipientName = name;
    m.dueAt = dueAt;
    m.createdAt = now;
    m.senderName = settings.senderName.trimmed(); // empty: « Créneau »
    m.replyTo = settings.effectiveReplyTo();
    if (!heldBecause.isEmpty()) {
        m.status = QStringLiteral("dropped");
        m.lastError = heldBecause;
    }
    // Rendered when the message is read (outboxdraft.h), not under this transaction's lock.
    m.draft = OutboxDraft{templateName, std::move(v), std::nullopt};
    if (method && kind == OutboxMessage::Kind::Email) {
        m.draft->calendar = calendar(*method, purpose, agent);
        if (m.draft->calendar)
            m.icsMethod = ical::methodName(*method);
    }
    Outbox(store).enqueue(m);
    return m.id;
}

void Change::queueLimited(OutboxMessage::Kind kind, const QString &purpose,
                          const QString &recipient, const QString &name,
                          const QString &templateName, qint64 dueAt,
                          std::optional<ical::Method> method)
{
    const bool prescripteur = purpose == QLatin1String("prescripteur");
    const int limit =
        prescripteur ? context.maxMessagesPerPrescripteur : context.maxMessagesPerRecipient;
    if (limit <= 0 || event.actor == Actor::Kind::Agent) {
        queue(kind, purpose, recipient, name, templateName, dueAt, method);
        return;
    }
    // A reminder follows its confirmation: held with it, and not counted apart.
    int count = 0;
    if (purpose != QLatin1String("reminder"))
        count = ThrottleCounters(store).hit(
            QLatin1String(prescripteur ? ThrottleCounters::kMessagesPerPrescripteur
                                       : ThrottleCounters::kMessagesPerRecipient),
            recipient, ThrottleWindow{86400}, now);
    if (count > limit)
        held.insert(recipient);
    if (!held.contains(recipient)) {
        queue(kind, purpose, recipient, name, templateName, dueAt, method);
        return;
    }
    queue(kind, purpose, recipient, name, templateName, dueAt, method, nullptr,
          QStringLiteral("Retenu : plus de %1 messages aujourd'hui pour ce destinataire "
                         "(limite anti-abus).")
              .arg(limit));
    if (count == limit + 1)
        tellAgentsOfHeld(recipient, limit);
}

void Change::tellAgentsOfHeld(const QString &recipient, int limit)
{
    Catalog catalog(store);
    TemplateValues v = values;
    v[QStringLiteral("held_recipient")] = recipient;
    v[QStringLiteral("held_limit")] = QString::number(limit);
    for (const Id id : event.rdv.agentIds) {
        const auto agent = catalog.agent(id);
        if (!agent || agent->archived || agent->email.trimmed().isEmpty())
            continue;
        v[QStringLiteral("agent")] = agent->fullName();
        agentPrivacy(v);
        OutboxMessage m;
        m.messageId = secrets::randomToken(18) + QLatin1Char('.') + QString::number(event.rdv.id) +
                      QLatin1Char('@') + context.host;
        m.kind = OutboxMessage::Kind::Email;
        m.purpose = QStringLiteral("agent");
        m.rdvId = event.rdv.id;
        m.recipient = agent->email.trimmed();
        m.recipientName = agent->fullName();
        m.draft = OutboxDraft{QStringLiteral("agent_held"), v, std::nullopt};
        m.dueAt = now;
        m.createdAt = now;
        m.senderName = settings.senderName.trimmed(); // empty: « Créneau »
        m.replyTo = settings.effectiveReplyTo();
        Outbox(store).enqueue(m);
    }
}

// The .ics of this change for one recipient: the agents' view for an agent (its attendee), the
// public's for the usager (the attendee of its CANCEL, their own address: RFC 5546 wants one
// there and none in a PUBLISH) and for the prescriber (nobody's contact). Every face writes the
// appointment through sync/ical, under the same UID.
std::optional<ical::Calendar> Change::calendar(ical::Method method, const QString &purpose,
                                               const Agent *agent)
{
    const ical::Audience audience = agent ? ical::Audience::Agent
                                    : purpose == QLatin1String("prescripteur")
                                        ? ical::Audience::Prescripteur
                                        : ical::Audience::Usager;
    // The agents leading a collective session have one event for it, whoever registers.
    auto e = agent && session
                 ? ical::sessionEvent(store, *session, SessionRepository(store).taken(session->id))
                 : std::optional<ical::Event>(
                       ical::rdvEvent(org, motif, lieu, usager, event.rdv, audience));
    if (!e)
        return std::nullopt;
    e->organizer = ical::organizer(org, context.fromAddress);
    e->sentBy = context.fromAddress;
    if (agent)
        e->attendees << ical::Person{agent->email.trimmed(), agent->fullName()};
    else if (audience == ical::Audience::Usager && usager)
        e->attendees << ical::Person{usager->email.trimmed(), usager->fullName()};
    if (calendarDomain.isEmpty())
        calendarDomain = ical::calendarDomain(store);
    ical::Calendar cal;
    cal.method = method;
    cal.domain = calendarDomain;
    cal.timeZone = org.timeZone;
    cal.stamp = now;
    cal.events << *e;
    return cal;
}

void Change::toUsager(const QString &purpose, const QString &templateName, qint64 dueAt,
                      std::optional<ical::Method> method)
{
    if (!usager)
        return;
    if (!usager->email.trimmed().isEmpty())
        queueLimited(OutboxMessage::Kind::Email, purpose, usager->email.trimmed(),
                     usager->fullName(), templateName, dueAt, method);
    if (isMobilePhone(usager->phone))
        queueLimited(OutboxMessage::Kind::Sms, purpose, usager->phone, usager->fullName(),
                     templateName, dueAt);
}

void Change::toSessionAgents(const QString &templateName)
{
    if (!session || session->cancelled)
        return;
    toAgents(templateName, ical::Method::Request, session->agentIds);
}

void Change::toAgents(const QString &templateName, ical::Method method, const QList<Id> &agentIds)
{
    Catalog catalog(store);
    for (const Id id : agentIds) {
        const auto agent = catalog.agent(id);
        if (!agent || agent->archived || agent->email.trimmed().isEmpty())
            continue;
        // An agent whose calendar is fed by e-mail needs every change, their own included, or
        // the calendar drifts; the notification level only filters the plain notices.
        const bool byEmail = context.calendarByEmail && context.calendarByEmail(store, id);
        if (!byEmail && !NotificationSink::wantsNotice(*agent, event, zone, now))
            continue;
        queue(OutboxMessage::Kind::Email, QStringLiteral("agent"), agent->email.trimmed(),
              agent->fullName(), templateName, now,
              byEmail ? std::optional<ical::Method>(method) : std::nullopt, &*agent);
    }
}

// The prescriber who booked is told of the booking, and then of each move or cancellation by
// the usager or the agents, for information (no link to act: they may not change it). Their
// calendar file follows: same UID, higher SEQUENCE, « CANCELLED » status once cancelled (a
// PUBLISH, which names no attendee).
void Change::toPrescripteur(const QString &templateName)
{
    const Rdv &rdv = event.rdv;
    if (rdv.createdBy != CreatedBy::Prescripteur || rdv.prescripteur.email.trimmed().isEmpty())
        return;
    queueLimited(OutboxMessage::Kind::Email, QStringLiteral("prescripteur"),
                 rdv.prescripteur.email.trimmed(), rdv.prescripteur.fullName(), templateName, now,
                 ical::Method::Publish);
}

void Change::reminder()
{
    const qint64 due = event.rdv.startsAt - qint64(org.reminderHours) * 3600;
    // Past already: the confirmation covers it.
    if (org.reminderHours <= 0 || due <= now)
        return;
    toUsager(QStringLiteral("reminder"), QStringLiteral("usager_reminder"), due, std::nullopt);
}

} // namespace

NotificationSink::NotificationSink(NotifyContext context, const Clock &clock)
    : m_context(std::move(context)), m_clock(clock)
{}

bool NotificationSink::wantsNotice(const Agent &agent, const RdvEvent &event, const QTimeZone &zone,
                                   qint64 now)
{
    const bool ownChange = event.actor == Actor::Kind::Agent && event.actorAgentId == agent.id;
    auto isSoon = [&](qint64 start) {
        if (!start)
            return false;
        const QDate today = QDateTime::fromSecsSinceEpoch(now, zone).date();
        const QDate day = QDateTime::fromSecsSinceEpoch(start, zone).date();
        return day == today || day == today.addDays(1);
    };
    switch (agent.notificationLevel) {
    case NotificationLevel::All:
        return true;
    case NotificationLevel::Others:
        return !ownChange;
    case NotificationLevel::Soon:
        return !ownChange && (isSoon(event.rdv.startsAt) || isSoon(event.previous.startsAt));
    case NotificationLevel::None:
        return false;
    }
    return false;
}

void NotificationSink::queueReminder(Store &store, const Rdv &rdv)
{
    RdvEvent event;
    event.kind = RdvEvent::Kind::Created;
    event.rdv = rdv;
    Change c(event, store, m_context, m_clock.nowSecs());
    if (c.load())
        c.reminder();
}

namespace {

// A session as its participants' appointments see it, for the messages' values (motif, lieu,
// date, the agent who made the change).
Rdv asRdv(const CollectiveSession &s)
{
    Rdv r;
    r.organisationId = s.organisationId;
    r.motifId = s.motifId;
    r.lieuId = s.lieuId;
    r.sessionId = s.id;
    r.agentIds = s.agentIds;
    r.startsAt = s.startsAt;
    r.durationMinutes = s.durationMinutes;
    r.cancelReason = s.cancelReason;
    return r;
}

} // namespace

void NotificationSink::recordSession(Store &store, const SessionEvent &event)
{
    // A session enters the agents' e-mailed calendars with its first participant (one REQUEST
    // per registration, agent_registered): a series of fifty sessions sends nothing until
    // people register. Once there, it is updated when it changes and cancelled with it.
    if (event.kind == SessionEvent::Kind::Created ||
        SessionRepository(store).participantChanges(event.session.id) == 0)
        return;
    RdvEvent as;
    const bool cancelled = event.kind == SessionEvent::Kind::Cancelled;
    as.kind = cancelled ? RdvEvent::Kind::Cancelled : RdvEvent::Kind::Moved;
    as.rdv = asRdv(event.session);
    as.previous = asRdv(event.previous);
    as.actor = Actor::Kind::Agent;
    as.actorAgentId = event.actorAgentId;
    Change c(as, store, m_context, m_clock.nowSecs());
    if (!c.load())
        return;
    if (event.previous.startsAt == event.session.startsAt)
        c.values.remove(QStringLiteral("old_date"));
    c.values[QStringLiteral("session_change")] =
        cancelled ? QStringLiteral("annulée") : QStringLiteral("modifiée");
    if (cancelled)
        c.values[QStringLiteral("cancelled")] = QStringLiteral("1");
    c.toAgents(QStringLiteral("agent_session"),
               cancelled ? ical::Method::Cancel : ical::Method::Request, event.session.agentIds);
    QList<Id> removed; // no longer leading it: out of their calendars
    for (const Id id : event.previous.agentIds)
        if (!event.session.agentIds.contains(id))
            removed << id;
    c.values[QStringLiteral("removed")] = QStringLiteral("1");
    c.toAgents(QStringLiteral("agent_session"), ical::Method::Cancel, removed);
}

void NotificationSink::record(Store &store, const RdvEvent &event)
{
    Change c(event, store, m_context, m_clock.nowSecs());
    const Rdv &rdv = event.rdv;
    switch (event.kind) {
    case RdvEvent::Kind::Created: {
        if (!c.load())
            return;
        c.toPrescripteur(QStringLiteral("prescripteur_confirmation"));
        c.toUsager(QStringLiteral("confirmation"), QStringLiteral("usager_confirmation"), c.now,
                   ical::Method::Publish);
        c.reminder();
        if (rdv.sessionId)
            c.toSessionAgents(QStringLiteral("agent_registered"));
        else
            c.toAgents(QStringLiteral("agent_created"), ical::Method::Request, rdv.agentIds);
        break;
    }
    case RdvEvent::Kind::Moved: {
        Outbox(store).drop(rdv.id, QStringLiteral("reminder"));
        if (!c.load())
            return;
        c.toUsager(QStringLiteral("moved"), QStringLiteral("usager_moved"), c.now,
                   ical::Method::Publish);
        c.reminder();
        if (rdv.sessionId) { // moved with its session: the session's own event tells its agents
            c.toPrescripteur(QStringLiteral("prescripteur_moved"));
            break;
        }
        c.toAgents(QStringLiteral("agent_moved"), ical::Method::Request, rdv.agentIds);
        c.toPrescripteur(QStringLiteral("prescripteur_moved"));
        QList<Id> removed;
        for (const Id id : event.previous.agentIds)
            if (!rdv.agentIds.contains(id))
                removed << id;
        c.toAgents(QStringLiteral("agent_cancelled"), ical::Method::Cancel, removed);
        break;
    }
    case RdvEvent::Kind::Cancelled: {
        Outbox(store).drop(rdv.id, QStringLiteral("reminder"));
        if (!c.load())
            return;
        c.toUsager(QStringLiteral("cancelled"), QStringLiteral("usager_cancelled"), c.now,
                   ical::Method::Cancel);
        if (rdv.sessionId)
            c.toSessionAgents(QStringLiteral("agent_unregistered"));
        else
            c.toAgents(QStringLiteral("agent_cancelled"), ical::Method::Cancel, rdv.agentIds);
        c.toPrescripteur(QStringLiteral("prescripteur_cancelled"));
        break;
    }
    case RdvEvent::Kind::StatusChanged:
        // Excused or revoked by a status change: no notice, but no reminder either.
        if (rdv.status == RdvStatus::Excused || rdv.status == RdvStatus::Revoked)
            Outbox(store).drop(rdv.id, QStringLiteral("reminder"));
        break;
    case RdvEvent::Kind::ContextChanged:
        break;
    }
}

} // namespace creneau::notify
