// The public bookings one client address may make per hour (--max-bookings-per-hour), counted in
// the database so that every server instance sharing it applies one limit.
#pragma once

#include "models/clock.h"
#include "models/store.h"

#include <QHostAddress>

namespace creneau::server {

class BookingLimit
{
public:
    BookingLimit(Store &store, const Clock &clock) : m_store(store), m_clock(clock) {}
    void setPerHour(int n) { m_perHour = n; }
    int perHour() const { return m_perHour; }

    // 0 when `client` may book now; otherwise the seconds until it may (Retry-After).
    int retryAfter(const QHostAddress &client) const;
    // After a booking was made: one more for `client`.
    void count(const QHostAddress &client);
    // The French refusal, for the API's error and the page.
    static QString message(int retryAfter);

private:
    Store &m_store;
    const Clock &m_clock;
    int m_perHour = 20; // 0: no limit
};

} // namespace creneau::server
