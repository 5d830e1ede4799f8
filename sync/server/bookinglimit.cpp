#include "bookinglimit.h"

#include "throttle.h"

namespace creneau::http {

namespace {

const ThrottleWindow kHour{3600};

QString keyOf(const QHostAddress &client)
{
    // An IPv4 client seen through a dual-stack socket counts as the same IPv4 address.
    bool isV4 = false;
    const quint32 v4 = client.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4).toString() : client.toString();
}

} // namespace

int BookingLimit::retryAfter(const QHostAddress &client) const
{
    if (m_perHour <= 0)
        return 0;
    const qint64 now = m_clock.nowSecs();
    const int done = ThrottleCounters(m_store).count(
        QLatin1String(ThrottleCounters::kBookingsPerAddress), keyOf(client), kHour, now);
    return done < m_perHour ? 0 : kHour.retryAfter(now);
}

void BookingLimit::count(const QHostAddress &client)
{
    if (m_perHour <= 0)
        return;
    ThrottleCounters(m_store).hit(QLatin1String(ThrottleCounters::kBookingsPerAddress),
                                  keyOf(client), kHour, m_clock.nowSecs());
}

QString BookingLimit::message(int retryAfter)
{
    const int minutes = (retryAfter + 59) / 60;
    return QStringLiteral("Trop de rendez-vous pris depuis cette connexion en une heure : "
                          "réessayez dans %1 minute%2, ou appelez l'organisation.")
        .arg(minutes)
        .arg(minutes > 1 ? QStringLiteral("s") : QString());
}

} // namespace creneau::http
