#include "models/catalog.h"

#include <QSqlRecord>

namespace creneau {

namespace {

QString datesToText(const QList<QDate> &dates)
{
    QStringList parts;
    for (const QDate &d : dates)
        parts << d.toString(Qt::ISODate);
    return parts.join(QLatin1Char(','));
}

QList<QDate> datesFromText(const QString &text)
{
    QList<QDate> out;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        out << QDate::fromString(part, Qt::ISODate);
    return out;
}

Organisation readOrganisation(const QSqlQuery &q)
{
    Organisation o;
    o.id = q.value(0).toLongLong();
    o.name = q.value(1).toString();
    o.slug = q.value(2).toString();
    o.timeZone = q.value(3).toString();
    o.phone = q.value(4).toString();
    o.email = q.value(5).toString();
    o.address = q.value(6).toString();
    o.reminderHours = q.value(7).toInt();
    o.usagerCancelHours = q.value(8).toInt();
    o.privacyInitials = q.value(9).toBool();
    return o;
}
const char kOrganisationColumns[] = "SELECT id, name, slug, time_zone, phone, email, address, "
                                    "reminder_hours, usager_cancel_hours, privacy_initials "
                                    "FROM organisations ";

Agent readAgent(const QSqlQuery &q)
{
    Agent a;
    a.id = q.value(0).toLongLong();
    a.organisationId = q.value(1).toLongLong();
    a.firstName = q.value(2).toString();
    a.lastName = q.value(3).toString();
    a.email = q.value(4).toString();
    fromWord(q.value(5).toString(), &a.role);
    fromWord(q.value(6).toString(), &a.notificationLevel);
    a.archived = q.value(7).toBool();
    return a;
}
const char kAgentColumns[] = "SELECT id, organisation_id, first_name, last_name, email, role, "
                             "notification_level, archived FROM agents ";

Lieu readLieu(const QSqlQuery &q)
{
    Lieu l;
    l.id = q.value(0).toLongLong();
    l.organisationId = q.value(1).toLongLong();
    l.name = q.value(2).toString();
    l.address = q.value(3).toString();
    l.phone = q.value(4).toString();
    l.archived = q.value(5).toBool();
    return l;
}
const char kLieuColumns[] =
    "SELECT id, organisation_id, name, address, phone, archived FROM lieux ";

Motif readMotif(const QSqlQuery &q)
{
    Motif m;
    m.id = q.value(0).toLongLong();
    m.organisationId = q.value(1).toLongLong();
    m.name = q.value(2).toString();
    m.color = q.value(3).toString();
    m.durationMinutes = q.value(4).toInt();
    fromWord(q.value(5).toString(), &m.locationType);
    fromWord(q.value(6).toString(), &m.bookableBy);
    m.minDelayMinutes = q.value(7).toInt();
    m.maxDelayMinutes = q.value(8).toInt();
    m.instructions = q.value(9).toString();
    m.archived = q.value(10).toBool();
    m.capacity = q.value(11).toInt();
    return m;
}
const char kMotifColumns[] = "SELECT id, organisation_id, name, color, duration_minutes, "
                             "location_type, bookable_by, min_delay_minutes, max_delay_minutes, "
                             "instructions, archived, capacity FROM motifs ";

QString q(const char *text)
{
    return QString::fromUtf8(text);
}

} // namespace

void Catalog::save(Organisation &o)
{
    const QSqlDatabase db = m_store.db();
    if (o.id == 0) {
        // Its number comes from its own sequence, which needs its id first.
        QSqlQuery ins = sql::run(
            db,
            q("INSERT INTO organisations (seq, name, slug, time_zone, phone, email, address, "
              "reminder_hours, usager_cancel_hours, privacy_initials) "
              "VALUES (0, ?, ?, ?, ?, ?, ?, ?, ?, ?)") +
                m_store.returningId(),
            {o.name, o.slug, o.timeZone, o.phone, o.email, o.address, o.reminderHours,
             o.usagerCancelHours, int(o.privacyInitials)});
        o.id = sql::insertedId(ins);
        sql::run(db, q("UPDATE organisations SET seq = ? WHERE id = ?"),
                 {m_store.nextSeq(o.id), o.id});
    } else {
        const qint64 seq = m_store.nextSeq(o.id);
        sql::run(db,
                 q("UPDATE organisations SET seq = ?, name = ?, slug = ?, time_zone = ?, "
                   "phone = ?, email = ?, address = ?, reminder_hours = ?, "
                   "usager_cancel_hours = ?, privacy_initials = ? WHERE id = ?"),
                 {seq, o.name, o.slug, o.timeZone, o.phone, o.email, o.address, o.reminderHours,
                  o.usagerCancelHours, int(o.privacyInitials), o.id});
    }
}

void Catalog::save(Agent &a)
{
    const qint64 seq = m_store.nextSeq(a.organisationId);
    const QSqlDatabase db = m_store.db();
    if (a.id == 0) {
        QSqlQuery ins = sql::run(
            db,
            q("INSERT INTO agents (seq, organisation_id, first_name, last_name, email, role, "
              "notification_level, archived) VALUES (?, ?, ?, ?, ?, ?, ?, ?)") +
                m_store.returningId(),
            {seq, a.organisationId, a.firstName, a.lastName, a.email.toLower(), toWord(a.role),
             toWord(a.notificationLevel), int(a.archived)});
        a.id = sql::insertedId(ins);
    } else {
        sql::run(db,
                 q("UPDATE agents SET seq = ?, first_name = ?, last_name = ?, email = ?, "
                   "role = ?, notification_level = ?, archived = ? WHERE id = ?"),
                 {seq, a.firstName, a.lastName, a.email.toLower(), toWord(a.role),
                  toWord(a.notificationLevel), int(a.archived), a.id});
        if (a.archived)
            revokeSessions(a.id);
    }
}

void Catalog::revokeSessions(Id agentId)
{
    sql::run(m_store.db(), q("DELETE FROM agent_sessions WHERE agent_id = ?"), {agentId});
}

void Catalog::setPasswordHash(Id agentId, const QString &hash)
{
    sql::run(m_store.db(), q("UPDATE agents SET seq = ?, password_hash = ? WHERE id = ?"),
             {m_store.nextSeq(organisationOf(QStringLiteral("agents"), agentId)), hash, agentId});
    // A new password (changed or reset) ends every session opened with the old one.
    revokeSessions(agentId);
}

QString Catalog::passwordHash(Id agentId) const
{
    return sql::scalar(m_store.db(), q("SELECT password_hash FROM agents WHERE id = ?"), {agentId})
        .toString();
}

void Catalog::save(Lieu &l)
{
    const qint64 seq = m_store.nextSeq(l.organisationId);
    if (l.id == 0) {
        QSqlQuery ins =
            sql::run(m_store.db(),
                     q("INSERT INTO lieux (seq, organisation_id, name, address, phone, "
                       "archived) VALUES (?, ?, ?, ?, ?, ?)") +
                         m_store.returningId(),
                     {seq, l.organisationId, l.name, l.address, l.phone, int(l.archived)});
        l.id = sql::insertedId(ins);
    } else {
        sql::run(m_store.db(),
                 q("UPDATE lieux SET seq = ?, name = ?, address = ?, phone = ?, archived = ? "
                   "WHERE id = ?"),
                 {seq, l.name, l.address, l.phone, int(l.archived), l.id});
    }
}

void Catalog::save(Motif &m)
{
    const qint64 seq = m_store.nextSeq(m.organisationId);
    const QVariantList values{seq,
                              m.name,
                              m.color,
                              m.durationMinutes,
                              toWord(m.locationType),
                              toWord(m.bookableBy),
                              m.minDelayMinutes,
                              m.maxDelayMinutes,
                              m.instructions,
                              int(m.archived),
                              m.capacity};
    if (m.id == 0) {
        QSqlQuery ins = sql::prepare(
            m_store.db(),
            q("INSERT INTO motifs (seq, name, color, duration_minutes, location_type, "
              "bookable_by, min_delay_minutes, max_delay_minutes, instructions, archived, "
              "capacity, organisation_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") +
                m_store.returningId());
        for (const QVariant &v : values)
            sql::bind(ins, v);
        ins.addBindValue(m.organisationId);
        sql::exec(ins);
        m.id = sql::insertedId(ins);
    } else {
        QSqlQuery up = sql::prepare(
            m_store.db(), q("UPDATE motifs SET seq = ?, name = ?, color = ?, duration_minutes = ?, "
                            "location_type = ?, bookable_by = ?, min_delay_minutes = ?, "
                            "max_delay_minutes = ?, instructions = ?, archived = ?, "
                            "capacity = ? WHERE id = ?"));
        for (const QVariant &v : values)
            sql::bind(up, v);
        up.addBindValue(m.id);
        sql::exec(up);
    }
}

void Catalog::save(PlageOuverture &p)
{
    const qint64 seq = m_store.nextSeq(p.organisationId);
    const QSqlDatabase db = m_store.db();
    const QString start = p.startTime.toString(QStringLiteral("HH:mm"));
    const QString end = p.endTime.toString(QStringLiteral("HH:mm"));
    if (p.id == 0) {
        QSqlQuery ins = sql::run(
            db,
            q("INSERT INTO plages_ouverture (seq, organisation_id, agent_id, lieu_id, title, "
              "first_day, start_time, end_time, rrule, exception_dates, archived) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") +
                m_store.returningId(),
            {seq, p.organisationId, p.agentId, p.lieuId, p.title, p.firstDay.toString(Qt::ISODate),
             start, end, p.rrule, datesToText(p.exceptionDates), int(p.archived)});
        p.id = sql::insertedId(ins);
    } else {
        sql::run(db,
                 q("UPDATE plages_ouverture SET seq = ?, agent_id = ?, lieu_id = ?, title = ?, "
                   "first_day = ?, start_time = ?, end_time = ?, rrule = ?, "
                   "exception_dates = ?, archived = ? WHERE id = ?"),
                 {seq, p.agentId, p.lieuId, p.title, p.firstDay.toString(Qt::ISODate), start, end,
                  p.rrule, datesToText(p.exceptionDates), int(p.archived), p.id});
        sql::run(db, q("DELETE FROM plage_motifs WHERE plage_id = ?"), {p.id});
    }
    for (Id motifId : p.motifIds)
        sql::run(db, q("INSERT INTO plage_motifs (plage_id, motif_id) VALUES (?, ?)"),
                 {p.id, motifId});
}

void Catalog::save(Absence &a)
{
    const qint64 seq = m_store.nextSeq(a.organisationId);
    if (a.id == 0) {
        QSqlQuery ins =
            sql::run(m_store.db(),
                     q("INSERT INTO absences (seq, organisation_id, agent_id, title, "
                       "starts_at, ends_at, rrule) VALUES (?, ?, ?, ?, ?, ?, ?)") +
                         m_store.returningId(),
                     {seq, a.organisationId, a.agentId, a.title, a.startsAt, a.endsAt, a.rrule});
        a.id = sql::insertedId(ins);
    } else {
        sql::run(m_store.db(),
                 q("UPDATE absences SET seq = ?, agent_id = ?, title = ?, starts_at = ?, "
                   "ends_at = ?, rrule = ? WHERE id = ?"),
                 {seq, a.agentId, a.title, a.startsAt, a.endsAt, a.rrule, a.id});
    }
}

void Catalog::removeAbsence(Id id)
{
    sql::run(m_store.db(), q("UPDATE absences SET seq = ?, deleted = 1 WHERE id = ?"),
             {m_store.nextSeq(organisationOf(QStringLiteral("absences"), id)), id});
}

Id Catalog::organisationOf(const QString &table, Id id) const
{
    return sql::scalar(m_store.db(),
                       QStringLiteral("SELECT organisation_id FROM ") + table +
                           QStringLiteral(" WHERE id = ?"),
                       {id})
        .toLongLong();
}

QList<Organisation> Catalog::organisations() const
{
    sql::Rows r(m_store.db(), q(kOrganisationColumns) + q("ORDER BY id"));
    QList<Organisation> out;
    while (r.next())
        out << readOrganisation(r);
    return out;
}

std::optional<Organisation> Catalog::organisation(Id id) const
{
    sql::Rows r(m_store.db(), q(kOrganisationColumns) + q("WHERE id = ?"), {id});
    return r.next() ? std::optional(readOrganisation(r)) : std::nullopt;
}

std::optional<Organisation> Catalog::organisationBySlug(const QString &slug) const
{
    sql::Rows r(m_store.db(), q(kOrganisationColumns) + q("WHERE slug = ?"), {slug});
    return r.next() ? std::optional(readOrganisation(r)) : std::nullopt;
}

QList<Agent> Catalog::agents(Id organisationId) const
{
    sql::Rows r(m_store.db(),
                q(kAgentColumns) + q("WHERE organisation_id = ? ORDER BY last_name, id"),
                {organisationId});
    QList<Agent> out;
    while (r.next())
        out << readAgent(r);
    return out;
}

std::optional<Agent> Catalog::agent(Id id) const
{
    sql::Rows r(m_store.db(), q(kAgentColumns) + q("WHERE id = ?"), {id});
    return r.next() ? std::optional(readAgent(r)) : std::nullopt;
}

std::optional<Agent> Catalog::agentByEmail(const QString &email) const
{
    sql::Rows r(m_store.db(), q(kAgentColumns) + q("WHERE email = ?"), {email.trimmed().toLower()});
    return r.next() ? std::optional(readAgent(r)) : std::nullopt;
}

QList<Lieu> Catalog::lieux(Id organisationId) const
{
    sql::Rows r(m_store.db(), q(kLieuColumns) + q("WHERE organisation_id = ? ORDER BY name, id"),
                {organisationId});
    QList<Lieu> out;
    while (r.next())
        out << readLieu(r);
    return out;
}

std::optional<Lieu> Catalog::lieu(Id id) const
{
    sql::Rows r(m_store.db(), q(kLieuColumns) + q("WHERE id = ?"), {id});
    return r.next() ? std::optional(readLieu(r)) : std::nullopt;
}

QList<Motif> Catalog::motifs(Id organisationId) const
{
    sql::Rows r(m_store.db(), q(kMotifColumns) + q("WHERE organisation_id = ? ORDER BY name, id"),
                {organisationId});
    QList<Motif> out;
    while (r.next())
        out << readMotif(r);
    return out;
}

std::optional<Motif> Catalog::motif(Id id) const
{
    sql::Rows r(m_store.db(), q(kMotifColumns) + q("WHERE id = ?"), {id});
    return r.next() ? std::optional(readMotif(r)) : std::nullopt;
}

QList<PlageOuverture> Catalog::plages(Id organisationId) const
{
    const QSqlDatabase db = m_store.db();
    QHash<Id, QList<Id>> motifsByPlage;
    sql::Rows pm(db,
                 q("SELECT pm.plage_id, pm.motif_id FROM plage_motifs pm "
                   "JOIN plages_ouverture p ON p.id = pm.plage_id "
                   "WHERE p.organisation_id = ? ORDER BY pm.motif_id"),
                 {organisationId});
    while (pm.next())
        motifsByPlage[pm.value(0).toLongLong()] << pm.value(1).toLongLong();
    sql::Rows r(db,
                q("SELECT id, agent_id, lieu_id, title, first_day, start_time, "
                  "end_time, rrule, exception_dates, archived FROM plages_ouverture "
                  "WHERE organisation_id = ? ORDER BY id"),
                {organisationId});
    QList<PlageOuverture> out;
    while (r.next()) {
        PlageOuverture p;
        p.id = r.value(0).toLongLong();
        p.organisationId = organisationId;
        p.agentId = r.value(1).toLongLong();
        p.lieuId = r.value(2).toLongLong();
        p.title = r.value(3).toString();
        p.firstDay = QDate::fromString(r.value(4).toString(), Qt::ISODate);
        p.startTime = QTime::fromString(r.value(5).toString(), QStringLiteral("HH:mm"));
        p.endTime = QTime::fromString(r.value(6).toString(), QStringLiteral("HH:mm"));
        p.rrule = r.value(7).toString();
        p.exceptionDates = datesFromText(r.value(8).toString());
        p.archived = r.value(9).toBool();
        p.motifIds = motifsByPlage.value(p.id);
        out << p;
    }
    return out;
}

QList<Absence> Catalog::absences(Id organisationId) const
{
    sql::Rows r(m_store.db(),
                q("SELECT id, agent_id, title, starts_at, ends_at, rrule FROM absences "
                  "WHERE organisation_id = ? AND deleted = 0 ORDER BY starts_at"),
                {organisationId});
    QList<Absence> out;
    while (r.next()) {
        Absence a;
        a.id = r.value(0).toLongLong();
        a.organisationId = organisationId;
        a.agentId = r.value(1).toLongLong();
        a.title = r.value(2).toString();
        a.startsAt = r.value(3).toLongLong();
        a.endsAt = r.value(4).toLongLong();
        a.rrule = r.value(5).toString();
        out << a;
    }
    return out;
}

} // namespace creneau
