#include "transport.h"

namespace creneau::notify {

QByteArray emailBytes(const OutboxMessage &m, const MailAddress &from, const QDateTime &date)
{
    MimeMail mail;
    mail.from = from;
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
