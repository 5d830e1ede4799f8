// How a queued message leaves: one interface for SMTP, the SMS gateway and the outbox folder.
// deliver() never blocks the caller's event loop; `done` is called later on the caller's thread.
#pragma once

#include "sync/notify/mimemessage.h"
#include "sync/notify/outbox.h"

#include <QDateTime>
#include <QObject>

#include <functional>

namespace creneau::notify {

struct DeliveryResult
{
    bool ok = false;
    QString error;
};

class Transport : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const DeliveryResult &)>;
    using QObject::QObject;
    virtual void deliver(const OutboxMessage &message, const QDateTime &now, Done done) = 0;
};

// The RFC 5322 bytes of an e-mail message from the outbox.
QByteArray emailBytes(const OutboxMessage &message, const MailAddress &from, const QDateTime &date);

} // namespace creneau::notify
