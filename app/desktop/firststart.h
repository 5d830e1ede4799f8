// The desktop's first start on an empty store: asks with FirstStartWizard, then creates what was
// chosen through OrganisationService (organisation, first administrator, first lieu) and saves
// the booking link's address, before the embedded server starts.
#pragma once

#include <QString>

namespace creneau::desktop {

enum class FirstStartOutcome
{
    Created,
    Demo,
    Cancelled,
    Failed
};

// `databasePath`: the embedded store; `dataDir`: where the link address is saved.
FirstStartOutcome runFirstStart(const QString &dataDir, const QString &databasePath,
                                QString *error);

} // namespace creneau::desktop
