// Delivers the CalDAV jobs (CaldavQueue) to each agent's calendar collection: PUT of the
// appointment, or of the collective session the agent leads (one resource for all its
// participants, their count in its description), as its own resource (If-None-Match: * when new,
// If-Match with the stored ETag when updating), DELETE once cancelled or no longer the agent's.
// Failures are retried with growing delays, so a calendar server that is down catches up when it is
// back. Every connection goes to an address checked by CaldavTarget after resolving the name (the
// request is pinned to it), no redirect is followed, each agent has at most one job in flight and
// each job a time budget, so one calendar server that never answers delays no other agent.
#pragma once

#include "models/clock.h"
#include "models/store.h"
#include "sync/calendar/calendarsettings.h"

#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace creneau::calendar {

class CaldavWorker : public QObject
{
    Q_OBJECT
public:
    CaldavWorker(Store &store, const CalendarKey &key, const Clock &clock = Clock::system(),
                 QObject *parent = nullptr);

    void start(int pollMs = 2000);
    void stop();
    // Looks for due jobs now (after a booking, or in tests).
    void kick();
    // First retry after `firstSecs`, doubling up to `maxSecs`; given up after `giveUpAttempts`.
    void setRetryDelays(int firstSecs, int maxSecs, int giveUpAttempts = 30);
    // --allow-insecure-caldav: plain http and loopback targets (tests with a local Radicale).
    void setAllowInsecure(bool allow) { m_allowInsecure = allow; }
    // The longest one job may take, name resolution included, before it is abandoned.
    void setTimeBudgetMs(int ms) { m_budgetMs = qMax(100, ms); }
    bool isBusy() const { return !m_inFlight.isEmpty(); }
    // Pending jobs, for tests and monitoring.
    int pendingCount() const;

    // The resource name of an appointment in a collection.
    static QString resourceName(Id rdvId);
    // The resource name of a collective session in a collection.
    static QString sessionResourceName(Id sessionId);
    // The resource PUT for an appointment (the agents' view, sync/ical); empty when it is gone.
    static QByteArray resource(Store &store, const Rdv &rdv, qint64 now);
    // The resource PUT for a collective session (its places taken); empty when its motif is gone.
    static QByteArray sessionResource(Store &store, const CollectiveSession &session, qint64 now);

signals:
    void delivered(qint64 jobId, int httpStatus);
    void failed(qint64 jobId, const QString &error);

private:
    struct Job
    {
        qint64 id = 0;
        Id agentId = 0;
        Id rdvId = 0;
        Id sessionId = 0; // a collective session's job (rdvId 0)
        int attempts = 0;
    };
    // Whether the job's appointment or session belongs in the agent's collection now; `body`
    // then holds what to PUT.
    bool wanted(const Job &job, QByteArray *body);
    static constexpr int kMaxParallel = 8;
    // A claim outlives the job's time budget by this much before another instance takes over.
    static constexpr int kClaimMarginSecs = 30;
    // Takes `job` for this process (caldav_jobs.claimed_by); false when another instance has it.
    bool claim(const Job &job);
    // Claims of this instance left by its previous process go back to the queue at once.
    void releaseDeadPredecessor();
    void next();
    void send(const Job &job);
    // Resolves the request's host, checks the address, then sends to that address only.
    void connectChecked(const Job &job, QNetworkRequest request, bool deleting, QByteArray body,
                        const QString &href);
    void sendTo(const Job &job, QNetworkRequest request, const QHostAddress &address, bool deleting,
                const QByteArray &body, const QString &href, int budgetMs);
    void finish(const Job &job, QNetworkReply *reply, bool deleting, const QString &href);
    void markDone(const Job &job);
    void retry(const Job &job, const QString &error, bool immediately = false);
    // The agent's slot is free again; looks for more work.
    void release(const Job &job);

    Store &m_store;
    CalendarSettingsRepository m_settings;
    const Clock &m_clock;
    QNetworkAccessManager m_network;
    QTimer m_timer;
    QSet<Id> m_inFlight; // agents with a job under way
    bool m_allowInsecure = false;
    int m_budgetMs = 20000;
    int m_firstDelay = 30;
    int m_maxDelay = 3600;
    int m_giveUp = 30;
    bool m_predecessorReleased = false;
};

} // namespace creneau::calendar
