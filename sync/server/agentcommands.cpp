#include "sync/server/agentcommands.h"

#include "models/ownership.h"
#include "models/rdvrepository.h"
#include "models/sql.h"
#include "models/usagerduplicates.h"
#include "sync/protocol/payloadreader.h"
#include "sync/protocol/rdvcommands.h"

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
    using protocol::CommandEnvelope;
    using protocol::CommandFamily;
    Command c;
    switch (CommandEnvelope::parse(command, &c)) {
    case CommandEnvelope::Problem::None:
        break;
    case CommandEnvelope::Problem::Key:
        return {400, errorBody(tr("An idempotency key of 1 to 200 characters is required."))};
    case CommandEnvelope::Problem::Type:
        return {400, errorBody(tr("Unknown command type."))};
    case CommandEnvelope::Problem::Payload:
        return {400, errorBody(tr("The payload must be a JSON object."))};
    case CommandEnvelope::Problem::Version:
        return {400, errorBody(tr("The expected version must be a whole number from 0."))};
    }
    if (const FieldErrors ids = protocol::idProblems(c.payload); !ids.isEmpty())
        return {422, errorBody(tr("Some identifiers are not valid."), ids)};
    if (auto stored = storedAnswer(agent.id, c.idempotencyKey)) // a replay, without the lock
        return *stored;
    if (auto refused = passwordChangeFirst(agent, c.type))
        return *refused;
    const Passwords passwords = preparePasswords(agent, c);
    // One transaction for the change and its stored answer: BookingService's own transaction
    // nests in it as a savepoint, so a crash between the two cannot apply a change whose key
    // then runs again. Looked up again under the write lock: another request, or another server
    // instance on the same PostgreSQL database, may have run this key while we waited for it.
    // The agent's organisation's writer lock: every command acts inside it (ids are checked
    // against it), and other organisations write meanwhile.
    WriteTransaction tx(m_site.store(), agent.organisationId);
    if (auto stored = storedAnswer(agent.id, c.idempotencyKey))
        return *stored;
    CommandAnswer answer;
    switch (protocol::familyOf(c.type)) {
    case CommandFamily::Rdv:
        answer = runRdvCommand(agent, c);
        break;
    case CommandFamily::Usagers:
        answer = mergeUsagers(agent, c);
        break;
    case CommandFamily::Catalog:
        answer = runCatalogCommand(agent, c);
        break;
    case CommandFamily::Administration:
        answer = runAdminCommand(agent, c, passwords);
        break;
    case CommandFamily::Sessions:
        answer = runSessionCommand(agent, c);
        break;
    }
    storeAnswer(agent.id, c.idempotencyKey, answer);
    tx.commit();
    return answer;
}

CommandAnswer AgentCommands::runRdvCommand(const Agent &agent, const Command &c)
{
    using protocol::CommandType;
    const Actor actor{Actor::Kind::Agent, agent.id, {}};
    BookingService &booking = m_site.booking();
    BookingOutcome out;
    if (c.type == CommandType::CreateRdv) {
        BookingRequest req;
        req.organisationId = agent.organisationId;
        req.bookedBy = CreatedBy::Agent;
        req.agentId = agent.id;
        const FieldErrors errors = protocol::readCreateRdv(c.payload, &req);
        // Another organisation's ids answer 404 before anything else is said about them.
        if (req.agentId != agent.id) {
            if (!Ownership(m_site.store()).agent(agent.organisationId, req.agentId))
                return {404, errorBody(tr("Not found in your organisation."))};
            if (agent.role != AgentRole::Admin)
                return {403, errorBody(tr("Only an administrator may book for another agent."))};
        }
        if (req.existingUsagerId) {
            const auto u = RdvRepository(m_site.store()).usager(req.existingUsagerId);
            if (!u || u->organisationId != agent.organisationId)
                return {404, errorBody(BookingService::messageFor(BookingError::NotFound))};
        }
        if (!errors.isEmpty())
            return {422, errorBody(tr("Some fields are invalid."), errors)};
        out = booking.book(req);
    } else {
        protocol::RdvChange change;
        const FieldErrors errors = protocol::readRdvChange(c.type, c.payload, &change);
        const auto rdv = RdvRepository(m_site.store()).find(change.rdvId);
        if (!rdv || rdv->organisationId != agent.organisationId)
            return {404, errorBody(BookingService::messageFor(BookingError::NotFound))};
        if (!errors.isEmpty())
            return {422, errorBody(tr("Some fields are invalid."), errors)};
        switch (c.type) {
        case CommandType::MoveRdv:
            out = booking.move(change.rdvId, actor, change.startsAt, change.lieuId,
                               c.expectedVersion);
            break;
        case CommandType::CancelRdv:
            out = booking.cancel(change.rdvId, actor, change.reason, c.expectedVersion);
            break;
        case CommandType::SetStatus:
            out = booking.setStatus(change.rdvId, actor, change.status, c.expectedVersion);
            break;
        default:
            out = booking.setContext(change.rdvId, actor, change.context, c.expectedVersion);
            break;
        }
    }
    if (out.ok())
        return saved(agent, QStringLiteral("rdvs"), out.rdv.id);
    QJsonObject body = errorBody(out.message, out.fields);
    if (out.error == BookingError::StaleVersion)
        body.insert(QStringLiteral("current"),
                    m_feed.row(QStringLiteral("rdvs"), agent.organisationId,
                               protocol::PayloadReader(c.payload).id("rdv_id")));
    return {statusFor(out.error), body};
}

CommandAnswer AgentCommands::mergeUsagers(const Agent &agent, const Command &c)
{
    // Ids of another organisation answer as unknown ones: nothing says they exist.
    const protocol::UsagerMerge merge = protocol::readMergeUsagers(c.payload);
    const MergeOutcome out = UsagerDuplicates(m_site.store())
                                 .merge(agent.organisationId, merge.keepId, merge.duplicateId);
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
