// Notifications for one server, assembled from its settings: the sink the booking service calls
// inside its transaction, the transports (SMTP or <data>/outbox/ files for e-mail, the HTTP
// gateway or files for SMS) and the delivery worker that runs on the server's event loop.
#pragma once

#include "sync/notify/deliveryworker.h"
#include "sync/notify/notificationsink.h"
#include "sync/notify/notifysettings.h"

#include <QObject>

#include <memory>

namespace creneau::notify {

class NotificationService : public QObject
{
    Q_OBJECT
public:
    NotificationService(Store &store, const QString &dataDir, const NotifySettings &settings,
                        NotifyContext context, const Clock &clock = Clock::system(),
                        QObject *parent = nullptr);
    ~NotificationService() override;

    // Queues in the booking transaction, then asks the worker to run as soon as the event loop
    // is back (after the commit), so confirmations leave at once rather than at the next tick.
    RdvEventSink *sink() { return &m_kicker; }
    NotificationSink &notificationSink() { return m_sink; }
    DeliveryWorker &worker() { return *m_worker; }
    void start(int intervalMs = 15000) { m_worker->start(intervalMs); }
    // One line for the log: where messages go.
    QString describe() const { return m_description; }

private:
    class Kicker : public RdvEventSink
    {
    public:
        explicit Kicker(NotificationService &service) : m_service(service) {}
        void record(Store &store, const RdvEvent &event) override;
        void recordSession(Store &store, const SessionEvent &event) override;

    private:
        NotificationService &m_service;
    };
    NotificationSink m_sink;
    Kicker m_kicker{*this};
    std::unique_ptr<Transport> m_mail;
    std::unique_ptr<Transport> m_sms;
    std::unique_ptr<DeliveryWorker> m_worker;
    QString m_description;
};

// The host name in UIDs and Message-IDs: the public URL's, else the sender's domain.
QString hostFor(const QString &publicUrl, const QString &mailFrom);

} // namespace creneau::notify
