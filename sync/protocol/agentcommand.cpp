#include "sync/protocol/agentcommand.h"

#include <QJsonValue>

#include <iterator>
#include <limits>

namespace creneau::protocol {

namespace {

struct Entry
{
    CommandType type;
    const char *word;
    CommandFamily family;
};

constexpr Entry kCommands[] = {
    {CommandType::CreateRdv, "create_rdv", CommandFamily::Rdv},
    {CommandType::MoveRdv, "move_rdv", CommandFamily::Rdv},
    {CommandType::CancelRdv, "cancel_rdv", CommandFamily::Rdv},
    {CommandType::SetStatus, "set_status", CommandFamily::Rdv},
    {CommandType::SetContext, "set_context", CommandFamily::Rdv},
    {CommandType::MergeUsagers, "merge_usagers", CommandFamily::Usagers},
    {CommandType::SaveMotif, "save_motif", CommandFamily::Catalog},
    {CommandType::SaveLieu, "save_lieu", CommandFamily::Catalog},
    {CommandType::SavePlage, "save_plage", CommandFamily::Catalog},
    {CommandType::SaveAbsence, "save_absence", CommandFamily::Catalog},
    {CommandType::RemoveAbsence, "remove_absence", CommandFamily::Catalog},
    {CommandType::SaveOrganisation, "save_organisation", CommandFamily::Administration},
    {CommandType::SaveAgent, "save_agent", CommandFamily::Administration},
    {CommandType::ArchiveAgent, "archive_agent", CommandFamily::Administration},
    {CommandType::ResetAgentPassword, "reset_agent_password", CommandFamily::Administration},
    {CommandType::ChangePassword, "change_password", CommandFamily::Administration},
    {CommandType::SetNotificationLevel, "set_notification_level", CommandFamily::Administration},
    {CommandType::CreateSession, "create_session", CommandFamily::Sessions},
    {CommandType::UpdateSession, "update_session", CommandFamily::Sessions},
    {CommandType::CancelSession, "cancel_session", CommandFamily::Sessions},
};

const Entry &entry(CommandType type)
{
    for (const Entry &e : kCommands)
        if (e.type == type)
            return e;
    return kCommands[0]; // not reached: every enumerator has its entry
}

} // namespace

QString toWord(CommandType type)
{
    return QString::fromLatin1(entry(type).word);
}

bool fromWord(const QString &word, CommandType *type)
{
    for (const Entry &e : kCommands) {
        if (word == QLatin1String(e.word)) {
            *type = e.type;
            return true;
        }
    }
    return false;
}

const QList<CommandType> &allCommandTypes()
{
    static const QList<CommandType> all = [] {
        QList<CommandType> out;
        for (const Entry &e : kCommands)
            out.append(e.type);
        return out;
    }();
    return all;
}

CommandFamily familyOf(CommandType type)
{
    return entry(type).family;
}

QJsonObject CommandEnvelope::toJson() const
{
    return {{QStringLiteral("idempotency_key"), idempotencyKey},
            {QStringLiteral("type"), toWord(type)},
            {QStringLiteral("expected_version"), expectedVersion},
            {QStringLiteral("payload"), payload}};
}

CommandEnvelope::Problem CommandEnvelope::parse(const QJsonObject &json, CommandEnvelope *out)
{
    const QJsonValue key = json.value(QStringLiteral("idempotency_key"));
    out->idempotencyKey = key.toString();
    if (!key.isString() || out->idempotencyKey.isEmpty() ||
        out->idempotencyKey.size() > kMaxKeyLength)
        return Problem::Key;
    if (!fromWord(json.value(QStringLiteral("type")).toString(), &out->type))
        return Problem::Type;
    const QJsonValue payload = json.value(QStringLiteral("payload"));
    if (!payload.isObject() && !payload.isUndefined() && !payload.isNull())
        return Problem::Payload;
    out->payload = payload.toObject();
    const QJsonValue version = json.value(QStringLiteral("expected_version"));
    if (version.isUndefined() || version.isNull()) {
        out->expectedVersion = 0;
    } else {
        const qint64 v = version.isDouble() ? version.toInteger(-1) : -1;
        if (v < 0 || v > std::numeric_limits<int>::max())
            return Problem::Version;
        out->expectedVersion = int(v);
    }
    return Problem::None;
}

} // namespace creneau::protocol
