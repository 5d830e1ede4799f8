// Reads and writes what an organisation offers: organisations, agents, lieux, motifs, opening
// ranges and absences. Writes must run inside a WriteTransaction; each bumps the change sequence.
#pragma once

#include "models/domain.h"
#include "models/store.h"

#include <optional>

namespace creneau {

class Catalog
{
public:
    explicit Catalog(Store &store) : m_store(store) {}

    void save(Organisation &o);
    void save(Agent &a);
    // Also ends the agent's sessions, as archiving an agent (save with archived) does.
    void setPasswordHash(Id agentId, const QString &hash);
    void revokeSessions(Id agentId);
    QString passwordHash(Id agentId) const;
    void save(Lieu &l);
    void save(Motif &m);
    void save(PlageOuverture &p);
    void save(Absence &a);
    void removeAbsence(Id id);

    QList<Organisation> organisations() const;
    std::optional<Organisation> organisation(Id id) const;
    std::optional<Organisation> organisationBySlug(const QString &slug) const;
    QList<Agent> agents(Id organisationId) const;
    std::optional<Agent> agent(Id id) const;
    std::optional<Agent> agentByEmail(const QString &email) const;
    QList<Lieu> lieux(Id organisationId) const;
    std::optional<Lieu> lieu(Id id) const;
    QList<Motif> motifs(Id organisationId) const;
    std::optional<Motif> motif(Id id) const;
    QList<PlageOuverture> plages(Id organisationId) const;
    QList<Absence> absences(Id organisationId) const;

private:
    // The organisation of a row, for writes that know only its id (its change number).
    Id organisationOf(const QString &table, Id id) const;
    Store &m_store;
};

} // namespace creneau
