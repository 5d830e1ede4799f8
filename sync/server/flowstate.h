// The booking flow carried by the browser (hidden fields and query), so that the server keeps no
// session: which link, motif, créneau, who books, and what was typed so far.
#pragma once

#include "models/booking.h"
#include "sync/server/httptypes.h"

#include <QMap>
#include <QUrlQuery>
#include <QVariantList>

namespace creneau::server {

struct FlowState
{
    Id motifId = 0;
    Id lieuId = 0;
    qint64 startsAt = 0;
    Id sessionId = 0;              // a collective motif's session, instead of a créneau (startsAt)
    QString pour;                  // "prescripteur", "moi" or empty (not chosen yet)
    QMap<QString, QString> values; // "prescripteur.first_name", "usager.phone"...
    bool acknowledged = false;     // the no-notification warning

    static FlowState fromQuery(const QUrlQuery &query);
    static FlowState fromForm(const QByteArray &body);
    static QUrlQuery parseForm(const QByteArray &body);
    bool hasCreneau() const { return motifId > 0 && (startsAt > 0 || sessionId > 0); }
    bool byPrescripteur() const { return pour == QLatin1String("prescripteur"); }
    QString value(const QString &key) const { return values.value(key); }

    Prescripteur prescripteur() const;
    BookingRequest request(Id organisationId) const;
    // The state as hidden fields [{name, value}], leaving out the ones of `except` (shown fields).
    QVariantList hidden(const QStringList &except = {}) const;
    QString creneauQuery() const; // "motif=..&lieu=..&debut=.."

    static const QStringList &prescripteurKeys();
    static const QStringList &usagerKeys();
};

} // namespace creneau::server
