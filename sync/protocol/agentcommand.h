// The agent API's commands as they travel: POST /api/v1/agent/commands carries one envelope
// {idempotency_key, type, expected_version, payload}. The desktop builds it (through its offline
// queue), the server parses it; both use these types, so the two ends cannot drift apart. Each
// command's payload has its typed builder and parser next to its family (rdvcommands.h,
// catalogcommands.h, admincommands.h).
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace creneau::protocol {

enum class CommandType
{
    // Appointments (rdvcommands.h)
    CreateRdv,
    MoveRdv,
    CancelRdv,
    SetStatus,
    SetContext,
    MergeUsagers,
    // The catalogue (catalogcommands.h)
    SaveMotif,
    SaveLieu,
    SavePlage,
    SaveAbsence,
    RemoveAbsence,
    // The organisation, its agents, one's own account (admincommands.h)
    SaveOrganisation,
    SaveAgent,
    ArchiveAgent,
    ResetAgentPassword,
    ChangePassword,
    SetNotificationLevel,
    // Collective sessions (sessioncommands.h)
    CreateSession,
    UpdateSession,
    CancelSession
};

enum class CommandFamily
{
    Rdv,
    Usagers,
    Catalog,
    Administration,
    Sessions
};

// "create_rdv", "save_motif"...
QString toWord(CommandType type);
bool fromWord(const QString &word, CommandType *type);
const QList<CommandType> &allCommandTypes();
CommandFamily familyOf(CommandType type);

struct CommandEnvelope
{
    static constexpr int kMaxKeyLength = 200;

    QString idempotencyKey;
    CommandType type = CommandType::CreateRdv;
    int expectedVersion = 0; // the row's seq the sender last saw; 0: no check
    QJsonObject payload;

    QJsonObject toJson() const;

    // What makes an envelope unreadable as a whole, before any row is looked up.
    enum class Problem
    {
        None,
        Key,     // missing, or longer than kMaxKeyLength
        Type,    // not a known command
        Payload, // neither an object nor absent
        Version  // not a whole number from 0
    };
    static Problem parse(const QJsonObject &json, CommandEnvelope *out);
};

} // namespace creneau::protocol
