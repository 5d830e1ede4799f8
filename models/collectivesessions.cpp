#include "models/collectivesessions.h"

#include "models/catalog.h"
#include "models/ownership.h"
#include "models/rdvrepository.h"
#include "models/recurrence.h"
#include "models/sessionrepository.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

namespace creneau {

namespace {

// The organisation whose writer lock a change to this session takes; store-wide when the
// session is unknown, which the change then reports.
qint64 sessionOrganisation(Store &store, Id sessionId)
{
    const auto session = SessionRepository(store).find(sessionId);
    return session ? session->organisationId : Store::kStoreWide;
}

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("creneau::CollectiveSessionService", text, nullptr, n);
}

qint64 instant(const QDate &day, const QTime &time, const QTimeZone &zone)
{
    return QDateTime(day, time, zone).toSecsSinceEpoch();
}

} // namespace

CollectiveSessionService::CollectiveSessionService(Store &store, const Clock &clock,
                                                   RdvEventSink *sink)
    : m_store(store), m_clock(clock), m_sink(sink)
{}

SessionOutcome CollectiveSessionService::failure(BookingError error, FieldErrors fields) const
{
    SessionOutcome out;
    out.error = error;
    out.message = BookingService::messageFor(error);
    out.fields = std::move(fields);
    return out;
}

SessionOutcome CollectiveSessionService::check(const SessionRequest &request, Id agentId,
                                               CollectiveSession &session, QTimeZone &zone)
{
    Catalog catalog(m_store);
    const auto agent = catalog.agent(agentId);
    if (!agent || agent->archived || agent->organisationId != request.organisationId)
        return failure(BookingError::Forbidden);
    const Ownership owns(m_store);
    const Id org = request.organisationId;
    bool agentsOk = true;
    for (Id a : request.agentIds)
        agentsOk = agentsOk && owns.agent(org, a);
    if (!owns.motif(org, request.motifId) || (request.lieuId && !owns.lieu(org, request.lieuId)) ||
        !agentsOk) {
        SessionOutcome out = failure(BookingError::NotFound);
        out.message = tr("Not found in your organisation.");
        return out;
    }
    const Motif motif = catalog.motif(request.motifId).value();
    if (!motif.isCollective() || motif.archived)
        return failure(BookingError::Invalid,
                       {{QStringLiteral("motif_id"),
                         tr("Choose a collective motif (one with a number of places).")}});
    zone = catalog.organisation(org).value().zone();
    session.organisationId = org;
    session.motifId = motif.id;
    session.lieuId = request.lieuId;
    session.agentIds = request.agentIds;
    session.durationMinutes =
        request.durationMinutes ? request.durationMinutes : motif.durationMinutes;
    session.capacity = request.capacity ? request.capacity : motif.capacity;
    session.title = request.title.trimmed();
    FieldErrors errors;
    if (!request.firstDay.isValid() || !request.startTime.isValid()) {
        errors.insert(QStringLiteral("starts_at"), tr("Enter the day and time of the session."));
        return failure(BookingError::Invalid, errors);
    }
    session.startsAt = instant(request.firstDay, request.startTime, zone);
    errors = validateSession(session, request.rrule, request.firstDay, m_clock.nowSecs());
    if (motif.locationType == LocationType::PublicOffice && !request.lieuId)
        errors.insert(QStringLiteral("lieu_id"), tr("Choose the lieu of the session."));
    if (!errors.isEmpty())
        return failure(BookingError::Invalid, errors);
    return {};
}

bool CollectiveSessionService::mayChange(Id agentId, const CollectiveSession &session) const
{
    const auto agent = Catalog(m_store).agent(agentId);
    if (!agent || agent->archived || agent->organisationId != session.organisationId)
        return false;
    return agent->role == AgentRole::Admin || session.agentIds.contains(agentId);
}

SessionOutcome CollectiveSessionService::create(const SessionRequest &request, Id agentId)
{
    WriteTransaction tx(m_store, request.organisationId);
    CollectiveSession model;
    QTimeZone zone;
    if (SessionOutcome checked = check(request, agentId, model, zone); !checked.ok())
        return checked;
    if (Catalog(m_store).agent(agentId)->role != AgentRole::Admin)
        return failure(BookingError::Forbidden);
    const QList<QDate> days =
        RecurrenceRule::parse(request.rrule)
            .dates(request.firstDay, request.firstDay, request.firstDay.addDays(366));
    const qint64 now = m_clock.nowSecs();
    SessionRepository repo(m_store);
    SessionOutcome out;
    for (const QDate &day : days) {
        if (out.sessions.size() >= kMaxSeries)
            break;
        CollectiveSession s = model;
        s.startsAt = instant(day, request.startTime, zone);
        s.createdAt = now;
        s.updatedAt = now;
        repo.insert(s);
        out.sessions << s;
        publishSession(SessionEvent::Kind::Created, s, {}, agentId);
    }
    tx.commit();
    return out;
}

SessionOutcome CollectiveSessionService::update(Id sessionId, const SessionRequest &request,
                                                Id agentId, int expectedVersion)
{
    // Its organisation's writer lock (a session of another organisation is not found).
    WriteTransaction tx(m_store, sessionOrganisation(m_store, sessionId));
    SessionRepository repo(m_store);
    const auto stored = repo.find(sessionId);
    if (!stored || stored->organisationId != request.organisationId ||
        stored->motifId != request.motifId)
        return failure(BookingError::NotFound);
    if (!mayChange(agentId, *stored))
        return failure(BookingError::Forbidden);
    if (expectedVersion && expectedVersion != stored->version)
        return failure(BookingError::StaleVersion);
    if (stored->cancelled)
        return failure(BookingError::NotFound);
    CollectiveSession next;
    QTimeZone zone;
    SessionRequest one = request;
    one.rrule.clear();
    if (SessionOutcome checked = check(one, agentId, next, zone); !checked.ok())
        return checked;
    const int taken = repo.taken(sessionId);
    if (next.capacity < taken)
        return failure(BookingError::Invalid,
                       {{QStringLiteral("capacity"), tr("%n places are already taken.", taken)}});
    CollectiveSession session = *stored;
    session.lieuId = next.lieuId;
    session.agentIds = next.agentIds;
    session.startsAt = next.startsAt;
    session.durationMinutes = next.durationMinutes;
    session.capacity = next.capacity;
    session.title = next.title;
    const qint64 now = m_clock.nowSecs();
    repo.update(session, now);
    SessionOutcome out;
    const bool moved = session.startsAt != stored->startsAt || session.lieuId != stored->lieuId ||
                       session.durationMinutes != stored->durationMinutes;
    RdvRepository rdvs(m_store);
    for (Rdv rdv : rdvs.ofSession(sessionId)) {
        if (rdv.status == RdvStatus::Revoked)
            continue;
        const Rdv previous = rdv;
        rdv.startsAt = session.startsAt;
        rdv.lieuId = session.lieuId;
        rdv.durationMinutes = session.durationMinutes;
        rdv.agentIds = session.agentIds;
        rdvs.update(rdv, now);
        if (moved)
            publish(RdvEvent::Kind::Moved, rdv, previous, agentId);
        out.participants << rdv;
    }
    out.sessions << session;
    publishSession(SessionEvent::Kind::Changed, session, *stored, agentId);
    tx.commit();
    return out;
}

SessionOutcome CollectiveSessionService::cancel(Id sessionId, Id agentId, const QString &reason,
                                                int expectedVersion)
{
    FieldErrors errors;
    checkText(errors, QStringLiteral("reason"), reason, 500);
    if (!errors.isEmpty())
        return failure(BookingError::Invalid, errors);
    // Its organisation's writer lock (a session of another organisation is not found).
    WriteTransaction tx(m_store, sessionOrganisation(m_store, sessionId));
    SessionRepository repo(m_store);
    const auto stored = repo.find(sessionId);
    if (!stored)
        return failure(BookingError::NotFound);
    if (!mayChange(agentId, *stored))
        return failure(BookingError::Forbidden);
    if (expectedVersion && expectedVersion != stored->version)
        return failure(BookingError::StaleVersion);
    SessionOutcome out;
    CollectiveSession session = *stored;
    if (session.cancelled) {
        out.sessions << session;
        return out; // cancelling twice changes nothing
    }
    const qint64 now = m_clock.nowSecs();
    session.cancelled = true;
    session.cancelReason = reason.trimmed();
    repo.update(session, now);
    RdvRepository rdvs(m_store);
    for (Rdv rdv : rdvs.ofSession(sessionId)) {
        if (rdv.status == RdvStatus::Revoked)
            continue;
        const Rdv previous = rdv;
        rdv.status = RdvStatus::Revoked;
        rdv.cancelReason = session.cancelReason;
        rdvs.update(rdv, now);
        publish(RdvEvent::Kind::Cancelled, rdv, previous, agentId);
        out.participants << rdv;
    }
    out.sessions << session;
    publishSession(SessionEvent::Kind::Cancelled, session, *stored, agentId);
    tx.commit();
    return out;
}

void CollectiveSessionService::publish(RdvEvent::Kind kind, const Rdv &rdv, const Rdv &previous,
                                       Id agentId)
{
    if (!m_sink)
        return;
    RdvEvent event;
    event.kind = kind;
    event.rdv = rdv;
    event.previous = previous;
    event.actor = Actor::Kind::Agent;
    event.actorAgentId = agentId;
    m_sink->record(m_store, event);
}

void CollectiveSessionService::publishSession(SessionEvent::Kind kind,
                                              const CollectiveSession &session,
                                              const CollectiveSession &previous, Id agentId)
{
    if (!m_sink)
        return;
    SessionEvent event;
    event.kind = kind;
    event.session = session;
    event.previous = previous;
    event.actorAgentId = agentId;
    m_sink->recordSession(m_store, event);
}

} // namespace creneau
