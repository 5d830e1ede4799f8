#include "sync/protocol/instants.h"

namespace creneau::protocol {

QString isoWithOffset(qint64 utcSecs, const QTimeZone &zone)
{
    return QDateTime::fromSecsSinceEpoch(utcSecs, zone)
        .toOffsetFromUtc(zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(utcSecs, Qt::UTC)))
        .toString(Qt::ISODate);
}

bool parseIsoInstant(const QString &text, qint64 *utcSecs)
{
    if (text.size() < 20 || text.size() > 40)
        return false;
    const QDateTime t = QDateTime::fromString(text, Qt::ISODate);
    // Without an offset the instant would depend on the server's zone: refuse it.
    if (!t.isValid() || t.timeSpec() == Qt::LocalTime)
        return false;
    *utcSecs = t.toSecsSinceEpoch();
    return true;
}

} // namespace creneau::protocol
