#include "sync/ical/rdvical.h"

#include "models/catalog.h"
#include "models/frenchformat.h"
#include "models/rdvrepository.h"
#include "models/sessionrepository.h"

namespace creneau::ical {

namespace {

QString initialsOfWord(const QString &word)
{
    QStringList parts;
    for (const QString &p : word.split(QLatin1Char('-'), Qt::SkipEmptyParts))
        parts << p.left(1).toUpper() + QLatin1Char('.');
    return parts.join(QLatin1Char('-'));
}

QString location(const Rdv &rdv, const Motif &motif, const std::optional<Lieu> &lieu)
{
    if (motif.locationType != LocationType::PublicOffice)
        return fr::howItTakesPlace(motif.locationType);
    if (!rdv.lieuId || !lieu)
        return {};
    return lieu->address.trimmed().isEmpty()
               ? lieu->name
               : lieu->name + QStringLiteral(", ") + lieu->address.trimmed();
}

// The agents' view: who comes and how to reach them.
void forAgents(Event &e, const Organisation &org, const Motif &motif, const Rdv &rdv,
               const std::optional<Usager> &usager)
{
    QString who;
    if (usager) {
        who = usager->fullName().simplified();
        if (org.privacyInitials)
            who = initials(who);
    }
    e.summary = who.isEmpty() ? motif.name : motif.name + QStringLiteral(" — ") + who;
    QStringList lines;
    if (!who.isEmpty())
        lines << QStringLiteral("Usager : ") + who;
    if (usager && !usager->phone.isEmpty())
        lines << QStringLiteral("Téléphone de l'usager : ") + usager->phone;
    if (rdv.createdBy == CreatedBy::Prescripteur && !rdv.prescripteur.isEmpty()) {
        lines << QStringLiteral("Pris par le prescripteur : ") +
                     rdv.prescripteur.fullName().simplified();
        if (!rdv.prescripteur.email.isEmpty())
            lines << QStringLiteral("E-mail du prescripteur : ") + rdv.prescripteur.email;
        if (!rdv.prescripteur.phone.isEmpty())
            lines << QStringLiteral("Téléphone du prescripteur : ") + rdv.prescripteur.phone;
    }
    e.description = lines.join(QLatin1Char('\n'));
}

// The public's view (usager, prescriber): what the appointment is and how to reach the
// organisation; never the usager's phone or e-mail.
void forPublic(Event &e, const Organisation &org, const Motif &motif, const Rdv &rdv,
               const std::optional<Usager> &usager, Audience audience)
{
    e.summary = motif.name + QStringLiteral(" (") + org.name + QLatin1Char(')');
    QStringList lines;
    lines << QStringLiteral("Rendez-vous « ") + motif.name + QStringLiteral(" » avec ") + org.name +
                 QLatin1Char('.');
    if (usager && !usager->fullName().trimmed().isEmpty())
        lines << QStringLiteral("Usager : ") + usager->fullName().simplified();
    if (motif.locationType != LocationType::PublicOffice)
        lines << QStringLiteral("Modalité : ") + fr::howItTakesPlace(motif.locationType);
    if (!motif.instructions.trimmed().isEmpty())
        lines << motif.instructions.trimmed();
    if (!org.phone.isEmpty())
        lines << QStringLiteral("Téléphone : ") + org.phone;
    if (!org.email.isEmpty())
        lines << QStringLiteral("E-mail : ") + org.email;
    if (audience == Audience::Usager && rdv.createdBy == CreatedBy::Prescripteur &&
        !rdv.prescripteur.isEmpty())
        lines << QStringLiteral("Pris par le prescripteur ") +
                     rdv.prescripteur.fullName().simplified();
    e.description = lines.join(QLatin1Char('\n'));
}

} // namespace

QString initials(const QString &name)
{
    QStringList out;
    for (const QString &word : name.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString i = initialsOfWord(word);
        if (!i.isEmpty())
            out << i;
    }
    return out.isEmpty() ? QStringLiteral("?") : out.join(QLatin1Char(' '));
}

bool isCancelled(const Rdv &rdv)
{
    return rdv.status == RdvStatus::Revoked;
}

QString timeZoneOf(Store &store, Id organisationId)
{
    const auto org = Catalog(store).organisation(organisationId);
    return org ? org->timeZone : QStringLiteral("UTC");
}

Person organizer(const Organisation &org, const QString &mailFrom)
{
    return {org.email.trimmed().isEmpty() ? mailFrom.trimmed() : org.email.trimmed(), org.name};
}

std::optional<Event> rdvEvent(Store &store, const Rdv &rdv, Audience audience)
{
    Catalog catalog(store);
    const auto org = catalog.organisation(rdv.organisationId);
    const auto motif = catalog.motif(rdv.motifId);
    if (!org || !motif)
        return std::nullopt;
    std::optional<Usager> usager;
    if (!rdv.usagerIds.isEmpty())
        usager = RdvRepository(store).usager(rdv.usagerIds.first());
    std::optional<Lieu> lieu;
    if (rdv.lieuId && motif->locationType == LocationType::PublicOffice)
        lieu = catalog.lieu(rdv.lieuId);
    return rdvEvent(*org, *motif, lieu, usager, rdv, audience);
}

Event rdvEvent(const Organisation &org, const Motif &motif, const std::optional<Lieu> &lieu,
               const std::optional<Usager> &usager, const Rdv &rdv, Audience audience)
{
    Event e;
    e.rdvId = rdv.id;
    e.sequence = rdv.version;
    e.startsAt = rdv.startsAt;
    e.endsAt = rdv.endsAt();
    e.cancelled = isCancelled(rdv);
    e.location = location(rdv, motif, lieu);
    if (audience == Audience::Agent)
        forAgents(e, org, motif, rdv, usager);
    else
        forPublic(e, org, motif, rdv, usager, audience);
    if (e.cancelled) {
        QStringList lines;
        if (!e.description.isEmpty())
            lines << e.description;
        lines << QStringLiteral("Rendez-vous annulé.");
        if (!rdv.cancelReason.isEmpty())
            lines << QStringLiteral("Motif de l'annulation : ") + rdv.cancelReason;
        e.description = lines.join(QLatin1Char('\n'));
    }
    return e;
}

std::optional<Event> sessionEvent(Store &store, const CollectiveSession &session, int taken)
{
    Catalog catalog(store);
    const auto motif = catalog.motif(session.motifId);
    if (!motif)
        return std::nullopt;
    Event e;
    e.sessionId = session.id;
    // Each registration or cancellation changes the count it shows: a higher SEQUENCE too.
    e.sequence = session.version + SessionRepository(store).participantChanges(session.id);
    e.startsAt = session.startsAt;
    e.endsAt = session.endsAt();
    e.cancelled = session.cancelled;
    e.summary = motif->name + QStringLiteral(" (%1/%2)").arg(taken).arg(session.capacity);
    if (const auto lieu = session.lieuId ? catalog.lieu(session.lieuId) : std::nullopt)
        e.location = lieu->address.isEmpty() ? lieu->name
                                             : lieu->name + QStringLiteral(", ") + lieu->address;
    QStringList lines{QStringLiteral("Session collective : %1/%2 participants inscrits.")
                          .arg(taken)
                          .arg(session.capacity)};
    if (session.cancelled)
        lines << QStringLiteral("Session annulée.");
    e.description = lines.join(QLatin1Char('\n'));
    return e;
}

} // namespace creneau::ical
