#include "models/ownership.h"

#include "models/sql.h"

namespace creneau {

bool Ownership::owns(const char *table, Id organisationId, Id id) const
{
    if (id <= 0 || organisationId <= 0)
        return false;
    // `table` is one of the literals below, never caller input.
    return sql::scalar(m_store.db(),
                       QStringLiteral("SELECT 1 FROM %1 WHERE id = ? AND organisation_id = ?")
                           .arg(QLatin1String(table)),
                       {id, organisationId})
        .isValid();
}

bool Ownership::agent(Id organisationId, Id id) const
{
    return owns("agents", organisationId, id);
}

bool Ownership::lieu(Id organisationId, Id id) const
{
    return owns("lieux", organisationId, id);
}

bool Ownership::motif(Id organisationId, Id id) const
{
    return owns("motifs", organisationId, id);
}

bool Ownership::usager(Id organisationId, Id id) const
{
    return owns("usagers", organisationId, id);
}

bool Ownership::rdv(Id organisationId, Id id) const
{
    return owns("rdvs", organisationId, id);
}

bool Ownership::plage(Id organisationId, Id id) const
{
    return owns("plages_ouverture", organisationId, id);
}

bool Ownership::absence(Id organisationId, Id id) const
{
    return owns("absences", organisationId, id);
}

} // namespace creneau
