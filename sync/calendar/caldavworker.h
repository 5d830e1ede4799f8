// Delivers the CalDAV jobs (CaldavQueue) to each agent's calendar collection: PUT of the
// appointment as its own resource (If-None-Match: * when new, If-Match with the stored ETag when
// updating), DELETE once cancelled or no longer the agent's. Failures are retried with growing
// delays, so a calendar server that is down catches up when it is back.
#pragma once

#include "calendarsettings.h"
#include "clock.h"
#include "store.h"

#include <QNetworkAccessManager>
#include <QObject>
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
    bool isBusy() const { return m_busy; }
    // Pending jobs, for tests and monitoring.
    int pendingCount() const;

    // The resource name of an appointment in a collection.
    static QString resourceName(Id rdvId);
    // The resource PUT for an appointment (the agents' view, sync/ical); empty when it is gone.
    static QByteArray resource(Store &store, const Rdv &rdv, qint64 now);

signals:
    void delivered(qint64 jobId, int httpStatus);
    void failed(qint64 jobId, const QString &error);

private:
    struct Job
    {
        qint64 id = 0;
        Id agentId = 0;
        Id rdvId = 0;
        int attempts = 0;
    };
    void next();
    void send(const Job &job);
    void finish(const Job &job, QNetworkReply *reply, bool deleting, const QString &href);
    void markDone(const Job &job);
    void retry(const Job &job, const QString &error, bool immediately = false);

    Store &m_store;
    CalendarSettingsRepository m_settings;
    const Clock &m_clock;
    QNetworkAccessManager m_network;
    QTimer m_timer;
    bool m_busy = false;
    int m_firstDelay = 30;
    int m_maxDelay = 3600;
    int m_giveUp = 30;
};

} // namespace creneau::calendar
