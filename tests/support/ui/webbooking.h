// A prescripteur's booking through the public HTTP API, as the web pages make it: the first
// créneau open to prescripteurs, and the JSON body (Paul Mairie books for Léa Martin).
#pragma once

#include "httpclient.h"

#include <QJsonObject>

namespace creneau::test {

// The first motif open to prescripteurs with a créneau in the next five weeks.
bool firstPrescripteurCreneau(HttpClient &client, const QString &slug, qint64 *motifId,
                              QJsonObject *creneau);
QJsonObject prescripteurBookingBody(qint64 motifId, const QJsonObject &creneau);
// Books that créneau; the reply of POST /api/v1/public/<slug>/rdvs.
Reply bookAsPrescripteur(HttpClient &client, const QString &slug, qint64 motifId,
                         const QJsonObject &creneau);

} // namespace creneau::test
