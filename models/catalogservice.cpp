#include "models/catalogservice.h"

#include "models/catalog.h"
#include "models/ownership.h"

#include <QCoreApplication>

namespace creneau {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("creneau::CatalogService", text);
}

void merge(FieldErrors &into, const FieldErrors &more)
{
    for (auto it = more.cbegin(); it != more.cend(); ++it)
        into.insert(it.key(), it.value());
}

} // namespace

CatalogService::CatalogService(Store &store, const Clock &clock) : m_store(store), m_clock(clock) {}

CatalogOutcome CatalogService::forbidden(const QString &message)
{
    return {CatalogOutcome::Error::Forbidden, message, {}};
}

CatalogOutcome CatalogService::notFound()
{
    return {CatalogOutcome::Error::NotFound, tr("Not found in your organisation."), {}};
}

CatalogOutcome CatalogService::invalid(const FieldErrors &fields)
{
    return {CatalogOutcome::Error::Invalid, tr("Some fields are invalid."), fields};
}

FieldErrors CatalogService::checkMotif(const Motif &m)
{
    return validateMotif(m);
}

FieldErrors CatalogService::checkLieu(const Lieu &l)
{
    FieldErrors errors;
    checkText(errors, QStringLiteral("name"), l.name, 200);
    if (l.name.trimmed().isEmpty())
        errors.insert(QStringLiteral("name"), tr("A name is required."));
    checkText(errors, QStringLiteral("address"), l.address, 500);
    checkPhone(errors, QStringLiteral("phone"), l.phone, false);
    return errors;
}

FieldErrors CatalogService::checkPlage(const PlageOuverture &p)
{
    FieldErrors errors;
    if (!p.agentId)
        errors.insert(QStringLiteral("agent_id"), tr("Unknown agent."));
    if (!p.lieuId)
        errors.insert(QStringLiteral("lieu_id"), tr("Unknown lieu."));
    merge(errors, validatePlage(p));
    return errors;
}

FieldErrors CatalogService::checkAbsence(const Absence &a, qint64 now, const Absence *stored)
{
    FieldErrors errors = validateAbsence(a, now, stored);
    if (!a.agentId)
        errors.insert(QStringLiteral("agent_id"), tr("Unknown agent."));
    return errors;
}

CatalogOutcome CatalogService::mayChangeCatalog(const Agent &actor)
{
    if (actor.role != AgentRole::Admin || actor.archived)
        return forbidden(tr("Only an administrator may change motifs, lieux and opening ranges."));
    return {};
}

CatalogOutcome CatalogService::mayChangeAbsence(const Agent &actor, Id absenceAgentId)
{
    if (actor.archived || (absenceAgentId != actor.id && actor.role != AgentRole::Admin))
        return forbidden(tr("Only an administrator may change another agent's absences."));
    return {};
}

CatalogOutcome CatalogService::saveMotif(const Agent &actor, Motif &m)
{
    if (CatalogOutcome refused = mayChangeCatalog(actor); !refused.ok())
        return refused;
    if (m.id && !Ownership(m_store).motif(actor.organisationId, m.id))
        return notFound();
    m.organisationId = actor.organisationId;
    if (const FieldErrors errors = checkMotif(m); !errors.isEmpty())
        return invalid(errors);
    Catalog(m_store).save(m);
    return {};
}

CatalogOutcome CatalogService::saveLieu(const Agent &actor, Lieu &l)
{
    if (CatalogOutcome refused = mayChangeCatalog(actor); !refused.ok())
        return refused;
    if (l.id && !Ownership(m_store).lieu(actor.organisationId, l.id))
        return notFound();
    l.organisationId = actor.organisationId;
    if (const FieldErrors errors = checkLieu(l); !errors.isEmpty())
        return invalid(errors);
    Catalog(m_store).save(l);
    return {};
}

CatalogOutcome CatalogService::savePlage(const Agent &actor, PlageOuverture &p)
{
    if (CatalogOutcome refused = mayChangeCatalog(actor); !refused.ok())
        return refused;
    // Another organisation's range, agent, lieu or motif is answered like an unknown id.
    const Ownership owns(m_store);
    const Id org = actor.organisationId;
    if ((p.id && !owns.plage(org, p.id)) || (p.agentId && !owns.agent(org, p.agentId)) ||
        (p.lieuId && !owns.lieu(org, p.lieuId)))
        return notFound();
    for (const Id motif : std::as_const(p.motifIds))
        if (!owns.motif(org, motif))
            return notFound();
    p.organisationId = org;
    if (const FieldErrors errors = checkPlage(p); !errors.isEmpty())
        return invalid(errors);
    Catalog(m_store).save(p);
    return {};
}

CatalogOutcome CatalogService::saveAbsence(const Agent &actor, Absence &a,
                                           const std::optional<Absence> &stored)
{
    const Ownership owns(m_store);
    if (stored) {
        if (!owns.absence(actor.organisationId, stored->id))
            return notFound();
        if (CatalogOutcome refused = mayChangeAbsence(actor, stored->agentId); !refused.ok())
            return refused;
    }
    if (a.agentId && !owns.agent(actor.organisationId, a.agentId))
        return notFound();
    if (CatalogOutcome refused = mayChangeAbsence(actor, a.agentId); !refused.ok())
        return refused;
    a.organisationId = actor.organisationId;
    if (const FieldErrors errors = checkAbsence(a, m_clock.nowSecs(), stored ? &*stored : nullptr);
        !errors.isEmpty())
        return invalid(errors);
    Catalog(m_store).save(a);
    return {};
}

CatalogOutcome CatalogService::removeAbsence(const Agent &actor, const Absence &stored)
{
    if (!Ownership(m_store).absence(actor.organisationId, stored.id))
        return notFound();
    if (CatalogOutcome refused = mayChangeAbsence(actor, stored.agentId); !refused.ok())
        return refused;
    Catalog(m_store).removeAbsence(stored.id);
    return {};
}

} // namespace creneau
