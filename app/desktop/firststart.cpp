#include "app/desktop/firststart.h"

#include "models/organisationservice.h"
#include "ui/firststartwizard.h"

#include <QCoreApplication>

namespace creneau::desktop {

FirstStartOutcome runFirstStart(const QString &dataDir, const QString &databasePath, QString *error)
{
    try {
        auto store = Store::open(databasePath);
        store->migrate();
        OrganisationService service(*store);
        ui::FirstStartWizard wizard(
            [&service](const QString &slug) { return service.slugTaken(slug); });
        if (wizard.exec() != QDialog::Accepted)
            return FirstStartOutcome::Cancelled;
        ui::FirstStartChoice choice = wizard.choice();
        if (choice.demo)
            return FirstStartOutcome::Demo;
        if (choice.link.reach == ui::BookingLinkAddress::Reach::PublicAddress)
            choice.start.settings.publicUrl = choice.link.publicUrl;
        const AdminOutcome out = service.createOrganisation(choice.start);
        if (!out.ok()) {
            // The wizard checked every page with the same rules: only a race gets here.
            *error = out.message + QLatin1Char('\n') +
                     QStringList(out.fields.values()).join(QLatin1Char('\n'));
            return FirstStartOutcome::Failed;
        }
        if (!choice.link.save(dataDir)) {
            *error = QCoreApplication::translate("main", "The booking link address could not be "
                                                         "saved.");
            return FirstStartOutcome::Failed;
        }
        return FirstStartOutcome::Created;
    } catch (const std::exception &e) {
        *error = QString::fromUtf8(e.what());
        return FirstStartOutcome::Failed;
    }
}

} // namespace creneau::desktop
