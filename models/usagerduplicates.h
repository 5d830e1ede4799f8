// Possible duplicates among an organisation's usagers (a public booking never merges silently
// into a stored usager whose data differ: it creates a new one, and agents see « doublon
// possible »), and the agents' merge of two usagers, which keeps both histories.
#pragma once

#include "models/domain.h"
#include "models/store.h"

#include <QSet>

namespace creneau {

// Same person as far as a booking can tell: identical names (trimmed), e-mail (case ignored),
// phone and birth date. Only then may a booking reuse the stored usager.
bool sameUsagerData(const Usager &a, const Usager &b);
// Two usagers of one organisation with the same folded first and last name (accents, case and
// hyphens ignored) that share a phone, an e-mail or a birth date: probably one person.
bool possibleDuplicates(const Usager &a, const Usager &b);

enum class MergeError
{
    None,
    NotFound, // an id unknown or of another organisation
    SameUsager,
};

struct MergeOutcome
{
    MergeError error = MergeError::None;
    QString message; // French, for people
    Usager kept;
    int movedRdvs = 0;
    bool ok() const { return error == MergeError::None; }
};

class UsagerDuplicates
{
public:
    explicit UsagerDuplicates(Store &store) : m_store(store) {}

    // The other usagers that possibleDuplicates() pairs with `usager` (by its stored row).
    QList<Usager> of(const Usager &usager) const;
    // Which of `ids` have at least one possible duplicate: one indexed query for a whole list.
    QSet<Id> flagged(Id organisationId, const QList<Id> &ids) const;

    // Moves the appointments of `duplicateId` to `keepId`, fills the kept usager's empty fields
    // from the duplicate, deletes the duplicate (a tombstone tells the desktops): one
    // transaction, every changed row on a new change number. Both ids must belong to
    // `organisationId`.
    MergeOutcome merge(Id organisationId, Id keepId, Id duplicateId);

private:
    Store &m_store;
};

} // namespace creneau
