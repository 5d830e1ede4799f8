#include "sync/server/publicsessions.h"

#include "sync/protocol/instants.h"

#include <QJsonObject>

namespace creneau::server {

QJsonArray sessionsJson(BookingSite &site, const Organisation &org,
                        const QList<SessionPlaces> &sessions)
{
    const QTimeZone zone = BookingSite::zoneOf(org);
    QHash<Id, QString> lieuNames;
    for (const Lieu &l : site.catalog().lieux(org.id))
        lieuNames.insert(l.id, l.name);
    QJsonArray out;
    for (const SessionPlaces &p : sessions) {
        const CollectiveSession &s = p.session;
        out.append(
            QJsonObject{{QStringLiteral("id"), s.id},
                        {QStringLiteral("starts_at"), protocol::isoWithOffset(s.startsAt, zone)},
                        {QStringLiteral("ends_at"), protocol::isoWithOffset(s.endsAt(), zone)},
                        {QStringLiteral("lieu_id"), s.lieuId},
                        {QStringLiteral("lieu_name"), lieuNames.value(s.lieuId)},
                        {QStringLiteral("capacity"), s.capacity},
                        {QStringLiteral("places_left"), p.placesLeft()}});
    }
    return out;
}

} // namespace creneau::server
