// The catalog half of AgentCommands: motifs, lieux, opening ranges and absences. Each runs in
// the transaction AgentCommands::run opens, together with its stored answer.
#include "agentcommands.h"

#include "ownership.h"
#include "sql.h"
#include "validation.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>

namespace creneau::http {

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

CommandAnswer forbidden()
{
    return {403, errorBody(tr("Only an administrator may change motifs, lieux and opening "
                              "ranges."))};
}

CommandAnswer notFound()
{
    return {404, errorBody(tr("Not found in your organisation."))};
}

CommandAnswer invalid(const FieldErrors &fields)
{
    return {422, errorBody(tr("Some fields are invalid."), fields)};
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
    if (agent.role != AgentRole::Admin)
        return forbidden();
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
    FieldErrors errors = validateMotif(m);
    if (!overlayWord(p, "location_type", m.locationType))
        errors.insert(QStringLiteral("location_type"), tr("Unknown value."));
    if (!overlayWord(p, "bookable_by", m.bookableBy))
        errors.insert(QStringLiteral("bookable_by"), tr("Unknown value."));
    if (!errors.isEmpty())
        return invalid(errors);
    m_site.catalog().save(m);
    return saved(agent, QStringLiteral("motifs"), m.id);
}

CommandAnswer AgentCommands::saveLieu(const Agent &agent, const Command &c)
{
    if (agent.role != AgentRole::Admin)
        return forbidden();
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
    FieldErrors errors;
    checkText(errors, QStringLiteral("name"), l.name, 200);
    if (l.name.trimmed().isEmpty())
        errors.insert(QStringLiteral("name"), tr("A name is required."));
    checkText(errors, QStringLiteral("address"), l.address, 500);
    if (!errors.isEmpty())
        return invalid(errors);
    m_site.catalog().save(l);
    return saved(agent, QStringLiteral("lieux"), l.id);
}

CommandAnswer AgentCommands::savePlage(const Agent &agent, const Command &c)
{
    if (agent.role != AgentRole::Admin)
        return forbidden();
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
    // Another organisation's agent, lieu or motif is answered like an unknown id: 404.
    const Ownership owns(m_site.store());
    if ((pl.agentId && !owns.agent(agent.organisationId, pl.agentId)) ||
        (pl.lieuId && !owns.lieu(agent.organisationId, pl.lieuId)))
        return notFound();
    if (!pl.agentId)
        errors.insert(QStringLiteral("agent_id"), tr("Unknown agent."));
    if (!pl.lieuId)
        errors.insert(QStringLiteral("lieu_id"), tr("Unknown lieu."));
    if (p.value(QStringLiteral("motif_ids")).isArray()) {
        pl.motifIds.clear();
        for (const QJsonValue v : p.value(QStringLiteral("motif_ids")).toArray()) {
            if (!owns.motif(agent.organisationId, v.toInteger(0)))
                return notFound();
            pl.motifIds.append(v.toInteger(0));
        }
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
    const FieldErrors more = validatePlage(pl);
    for (auto it = more.cbegin(); it != more.cend(); ++it)
        errors.insert(it.key(), it.value());
    if (!errors.isEmpty())
        return invalid(errors);
    m_site.catalog().save(pl);
    return saved(agent, QStringLiteral("plages"), pl.id);
}

CommandAnswer AgentCommands::saveAbsence(const Agent &agent, const Command &c, bool remove)
{
    const QJsonObject &p = c.payload;
    const bool admin = agent.role == AgentRole::Admin;
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
    if (a.agentId != agent.id && !admin)
        return {403, errorBody(tr("Only an administrator may change another agent's absences."))};
    if (remove) {
        m_site.catalog().removeAbsence(a.id);
        return saved(agent, QStringLiteral("absences"), a.id);
    }
    if (const Id other = idOf(p, "agent_id"); other && other != a.agentId) {
        if (!Ownership(m_site.store()).agent(agent.organisationId, other))
            return notFound();
        if (!admin)
            return {403,
                    errorBody(tr("Only an administrator may change another agent's absences."))};
        a.agentId = other;
    }
    overlay(p, "title", a.title);
    overlay(p, "rrule", a.rrule);
    if (p.value(QStringLiteral("starts_at")).isDouble())
        a.startsAt = p.value(QStringLiteral("starts_at")).toInteger(0);
    if (p.value(QStringLiteral("ends_at")).isDouble())
        a.endsAt = p.value(QStringLiteral("ends_at")).toInteger(0);
    const FieldErrors errors =
        validateAbsence(a, m_site.clock().nowSecs(), stored ? &*stored : nullptr);
    if (!errors.isEmpty())
        return invalid(errors);
    m_site.catalog().save(a);
    return saved(agent, QStringLiteral("absences"), a.id);
}

} // namespace creneau::http
