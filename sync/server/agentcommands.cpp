#include "sync/server/agentcommands.h"

#include "models/ownership.h"
#include "models/rdvrepository.h"
#include "models/sql.h"
#include "models/usagerduplicates.h"
#include "sync/server/formatting.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <limits>

namespace creneau::server {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("AgentCommands", text);
}

const QStringList kRdvCommands = {QStringLiteral("create_rdv"), QStringLiteral("move_rdv"),
                                  QStringLiteral("cancel_rdv"), QStringLiteral("set_status"),
                                  QStringLiteral("set_context")};
const QString kMergeUsagers = QStringLiteral("merge_usagers");
const QStringList kCatalogCommands = {QStringLiteral("save_motif"), QStringLiteral("save_lieu"),
                                      QStringLiteral("save_plage"), QStringLiteral("save_absence"),
                                      QStringLiteral("remove_absence")};

Id idOf(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    // toInteger: only exact integers that fit, so no out-of-range conversion on hostile input.
    return std::max<Id>(0, v.toInteger(0));
}

// Unix seconds or ISO 8601 with an offset; false when neither.
bool instantOf(const QJsonObject &o, const char *key, qint64 *secs)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isDouble()) {
        *secs = v.toInteger(0);
        return *secs > 0;
    }
    return v.isString() && parseIsoInstant(v.toString(), secs);
}

} // namespace

int statusFor(BookingError e)
{
    switch (e) {
    case BookingError::None:
        return 200;
    case BookingError::Invalid:
    case BookingError::MotifUnavailable:
        return 422;
    case BookingError::CreneauTaken:
    case BookingError::StaleVersion:
    case BookingError::TooLate:
    case BookingError::SessionFull:
    case BookingError::AlreadyRegistered:
        return 409;
    case BookingError::Forbidden:
        return 403;
    case BookingError::NotFound:
        return 404;
    }
    return 400;
}

namespace {

Prescripteur prescripteurOf(const QJsonObject &p)
{
    Prescripteur out;
    out.firstName = p.value(QStringLiteral("first_name")).toString();
    out.lastName = p.value(QStringLiteral("last_name")).toString();
    out.email = p.value(QStringLiteral("email")).toString();
    out.phone = p.value(QStringLiteral("phone")).toString();
    return out;
}

Usager usagerOf(const QJsonObject &u)
{
    Usager out;
    out.firstName = u.value(QStringLiteral("first_name")).toString();
    out.lastName = u.value(QStringLiteral("last_name")).toString();
    out.email = u.value(QStringLiteral("email")).toString();
    out.phone = u.value(QStringLiteral("phone")).toString();
    out.address = u.value(QStringLiteral("address")).toString();
    out.notes = u.value(QStringLiteral("notes")).toString();
    out.birthDate =
        QDate::fromString(u.value(QStringLiteral("birth_date")).toString(), Qt::ISODate);
    return out;
}

// Ids in a payload ("rdv_id", "motif_ids"...): whole numbers from 0 (none) within 64 bits, or
// null. A hostile value (1e300, -1, "1", 1.5) is named in the answer rather than read as 0 and
// answered as "not found".
FieldErrors idProblems(const QJsonObject &payload)
{
    const auto isId = [](const QJsonValue &v) {
        return v.isNull() || (v.isDouble() && v.toInteger(-1) >= 0);
    };
    FieldErrors out;
    for (auto it = payload.begin(); it != payload.end(); ++it) {
        bool ok = true;
        if (it.key().endsWith(QLatin1String("_id"))) {
            ok = isId(it.value());
        } else if (it.key().endsWith(QLatin1String("_ids"))) {
            ok = it.value().isArray() || it.value().isNull();
            for (const QJsonValue v : it.value().toArray())
                ok = ok && isId(v) && !v.isNull();
        }
        if (!ok)
            out.insert(it.key(), tr("Not a valid identifier."));
    }
    return out;
}

} // namespace

QJsonObject errorBody(const QString &message, const FieldErrors &fields)
{
    QJsonObject body{{QStringLiteral("error"), message}};
    if (!fields.isEmpty()) {
        QJsonObject f;
        for (auto it = fields.cbegin(); it != fields.cend(); ++it)
            f.insert(it.key(), it.value());
        body.insert(QStringLiteral("fields"), f);
    }
    return body;
}

CommandAnswer AgentCommands::run(const Agent &agent, const QJsonObject &command)
{
    Command c;
    c.key = command.value(QStringLiteral("idempotency_key")).toString();
    c.type = command.value(QStringLiteral("type")).toString();
    const QJsonValue version = command.value(QStringLiteral("expected_version"));
    c.expectedVersion = std::max(0, version.toInt(0));
    const QJsonValue payload = command.value(QStringLiteral("payload"));
    c.payload = payload.toObject();
    if (c.key.isEmpty() || c.key.size() > 200)
        return {400, errorBody(tr("An idempotency key of 1 to 200 characters is required."))};
    if (!kRdvCommands.contains(c.type) && !kCatalogCommands.contains(c.type) &&
        c.type != kMergeUsagers && !isAdminCommand(c.type) && !sessionCommands().contains(c.type))
        return {400, errorBody(tr("Unknown command type."))};
    // The envelope's shape: refused as a whole, before any row is looked up.
    if (!payload.isObject() && !payload.isUndefined() && !payload.isNull())
        return {400, errorBody(tr("The payload must be a JSON object."))};
    if (!version.isUndefined() && !version.isNull() &&
        (!version.isDouble() || version.toInteger(-1) < 0 ||
         version.toInteger(-1) > std::numeric_limits<int>::max()))
        return {400, errorBody(tr("The expected version must be a whole number from 0."))};
    if (const FieldErrors ids = idProblems(c.payload); !ids.isEmpty())
        return {422, errorBody(tr("Some identifiers are not valid."), ids)};
    if (auto stored = storedAnswer(agent.id, c.key)) // a replay, answered without the lock
        return *stored;
    if (auto refused = passwordChangeFirst(agent, c.type))
        return *refused;
    // One transaction for the change and its stored answer: BookingService's own transaction
    // nests in it as a savepoint, so a crash between the two cannot apply a change whose key
    // then runs again. Looked up again under the write lock: another request, or another server
    // instance on the same PostgreSQL database, may have run this key while we waited for it.
    WriteTransaction tx(m_site.store());
    if (auto stored = storedAnswer(agent.id, c.key))
        return *stored;
    const CommandAnswer answer = isAdminCommand(c.type)               ? runAdminCommand(agent, c)
                                 : c.type == kMergeUsagers            ? mergeUsagers(agent, c)
                                 : sessionCommands().contains(c.type) ? runSessionCommand(agent, c)
                                 : kCatalogCommands.contains(c.type)  ? runCatalogCommand(agent, c)
                                                                      : runRdvCommand(agent, c);
    storeAnswer(agent.id, c.key, answer);
    tx.commit();
    return answer;
}

CommandAnswer AgentCommands::runRdvCommand(const Agent &agent, const Command &c)
{
    const QJsonObject &p = c.payload;
    const Actor actor{Actor::Kind::Agent, agent.id, {}};
    BookingService &booking = m_site.booking();
    BookingOutcome out;
    if (c.type == QLatin1String("create_rdv")) {
        BookingRequest req;
        req.organisationId = agent.organisationId;
        req.motifId = idOf(p, "motif_id");
        req.lieuId = idOf(p, "lieu_id");
        req.bookedBy = CreatedBy::Agent;
        req.agentId = agent.id;
        if (const Id other = idOf(p, "agent_id"); other && other != agent.id) {
            if (!Ownership(m_site.store()).agent(agent.organisationId, other))
                return {404, errorBody(tr("Not found in your organisation."))};
            if (agent.role != AgentRole::Admin)
                return {403, errorBody(tr("Only an administrator may book for another agent."))};
            req.agentId = other;
        }
        // A participant added at the desk to a collective session: its time is the session's.
        req.sessionId = idOf(p, "session_id");
        if (!req.sessionId && !instantOf(p, "starts_at", &req.startsAt))
            return {422, errorBody(tr("Invalid start time."),
                                   {{QStringLiteral("starts_at"), tr("Invalid start time.")}})};
        req.prescripteur = prescripteurOf(p.value(QStringLiteral("prescripteur")).toObject());
        req.context = p.value(QStringLiteral("context")).toString();
        req.existingUsagerId = idOf(p, "usager_id");
        if (req.existingUsagerId) {
            const auto u = RdvRepository(m_site.store()).usager(req.existingUsagerId);
            if (!u || u->organisationId != agent.organisationId)
                return {404, errorBody(BookingService::messageFor(BookingError::NotFound))};
        } else {
            req.usager = usagerOf(p.value(QStringLiteral("usager")).toObject());
        }
        out = booking.book(req);
    } else {
        const Id rdvId = idOf(p, "rdv_id");
        const auto rdv = RdvRepository(m_site.store()).find(rdvId);
        if (!rdv || rdv->organisationId != agent.organisationId)
            return {404, errorBody(BookingService::messageFor(BookingError::NotFound))};
        if (c.type == QLatin1String("move_rdv")) {
            qint64 start = 0;
            if (!instantOf(p, "starts_at", &start))
                return {422, errorBody(tr("Invalid start time."))};
            out = booking.move(rdvId, actor, start, idOf(p, "lieu_id"), c.expectedVersion);
        } else if (c.type == QLatin1String("cancel_rdv")) {
            out = booking.cancel(rdvId, actor, p.value(QStringLiteral("reason")).toString(),
                                 c.expectedVersion);
        } else if (c.type == QLatin1String("set_status")) {
            RdvStatus status;
            if (!fromWord(p.value(QStringLiteral("status")).toString(), &status))
                return {422, errorBody(tr("Unknown status."))};
            out = booking.setStatus(rdvId, actor, status, c.expectedVersion);
        } else {
            out = booking.setContext(rdvId, actor, p.value(QStringLiteral("context")).toString(),
                                     c.expectedVersion);
        }
    }
    if (out.ok())
        return saved(agent, QStringLiteral("rdvs"), out.rdv.id);
    QJsonObject body = errorBody(out.message, out.fields);
    if (out.error == BookingError::StaleVersion)
        body.insert(QStringLiteral("current"),
                    m_feed.row(QStringLiteral("rdvs"), agent.organisationId, idOf(p, "rdv_id")));
    return {statusFor(out.error), body};
}

CommandAnswer AgentCommands::mergeUsagers(const Agent &agent, const Command &c)
{
    // Ids of another organisation answer as unknown ones: nothing says they exist.
    const MergeOutcome out = UsagerDuplicates(m_site.store())
                                 .merge(agent.organisationId, idOf(c.payload, "keep_id"),
                                        idOf(c.payload, "duplicate_id"));
    switch (out.error) {
    case MergeError::None:
        return saved(agent, QStringLiteral("usagers"), out.kept.id);
    case MergeError::NotFound:
        return {404, errorBody(out.message)};
    case MergeError::SameUsager:
        return {422, errorBody(out.message)};
    }
    return {400, errorBody(out.message)};
}

CommandAnswer AgentCommands::saved(const Agent &agent, const QString &entity, Id id)
{
    const QJsonObject result{
        {QStringLiteral("entity"), entity},
        {QStringLiteral("id"), id},
        {QStringLiteral("data"), m_feed.row(entity, agent.organisationId, id)}};
    return {200, QJsonObject{{QStringLiteral("result"), result}}};
}

std::optional<CommandAnswer> AgentCommands::storedAnswer(Id agentId, const QString &key)
{
    QSqlQuery q = sql::run(m_site.store().db(),
                           QStringLiteral("SELECT status, response FROM agent_commands "
                                          "WHERE agent_id = ? AND idempotency_key = ?"),
                           {agentId, key});
    if (!q.next())
        return std::nullopt;
    return CommandAnswer{q.value(0).toInt(),
                         QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object(), true};
}

void AgentCommands::storeAnswer(Id agentId, const QString &key, const CommandAnswer &answer)
{
    sql::run(m_site.store().db(),
             QStringLiteral("INSERT INTO agent_commands (agent_id, idempotency_key, status, "
                            "response, created_at) VALUES (?, ?, ?, ?, ?)"),
             {agentId, key, answer.status,
              QString::fromUtf8(QJsonDocument(answer.body).toJson(QJsonDocument::Compact)),
              m_site.clock().nowSecs()});
}

} // namespace creneau::server
