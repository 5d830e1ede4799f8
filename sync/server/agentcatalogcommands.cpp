// The catalog half of AgentCommands: motifs, lieux, opening ranges and absences. Each runs in
// the transaction AgentCommands::run opens, together with its stored answer.
#include "sync/server/agentcommands.h"

#include "models/catalogservice.h"
#include "models/ownership.h"
#include "models/sql.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>

namespace creneau::server {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("AgentCommands", text);
}

Id idOf(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    // toInteger: only exact integers that fit, so no out-of-range conversion on hostile input.
    return std::max<Id>(0, v.toInteger(0));
}

void overlay(const QJsonObject &p, const char *key, QString &field)
{
    if (p.value(QLatin1String(key)).isString())
        field = p.value(QLatin1String(key)).toString();
}

void overlay(const QJsonObject &p, const char *key, int &field)
{
    if (p.value(QLatin1String(key)).isDouble())
        field = p.value(QLatin1String(key)).toInt();
}

void overlay(const QJsonObject &p, const char *key, bool &field)
{
    const QJsonValue v = p.value(QLatin1String(key));
    if (v.isBool() || v.isDouble())
        field = v.isBool() ? v.toBool() : v.toInt() != 0;
}

template <typename Enum> bool overlayWord(const QJsonObject &p, const char *key, Enum &field)
{
    const QJsonValue v = p.value(QLatin1String(key));
    return v.isUndefined() || fromWord(v.toString(), &field);
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
    CommandAnswer answer;
    if (c.type == QLatin1String("save_motif"))
        answer = saveMotif(agent, c);
    else if (c.type == QLatin1String("save_lieu"))
        answer = saveLieu(agent, c);
    else if (c.type == QLatin1String("save_plage"))
        answer = savePlage(agent, c);
    else
        answer = saveAbsence(agent, c, c.type == QLatin1String("remove_absence"));
    return answer;
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
    if (const Id id = idOf(p, "id")) {
        if (auto stale = staleCatalogRow(agent, QStringLiteral("motifs"), id, c.expectedVersion))
            return *stale;
        m = m_site.catalog().motif(id).value_or(m);
    }
    overlay(p, "name", m.name);
    overlay(p, "color", m.color);
    overlay(p, "duration_minutes", m.durationMinutes);
    overlay(p, "min_delay_minutes", m.minDelayMinutes);
    overlay(p, "max_delay_minutes", m.maxDelayMinutes);
    overlay(p, "instructions", m.instructions);
    overlay(p, "archived", m.archived);
    overlay(p, "capacity", m.capacity); // > 0: a collective motif of this many places
    FieldErrors errors;
    if (!overlayWord(p, "location_type", m.locationType))
        errors.insert(QStringLiteral("location_type"), tr("Unknown value."));
    if (!overlayWord(p, "bookable_by", m.bookableBy))
        errors.insert(QStringLiteral("bookable_by"), tr("Unknown value."));
    if (!errors.isEmpty()) {
        errors.insert(CatalogService::checkMotif(m));
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
    if (const Id id = idOf(p, "id")) {
        if (auto stale = staleCatalogRow(agent, QStringLiteral("lieux"), id, c.expectedVersion))
            return *stale;
        l = m_site.catalog().lieu(id).value_or(l);
    }
    overlay(p, "name", l.name);
    overlay(p, "address", l.address);
    overlay(p, "phone", l.phone);
    overlay(p, "archived", l.archived);
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
    if (const Id id = idOf(p, "id")) {
        if (auto stale = staleCatalogRow(agent, QStringLiteral("plages"), id, c.expectedVersion))
            return *stale;
        for (const PlageOuverture &existing : m_site.catalog().plages(agent.organisationId))
            if (existing.id == id)
                pl = existing;
        if (pl.id != id)
            return notFound();
    }
    FieldErrors errors;
    if (const Id a = idOf(p, "agent_id"))
        pl.agentId = a;
    if (const Id l = idOf(p, "lieu_id"))
        pl.lieuId = l;
    if (p.value(QStringLiteral("motif_ids")).isArray()) {
        pl.motifIds.clear();
        for (const QJsonValue v : p.value(QStringLiteral("motif_ids")).toArray())
            pl.motifIds.append(v.toInteger(0)); // CatalogService checks they are ours
    }
    overlay(p, "title", pl.title);
    overlay(p, "rrule", pl.rrule);
    overlay(p, "archived", pl.archived);
    if (p.contains(QStringLiteral("first_day")))
        pl.firstDay =
            QDate::fromString(p.value(QStringLiteral("first_day")).toString(), Qt::ISODate);
    if (p.contains(QStringLiteral("start_time")))
        pl.startTime = QTime::fromString(p.value(QStringLiteral("start_time")).toString(),
                                         QStringLiteral("HH:mm"));
    if (p.contains(QStringLiteral("end_time")))
        pl.endTime = QTime::fromString(p.value(QStringLiteral("end_time")).toString(),
                                       QStringLiteral("HH:mm"));
    if (p.value(QStringLiteral("exception_dates")).isArray()) {
        pl.exceptionDates.clear();
        for (const QJsonValue v : p.value(QStringLiteral("exception_dates")).toArray()) {
            const QDate d = QDate::fromString(v.toString(), Qt::ISODate);
            if (!d.isValid())
                errors.insert(QStringLiteral("exception_dates"), tr("Invalid date."));
            else
                pl.exceptionDates.append(d);
        }
    }
    CatalogOutcome outcome;
    if (!errors.isEmpty()) { // a date that could not be read: the others checked all the same
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
    if (const Id id = idOf(p, "id")) {
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
    if (const Id other = idOf(p, "agent_id"); other && other != a.agentId) {
        // Another organisation's agent is an unknown id (404) before it is a forbidden one.
        if (!Ownership(m_site.store()).agent(agent.organisationId, other))
            return notFound();
        a.agentId = other;
    }
    overlay(p, "title", a.title);
    overlay(p, "rrule", a.rrule);
    if (p.value(QStringLiteral("starts_at")).isDouble())
        a.startsAt = p.value(QStringLiteral("starts_at")).toInteger(0);
    if (p.value(QStringLiteral("ends_at")).isDouble())
        a.endsAt = p.value(QStringLiteral("ends_at")).toInteger(0);
    if (const CatalogOutcome no = service.saveAbsence(agent, a, stored); !no.ok())
        return refusal(no);
    return saved(agent, QStringLiteral("absences"), a.id);
}

} // namespace creneau::server
