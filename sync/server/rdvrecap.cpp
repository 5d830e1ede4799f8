#include "sync/server/rdvrecap.h"

#include "models/frenchformat.h"
#include "models/validation.h"
#include "sync/protocol/instants.h"

namespace creneau::server {

const char kNoNotificationWarning[] =
    "Sans numéro de portable ni e-mail, aucune notification ne sera envoyée au bénéficiaire";

QVariantMap rdvRecap(BookingSite &site, const Organisation &org, const Rdv &rdv,
                     const Usager &usager)
{
    const QTimeZone zone = BookingSite::zoneOf(org);
    const auto motif = site.catalog().motif(rdv.motifId);
    QVariantMap r;
    r[QStringLiteral("id")] = rdv.id;
    r[QStringLiteral("motif")] =
        QVariantMap{{QStringLiteral("id"), rdv.motifId},
                    {QStringLiteral("name"), motif ? motif->name : QString()}};
    r[QStringLiteral("starts_at")] = protocol::isoWithOffset(rdv.startsAt, zone);
    r[QStringLiteral("ends_at")] = protocol::isoWithOffset(rdv.endsAt(), zone);
    r[QStringLiteral("date_text")] = fr::dateTime(rdv.startsAt, zone);
    r[QStringLiteral("duration_minutes")] = rdv.durationMinutes;
    const LocationType type = motif ? motif->locationType : LocationType::PublicOffice;
    r[QStringLiteral("location_type")] = creneau::toWord(type);
    r[QStringLiteral("how")] = fr::howItTakesPlace(type);
    if (const auto lieu = site.lieu(org, rdv.lieuId); lieu && type == LocationType::PublicOffice)
        r[QStringLiteral("lieu")] = QVariantMap{{QStringLiteral("id"), lieu->id},
                                                {QStringLiteral("name"), lieu->name},
                                                {QStringLiteral("address"), lieu->address}};
    r[QStringLiteral("usager")] = QVariantMap{
        {QStringLiteral("first_name"), usager.firstName},
        {QStringLiteral("last_name"), usager.lastName},
        {QStringLiteral("birth_date"),
         usager.birthDate.isValid() ? usager.birthDate.toString(Qt::ISODate) : QString()},
        {QStringLiteral("phone"), usager.phone},
        {QStringLiteral("email"), usager.email}};
    if (rdv.createdBy == CreatedBy::Prescripteur)
        r[QStringLiteral("prescripteur")] =
            QVariantMap{{QStringLiteral("first_name"), rdv.prescripteur.firstName},
                        {QStringLiteral("last_name"), rdv.prescripteur.lastName},
                        {QStringLiteral("email"), rdv.prescripteur.email},
                        {QStringLiteral("phone"), rdv.prescripteur.phone}};
    r[QStringLiteral("booked_by")] = creneau::toWord(rdv.createdBy);
    r[QStringLiteral("instructions")] = motif ? motif->instructions : QString();
    r[QStringLiteral("cancelled")] = rdv.status == RdvStatus::Revoked;
    r[QStringLiteral("organisation")] = QVariantMap{{QStringLiteral("name"), org.name},
                                                    {QStringLiteral("phone"), org.phone},
                                                    {QStringLiteral("email"), org.email},
                                                    {QStringLiteral("address"), org.address}};
    return r;
}

void checkReachable(FieldErrors &errors, const BookingRequest &request, bool acknowledged)
{
    if (request.bookedBy != CreatedBy::Prescripteur || acknowledged)
        return;
    const QString phone = normalizePhone(request.usager.phone);
    if (phone.isEmpty() && !request.usager.phone.trimmed().isEmpty())
        return; // a wrong number is reported on the phone field itself
    const bool mobile = !phone.isEmpty() && isMobilePhone(phone);
    if (!mobile && request.usager.email.trimmed().isEmpty())
        errors.insert(QStringLiteral("usager.acknowledge_no_notification"),
                      QString::fromUtf8(kNoNotificationWarning) +
                          QStringLiteral(" : cochez la case pour le confirmer."));
}

} // namespace creneau::server
