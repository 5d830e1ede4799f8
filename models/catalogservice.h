// The catalogue's rule book: who may change motifs, lieux, opening ranges and absences, and what
// a valid one is. The agent commands of the server call it before they write; the desktop's
// dialogs call its check*() functions so they show the same messages next to the fields.
#pragma once

#include "models/clock.h"
#include "models/domain.h"
#include "models/store.h"
#include "models/validation.h"

#include <optional>

namespace creneau {

struct CatalogOutcome
{
    enum class Error
    {
        None,
        Forbidden, // the agent may not make this change (HTTP 403)
        NotFound,  // an id unknown in the agent's organisation (HTTP 404)
        Invalid    // fields refused, see `fields` (HTTP 422)
    };
    Error error = Error::None;
    QString message; // French once translated; empty when ok
    FieldErrors fields;
    bool ok() const { return error == Error::None; }
};

class CatalogService
{
public:
    explicit CatalogService(Store &store, const Clock &clock = Clock::system());

    // Field rules, with no store: the dialogs show these before anything is sent.
    static FieldErrors checkMotif(const Motif &m);
    static FieldErrors checkLieu(const Lieu &l);
    static FieldErrors checkPlage(const PlageOuverture &p);
    // `stored`: the absence as saved (instants left unchanged are not held to the horizon).
    static FieldErrors checkAbsence(const Absence &a, qint64 now, const Absence *stored = nullptr);

    // Motifs, lieux and opening ranges are the administrators' (403 for anyone else).
    static CatalogOutcome mayChangeCatalog(const Agent &actor);
    // An agent changes their own absences; an administrator anyone's in the organisation.
    static CatalogOutcome mayChangeAbsence(const Agent &actor, Id absenceAgentId);

    // Authorise, check the ids against the actor's organisation, validate, then save in the
    // caller's write transaction; a new row gets its id. The row's organisation is the actor's.
    CatalogOutcome saveMotif(const Agent &actor, Motif &m);
    CatalogOutcome saveLieu(const Agent &actor, Lieu &l);
    CatalogOutcome savePlage(const Agent &actor, PlageOuverture &p);
    // `stored`: the absence before this change (nullopt for a new one).
    CatalogOutcome saveAbsence(const Agent &actor, Absence &a,
                               const std::optional<Absence> &stored);
    CatalogOutcome removeAbsence(const Agent &actor, const Absence &stored);

    static CatalogOutcome forbidden(const QString &message);
    static CatalogOutcome notFound();
    static CatalogOutcome invalid(const FieldErrors &fields);

private:
    Store &m_store;
    const Clock &m_clock;
};

} // namespace creneau
