#include "prescripteurbooking.h"

#include "models/slotengine.h"

namespace creneau::test {

PrescripteurBooking::PrescripteurBooking()
{
    const QDate today = QDate::currentDate();
    org.addPlage(org.agent.id, org.lieu.id, {org.motif.id}, today, QTime(9, 0), QTime(12, 0),
                 QStringLiteral("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"));
    SlotEngine engine(*org.store);
    const QList<Creneau> free = engine.creneaux(
        {org.motif.id, 0, today.addDays(1), today.addDays(8), QDateTime::currentDateTimeUtc()});
    if (free.isEmpty())
        return;
    BookingRequest request;
    request.organisationId = org.org.id;
    request.motifId = org.motif.id;
    request.lieuId = free.first().lieuId;
    request.startsAt = free.first().startsAt;
    request.bookedBy = CreatedBy::Prescripteur;
    request.prescripteur = {QStringLiteral("Paul"), QStringLiteral("Mairie"),
                            QStringLiteral("paul@mairie.example.fr"),
                            QStringLiteral("06 11 22 33 44")};
    request.usager.firstName = QStringLiteral("Léa");
    request.usager.lastName = QStringLiteral("Martin");
    request.usager.phone = QStringLiteral("06 12 34 56 78");
    request.usager.birthDate = QDate(1980, 3, 14);
    request.context = QStringLiteral("Dossier RSA à compléter");
    BookingService service(*org.store, engine);
    outcome = service.book(request);
}

} // namespace creneau::test
