#include "sync/notify/notificationservice.h"

#include "sync/notify/filetransport.h"
#include "sync/notify/smsgatewaytransport.h"
#include "sync/notify/smtptransport.h"

#include <QDir>
#include <QTimer>
#include <QUrl>

namespace creneau::notify {

QString hostFor(const QString &publicUrl, const QString &mailFrom)
{
    const QString host = QUrl(publicUrl).host();
    if (!host.isEmpty() && host != QLatin1String("127.0.0.1") && host != QLatin1String("::1"))
        return host;
    const qsizetype at = mailFrom.lastIndexOf(QLatin1Char('@'));
    if (at > 0 && at + 1 < mailFrom.size())
        return cleanAddress(mailFrom.mid(at + 1));
    return QStringLiteral("creneau.localhost");
}

NotificationService::NotificationService(Store &store, const QString &dataDir,
                                         const NotifySettings &settings, NotifyContext context,
                                         const Clock &clock, QObject *parent)
    : QObject(parent), m_sink(context, clock)
{
    const MailAddress from{settings.mailFrom.isEmpty()
                               ? QStringLiteral("ne-pas-repondre@") + context.host
                               : settings.mailFrom,
                           QStringLiteral("Créneau")};
    const QString folder = QDir(dataDir).filePath(QStringLiteral("outbox"));
    QStringList where;
    if (!settings.smtpUrl.isEmpty()) {
        m_mail = std::make_unique<SmtpTransport>(settings.smtpUrl, from);
        where << QStringLiteral("e-mail over %1")
                     .arg(QUrl(settings.smtpUrl).toString(QUrl::RemoveUserInfo));
    } else {
        m_mail = std::make_unique<FileTransport>(folder, from);
        where << QStringLiteral("e-mail to %1").arg(folder);
    }
    if (!settings.smsGateway.isEmpty()) {
        m_sms = std::make_unique<SmsGatewayTransport>(QUrl(settings.smsGateway), settings.smsToken);
        where << QStringLiteral("SMS to %1")
                     .arg(QUrl(settings.smsGateway)
                              .toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery));
    } else {
        m_sms = std::make_unique<FileTransport>(folder, from);
        where << QStringLiteral("SMS to %1").arg(folder);
    }
    m_description = where.join(QStringLiteral(", "));
    m_worker = std::make_unique<DeliveryWorker>(store, clock, m_mail.get(), m_sms.get());
}

void NotificationService::Kicker::record(Store &store, const RdvEvent &event)
{
    m_service.m_sink.record(store, event);
    if (DeliveryWorker *worker = m_service.m_worker.get())
        QTimer::singleShot(0, worker, &DeliveryWorker::tick);
}

void NotificationService::Kicker::recordSession(Store &store, const SessionEvent &event)
{
    m_service.m_sink.recordSession(store, event);
    if (DeliveryWorker *worker = m_service.m_worker.get())
        QTimer::singleShot(0, worker, &DeliveryWorker::tick);
}

NotificationService::~NotificationService()
{
    // The worker first: transports may still report to it while they wind down.
    if (m_worker)
        m_worker->stop();
    m_mail.reset(); // waits for a transfer in flight
    m_sms.reset();
    m_worker.reset();
}

} // namespace creneau::notify
