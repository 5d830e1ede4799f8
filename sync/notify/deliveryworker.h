// Delivers due outbox messages: claims each one (several workers may share a database), hands
// it to its transport, records it sent, or retries with growing delays (1 min doubling up to
// 1 h) and gives up after 24 h with a visible 'failed' state. Claims left by a worker that died
// mid-send go back to pending after a timeout: such a message is resent once, with the same
// Message-ID. Driven by a QTimer; tick() can be called directly (tests, with a ManualClock).
#pragma once

#include "models/clock.h"
#include "sync/notify/outbox.h"
#include "sync/notify/transport.h"

#include <QObject>
#include <QTimer>

namespace creneau::notify {

struct RetryPolicy
{
    qint64 firstDelaySecs = 60;
    qint64 maxDelaySecs = 3600;
    qint64 giveUpAfterSecs = 24 * 3600;
    qint64 staleClaimSecs = 5 * 60;
    int batch = 20;
    // Delay before the next attempt once `attempts` attempts have failed.
    qint64 delayAfter(int attempts) const;
};

class DeliveryWorker : public QObject
{
    Q_OBJECT
public:
    // Transports are not owned; `sms` may be null (SMS then stay pending until one exists).
    DeliveryWorker(Store &store, const Clock &clock, Transport *mail, Transport *sms,
                   QObject *parent = nullptr);
    void setPolicy(const RetryPolicy &policy) { m_policy = policy; }
    const RetryPolicy &policy() const { return m_policy; }

    void start(int intervalMs = 15000);
    void stop();
    // Releases stale claims, then claims and sends what is due. Does nothing while the previous
    // batch is still in flight.
    void tick();
    int inFlight() const { return m_inFlight; }

signals:
    void delivered(qint64 id, bool sent);
    // The batch started by the last tick() has finished (also right away when nothing was due).
    void idle();

private:
    void finish(const OutboxMessage &message, const DeliveryResult &result);
    Store &m_store;
    const Clock &m_clock;
    Transport *m_mail;
    Transport *m_sms;
    RetryPolicy m_policy;
    QTimer m_timer;
    int m_inFlight = 0;
    bool m_again = false;
    bool m_predecessorReleased = false;
};

} // namespace creneau::notify
