// Long-polling on the change sequences: waiters are answered as soon as their organisation's
// sequence moves past theirs, or when their time is up. A commit on this server's store wakes them
// at once (from the event loop, after the request that wrote); a timer also looks at
// Store::currentSeq of each organisation waited on every 150 ms while someone waits, for writes of
// other server instances on the same PostgreSQL database. Nothing blocks the event loop.
#pragma once

#include "models/store.h"

#include <QObject>
#include <QTimer>

#include <functional>

namespace creneau::server {

class AgentLongPoll : public QObject
{
    Q_OBJECT
public:
    explicit AgentLongPoll(Store &store, QObject *parent = nullptr);
    ~AgentLongPoll() override;

    // `done(seq, moved)` is called once, from the event loop, unless cancel(id) comes first.
    // `owner` (an agent session) is what waitingFor() counts by. Returns the waiter's id.
    quint64 wait(const QString &owner, qint64 organisationId, qint64 since, int timeoutMs,
                 std::function<void(qint64 seq, bool moved)> done);
    // The client went away: its waiter is dropped (and no longer counts against its session).
    void cancel(quint64 id);
    int waiting() const { return int(m_waiters.size()); }
    int waitingFor(const QString &owner) const;

private:
    void poll();
    struct Waiter
    {
        quint64 id = 0;
        QString owner;
        qint64 organisationId = 0;
        qint64 since = 0;
        qint64 deadlineMs = 0;
        std::function<void(qint64, bool)> done;
    };
    Store &m_store;
    int m_listener = 0;
    quint64 m_lastId = 0;
    bool m_pollQueued = false;
    QTimer m_timer;
    std::vector<Waiter> m_waiters;
};

} // namespace creneau::server
