#include "sync/server/agentlongpoll.h"

#include <QDateTime>
#include <QHash>

#include <algorithm>

namespace creneau::server {

AgentLongPoll::AgentLongPoll(Store &store, QObject *parent) : QObject(parent), m_store(store)
{
    m_timer.setInterval(150);
    connect(&m_timer, &QTimer::timeout, this, &AgentLongPoll::poll);
    m_listener = m_store.addCommitListener([this] {
        if (m_waiters.empty() || m_pollQueued)
            return;
        m_pollQueued = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_pollQueued = false;
                poll();
            },
            Qt::QueuedConnection);
    });
}

AgentLongPoll::~AgentLongPoll()
{
    m_store.removeCommitListener(m_listener);
}

quint64 AgentLongPoll::wait(const QString &owner, qint64 organisationId, qint64 since,
                            int timeoutMs, std::function<void(qint64 seq, bool moved)> done)
{
    const quint64 id = ++m_lastId;
    m_waiters.push_back({id, owner, organisationId, since,
                         QDateTime::currentMSecsSinceEpoch() + timeoutMs, std::move(done)});
    if (!m_timer.isActive())
        m_timer.start();
    return id;
}

void AgentLongPoll::cancel(quint64 id)
{
    m_waiters.erase(std::remove_if(m_waiters.begin(), m_waiters.end(),
                                   [id](const Waiter &w) { return w.id == id; }),
                    m_waiters.end());
    if (m_waiters.empty())
        m_timer.stop();
}

int AgentLongPoll::waitingFor(const QString &owner) const
{
    return int(std::count_if(m_waiters.cbegin(), m_waiters.cend(),
                             [&](const Waiter &w) { return w.owner == owner; }));
}

void AgentLongPoll::poll()
{
    // One look per organisation waited on: numbers of two organisations do not compare.
    QHash<qint64, qint64> seqs;
    try {
        for (const Waiter &w : m_waiters)
            if (!seqs.contains(w.organisationId))
                seqs.insert(w.organisationId, m_store.currentSeq(w.organisationId));
    } catch (const std::exception &) {
        return; // the store is busy or gone: try again at the next tick
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // Take the due waiters out first: a callback may add new waiters.
    std::vector<std::pair<Waiter, qint64>> due;
    for (auto it = m_waiters.begin(); it != m_waiters.end();) {
        const qint64 seq = seqs.value(it->organisationId);
        if (seq > it->since || now >= it->deadlineMs) {
            due.emplace_back(std::move(*it), seq);
            it = m_waiters.erase(it);
        } else {
            ++it;
        }
    }
    if (m_waiters.empty())
        m_timer.stop();
    for (auto &[w, seq] : due)
        w.done(seq, seq > w.since);
}

} // namespace creneau::server
