#include "sync/server/bookinglimit.h"

#include "models/throttle.h"
#include "sync/server/limitedtcpserver.h"

namespace creneau::server {

namespace {

const ThrottleWindow kHour{3600};

QString keyOf(const QHostAddress &client)
{
    // As the connection cap counts: IPv4 as itself (also through a dual-stack socket), IPv6 per
    // /64, since one IPv6 client holds a whole /64 of addresses.
    return QString::fromLatin1(LimitedTcpServer::clientKey(client));
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

} // namespace creneau::server
