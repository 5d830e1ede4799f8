#include "sync/notify/deliveryworker.h"

#include "models/processidentity.h"
#include "models/sql.h"

#include <QLoggingCategory>

namespace creneau::notify {

Q_LOGGING_CATEGORY(lcNotify, "creneau.notify")

qint64 RetryPolicy::delayAfter(int attempts) const
{
    qint64 delay = firstDelaySecs;
    for (int i = 1; i < attempts && delay < maxDelaySecs; ++i)
        delay *= 2;
    return qMin(delay, maxDelaySecs);
}

DeliveryWorker::DeliveryWorker(Store &store, const Clock &clock, Transport *mail, Transport *sms,
                               QObject *parent)
    : QObject(parent), m_store(store), m_clock(clock), m_mail(mail), m_sms(sms)
{
    connect(&m_timer, &QTimer::timeout, this, &DeliveryWorker::tick);
}

void DeliveryWorker::start(int intervalMs)
{
    m_timer.start(intervalMs);
    QTimer::singleShot(0, this, &DeliveryWorker::tick);
}

void DeliveryWorker::stop()
{
    m_timer.stop();
}

void DeliveryWorker::tick()
{
    if (m_inFlight > 0) {
        m_again = true; // run once more as soon as this batch is done
        return;
    }
    m_again = false;
    QList<OutboxMessage> claimed;
    try {
        Outbox outbox(m_store);
        const qint64 now = m_clock.nowSecs();
        if (!m_predecessorReleased) {
            // What this instance's previous process claimed died with it: no need to wait for
            // the stale-claim delay (other instances' claims are theirs until then).
            if (const int n = outbox.releaseDeadPredecessor(ProcessIdentity::instancePrefix(),
                                                            ProcessIdentity::claimant()))
                qCWarning(lcNotify) << n << "deliveries interrupted by a restart will be retried";
            m_predecessorReleased = true;
        }
        if (const int n = outbox.releaseStale(now - m_policy.staleClaimSecs))
            qCWarning(lcNotify) << n << "interrupted deliveries will be retried";
        for (const Id id : outbox.due(now, m_policy.batch)) {
            const auto message = outbox.find(id);
            if (!message)
                continue;
            if (message->unreadable) { // nothing to send, ever: visible as failed at once
                if (outbox.claim(id, now))
                    outbox.markFailed(id, QStringLiteral("message illisible (brouillon corrompu)"),
                                      now, true);
                continue;
            }
            Transport *transport = message->kind == OutboxMessage::Kind::Sms ? m_sms : m_mail;
            if (!transport)
                continue;
            if (outbox.claim(id, now))
                claimed << *message;
        }
    } catch (const StoreError &e) {
        qCWarning(lcNotify) << "outbox unavailable:" << e.what();
        emit idle();
        return;
    }
    if (claimed.isEmpty()) {
        emit idle();
        return;
    }
    m_inFlight = int(claimed.size());
    const QDateTime now = m_clock.now();
    for (const OutboxMessage &m : claimed) {
        Transport *transport = m.kind == OutboxMessage::Kind::Sms ? m_sms : m_mail;
        transport->deliver(m, now, [this, m](const DeliveryResult &r) { finish(m, r); });
    }
}

void DeliveryWorker::finish(const OutboxMessage &m, const DeliveryResult &result)
{
    const qint64 now = m_clock.nowSecs();
    try {
        Outbox outbox(m_store);
        if (result.ok) {
            outbox.markSent(m.id, now);
        } else {
            const int attempts = m.attempts + 1;
            const bool giveUp = now - m.dueAt >= m_policy.giveUpAfterSecs;
            outbox.markFailed(m.id, result.error, now + m_policy.delayAfter(attempts), giveUp);
            qCWarning(lcNotify).noquote()
                << "message" << m.id << (giveUp ? "failed for good:" : "will be retried:")
                << result.error;
        }
    } catch (const StoreError &e) {
        // The claim stays; it goes back to pending once stale.
        qCWarning(lcNotify) << "cannot record delivery of" << m.id << e.what();
    }
    emit delivered(m.id, result.ok);
    if (--m_inFlight == 0) {
        emit idle();
        if (m_again)
            QTimer::singleShot(0, this, &DeliveryWorker::tick);
    }
}

} // namespace creneau::notify
