// How dates, times and places read on the pages and in the API: French words in the
// organisation's zone, ISO 8601 with the zone's offset.
#pragma once

#include "domain.h"

#include <QDateTime>
#include <QTimeZone>

namespace creneau::http {

// « lundi 7 décembre 2026 à 09:30 »
QString frenchDateTime(qint64 utcSecs, const QTimeZone &zone);
// « lundi 7 décembre »
QString frenchDay(const QDate &day);
QString hhmm(qint64 utcSecs, const QTimeZone &zone);
// "2026-12-07T09:30:00+01:00"
QString isoWithOffset(qint64 utcSecs, const QTimeZone &zone);
// Accepts ISO 8601 with an offset or Z; returns false when unreadable.
bool parseIsoInstant(const QString &text, qint64 *utcSecs);
// « Sur place », « Par téléphone »...: how the appointment takes place.
QString howItTakesPlace(LocationType type);

} // namespace creneau::http
