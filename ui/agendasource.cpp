#include "ui/agendasource.h"

#include "models/catalog.h"
#include "models/rdvrepository.h"
#include "models/recurrence.h"
#include "sync/client/syncclient.h"

namespace creneau::ui {

AgendaSource::AgendaSource(client::SyncClient *client) : m_store(&client->store()), m_client(client)
{
    connect(client, &client::SyncClient::commandRejected, this,
            [this](const QString &, int, const QString &message) { emit changeRefused(message); });
    connect(client, &client::SyncClient::changesApplied, this, &AgendaSource::changesApplied);
    connect(client, &client::SyncClient::commandFieldsRejected, this,
            [this](const QString &key, const QJsonObject &fields) {
                FieldErrors errors;
                for (auto it = fields.begin(); it != fields.end(); ++it)
                    errors.insert(it.key(), it.value().toString());
                m_refusedFields.insert(key, errors);
            });
    connect(client, &client::SyncClient::commandRejected, this,
            [this](const QString &key, int, const QString &message) {
                emit changeRejected(key, message, m_refusedFields.take(key));
            });
    connect(client, &client::SyncClient::commandDone, this,
            [this](const QString &key, const QJsonObject &result) {
                const QJsonObject row = result.value(QStringLiteral("data")).toObject();
                emit changeDone(key, result.value(QStringLiteral("id")).toInteger(),
                                row.value(QStringLiteral("seq")).toInteger());
            });
}

AgendaSource::~AgendaSource() = default;

std::optional<Agent> AgendaSource::signedInAgent() const
{
    const Id id = m_client->cache().value(QStringLiteral("agent_id")).toLongLong();
    return id ? Catalog(*m_store).agent(id) : std::nullopt;
}

Organisation AgendaSource::organisation() const
{
    const QList<Organisation> all = Catalog(*m_store).organisations();
    return all.isEmpty() ? Organisation() : all.first();
}

QTimeZone AgendaSource::timeZone() const
{
    return organisation().zone();
}

QList<Agent> AgendaSource::agents() const
{
    QList<Agent> out;
    for (const Agent &a : Catalog(*m_store).agents(organisation().id))
        if (!a.archived)
            out << a;
    return out;
}

std::optional<Agent> AgendaSource::agentByEmail(const QString &email) const
{
    return Catalog(*m_store).agentByEmail(email);
}

QList<Motif> AgendaSource::motifs() const
{
    return Catalog(*m_store).motifs(organisation().id);
}

QList<Lieu> AgendaSource::lieux() const
{
    return Catalog(*m_store).lieux(organisation().id);
}

std::optional<Motif> AgendaSource::motif(Id id) const
{
    return Catalog(*m_store).motif(id);
}

std::optional<Lieu> AgendaSource::lieu(Id id) const
{
    return Catalog(*m_store).lieu(id);
}

std::optional<Usager> AgendaSource::usager(Id id) const
{
    return RdvRepository(*m_store).usager(id);
}

std::optional<Rdv> AgendaSource::rdv(Id id) const
{
    return RdvRepository(*m_store).find(id);
}

QList<Usager> AgendaSource::searchUsagers(const QString &text) const
{
    return RdvRepository(*m_store).searchUsagers(organisation().id, text);
}

QList<Rdv> AgendaSource::rdvsOfUsager(Id usagerId) const
{
    return RdvRepository(*m_store).ofUsager(usagerId);
}

QSet<Id> AgendaSource::usagersWithDuplicates(const QList<Id> &ids) const
{
    return UsagerDuplicates(*m_store).flagged(organisation().id, ids);
}

QList<Usager> AgendaSource::possibleDuplicatesOf(Id usagerId) const
{
    const auto u = usager(usagerId);
    return u ? UsagerDuplicates(*m_store).of(*u) : QList<Usager>();
}

QList<Rdv> AgendaSource::rdvsBetween(qint64 from, qint64 to) const
{
    QList<Rdv> out = RdvRepository(*m_store).between(organisation().id, from, to);
    out.removeIf([](const Rdv &rdv) { return rdv.sessionId != 0; });
    return out;
}

QList<Rdv> AgendaSource::rdvsCreatedSince(qint64 seq) const
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QList<Rdv> out;
    // Participants of collective sessions included: the live notice announces registrations.
    for (const Rdv &rdv :
         RdvRepository(*m_store).between(organisation().id, now - 86400, now + 800 * 86400))
        if (rdv.seq > seq && rdv.version == 1)
            out << rdv;
    return out;
}

QList<AgentInterval> AgendaSource::openings(const QDate &from, const QDate &to) const
{
    const QTimeZone zone = timeZone();
    QList<AgentInterval> out;
    for (const PlageOuverture &p : Catalog(*m_store).plages(organisation().id)) {
        if (p.archived)
            continue;
        const RecurrenceRule rule = RecurrenceRule::parse(p.rrule);
        if (!rule.isValid())
            continue;
        for (const QDate &day : rule.dates(p.firstDay, from, to, p.exceptionDates))
            out << AgentInterval{p.agentId, p.lieuId,
                                 QDateTime(day, p.startTime, zone).toSecsSinceEpoch(),
                                 QDateTime(day, p.endTime, zone).toSecsSinceEpoch()};
    }
    return out;
}

QList<AgentInterval> AgendaSource::absences(const QDate &from, const QDate &to) const
{
    const QTimeZone zone = timeZone();
    QList<AgentInterval> out;
    for (const Absence &a : Catalog(*m_store).absences(organisation().id)) {
        const QDateTime start = QDateTime::fromSecsSinceEpoch(a.startsAt, zone);
        const qint64 length = a.endsAt - a.startsAt;
        const RecurrenceRule rule = RecurrenceRule::parse(a.rrule);
        if (!rule.isValid())
            continue;
        // A one-off absence may span days: look back far enough to catch one started earlier.
        const QDate lookBack = a.rrule.isEmpty() ? from.addDays(-366) : from;
        for (const QDate &day : rule.dates(start.date(), lookBack, to)) {
            const qint64 s = QDateTime(day, start.time(), zone).toSecsSinceEpoch();
            out << AgentInterval{a.agentId, 0, s, s + length};
        }
    }
    return out;
}

qint64 AgendaSource::currentSeq() const
{
    // The cache keeps the server's sequence numbers on its rows; its cursor is the last it holds.
    return m_client->cache().cursor();
}

} // namespace creneau::ui
