// Group commit of the public API's bookings on one server: the bookings that arrive together
// (those whose requests the event loop read before it came back to the queue) share one
// transaction and so one fsync. Each one is still checked under the write lock, in its own
// savepoint: a refused one rolls back alone and gets its own answer. Nobody is answered before
// the commit that holds their booking is durable; if that commit fails, nobody gets a 201.
// On PostgreSQL a group holds one organisation's bookings (its writer lock, see Store): the
// bookings read together are split by organisation, so that another instance booking in another
// organisation never waits for this group.
#pragma once

#include "models/booking.h"

#include <QHostAddress>
#include <QObject>

#include <functional>
#include <vector>

namespace creneau::server {

class BookingSite;

class BookingQueue : public QObject
{
    Q_OBJECT
public:
    // What each booking's caller is told after the commit; `committed` is false when the group's
    // transaction failed (nothing was booked).
    struct Result
    {
        BookingOutcome outcome;
        bool limited = false; // the client's hourly limit was reached meanwhile
        int retryAfter = 0;
        bool committed = true;
        // Built inside the transaction (reads what was just written), sent after the commit.
        std::function<void()> answer;
    };
    // `prepare(result)`, inside the transaction after the booking, fills result.answer.
    using Prepare = std::function<void(Result &)>;

    explicit BookingQueue(BookingSite &site, QObject *parent = nullptr);

    // Queued; the group runs from the event loop.
    void submit(const BookingRequest &request, const QHostAddress &peer, Prepare prepare,
                std::function<void(const Result &)> failed);
    // Runs the waiting bookings now as one group (tests; the event loop calls it otherwise).
    void flush();
    int maxGroup() const { return m_maxGroup; }
    void setMaxGroup(int n) { m_maxGroup = n; }
    // Figures: groups committed and bookings in them.
    qint64 groups() const { return m_groups; }
    qint64 grouped() const { return m_grouped; }

private:
    struct Job
    {
        BookingRequest request;
        QHostAddress peer;
        Prepare prepare;
        std::function<void(const Result &)> failed;
    };
    // `organisationId` 0: a store-wide transaction (SQLite, where there is one writer anyway).
    void runGroup(std::vector<Job> &jobs, qint64 organisationId);

    BookingSite &m_site;
    std::vector<Job> m_waiting;
    bool m_scheduled = false;
    int m_maxGroup = 64;
    qint64 m_groups = 0;
    qint64 m_grouped = 0;
};

} // namespace creneau::server
