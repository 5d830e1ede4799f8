// Shortcuts over the demo organisation shared by the integration tests.
#pragma once

#include "httpclient.h"

#include <QJsonArray>
#include <QJsonObject>

namespace creneau::test {

inline const QString kSlug = QStringLiteral("mfs-vernon");

// The demo motif's id by name, through the public API.
qint64 motifId(HttpClient &client, const QString &name);
// The free créneaux of a motif over the next five weeks, through the public API.
QJsonArray creneaux(HttpClient &client, qint64 motifId);
QByteArray bookingJson(qint64 motifId, const QJsonObject &creneau, const QString &usagerLastName,
                       const QString &bookedBy = QStringLiteral("prescripteur"));

} // namespace creneau::test
