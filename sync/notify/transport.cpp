#include "sync/notify/transport.h"

namespace creneau::notify {

QByteArray emailBytes(const OutboxMessage &m, const MailAddress &from, const QDateTime &date)
{
    MimeMail mail;
    mail.from = from;
    // The organisation's own name and contact, instead of « Créneau » and ne-pas-repondre@.
    if (!m.senderName.trimmed().isEmpty())
        mail.from.name = m.senderName.trimmed();
    mail.replyTo = {m.replyTo.trimmed(), {}};
    mail.to = {m.recipient, m.recipientName};
    mail.subject = m.subject;
    mail.messageId = m.messageId;
    mail.date = date;
    mail.text = m.bodyText;
    mail.html = m.bodyHtml;
    mail.ics = m.ics;
    mail.icsMethod = m.icsMethod;
    return toRfc5322(mail);
}

} // namespace creneau::notify
