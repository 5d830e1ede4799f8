// How instants travel in the APIs (public and agent): ISO 8601 with the zone's offset. The French
// words of the pages are models/frenchformat's, shared with the e-mails and the desktop.
#pragma once

#include "models/domain.h"

#include <QDateTime>
#include <QTimeZone>

namespace creneau::protocol {

// "2026-12-07T09:30:00+01:00"
QString isoWithOffset(qint64 utcSecs, const QTimeZone &zone);
// Accepts ISO 8601 with an offset or Z; returns false when unreadable.
bool parseIsoInstant(const QString &text, qint64 *utcSecs);

} // namespace creneau::protocol
