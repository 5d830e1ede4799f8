// The catalog half of AgentCommands: motifs, lieux, opening ranges and absences. Each runs in
// the transaction AgentCommands::run opens, together with its stored answer.
#include "sync/server/agentcommands.h"

#include "models/catalogservice.h"
#include "models/ownership.h"
#include "models/sql.h"
#include "sync/protocol/catalogcommands.h"
#include "sync/protocol/payloadreader.h"

#include <QCoreApplication>

namespace creneau::server {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("AgentCommands", text);
}

CommandAnswer notFound()
{
    return {404, errorBody(tr("Not found in your organisation."))};
}

// CatalogService's refusal as the API answers it.
CommandAnswer refusal(const CatalogOutcome &outcome)
{
    switch (outcome.error) {
    case CatalogOutcome::Error::Forbidden:
        return {403, errorBody(outcome.message)};
    case CatalogOutcome::Error::NotFound:
        return {404, errorBody(outcome.message)};
    case CatalogOutcome::Error::Invalid:
    case CatalogOutcome::Error::None:
        break;
    }
    return {422, errorBody(outcome.message, outcome.fields)};
}

} // namespace

CommandAnswer AgentCommands::runCatalogCommand(const Agent &agent, const Command &c)
{
    using protocol::CommandType;
    switch (c.type) {
    case CommandType::SaveMotif:
        return saveMotif(agent, c);
    case CommandType::SaveLieu:
        return saveLieu(agent, c);
    case CommandType::SavePlage:
        return savePlage(agent, c);
    default:
        return saveAbsence(agent, c, c.type == CommandType::RemoveAbsence);
    }
}

std::optional<CommandAnswer>
AgentCommands::staleCatalogRow(const Agent &agent, const QString &entity, Id id, int expected)
{
    const QJsonObject row = m_feed.row(entity, agent.organisationId, id);
    if (row.isEmpty())
        return notFound();
    if (expected && row.value(QStringLiteral("seq")).toInteger() != expected) {
        QJsonObject body = errorBody(tr("Changed by someone else in the meantime."));
        body.insert(QStringLiteral("current"), row);
        return CommandAnswer{409, body};
    }
    return std::nullopt;
}

CommandAnswer AgentCommands::saveMotif(const Agent &agent, const Command &c)
{
    if (const CatalogOutcome no = CatalogService::mayChangeCatalog(agent); !no.ok())
        return refusal(no);
    const QJsonObject &p = c.payload;
    Motif m;
    m.organisationId = agent.organisationId;
    if (const Id id = protocol::rowId(p)) {
        if (auto stale = staleCatalogRow(agent, QStringLiteral("motifs"), id, c.expectedVersion))
            return *stale;
        m = m_site.catalog().motif(id).value_or(m);
    }
    if (FieldErrors errors = protocol::readMotif(p, &m); !errors.isEmpty()) {
        errors.insert(CatalogService::checkMotif(m)); // every field's message at once
        return refusal(CatalogService::invalid(errors));
    }
    if (const CatalogOutcome no =
            CatalogService(m_site.store(), m_site.clock()).saveMotif(agent, m);
        !no.ok())
        return refusal(no);
    return saved(agent, QStringLiteral("motifs"), m.id);
}

CommandAnswer AgentCommands::saveLieu(const Agent &agent, const Command &c)
{
    if (const CatalogOutcome no = CatalogService::mayChangeCatalog(agent); !no.ok())
        return refusal(no);
    const QJsonObject &p = c.payload;
    Lieu l;
    l.organisationId = agent.organisationId;
    if (const Id id = protocol::rowId(p)) {
        if (auto stale = staleCatalogRow(agent, QStringLiteral("lieux"), id, c.expectedVersion))
            return *stale;
        l = m_site.catalog().lieu(id).value_or(l);
    }
    if (FieldErrors errors = protocol::readLieu(p, &l); !errors.isEmpty()) {
        errors.insert(CatalogService::checkLieu(l));
        return refusal(CatalogService::invalid(errors));
    }
    if (const CatalogOutcome no = CatalogService(m_site.store(), m_site.clock()).saveLieu(agent, l);
        !no.ok())
        return refusal(no);
    return saved(agent, QStringLiteral("lieux"), l.id);
}

CommandAnswer AgentCommands::savePlage(const Agent &agent, const Command &c)
{
    if (const CatalogOutcome no = CatalogService::mayChangeCatalog(agent); !no.ok())
        return refusal(no);
    const QJsonObject &p = c.payload;
    PlageOuverture pl;
    pl.organisationId = agent.organisationId;
    if (const Id id = protocol::rowId(p)) {
        if (auto stale = staleCatalogRow(agent, QStringLiteral("plages"), id, c.expectedVersion))
            return *stale;
        for (const PlageOuverture &existing : m_site.catalog().plages(agent.organisationId))
            if (existing.id == id)
                pl = existing;
        if (pl.id != id)
            return notFound();
    }
    FieldErrors errors = protocol::readPlage(p, &pl);
    CatalogOutcome outcome;
    if (!errors.isEmpty()) { // a value that could not be read: the others checked all the same
        errors.insert(CatalogService::checkPlage(pl));
        outcome = CatalogService::invalid(errors);
    } else {
        outcome = CatalogService(m_site.store(), m_site.clock()).savePlage(agent, pl);
    }
    if (!outcome.ok())
        return refusal(outcome);
    return saved(agent, QStringLiteral("plages"), pl.id);
}

CommandAnswer AgentCommands::saveAbsence(const Agent &agent, const Command &c, bool remove)
{
    const QJsonObject &p = c.payload;
    CatalogService service(m_site.store(), m_site.clock());
    Absence a;
    a.organisationId = agent.organisationId;
    a.agentId = agent.id;
    std::optional<Absence> stored;
    if (const Id id = protocol::rowId(p)) {
        if (auto stale = staleCatalogRow(agent, QStringLiteral("absences"), id, c.expectedVersion))
            return *stale;
        QSqlQuery q = sql::run(m_site.store().db(),
                               QStringLiteral("SELECT agent_id, title, starts_at, ends_at, rrule, "
                                              "deleted FROM absences WHERE id = ?"),
                               {id});
        if (!q.next() || q.value(5).toInt())
            return notFound();
        a.id = id;
        a.agentId = q.value(0).toLongLong();
        a.title = q.value(1).toString();
        a.startsAt = q.value(2).toLongLong();
        a.endsAt = q.value(3).toLongLong();
        a.rrule = q.value(4).toString();
        stored = a;
    } else if (remove) {
        return notFound();
    }
    if (const CatalogOutcome no = CatalogService::mayChangeAbsence(agent, a.agentId); !no.ok())
        return refusal(no);
    if (remove) {
        if (const CatalogOutcome no = service.removeAbsence(agent, *stored); !no.ok())
            return refusal(no);
        return saved(agent, QStringLiteral("absences"), a.id);
    }
    if (const Id other = protocol::PayloadReader(p).id("agent_id"); other && other != a.agentId) {
        // Another organisation's agent is an unknown id (404) before it is a forbidden one.
        if (!Ownership(m_site.store()).agent(agent.organisationId, other))
            return notFound();
        a.agentId = other;
    }
    if (FieldErrors errors = protocol::readAbsence(p, &a); !errors.isEmpty())
        return refusal(CatalogService::invalid(errors));
    if (const CatalogOutcome no = service.saveAbsence(agent, a, stored); !no.ok())
        return refusal(no);
    return saved(agent, QStringLiteral("absences"), a.id);
}

} // namespace creneau::server
