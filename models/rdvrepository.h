// Reads and writes appointments and the usagers they are for. Writes run inside a
// WriteTransaction and bump the change sequence.
#pragma once

#include "models/domain.h"
#include "models/store.h"

#include <optional>

namespace creneau {

class RdvRepository
{
public:
    explicit RdvRepository(Store &store) : m_store(store) {}

    void insert(Rdv &rdv, const QString &usagerTokenHash = {});
    // Writes start, duration, lieu, agents, status, context and reason; bumps version and seq.
    void update(Rdv &rdv, qint64 now);
    std::optional<Rdv> find(Id id) const;
    std::optional<Rdv> findByUsagerToken(const QString &tokenHash) const;
    // Appointments of an organisation overlapping [from, to), optionally of one agent.
    QList<Rdv> between(Id organisationId, qint64 from, qint64 to, Id agentId = 0) const;
    QList<Rdv> ofUsager(Id usagerId) const;
    // The participants of a collective session, cancelled ones too, in registration order.
    QList<Rdv> ofSession(Id sessionId) const;

    void insert(Usager &u, qint64 now);
    void update(Usager &u);
    std::optional<Usager> usager(Id id) const;
    // The usager of the organisation whose stored data are exactly `u`'s (sameUsagerData), found
    // by folded name and phone or e-mail; none when the stored data differ in any field.
    std::optional<Usager> findMatchingUsager(const Usager &u) const;
    // By name, phone or birth date ("1980-03-14" or "14/03/1980").
    QList<Usager> searchUsagers(Id organisationId, const QString &text, int limit = 50) const;

private:
    QList<Rdv> readRdvs(QSqlQuery &q) const;
    Store &m_store;
};

} // namespace creneau
