#include "sync/server/bookingsite.h"

#include "models/secrets.h"
#include "sync/server/httptypes.h"

#include <algorithm>

namespace creneau::server {

BookingSite::BookingSite(Store &store, const ServerSecret &secret, QString publicUrl,
                         const Clock &clock, RdvEventSink *sink)
    : m_store(store), m_secret(secret), m_publicUrl(std::move(publicUrl)), m_clock(clock),
      m_sink(sink), m_catalog(store), m_engine(store), m_booking(store, m_engine, clock, sink),
      m_bookingLimit(store, clock), m_bookingQueue(*this)
{}

Organisation BookingSite::organisation(const QString &slug, bool json) const
{
    if (slug.size() > 100)
        throw HttpError(404, QStringLiteral("Cette organisation n'existe pas."), json);
    const auto org = m_catalog.organisationBySlug(slug);
    if (!org)
        throw HttpError(404, QStringLiteral("Cette organisation n'existe pas."), json);
    return *org;
}

QTimeZone BookingSite::zoneOf(const Organisation &org)
{
    return org.zone();
}

QList<Motif> BookingSite::onlineMotifs(const Organisation &org, bool partner) const
{
    QList<Motif> out;
    for (const Motif &m : m_catalog.motifs(org.id)) {
        if (m.archived)
            continue;
        if (m.bookableBy == BookableBy::Everyone ||
            (partner && m.bookableBy == BookableBy::AgentsAndPrescripteurs))
            out.append(m);
    }
    return out;
}

Motif BookingSite::onlineMotif(const Organisation &org, Id motifId, bool partner, bool json) const
{
    const auto m = m_catalog.motif(motifId);
    if (!m || m->organisationId != org.id || m->archived || m->bookableBy == BookableBy::Agents ||
        (!partner && m->bookableBy != BookableBy::Everyone))
        throw HttpError(404, QStringLiteral("Ce motif n'est pas ouvert à la réservation en ligne."),
                        json);
    return *m;
}

std::optional<Lieu> BookingSite::lieu(const Organisation &org, Id lieuId) const
{
    const auto l = lieuId ? m_catalog.lieu(lieuId) : std::nullopt;
    if (!l || l->organisationId != org.id)
        return std::nullopt;
    return l;
}

QList<Creneau> BookingSite::creneaux(const Motif &motif, Id lieuId, const QDate &from,
                                     const QDate &to)
{
    const QString key = QStringLiteral("%1/%2/%3/%4")
                            .arg(motif.id)
                            .arg(lieuId)
                            .arg(from.toJulianDay())
                            .arg(to.toJulianDay());
    Availability &availability = m_engine.availability();
    availability.refresh();
    availability.motif(motif.id); // loads its organisation if needed
    const qint64 version = availability.version(motif.organisationId);
    const QDateTime now = m_clock.now();
    const qint64 minute = now.toSecsSinceEpoch() / 60;
    auto it = m_cache.find(key);
    if (it != m_cache.end() && it->version == version && it->minute == minute)
        return it->list;
    SlotQuery q;
    q.motifId = motif.id;
    q.lieuId = lieuId;
    q.from = from;
    q.to = to;
    q.now = now;
    if (m_cache.size() > 20000)
        m_cache.clear(); // bounded: many distinct ranges cannot grow it forever
    const QList<Creneau> list = m_engine.creneaux(q);
    m_cache.insert(key, {availability.version(motif.organisationId), minute, list});
    return list;
}

std::optional<QDate> BookingSite::nextAvailableDay(const Motif &motif, const QDate &from)
{
    SlotQuery q;
    q.motifId = motif.id;
    q.from = from;
    q.to = from;
    q.now = m_clock.now();
    return m_engine.nextAvailableDay(q);
}

bool BookingSite::isFree(const Motif &motif, Id lieuId, qint64 start)
{
    const Organisation org = *m_catalog.organisation(motif.organisationId);
    const QDate day = QDateTime::fromSecsSinceEpoch(start, zoneOf(org)).date();
    for (const Creneau &c : creneaux(motif, lieuId, day, day))
        if (c.startsAt == start && (lieuId == 0 || c.lieuId == lieuId))
            return true;
    return false;
}

QList<Creneau> BookingSite::nearest(const Motif &motif, qint64 start, int count)
{
    const auto org = m_catalog.organisation(motif.organisationId);
    if (!org)
        return {};
    const QDate day = QDateTime::fromSecsSinceEpoch(start, zoneOf(*org)).date();
    QList<Creneau> all = creneaux(motif, 0, day.addDays(-21), day.addDays(21));
    std::stable_sort(all.begin(), all.end(), [start](const Creneau &a, const Creneau &b) {
        return qAbs(a.startsAt - start) < qAbs(b.startsAt - start);
    });
    all = all.mid(0, count);
    std::sort(all.begin(), all.end(),
              [](const Creneau &a, const Creneau &b) { return a.startsAt < b.startsAt; });
    return all;
}

QList<SessionPlaces> BookingSite::sessions(const Motif &motif)
{
    const qint64 now = m_clock.nowSecs();
    const qint64 last = now + qint64(motif.maxDelayMinutes) * 60;
    QList<SessionPlaces> out;
    for (const SessionPlaces &p : SessionRepository(m_store).upcomingWithPlaces(
             motif.id, now + qint64(motif.minDelayMinutes) * 60))
        if (p.session.startsAt <= last)
            out << p;
    return out;
}

std::optional<QByteArray> BookingSite::cachedBody(const QString &key)
{
    const auto it = m_bodies.constFind(key);
    if (it == m_bodies.constEnd() || it->minute != m_clock.nowSecs() / 60)
        return std::nullopt;
    m_engine.availability().refresh();
    if (it->version != m_engine.availability().version(it->organisation))
        return std::nullopt;
    return it->body;
}

void BookingSite::cacheBody(const QString &key, Id organisationId, const QByteArray &body)
{
    const qint64 version = m_engine.availability().version(organisationId);
    if (version < 0)
        return;
    if (m_bodies.size() > 10000)
        m_bodies.clear();
    const qint64 minute = m_clock.nowSecs() / 60;
    m_bodies.insert(key, {organisationId, version, minute, body});
    if (m_publishBody)
        m_publishBody(key, organisationId, m_engine.availability().stamp(organisationId), minute,
                      body);
}

QString BookingSite::recapToken(Id rdvId) const
{
    const QByteArray id = QByteArray::number(rdvId);
    return QString::fromLatin1(id + '-' + m_secret.sign("recap:" + id).left(40));
}

Id BookingSite::rdvFromRecapToken(const QString &token) const
{
    const qsizetype dash = token.indexOf(QLatin1Char('-'));
    if (dash <= 0 || token.size() > 80)
        return 0;
    bool ok = false;
    const Id id = token.left(dash).toLongLong(&ok);
    if (!ok || id <= 0)
        return 0;
    return secrets::constantTimeEquals(recapToken(id).toLatin1(), token.toLatin1()) ? id : 0;
}

} // namespace creneau::server
