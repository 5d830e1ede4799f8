#include "models/sessionrepository.h"

#include "models/validation.h"

namespace creneau {

namespace {

QString q(const char *text)
{
    return QString::fromUtf8(text);
}

const char kColumns[] = "SELECT s.id, s.organisation_id, s.motif_id, s.lieu_id, s.starts_at, "
                        "s.duration_minutes, s.capacity, s.title, s.cancelled, s.cancel_reason, "
                        "s.created_at, s.updated_at, s.version, s.seq FROM collective_sessions s ";

CollectiveSession readOne(const QSqlQuery &r)
{
    CollectiveSession s;
    s.id = r.value(0).toLongLong();
    s.organisationId = r.value(1).toLongLong();
    s.motifId = r.value(2).toLongLong();
    s.lieuId = r.value(3).toLongLong();
    s.startsAt = r.value(4).toLongLong();
    s.durationMinutes = r.value(5).toInt();
    s.capacity = r.value(6).toInt();
    s.title = r.value(7).toString();
    s.cancelled = r.value(8).toBool();
    s.cancelReason = r.value(9).toString();
    s.createdAt = r.value(10).toLongLong();
    s.updatedAt = r.value(11).toLongLong();
    s.version = r.value(12).toInt();
    s.seq = r.value(13).toLongLong();
    return s;
}

QVariant nullableId(Id id)
{
    return id ? QVariant(id) : QVariant(QMetaType(QMetaType::LongLong));
}

QString idList(const QList<Id> &ids)
{
    QStringList out;
    for (Id id : ids)
        out << QString::number(id);
    return out.join(QLatin1Char(','));
}

} // namespace

void SessionRepository::insert(CollectiveSession &s)
{
    s.seq = m_store.nextSeq(s.organisationId);
    s.version = 1;
    QSqlQuery ins = sql::prepare(
        m_store.db(),
        q("INSERT INTO collective_sessions (seq, organisation_id, motif_id, lieu_id, starts_at, "
          "ends_at, duration_minutes, capacity, title, cancelled, cancel_reason, created_at, "
          "updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)") +
            m_store.returningId());
    for (const QVariant &v :
         {QVariant(s.seq), QVariant(s.organisationId), QVariant(s.motifId), nullableId(s.lieuId),
          QVariant(s.startsAt), QVariant(s.endsAt()), QVariant(s.durationMinutes),
          QVariant(s.capacity), QVariant(s.title), QVariant(int(s.cancelled)),
          QVariant(s.cancelReason), QVariant(s.createdAt), QVariant(s.updatedAt)})
        sql::bind(ins, v);
    sql::exec(ins);
    s.id = sql::insertedId(ins);
    writeAgents(s);
}

void SessionRepository::update(CollectiveSession &s, qint64 now)
{
    s.seq = m_store.nextSeq(s.organisationId);
    s.version += 1;
    s.updatedAt = now;
    sql::run(m_store.db(),
             q("UPDATE collective_sessions SET seq = ?, lieu_id = ?, starts_at = ?, ends_at = ?, "
               "duration_minutes = ?, capacity = ?, title = ?, cancelled = ?, cancel_reason = ?, "
               "updated_at = ?, version = ? WHERE id = ?"),
             {s.seq, nullableId(s.lieuId), s.startsAt, s.endsAt(), s.durationMinutes, s.capacity,
              s.title, int(s.cancelled), s.cancelReason, s.updatedAt, s.version, s.id});
    sql::run(m_store.db(), q("DELETE FROM collective_session_agents WHERE session_id = ?"), {s.id});
    writeAgents(s);
}

void SessionRepository::writeAgents(const CollectiveSession &s)
{
    for (Id a : s.agentIds)
        sql::run(m_store.db(),
                 q("INSERT INTO collective_session_agents (session_id, agent_id) VALUES (?, ?)"),
                 {s.id, a});
}

QList<CollectiveSession> SessionRepository::read(QSqlQuery &query) const
{
    QList<CollectiveSession> out;
    QHash<Id, int> index;
    while (query.next()) {
        out << readOne(query);
        index.insert(out.last().id, int(out.size() - 1));
    }
    if (out.isEmpty())
        return out;
    QList<Id> ids;
    for (const CollectiveSession &s : out)
        ids << s.id;
    QSqlQuery a =
        sql::run(m_store.db(), q("SELECT session_id, agent_id FROM collective_session_agents "
                                 "WHERE session_id IN (") +
                                   idList(ids) + q(") ORDER BY agent_id"));
    while (a.next())
        out[index.value(a.value(0).toLongLong())].agentIds << a.value(1).toLongLong();
    return out;
}

std::optional<CollectiveSession> SessionRepository::find(Id id) const
{
    sql::Rows r(m_store.db(), q(kColumns) + q("WHERE s.id = ?"), {id});
    const QList<CollectiveSession> found = read(r);
    return found.isEmpty() ? std::nullopt : std::optional(found.first());
}

QList<CollectiveSession> SessionRepository::upcoming(Id motifId, qint64 from, int limit) const
{
    sql::Rows r(m_store.db(),
                q(kColumns) + q("WHERE s.motif_id = ? AND s.starts_at >= ? AND "
                                "s.cancelled = 0 ORDER BY s.starts_at, s.id LIMIT ?"),
                {motifId, from, limit});
    return read(r);
}

QList<CollectiveSession> SessionRepository::between(Id organisationId, qint64 from, qint64 to) const
{
    sql::Rows r(m_store.db(),
                q(kColumns) + q("WHERE s.organisation_id = ? AND s.starts_at < ? AND "
                                "s.ends_at > ? ORDER BY s.starts_at, s.id"),
                {organisationId, to, from});
    return read(r);
}

int SessionRepository::taken(Id sessionId) const
{
    return sql::scalar(m_store.db(),
                       q("SELECT COUNT(*) FROM rdvs WHERE session_id <> 0 AND session_id = ? AND "
                         "status <> 'revoked'"),
                       {sessionId})
        .toInt();
}

int SessionRepository::participantChanges(Id sessionId) const
{
    return sql::scalar(m_store.db(),
                       q("SELECT COALESCE(SUM(version), 0) FROM rdvs WHERE session_id <> 0 AND "
                         "session_id = ?"),
                       {sessionId})
        .toInt();
}

QHash<Id, int> SessionRepository::taken(const QList<Id> &sessionIds) const
{
    QHash<Id, int> out;
    if (sessionIds.isEmpty())
        return out;
    QSqlQuery r = sql::run(m_store.db(),
                           q("SELECT session_id, COUNT(*) FROM rdvs "
                             "WHERE status <> 'revoked' AND session_id <> 0 AND session_id IN (") +
                               idList(sessionIds) + q(") GROUP BY session_id"));
    while (r.next())
        out.insert(r.value(0).toLongLong(), r.value(1).toInt());
    return out;
}

bool SessionRepository::isRegistered(Id sessionId, Id usagerId) const
{
    return sql::scalar(m_store.db(),
                       q("SELECT COUNT(*) FROM rdvs r JOIN rdv_usagers ru ON ru.rdv_id = r.id "
                         "WHERE r.session_id <> 0 AND r.session_id = ? AND ru.usager_id = ? AND "
                         "r.status <> 'revoked'"),
                       {sessionId, usagerId})
               .toInt() > 0;
}

QList<SessionPlaces> SessionRepository::upcomingWithPlaces(Id motifId, qint64 from, int limit,
                                                           bool withPlacesOnly) const
{
    const QList<CollectiveSession> sessions = upcoming(motifId, from, limit);
    QList<Id> ids;
    for (const CollectiveSession &s : sessions)
        ids << s.id;
    const QHash<Id, int> counts = taken(ids);
    QList<SessionPlaces> out;
    for (const CollectiveSession &s : sessions) {
        SessionPlaces p{s, counts.value(s.id)};
        if (!withPlacesOnly || p.placesLeft() > 0)
            out << p;
    }
    return out;
}

bool SessionRepository::hasParticipantLike(Id sessionId, const Usager &u) const
{
    const QString name = foldName(u.firstName + QLatin1Char(' ') + u.lastName);
    sql::Rows r(m_store.db(),
                q("SELECT us.id, us.email, us.phone, us.birth_date FROM rdvs r "
                  "JOIN rdv_usagers ru ON ru.rdv_id = r.id JOIN usagers us ON us.id = ru.usager_id "
                  "WHERE r.session_id <> 0 AND r.session_id = ? AND r.status <> 'revoked' AND "
                  "us.folded_name = ?"),
                {sessionId, name});
    const QString email = u.email.trimmed().toLower();
    const QString phone = normalizePhone(u.phone);
    const QString birth = u.birthDate.isValid() ? u.birthDate.toString(Qt::ISODate) : QString();
    while (r.next()) {
        if (u.id && r.value(0).toLongLong() == u.id)
            return true;
        const QString e = r.value(1).toString().trimmed().toLower();
        const QString p = r.value(2).toString();
        const QString b = r.value(3).toString();
        if ((!email.isEmpty() && e == email) || (!phone.isEmpty() && p == phone) ||
            (!birth.isEmpty() && b == birth))
            return true;
        if (email.isEmpty() && phone.isEmpty() && birth.isEmpty() && e.isEmpty() && p.isEmpty() &&
            b.isEmpty())
            return true;
    }
    return false;
}

} // namespace creneau
