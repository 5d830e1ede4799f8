#include "rdvevent.h"

#include "catalog.h"
#include "rdvrepository.h"

namespace creneau::calendar {

namespace {

QString howItTakesPlace(LocationType type)
{
    switch (type) {
    case LocationType::PublicOffice:
        return QStringLiteral("Sur place");
    case LocationType::Phone:
        return QStringLiteral("Par téléphone");
    case LocationType::Home:
        return QStringLiteral("À domicile");
    case LocationType::Visio:
        return QStringLiteral("En visioconférence");
    }
    return {};
}

QString initialsOfWord(const QString &word)
{
    QStringList parts;
    for (const QString &p : word.split(QLatin1Char('-'), Qt::SkipEmptyParts))
        parts << p.left(1).toUpper() + QLatin1Char('.');
    return parts.join(QLatin1Char('-'));
}

} // namespace

QString rdvUid(Id rdvId, const QString &host)
{
    return QStringLiteral("rdv-%1@%2").arg(rdvId).arg(host);
}

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

std::optional<notify::StoredEvent> rdvEvent(Store &store, const Rdv &rdv, const QString &host,
                                            qint64 now)
{
    Catalog catalog(store);
    const auto org = catalog.organisation(rdv.organisationId);
    const auto motif = catalog.motif(rdv.motifId);
    if (!org || !motif)
        return std::nullopt;
    std::optional<Usager> usager;
    if (!rdv.usagerIds.isEmpty())
        usager = RdvRepository(store).usager(rdv.usagerIds.first());

    notify::StoredEvent out;
    out.cancelled = isCancelled(rdv);
    notify::CalendarEvent &e = out.event;
    e.uid = rdvUid(rdv.id, host);
    e.sequence = rdv.version;
    e.startsAt = rdv.startsAt;
    e.endsAt = rdv.endsAt();
    e.stamp = now;
    e.timeZone = org->timeZone;

    QString who;
    if (usager) {
        who = usager->fullName().simplified();
        if (org->privacyInitials)
            who = initials(who);
    }
    e.summary = who.isEmpty() ? motif->name : motif->name + QStringLiteral(" — ") + who;

    if (motif->locationType == LocationType::PublicOffice) {
        if (rdv.lieuId)
            if (const auto lieu = catalog.lieu(rdv.lieuId))
                e.location = lieu->address.trimmed().isEmpty()
                                 ? lieu->name
                                 : lieu->name + QStringLiteral(", ") + lieu->address.trimmed();
    } else {
        e.location = howItTakesPlace(motif->locationType);
    }

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
    if (out.cancelled) {
        lines << QStringLiteral("Rendez-vous annulé.");
        if (!rdv.cancelReason.isEmpty())
            lines << QStringLiteral("Motif de l'annulation : ") + rdv.cancelReason;
    }
    e.description = lines.join(QLatin1Char('\n'));
    return out;
}

} // namespace creneau::calendar
