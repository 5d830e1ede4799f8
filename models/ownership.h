// Whether an id names a row of an organisation. Every id a request carries is checked with it
// before use, and an id of another organisation is answered exactly like an unknown one, so a
// caller learns nothing about what other organisations hold.
#pragma once

#include "models/domain.h"
#include "models/store.h"

namespace creneau {

class Ownership
{
public:
    explicit Ownership(Store &store) : m_store(store) {}

    bool agent(Id organisationId, Id id) const;
    bool lieu(Id organisationId, Id id) const;
    bool motif(Id organisationId, Id id) const;
    bool usager(Id organisationId, Id id) const;
    bool rdv(Id organisationId, Id id) const;
    bool plage(Id organisationId, Id id) const;
    bool absence(Id organisationId, Id id) const;

private:
    bool owns(const char *table, Id organisationId, Id id) const;
    Store &m_store;
};

} // namespace creneau
