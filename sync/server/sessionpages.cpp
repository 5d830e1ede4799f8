#include "sync/server/sessionpages.h"

#include "models/frenchformat.h"

namespace creneau::server {

QString placesText(int placesLeft)
{
    if (placesLeft <= 0)
        return QStringLiteral("Complet");
    return placesLeft == 1 ? QStringLiteral("1 place restante")
                           : QStringLiteral("%1 places restantes").arg(placesLeft);
}

QVariantList sessionItems(BookingSite &site, const Organisation &org, const QString &base,
                          const QList<SessionPlaces> &sessions, const QString &suffix)
{
    const QTimeZone zone = BookingSite::zoneOf(org);
    QVariantList out;
    for (const SessionPlaces &p : sessions) {
        const CollectiveSession &s = p.session;
        const auto lieu = site.lieu(org, s.lieuId);
        QVariantMap item{{QStringLiteral("label"), fr::dateTime(s.startsAt, zone)},
                         {QStringLiteral("lieu"), lieu ? lieu->name : QString()},
                         {QStringLiteral("places"), placesText(p.placesLeft())},
                         {QStringLiteral("full"), p.placesLeft() <= 0}};
        if (p.placesLeft() > 0)
            item[QStringLiteral("url")] =
                base + QStringLiteral("/creneau?motif=%1&session=%2").arg(s.motifId).arg(s.id) +
                suffix;
        out.append(item);
    }
    return out;
}

} // namespace creneau::server
