// creneau-server --create-admin: creates (or promotes and resets) an administrator account,
// with the password read from the terminal without echo, or from standard input; and
// --create-organisation, which a deployment runs before it (both honour --db).
#pragma once

#include "models/domain.h"

#include <QString>

namespace creneau::server {

struct CreateAdminOptions
{
    QString dataDir;
    QString email;
    QString organisationSlug; // empty: the only organisation, or a new one when there is none
    QString organisationName; // for a new organisation; defaults to the slug
    QString database;         // a postgresql:// URL (--db); empty: the SQLite file in dataDir
};

// Returns the process exit code; messages go to stderr.
int createAdminCommand(const CreateAdminOptions &options);

// The testable core: creates or updates the admin in the store (`database`, else the SQLite file
// of `dataDir`). On failure returns false with `error` set.
bool createAdmin(const CreateAdminOptions &options, const QString &password, QString *error);

struct CreateOrganisationOptions
{
    QString dataDir;
    QString database; // as CreateAdminOptions::database
    QString slug;     // lower-case letters, digits and hyphens: the booking links' /rdv/<slug>
    QString name;
    QString timeZone = QString::fromLatin1(kDefaultTimeZone); // IANA
};

// Creates the organisation; one that exists already is left unchanged (a deployment script may
// run this again). Returns the process exit code; messages go to stdout and stderr.
int createOrganisationCommand(const CreateOrganisationOptions &options);
// The testable core: false with `error` on bad input or a store failure; `created` false when
// the slug existed.
bool createOrganisation(const CreateOrganisationOptions &options, bool *created, QString *error);

} // namespace creneau::server
