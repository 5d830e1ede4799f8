#include "sync/server/bookingqueue.h"

#include "sync/server/bookingsite.h"

#include <QTimer>

#include <map>
#include <optional>

namespace creneau::server {

BookingQueue::BookingQueue(BookingSite &site, QObject *parent) : QObject(parent), m_site(site) {}

void BookingQueue::submit(const BookingRequest &request, const QHostAddress &peer, Prepare prepare,
                          std::function<void(const Result &)> failed)
{
    m_waiting.push_back({request, peer, std::move(prepare), std::move(failed)});
    if (m_scheduled)
        return;
    m_scheduled = true;
    // After the event loop has read every request already waiting on the sockets.
    QTimer::singleShot(0, this, [this] {
        m_scheduled = false;
        flush();
    });
}

void BookingQueue::flush()
{
    while (!m_waiting.empty()) {
        const std::size_t n = std::min(m_waiting.size(), std::size_t(std::max(1, m_maxGroup)));
        std::vector<Job> group(std::make_move_iterator(m_waiting.begin()),
                               std::make_move_iterator(m_waiting.begin() + qsizetype(n)));
        m_waiting.erase(m_waiting.begin(), m_waiting.begin() + qsizetype(n));
        if (m_site.store().engine() != Store::Engine::Postgres) {
            runGroup(group, 0);
            continue;
        }
        // In order of arrival within each organisation, organisations by id.
        std::map<qint64, std::vector<Job>> byOrganisation;
        for (Job &job : group)
            byOrganisation[job.request.organisationId].push_back(std::move(job));
        for (auto &[organisation, jobs] : byOrganisation)
            runGroup(jobs, organisation);
    }
}

void BookingQueue::runGroup(std::vector<Job> &jobs, qint64 organisationId)
{
    std::vector<Result> results(jobs.size());
    try {
        std::optional<WriteTransaction> group;
        if (organisationId)
            group.emplace(m_site.store(), organisationId);
        else
            group.emplace(m_site.store());
        for (std::size_t i = 0; i < jobs.size(); ++i) {
            Result &r = results[i];
            try {
                // Its own savepoint: whatever it wrote is undone alone if it fails.
                WriteTransaction one(m_site.store());
                r.retryAfter = m_site.bookingLimit().retryAfter(jobs[i].peer);
                if (r.retryAfter) {
                    r.limited = true;
                    jobs[i].prepare(r); // answered 429 with its wait, nothing booked
                    continue;
                }
                r.outcome = m_site.booking().book(jobs[i].request);
                if (r.outcome.ok())
                    m_site.bookingLimit().count(jobs[i].peer);
                jobs[i].prepare(r);
                one.commit();
            } catch (const std::exception &) {
                r.answer = nullptr;
                r.committed = false; // this one only: rolled back to its savepoint
            }
        }
        group->commit(); // one fsync for the group; nobody was answered before it
        ++m_groups;
        m_grouped += qint64(jobs.size());
    } catch (const std::exception &) {
        // The picture of the database saw the group's bookings: forget it, it reloads.
        m_site.engine().availability().clear();
        for (Result &r : results) {
            r.committed = false;
            r.answer = nullptr;
        }
    }
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        if (results[i].committed && results[i].answer)
            results[i].answer();
        else
            jobs[i].failed(results[i]);
    }
}

} // namespace creneau::server
