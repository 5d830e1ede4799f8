#include "models/booking.h"

#include "models/catalog.h"
#include "models/horizon.h"
#include "models/ownership.h"
#include "models/rdvrepository.h"
#include "models/secrets.h"

#include <QCoreApplication>

namespace creneau {

namespace {

bool motifOpenTo(const Motif &m, CreatedBy booker)
{
    switch (booker) {
    case CreatedBy::Agent:
        return true;
    case CreatedBy::Prescripteur:
        return m.bookableBy != BookableBy::Agents;
    case CreatedBy::Usager:
        return m.bookableBy == BookableBy::Everyone;
    }
    return false;
}

// The organisation whose writer lock a change of this appointment takes (read before the lock:
// an appointment never changes organisation). 0 when there is no such appointment: then no lock,
// and nothing is written either.
Id rdvOrganisation(Store &store, Id rdvId)
{
    return sql::scalar(store.db(), QStringLiteral("SELECT organisation_id FROM rdvs WHERE id = ?"),
                       {rdvId})
        .toLongLong();
}

} // namespace

BookingService::BookingService(Store &store, SlotEngine &engine, const Clock &clock,
                               RdvEventSink *sink)
    : m_store(store), m_engine(engine), m_clock(clock), m_sink(sink)
{}

QString BookingService::messageFor(BookingError error)
{
    switch (error) {
    case BookingError::None:
        return {};
    case BookingError::Invalid:
        return QCoreApplication::translate("creneau::Booking", "Some fields need your attention.");
    case BookingError::MotifUnavailable:
        return QCoreApplication::translate("creneau::Booking",
                                           "This motif cannot be booked online.");
    case BookingError::CreneauTaken:
        return QCoreApplication::translate("creneau::Booking",
                                           "This créneau is no longer available.");
    case BookingError::Forbidden:
        return QCoreApplication::translate(
            "creneau::Booking",
            "You are not allowed to change this appointment. Only the agent and the usager "
            "can cancel or change it.");
    case BookingError::NotFound:
        return QCoreApplication::translate("creneau::Booking", "This appointment does not exist.");
    case BookingError::StaleVersion:
        return QCoreApplication::translate(
            "creneau::Booking", "This appointment was changed meanwhile by someone else.");
    case BookingError::TooLate:
        return QCoreApplication::translate(
            "creneau::Booking", "It is too late to cancel this appointment online: please call the "
                                "organisation.");
    case BookingError::SessionFull:
        return QCoreApplication::translate("creneau::Booking",
                                           "This session is full: choose another one.");
    case BookingError::AlreadyRegistered:
        return QCoreApplication::translate("creneau::Booking",
                                           "This usager is already registered in this session.");
    }
    return {};
}

BookingOutcome BookingService::failure(BookingError error, FieldErrors fields) const
{
    BookingOutcome out;
    out.error = error;
    out.message = messageFor(error);
    out.fields = std::move(fields);
    return out;
}

FieldErrors validateBookingRequest(const BookingRequest &request, const QDate &today,
                                   Usager *usager)
{
    FieldErrors errors;
    if (request.bookedBy == CreatedBy::Prescripteur)
        errors = validatePrescripteur(request.prescripteur);
    if (request.existingUsagerId)
        return errors;
    Usager u = request.usager;
    u.organisationId = request.organisationId;
    u.firstName = u.firstName.trimmed();
    u.lastName = u.lastName.trimmed();
    u.email = u.email.trimmed();
    const FieldErrors usagerErrors = validateUsager(u);
    for (auto it = usagerErrors.cbegin(); it != usagerErrors.cend(); ++it)
        errors.insert(it.key(), it.value());
    if (u.birthDate.isValid() && u.birthDate > today)
        errors.insert(QStringLiteral("usager.birth_date"),
                      QCoreApplication::translate("creneau::Booking",
                                                  "The birth date cannot be in the future."));
    u.phone = normalizePhone(u.phone);
    checkText(errors, QStringLiteral("context"), request.context, 2000);
    if (usager)
        *usager = u;
    return errors;
}

FieldErrors BookingService::validate(const BookingRequest &request, Usager &usager) const
{
    return validateBookingRequest(request, m_clock.now().date(), &usager);
}

Id BookingService::freeAgentFor(const Motif &motif, Id lieuId, qint64 start, bool ignoreDelays)
{
    const QTimeZone zone = m_engine.availability().timeZone(motif.organisationId);
    const QDate day = QDateTime::fromSecsSinceEpoch(start, zone).date();
    SlotQuery query;
    query.motifId = motif.id;
    query.lieuId = lieuId;
    query.from = day;
    query.to = day;
    query.now = m_clock.now();
    query.ignoreDelays = ignoreDelays;
    for (const Creneau &c : m_engine.creneaux(query)) {
        if (c.startsAt == start && (lieuId == 0 || c.lieuId == lieuId))
            return m_engine.chooseAgent(c);
    }
    return 0;
}

BookingOutcome BookingService::book(const BookingRequest &request)
{
    Usager usager;
    const FieldErrors errors = validate(request, usager);
    if (!errors.isEmpty())
        return failure(BookingError::Invalid, errors);
    if (BookingOutcome out = checkBoundsAndScope(request); !out.ok())
        return out;

    WriteTransaction tx(m_store, request.organisationId);
    m_engine.availability().refresh();
    const Motif *motif = m_engine.availability().motif(request.motifId);
    if (!motif || motif->archived || motif->organisationId != request.organisationId ||
        !motifOpenTo(*motif, request.bookedBy))
        return failure(BookingError::MotifUnavailable);
    if (motif->isCollective() != (request.sessionId != 0))
        return failure(BookingError::Invalid,
                       {{QStringLiteral("session_id"),
                         motif->isCollective()
                             ? QCoreApplication::translate("creneau::Booking",
                                                           "Choose one of this motif's sessions.")
                             : QCoreApplication::translate(
                                   "creneau::Booking", "This motif has no collective sessions.")}});

    Rdv rdv;
    if (request.sessionId) {
        if (BookingOutcome placed = placeInSession(*motif, request, rdv); !placed.ok())
            return placed;
    } else {
        const qint64 end = request.startsAt + qint64(motif->durationMinutes) * 60;
        Id agentId = 0;
        Id lieuId = request.lieuId;
        if (request.bookedBy == CreatedBy::Agent && request.agentId) {
            // At the desk an agent books themself for any motif, wherever their agenda is free.
            const Agent *agent = m_engine.availability().agent(request.agentId);
            if (!agent || agent->organisationId != request.organisationId)
                return failure(BookingError::Forbidden);
            if (!m_engine.isAgentFree(request.agentId, request.startsAt, end))
                return failure(BookingError::CreneauTaken);
            agentId = request.agentId;
        } else {
            agentId = freeAgentFor(*motif, lieuId, request.startsAt,
                                   request.bookedBy == CreatedBy::Agent);
            if (!agentId)
                return failure(BookingError::CreneauTaken);
            if (!lieuId) {
                for (const Availability::Plage *p :
                     m_engine.availability().plagesOffering(motif->id))
                    if (p->plage.agentId == agentId)
                        lieuId = p->plage.lieuId;
            }
        }
        if (lieuId) {
            const Lieu *lieu = m_engine.availability().lieu(lieuId);
            if (!lieu || lieu->archived || lieu->organisationId != request.organisationId)
                return failure(BookingError::CreneauTaken);
        }
        rdv.lieuId = lieuId;
        rdv.agentIds = {agentId};
        rdv.startsAt = request.startsAt;
        rdv.durationMinutes = motif->durationMinutes;
    }

    RdvRepository repo(m_store);
    const qint64 now = m_clock.nowSecs();
    BookingOutcome out;
    if (request.existingUsagerId) {
        const auto existing = repo.usager(request.existingUsagerId);
        if (!existing || existing->organisationId != request.organisationId)
            return failure(
                BookingError::Invalid,
                {{QStringLiteral("usager"),
                  QCoreApplication::translate("creneau::Booking", "This usager does not exist.")}});
        out.usager = *existing;
        out.usagerReused = true;
    } else if (const auto match = repo.findMatchingUsager(usager)) {
        // Reused only when every field typed is the one stored: a booking never learns, nor
        // overwrites, what it did not type. Otherwise a new usager, flagged to the agents as a
        // possible duplicate (UsagerDuplicates). The answer carries what was typed.
        out.usager = usager;
        out.usager.id = match->id;
        out.usagerReused = true;
    } else {
        repo.insert(usager, now);
        out.usager = usager;
    }

    // Inside the transaction, after the usager is known: a second registration of the same
    // person is refused (and the usager just inserted for it is rolled back with it).
    if (request.sessionId &&
        SessionRepository(m_store).hasParticipantLike(request.sessionId, out.usager))
        return failure(BookingError::AlreadyRegistered);

    rdv.organisationId = request.organisationId;
    rdv.motifId = motif->id;
    rdv.usagerIds = {out.usager.id};
    rdv.createdBy = request.bookedBy;
    rdv.createdByAgentId = request.bookedBy == CreatedBy::Agent ? request.agentId : 0;
    if (request.bookedBy == CreatedBy::Prescripteur) {
        rdv.prescripteur = request.prescripteur;
        rdv.prescripteur.firstName = rdv.prescripteur.firstName.trimmed();
        rdv.prescripteur.lastName = rdv.prescripteur.lastName.trimmed();
        rdv.prescripteur.email = rdv.prescripteur.email.trimmed();
        rdv.prescripteur.phone = normalizePhone(rdv.prescripteur.phone);
    }
    rdv.context = request.context.trimmed();
    rdv.createdAt = now;
    rdv.updatedAt = now;
    // Every usager who can be reached gets a private link to cancel or move, whoever booked; it
    // goes to the usager alone (their SMS or e-mail), never to a prescripteur or in an answer
    // to one.
    // A usager booking for themself sees it on the page that follows, contact or not.
    if (request.bookedBy == CreatedBy::Usager || !out.usager.phone.trimmed().isEmpty() ||
        !out.usager.email.trimmed().isEmpty())
        out.usagerToken = secrets::randomToken(24);
    repo.insert(rdv, out.usagerToken.isEmpty() ? QString() : secrets::tokenHash(out.usagerToken));
    out.rdv = rdv;
    Actor actor;
    actor.kind = request.bookedBy == CreatedBy::Agent          ? Actor::Kind::Agent
                 : request.bookedBy == CreatedBy::Prescripteur ? Actor::Kind::Prescripteur
                                                               : Actor::Kind::Usager;
    actor.agentId = request.agentId;
    actor.usagerToken = out.usagerToken;
    // The picture is caught up with this transaction (read under its lock), and a usager just
    // inserted is the row as written; a reused one is read again, as stored.
    RdvEvent::Known known;
    if (const Organisation *o = m_engine.availability().organisation(request.organisationId))
        known.organisation = *o;
    known.motif = *motif;
    if (rdv.lieuId)
        if (const Lieu *l = m_engine.availability().lieu(rdv.lieuId))
            known.lieu = *l;
    if (!out.usagerReused)
        known.usager = out.usager;
    publish(RdvEvent::Kind::Created, rdv, Rdv(), actor, std::move(known));
    tx.commit();
    return out;
}

BookingOutcome BookingService::placeInSession(const Motif &motif, const BookingRequest &request,
                                              Rdv &rdv)
{
    SessionRepository sessions(m_store);
    const auto session = sessions.find(request.sessionId);
    if (!session || session->organisationId != request.organisationId ||
        session->motifId != motif.id) {
        BookingOutcome out = failure(BookingError::NotFound);
        out.message =
            QCoreApplication::translate("creneau::Booking", "This session does not exist.");
        return out;
    }
    const qint64 now = m_clock.nowSecs();
    // Prescribers and usagers register within the motif's delays; an agent at the desk also
    // after them, until the session ends.
    const bool open = request.bookedBy == CreatedBy::Agent
                          ? session->endsAt() > now
                          : session->startsAt >= now + qint64(motif.minDelayMinutes) * 60 &&
                                session->startsAt <= now + qint64(motif.maxDelayMinutes) * 60;
    if (session->cancelled || !open) {
        BookingOutcome out = failure(BookingError::CreneauTaken);
        out.message = session->cancelled
                          ? QCoreApplication::translate("creneau::Booking",
                                                        "This session has been cancelled.")
                          : QCoreApplication::translate(
                                "creneau::Booking", "Registrations for this session are closed.");
        return out;
    }
    if (sessions.taken(session->id) >= session->capacity) {
        BookingOutcome out = failure(BookingError::SessionFull);
        out.nextSessions = sessions.upcomingWithPlaces(
            motif.id, now + qint64(motif.minDelayMinutes) * 60, 3, true);
        return out;
    }
    rdv.sessionId = session->id;
    rdv.lieuId = session->lieuId;
    rdv.agentIds = session->agentIds;
    rdv.startsAt = session->startsAt;
    rdv.durationMinutes = session->durationMinutes;
    return {};
}

BookingOutcome BookingService::authorise(Id rdvId, const Actor &actor, int expectedVersion,
                                         bool cancelling)
{
    RdvRepository repo(m_store);
    const auto rdv = repo.find(rdvId);
    if (!rdv)
        return failure(BookingError::NotFound);
    switch (actor.kind) {
    case Actor::Kind::Prescripteur:
        return failure(BookingError::Forbidden);
    case Actor::Kind::Usager: {
        const auto byToken = repo.findByUsagerToken(secrets::tokenHash(actor.usagerToken));
        if (actor.usagerToken.isEmpty() || !byToken || byToken->id != rdvId)
            return failure(BookingError::Forbidden);
        const Organisation org = Catalog(m_store).organisation(rdv->organisationId).value();
        if (cancelling && m_clock.nowSecs() > rdv->startsAt - qint64(org.usagerCancelHours) * 3600)
            return failure(BookingError::TooLate);
        break;
    }
    case Actor::Kind::Agent: {
        const auto agent = Catalog(m_store).agent(actor.agentId);
        const bool ownsIt = rdv->agentIds.contains(actor.agentId);
        const bool adminOfIt = agent && agent->role == AgentRole::Admin &&
                               agent->organisationId == rdv->organisationId;
        if (!agent || agent->archived || (!ownsIt && !adminOfIt))
            return failure(BookingError::Forbidden);
        break;
    }
    }
    if (expectedVersion && expectedVersion != rdv->version) {
        BookingOutcome out = failure(BookingError::StaleVersion);
        out.rdv = *rdv;
        return out;
    }
    BookingOutcome out;
    out.rdv = *rdv;
    return out;
}

BookingOutcome BookingService::cancel(Id rdvId, const Actor &actor, const QString &reason,
                                      int expectedVersion)
{
    FieldErrors errors;
    checkText(errors, QStringLiteral("reason"), reason, 500);
    if (!errors.isEmpty())
        return failure(BookingError::Invalid, errors);
    WriteTransaction tx(m_store, rdvOrganisation(m_store, rdvId));
    BookingOutcome out = authorise(rdvId, actor, expectedVersion, true);
    if (!out.ok())
        return out;
    const Rdv previous = out.rdv;
    if (previous.status == RdvStatus::Revoked)
        return out; // cancelling twice changes nothing
    out.rdv.status = RdvStatus::Revoked;
    out.rdv.cancelReason = reason.trimmed();
    RdvRepository(m_store).update(out.rdv, m_clock.nowSecs());
    publish(RdvEvent::Kind::Cancelled, out.rdv, previous, actor);
    tx.commit();
    return out;
}

BookingOutcome BookingService::move(Id rdvId, const Actor &actor, qint64 newStart, Id newLieuId,
                                    int expectedVersion)
{
    if (FieldErrors when;
        !Horizon::check(when, QStringLiteral("starts_at"), newStart, m_clock.nowSecs()))
        return failure(BookingError::Invalid, when);
    WriteTransaction tx(m_store, rdvOrganisation(m_store, rdvId));
    BookingOutcome out = authorise(rdvId, actor, expectedVersion, true);
    if (!out.ok())
        return out;
    if (newLieuId && !Ownership(m_store).lieu(out.rdv.organisationId, newLieuId))
        return notFoundInOrganisation();
    const Rdv previous = out.rdv;
    if (previous.status == RdvStatus::Revoked)
        return failure(BookingError::NotFound);
    if (previous.sessionId) {
        // A participant follows their session; they change places by another registration.
        BookingOutcome refused = failure(BookingError::Forbidden);
        refused.message = QCoreApplication::translate(
            "creneau::Booking", "A place in a collective session cannot be moved: cancel it and "
                                "register in another session.");
        return refused;
    }
    m_engine.availability().refresh();
    const Motif *motif = m_engine.availability().motif(previous.motifId);
    if (!motif)
        return failure(BookingError::MotifUnavailable);
    const Id lieuId = newLieuId ? newLieuId : previous.lieuId;
    const qint64 end = newStart + qint64(motif->durationMinutes) * 60;
    Id agentId = 0;
    if (actor.kind == Actor::Kind::Agent) {
        // The agent keeps the appointment; the old time does not count against the new one.
        agentId = previous.agentIds.value(0);
        if (!m_engine.isAgentFree(agentId, newStart, end, rdvId))
            return failure(BookingError::CreneauTaken);
    } else {
        agentId = freeAgentFor(*motif, lieuId, newStart, false);
        if (!agentId)
            return failure(BookingError::CreneauTaken);
    }
    out.rdv.startsAt = newStart;
    out.rdv.lieuId = lieuId;
    out.rdv.agentIds = {agentId};
    RdvRepository(m_store).update(out.rdv, m_clock.nowSecs());
    publish(RdvEvent::Kind::Moved, out.rdv, previous, actor);
    tx.commit();
    return out;
}

BookingOutcome BookingService::setStatus(Id rdvId, const Actor &actor, RdvStatus status,
                                         int expectedVersion)
{
    if (actor.kind != Actor::Kind::Agent)
        return failure(BookingError::Forbidden);
    if (status == RdvStatus::Revoked)
        return cancel(rdvId, actor, {}, expectedVersion);
    WriteTransaction tx(m_store, rdvOrganisation(m_store, rdvId));
    BookingOutcome out = authorise(rdvId, actor, expectedVersion, false);
    if (!out.ok())
        return out;
    const Rdv previous = out.rdv;
    out.rdv.status = status;
    RdvRepository(m_store).update(out.rdv, m_clock.nowSecs());
    publish(RdvEvent::Kind::StatusChanged, out.rdv, previous, actor);
    tx.commit();
    return out;
}

BookingOutcome BookingService::setContext(Id rdvId, const Actor &actor, const QString &context,
                                          int expectedVersion)
{
    if (actor.kind != Actor::Kind::Agent)
        return failure(BookingError::Forbidden);
    FieldErrors errors;
    checkText(errors, QStringLiteral("context"), context, 2000);
    if (!errors.isEmpty())
        return failure(BookingError::Invalid, errors);
    WriteTransaction tx(m_store, rdvOrganisation(m_store, rdvId));
    BookingOutcome out = authorise(rdvId, actor, expectedVersion, false);
    if (!out.ok())
        return out;
    const Rdv previous = out.rdv;
    out.rdv.context = context.trimmed();
    RdvRepository(m_store).update(out.rdv, m_clock.nowSecs());
    publish(RdvEvent::Kind::ContextChanged, out.rdv, previous, actor);
    tx.commit();
    return out;
}

BookingOutcome BookingService::notFoundInOrganisation() const
{
    BookingOutcome out = failure(BookingError::NotFound);
    out.message =
        QCoreApplication::translate("creneau::Booking", "Not found in your organisation.");
    return out;
}

BookingOutcome BookingService::checkBoundsAndScope(const BookingRequest &request) const
{
    FieldErrors when;
    // A session's start was held to the horizon when the session was created.
    if (!request.sessionId &&
        !Horizon::check(when, QStringLiteral("starts_at"), request.startsAt, m_clock.nowSecs()))
        return failure(BookingError::Invalid, when);
    if (request.bookedBy != CreatedBy::Agent)
        return {}; // the public pages answer an unknown motif or lieu as unavailable
    const Ownership owns(m_store);
    const Id org = request.organisationId;
    if (!owns.motif(org, request.motifId) || (request.lieuId && !owns.lieu(org, request.lieuId)) ||
        (request.agentId && !owns.agent(org, request.agentId)) ||
        (request.existingUsagerId && !owns.usager(org, request.existingUsagerId)))
        return notFoundInOrganisation();
    return {};
}

void BookingService::publish(RdvEvent::Kind kind, const Rdv &rdv, const Rdv &previous,
                             const Actor &actor, RdvEvent::Known known)
{
    if (!m_sink)
        return;
    RdvEvent event;
    event.kind = kind;
    event.rdv = rdv;
    event.previous = previous;
    event.actor = actor.kind;
    event.actorAgentId = actor.agentId;
    event.known = std::move(known);
    // The link's secret travels only in memory, to the usager's own messages: on creation (any
    // booker) and when the usager acts with it.
    if (actor.kind == Actor::Kind::Usager || kind == RdvEvent::Kind::Created)
        event.usagerToken = actor.usagerToken;
    m_sink->record(m_store, event);
}

} // namespace creneau
