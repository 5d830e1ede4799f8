#include "models/rdvrepository.h"

#include "models/usagerduplicates.h"
#include "models/validation.h"

namespace creneau {

namespace {

QString q(const char *text)
{
    return QString::fromUtf8(text);
}

const char kRdvColumns[] =
    "SELECT r.id, r.organisation_id, r.motif_id, r.lieu_id, r.starts_at, r.duration_minutes, "
    "r.status, r.created_by, r.created_by_agent_id, r.prescripteur_first_name, "
    "r.prescripteur_last_name, r.prescripteur_email, r.prescripteur_phone, r.context, "
    "r.cancel_reason, r.created_at, r.updated_at, r.version, r.seq, r.session_id FROM rdvs r ";

Rdv readRdv(const QSqlQuery &r)
{
    Rdv v;
    v.id = r.value(0).toLongLong();
    v.organisationId = r.value(1).toLongLong();
    v.motifId = r.value(2).toLongLong();
    v.lieuId = r.value(3).toLongLong();
    v.startsAt = r.value(4).toLongLong();
    v.durationMinutes = r.value(5).toInt();
    fromWord(r.value(6).toString(), &v.status);
    fromWord(r.value(7).toString(), &v.createdBy);
    v.createdByAgentId = r.value(8).toLongLong();
    v.prescripteur = {r.value(9).toString(), r.value(10).toString(), r.value(11).toString(),
                      r.value(12).toString()};
    v.context = r.value(13).toString();
    v.cancelReason = r.value(14).toString();
    v.createdAt = r.value(15).toLongLong();
    v.updatedAt = r.value(16).toLongLong();
    v.version = r.value(17).toInt();
    v.seq = r.value(18).toLongLong();
    v.sessionId = r.value(19).toLongLong();
    return v;
}

Usager readUsager(const QSqlQuery &r)
{
    Usager u;
    u.id = r.value(0).toLongLong();
    u.organisationId = r.value(1).toLongLong();
    u.firstName = r.value(2).toString();
    u.lastName = r.value(3).toString();
    u.birthDate = QDate::fromString(r.value(4).toString(), Qt::ISODate);
    u.email = r.value(5).toString();
    u.phone = r.value(6).toString();
    u.address = r.value(7).toString();
    u.notes = r.value(8).toString();
    return u;
}
const char kUsagerColumns[] = "SELECT id, organisation_id, first_name, last_name, birth_date, "
                              "email, phone, address, notes FROM usagers ";

QVariant nullableId(Id id)
{
    return id ? QVariant(id) : QVariant(QMetaType(QMetaType::LongLong));
}

} // namespace

void RdvRepository::insert(Rdv &rdv, const QString &usagerTokenHash)
{
    const QSqlDatabase db = m_store.db();
    rdv.seq = m_store.nextSeq(rdv.organisationId);
    rdv.version = 1;
    QSqlQuery ins = sql::prepare(
        db, q("INSERT INTO rdvs (seq, organisation_id, motif_id, lieu_id, starts_at, ends_at, "
              "duration_minutes, status, created_by, created_by_agent_id, "
              "prescripteur_first_name, prescripteur_last_name, prescripteur_email, "
              "prescripteur_phone, context, usager_token_hash, created_at, updated_at, session_id, "
              "version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)") +
                m_store.returningId());
    for (const QVariant &v :
         {QVariant(rdv.seq), QVariant(rdv.organisationId), QVariant(rdv.motifId),
          nullableId(rdv.lieuId), QVariant(rdv.startsAt), QVariant(rdv.endsAt()),
          QVariant(rdv.durationMinutes), QVariant(toWord(rdv.status)),
          QVariant(toWord(rdv.createdBy)), nullableId(rdv.createdByAgentId),
          QVariant(rdv.prescripteur.firstName), QVariant(rdv.prescripteur.lastName),
          QVariant(rdv.prescripteur.email), QVariant(rdv.prescripteur.phone), QVariant(rdv.context),
          QVariant(usagerTokenHash), QVariant(rdv.createdAt), QVariant(rdv.updatedAt),
          QVariant(rdv.sessionId)})
        sql::bind(ins, v);
    sql::exec(ins);
    rdv.id = sql::insertedId(ins);
    for (Id a : rdv.agentIds)
        sql::run(db, q("INSERT INTO rdv_agents (rdv_id, agent_id) VALUES (?, ?)"), {rdv.id, a});
    for (Id u : rdv.usagerIds)
        sql::run(db, q("INSERT INTO rdv_usagers (rdv_id, usager_id) VALUES (?, ?)"), {rdv.id, u});
}

void RdvRepository::update(Rdv &rdv, qint64 now)
{
    const QSqlDatabase db = m_store.db();
    rdv.seq = m_store.nextSeq(rdv.organisationId);
    rdv.version += 1;
    rdv.updatedAt = now;
    sql::run(db,
             q("UPDATE rdvs SET seq = ?, lieu_id = ?, starts_at = ?, ends_at = ?, "
               "duration_minutes = ?, status = ?, context = ?, cancel_reason = ?, "
               "updated_at = ?, version = ? WHERE id = ?"),
             {rdv.seq, nullableId(rdv.lieuId), rdv.startsAt, rdv.endsAt(), rdv.durationMinutes,
              toWord(rdv.status), rdv.context, rdv.cancelReason, rdv.updatedAt, rdv.version,
              rdv.id});
    sql::run(db, q("DELETE FROM rdv_agents WHERE rdv_id = ?"), {rdv.id});
    for (Id a : rdv.agentIds)
        sql::run(db, q("INSERT INTO rdv_agents (rdv_id, agent_id) VALUES (?, ?)"), {rdv.id, a});
}

QList<Rdv> RdvRepository::readRdvs(QSqlQuery &query) const
{
    QList<Rdv> out;
    QHash<Id, int> index;
    while (query.next()) {
        index.insert(query.value(0).toLongLong(), int(out.size()));
        out << readRdv(query);
    }
    if (out.isEmpty())
        return out;
    // Participants in two queries rather than one per appointment; for one appointment (a
    // booking, a lookup) statements kept prepared.
    if (out.size() == 1) {
        Rdv &only = out.first();
        sql::Rows a(m_store.db(),
                    q("SELECT agent_id FROM rdv_agents WHERE rdv_id = ? ORDER BY agent_id"),
                    {only.id});
        while (a.next())
            only.agentIds << a.value(0).toLongLong();
        sql::Rows u(m_store.db(),
                    q("SELECT usager_id FROM rdv_usagers WHERE rdv_id = ? ORDER BY usager_id"),
                    {only.id});
        while (u.next())
            only.usagerIds << u.value(0).toLongLong();
        return out;
    }
    QStringList ids;
    for (const Rdv &r : out)
        ids << QString::number(r.id);
    const QString in = ids.join(QLatin1Char(','));
    QSqlQuery a =
        sql::run(m_store.db(), q("SELECT rdv_id, agent_id FROM rdv_agents WHERE rdv_id IN (") + in +
                                   q(") ORDER BY agent_id"));
    while (a.next())
        out[index.value(a.value(0).toLongLong())].agentIds << a.value(1).toLongLong();
    QSqlQuery u =
        sql::run(m_store.db(), q("SELECT rdv_id, usager_id FROM rdv_usagers WHERE rdv_id IN (") +
                                   in + q(") ORDER BY usager_id"));
    while (u.next())
        out[index.value(u.value(0).toLongLong())].usagerIds << u.value(1).toLongLong();
    return out;
}

std::optional<Rdv> RdvRepository::find(Id id) const
{
    sql::Rows r(m_store.db(), q(kRdvColumns) + q("WHERE r.id = ?"), {id});
    const QList<Rdv> found = readRdvs(r);
    return found.isEmpty() ? std::nullopt : std::optional(found.first());
}

std::optional<Rdv> RdvRepository::findByUsagerToken(const QString &tokenHash) const
{
    if (tokenHash.isEmpty())
        return std::nullopt;
    // The second term lets the (partial) index on link secrets serve the query.
    sql::Rows r(m_store.db(),
                q(kRdvColumns) + q("WHERE r.usager_token_hash = ? AND r.usager_token_hash <> ''"),
                {tokenHash});
    const QList<Rdv> found = readRdvs(r);
    return found.isEmpty() ? std::nullopt : std::optional(found.first());
}

QList<Rdv> RdvRepository::between(Id organisationId, qint64 from, qint64 to, Id agentId) const
{
    QSqlQuery r =
        agentId ? sql::run(m_store.db(),
                           q(kRdvColumns) +
                               q("JOIN rdv_agents ra ON ra.rdv_id = r.id "
                                 "WHERE r.organisation_id = ? AND ra.agent_id = ? "
                                 "AND r.starts_at < ? AND r.ends_at > ? ORDER BY r.starts_at"),
                           {organisationId, agentId, to, from})
                : sql::run(m_store.db(),
                           q(kRdvColumns) + q("WHERE r.organisation_id = ? AND "
                                              "r.starts_at < ? AND r.ends_at > ? "
                                              "ORDER BY r.starts_at"),
                           {organisationId, to, from});
    return readRdvs(r);
}

QList<Rdv> RdvRepository::ofUsager(Id usagerId) const
{
    sql::Rows r(m_store.db(),
                q(kRdvColumns) + q("JOIN rdv_usagers ru ON ru.rdv_id = r.id "
                                   "WHERE ru.usager_id = ? ORDER BY r.starts_at DESC"),
                {usagerId});
    return readRdvs(r);
}

QList<Rdv> RdvRepository::ofSession(Id sessionId) const
{
    sql::Rows r(m_store.db(),
                q(kRdvColumns) + q("WHERE r.session_id <> 0 AND r.session_id = ? ORDER BY r.id"),
                {sessionId});
    return readRdvs(r);
}

void RdvRepository::insert(Usager &u, qint64 now)
{
    QSqlQuery ins =
        sql::run(m_store.db(),
                 q("INSERT INTO usagers (seq, organisation_id, first_name, last_name, folded_name, "
                   "birth_date, email, phone, address, notes, created_at) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") +
                     m_store.returningId(),
                 {m_store.nextSeq(u.organisationId), u.organisationId, u.firstName, u.lastName,
                  foldName(u.firstName + QLatin1Char(' ') + u.lastName),
                  u.birthDate.toString(Qt::ISODate), u.email, u.phone, u.address, u.notes, now});
    u.id = sql::insertedId(ins);
}

void RdvRepository::update(Usager &u)
{
    // Its organisation's number: callers may hold only the edited fields and the id.
    const Id organisation =
        u.organisationId
            ? u.organisationId
            : sql::scalar(m_store.db(), q("SELECT organisation_id FROM usagers WHERE id = ?"),
                          {u.id})
                  .toLongLong();
    sql::run(m_store.db(),
             q("UPDATE usagers SET seq = ?, first_name = ?, last_name = ?, folded_name = ?, "
               "birth_date = ?, email = ?, phone = ?, address = ?, notes = ? WHERE id = ?"),
             {m_store.nextSeq(organisation), u.firstName, u.lastName,
              foldName(u.firstName + QLatin1Char(' ') + u.lastName),
              u.birthDate.toString(Qt::ISODate), u.email, u.phone, u.address, u.notes, u.id});
}

std::optional<Usager> RdvRepository::usager(Id id) const
{
    sql::Rows r(m_store.db(), q(kUsagerColumns) + q("WHERE id = ?"), {id});
    return r.next() ? std::optional(readUsager(r)) : std::nullopt;
}

std::optional<Usager> RdvRepository::findMatchingUsager(const Usager &u) const
{
    if (u.phone.isEmpty() && u.email.isEmpty())
        return std::nullopt;
    sql::Rows r(m_store.db(),
                q(kUsagerColumns) +
                    q("WHERE organisation_id = ? AND folded_name = ? AND "
                      "((phone <> '' AND phone = ?) OR (email <> '' AND LOWER(email) = ?)) "
                      "ORDER BY id LIMIT 20"),
                {u.organisationId, foldName(u.firstName + QLatin1Char(' ') + u.lastName), u.phone,
                 u.email.toLower()});
    while (r.next()) {
        const Usager stored = readUsager(r);
        if (sameUsagerData(stored, u))
            return stored;
    }
    return std::nullopt;
}

QList<Usager> RdvRepository::searchUsagers(Id organisationId, const QString &text, int limit) const
{
    const QString t = text.trimmed();
    QDate birth = QDate::fromString(t, Qt::ISODate);
    if (!birth.isValid())
        birth = QDate::fromString(t, QStringLiteral("dd/MM/yyyy"));
    const QString phone = normalizePhone(t);
    const QString pattern = QLatin1Char('%') + foldName(t) + QLatin1Char('%');
    sql::Rows r(m_store.db(),
                q(kUsagerColumns) + q("WHERE organisation_id = ? AND (folded_name LIKE ? "
                                      "OR (? <> '' AND phone = ?) OR birth_date = ?) "
                                      "ORDER BY last_name, first_name, id LIMIT ?"),
                {organisationId, pattern, phone, phone,
                 birth.isValid() ? birth.toString(Qt::ISODate) : QStringLiteral("-"), limit});
    QList<Usager> out;
    while (r.next())
        out << readUsager(r);
    return out;
}

} // namespace creneau
