#include "sync/protocol/rdvcommands.h"

#include "sync/protocol/payloadreader.h"

namespace creneau::protocol {

namespace {

void readUsager(const QJsonObject &json, Usager *u, FieldErrors *errors)
{
    PayloadReader r(json);
    r.text("first_name", u->firstName);
    r.text("last_name", u->lastName);
    r.text("email", u->email);
    r.text("phone", u->phone);
    r.text("address", u->address);
    r.text("notes", u->notes);
    // An empty birth date is none; another unreadable one is an error of that field.
    if (!json.value(QStringLiteral("birth_date")).toString().isEmpty())
        r.date("birth_date", u->birthDate);
    for (auto it = r.errors().cbegin(); it != r.errors().cend(); ++it)
        errors->insert(QStringLiteral("usager.") + it.key(), it.value());
}

void readPrescripteur(const QJsonObject &json, Prescripteur *p, FieldErrors *errors)
{
    PayloadReader r(json);
    r.text("first_name", p->firstName);
    r.text("last_name", p->lastName);
    r.text("email", p->email);
    r.text("phone", p->phone);
    for (auto it = r.errors().cbegin(); it != r.errors().cend(); ++it)
        errors->insert(QStringLiteral("prescripteur.") + it.key(), it.value());
}

QJsonObject withRdv(Id rdvId, QJsonObject payload)
{
    payload.insert(QStringLiteral("rdv_id"), rdvId);
    return payload;
}

} // namespace

QJsonObject usagerJson(const Usager &u)
{
    QJsonObject out{{QStringLiteral("first_name"), u.firstName},
                    {QStringLiteral("last_name"), u.lastName},
                    {QStringLiteral("email"), u.email},
                    {QStringLiteral("phone"), u.phone}};
    if (u.birthDate.isValid())
        out.insert(QStringLiteral("birth_date"), u.birthDate.toString(Qt::ISODate));
    if (!u.address.isEmpty())
        out.insert(QStringLiteral("address"), u.address);
    if (!u.notes.isEmpty())
        out.insert(QStringLiteral("notes"), u.notes);
    return out;
}

QJsonObject prescripteurJson(const Prescripteur &p)
{
    return {{QStringLiteral("first_name"), p.firstName},
            {QStringLiteral("last_name"), p.lastName},
            {QStringLiteral("email"), p.email},
            {QStringLiteral("phone"), p.phone}};
}

QJsonObject createRdvPayload(const BookingRequest &request)
{
    QJsonObject p{{QStringLiteral("motif_id"), request.motifId},
                  {QStringLiteral("starts_at"), request.startsAt},
                  {QStringLiteral("context"), request.context}};
    if (request.lieuId)
        p.insert(QStringLiteral("lieu_id"), request.lieuId);
    if (request.sessionId) {
        p.insert(QStringLiteral("session_id"), request.sessionId); // its time is the session's
        p.remove(QStringLiteral("starts_at"));
    }
    if (request.agentId)
        p.insert(QStringLiteral("agent_id"), request.agentId);
    if (request.existingUsagerId)
        p.insert(QStringLiteral("usager_id"), request.existingUsagerId);
    else
        p.insert(QStringLiteral("usager"), usagerJson(request.usager));
    if (!request.prescripteur.isEmpty())
        p.insert(QStringLiteral("prescripteur"), prescripteurJson(request.prescripteur));
    return p;
}

FieldErrors readCreateRdv(const QJsonObject &payload, BookingRequest *request)
{
    PayloadReader r(payload);
    request->motifId = r.id("motif_id");
    request->lieuId = r.id("lieu_id");
    if (const Id agent = r.id("agent_id"))
        request->agentId = agent;
    request->existingUsagerId = r.id("usager_id");
    request->sessionId = r.id("session_id");
    r.instant("starts_at", request->startsAt);
    r.text("context", request->context);
    const QJsonObject usager = r.object("usager");
    const QJsonObject prescripteur = r.object("prescripteur");
    FieldErrors errors = r.errors();
    if (!request->startsAt && !request->sessionId && !errors.contains(QStringLiteral("starts_at")))
        errors.insert(QStringLiteral("starts_at"), PayloadReader::message("Invalid start time."));
    if (!request->motifId)
        errors.insert(QStringLiteral("motif_id"),
                      PayloadReader::message("Not a valid identifier."));
    if (!request->existingUsagerId)
        readUsager(usager, &request->usager, &errors);
    readPrescripteur(prescripteur, &request->prescripteur, &errors);
    return errors;
}

QJsonObject moveRdvPayload(Id rdvId, qint64 startsAt, Id lieuId)
{
    QJsonObject p{{QStringLiteral("starts_at"), startsAt}};
    if (lieuId)
        p.insert(QStringLiteral("lieu_id"), lieuId);
    return withRdv(rdvId, p);
}

QJsonObject cancelRdvPayload(Id rdvId, const QString &reason)
{
    return withRdv(rdvId, {{QStringLiteral("reason"), reason}});
}

QJsonObject setStatusPayload(Id rdvId, RdvStatus status)
{
    return withRdv(rdvId, {{QStringLiteral("status"), toWord(status)}});
}

QJsonObject setContextPayload(Id rdvId, const QString &context)
{
    return withRdv(rdvId, {{QStringLiteral("context"), context}});
}

FieldErrors readRdvChange(CommandType type, const QJsonObject &payload, RdvChange *change)
{
    PayloadReader r(payload);
    change->rdvId = r.id("rdv_id");
    FieldErrors required;
    switch (type) {
    case CommandType::MoveRdv:
        r.instant("starts_at", change->startsAt);
        change->lieuId = r.id("lieu_id");
        if (!change->startsAt)
            required.insert(QStringLiteral("starts_at"),
                            PayloadReader::message("Invalid start time."));
        break;
    case CommandType::CancelRdv:
        r.text("reason", change->reason);
        break;
    case CommandType::SetStatus:
        if (!r.has("status"))
            required.insert(QStringLiteral("status"), PayloadReader::message("Unknown status."));
        r.word("status", change->status);
        break;
    default:
        r.text("context", change->context);
        break;
    }
    FieldErrors errors = r.errors();
    for (auto it = required.cbegin(); it != required.cend(); ++it)
        if (!errors.contains(it.key()))
            errors.insert(it.key(), it.value());
    return errors;
}

QJsonObject mergeUsagersPayload(Id keepId, Id duplicateId)
{
    return {{QStringLiteral("keep_id"), keepId}, {QStringLiteral("duplicate_id"), duplicateId}};
}

UsagerMerge readMergeUsagers(const QJsonObject &payload)
{
    const PayloadReader r(payload);
    return {r.id("keep_id"), r.id("duplicate_id")};
}

} // namespace creneau::protocol
