// The embedded default: with no SMTP server and no SMS gateway, each message is written to a
// folder, an e-mail as <message-id>.eml (the very bytes SMTP would carry), an SMS as
// <message-id>.sms, so a new user sees what would have been sent.
#pragma once

#include "sync/notify/transport.h"

namespace creneau::notify {

class FileTransport : public Transport
{
    Q_OBJECT
public:
    FileTransport(QString folder, MailAddress from, QObject *parent = nullptr);
    void deliver(const OutboxMessage &message, const QDateTime &now, Done done) override;
    QString folder() const { return m_folder; }
    // The file a message goes to: its Message-ID with only safe characters.
    QString pathFor(const OutboxMessage &message) const;

private:
    QString m_folder;
    MailAddress m_from;
};

} // namespace creneau::notify
