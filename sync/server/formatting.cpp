#include "formatting.h"

#include <QLocale>

namespace creneau::http {

namespace {
const QLocale &french()
{
    static const QLocale locale(QLocale::French, QLocale::France);
    return locale;
}
} // namespace

QString frenchDateTime(qint64 utcSecs, const QTimeZone &zone)
{
    const QDateTime t = QDateTime::fromSecsSinceEpoch(utcSecs, zone);
    return french().toString(t.date(), QStringLiteral("dddd d MMMM yyyy")) + QStringLiteral(" à ") +
           t.time().toString(QStringLiteral("HH:mm"));
}

QString frenchDay(const QDate &day)
{
    return french().toString(day, QStringLiteral("dddd d MMMM yyyy"));
}

QString hhmm(qint64 utcSecs, const QTimeZone &zone)
{
    return QDateTime::fromSecsSinceEpoch(utcSecs, zone).time().toString(QStringLiteral("HH:mm"));
}

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

QString howItTakesPlace(LocationType type)
{
    switch (type) {
    case LocationType::PublicOffice:
        return QStringLiteral("Sur place");
    case LocationType::Phone:
        return QStringLiteral("Par téléphone : l'agent appelle le bénéficiaire");
    case LocationType::Home:
        return QStringLiteral("À domicile");
    case LocationType::Visio:
        return QStringLiteral("En visioconférence");
    }
    return {};
}

} // namespace creneau::http
