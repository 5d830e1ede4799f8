#include "sync/notify/outbox.h"

#include "models/processidentity.h"
#include "models/sql.h"
#include "sync/notify/mailtemplate.h"

namespace creneau::notify {

namespace {

const char kColumns[] =
    "id, message_id, kind, purpose, rdv_id, recipient, recipient_name, subject, body_text, "
    "body_html, ics, ics_method, due_at, status, attempts, next_attempt_at, last_error, "
    "claimed_at, sent_at, created_at, sender_name, reply_to, draft";

void render(OutboxMessage &m, const OutboxDraft &draft)
{
    const RenderedMessage r = MailTemplate::load(draft.templateName).render(draft.values);
    if (m.kind == OutboxMessage::Kind::Sms) {
        m.bodyText = r.sms;
        return;
    }
    m.subject = r.subject;
    m.bodyText = r.text;
    m.bodyHtml = r.html;
    if (draft.calendar)
        m.ics = ical::write(*draft.calendar);
}

OutboxMessage read(const QSqlQuery &q, Outbox::Content content)
{
    OutboxMessage m;
    m.id = q.value(0).toLongLong();
    m.messageId = q.value(1).toString();
    m.kind = q.value(2).toString() == QLatin1String("sms") ? OutboxMessage::Kind::Sms
                                                           : OutboxMessage::Kind::Email;
    m.purpose = q.value(3).toString();
    m.rdvId = q.value(4).toLongLong();
    m.recipient = q.value(5).toString();
    m.recipientName = q.value(6).toString();
    m.subject = q.value(7).toString();
    m.bodyText = q.value(8).toString();
    m.bodyHtml = q.value(9).toString();
    m.ics = q.value(10).toString().toUtf8();
    m.icsMethod = q.value(11).toString();
    m.dueAt = q.value(12).toLongLong();
    m.status = q.value(13).toString();
    m.attempts = q.value(14).toInt();
    m.nextAttemptAt = q.value(15).toLongLong();
    m.lastError = q.value(16).toString();
    m.claimedAt = q.value(17).toLongLong();
    m.sentAt = q.value(18).toLongLong();
    m.createdAt = q.value(19).toLongLong();
    m.senderName = q.value(20).toString();
    m.replyTo = q.value(21).toString();
    const QString draft = q.value(22).toString();
    if (draft.isEmpty() || content == Outbox::Content::Headers)
        return m;
    m.draft = OutboxDraft::parse(draft);
    if (m.draft)
        render(m, *m.draft);
    else
        m.unreadable = true;
    return m;
}

// The INSERT of a message: with its rendered text, or with only a draft (the text columns keep
// their empty default: no binding of empty strings); queued, or held from the start (an abuse
// limit: written dropped with its reason, in the same statement).
QString insertStatement(bool rendered, bool held)
{
    QString columns = QStringLiteral("message_id, kind, purpose, rdv_id, recipient, "
                                     "recipient_name, ics_method, due_at, next_attempt_at, "
                                     "created_at, sender_name, reply_to, draft");
    int binds = 13;
    if (rendered) {
        columns += QStringLiteral(", subject, body_text, body_html, ics");
        binds += 4;
    }
    if (held) {
        columns += QStringLiteral(", last_error");
        ++binds;
    }
    QString values = QStringLiteral("?");
    for (int i = 1; i < binds; ++i)
        values += QStringLiteral(", ?");
    return QStringLiteral("INSERT INTO outbox (%1, status, attempts) VALUES (%2, '%3', 0)")
        .arg(columns, values, held ? QStringLiteral("dropped") : QStringLiteral("pending"));
}

} // namespace

QString toWord(OutboxMessage::Kind kind)
{
    return kind == OutboxMessage::Kind::Sms ? QStringLiteral("sms") : QStringLiteral("email");
}

void Outbox::enqueue(OutboxMessage &m)
{
    static const QString kStatements[] = {
        insertStatement(false, false), insertStatement(false, true), insertStatement(true, false),
        insertStatement(true, true)};
    const bool held = m.status == QLatin1String("dropped");
    const bool rendered = !m.draft || !m.subject.isEmpty() || !m.bodyText.isEmpty() ||
                          !m.bodyHtml.isEmpty() || !m.ics.isEmpty();
    QSqlQuery q = sql::prepare(m_store.db(), kStatements[(rendered ? 2 : 0) + (held ? 1 : 0)] +
                                                 m_store.returningId());
    for (const QVariant &v :
         {QVariant(m.messageId), QVariant(toWord(m.kind)), QVariant(m.purpose), QVariant(m.rdvId),
          QVariant(m.recipient), QVariant(m.recipientName), QVariant(m.icsMethod),
          QVariant(m.dueAt), QVariant(m.dueAt), QVariant(m.createdAt), QVariant(m.senderName),
          QVariant(m.replyTo), QVariant(m.draft ? m.draft->serialize() : QString())})
        sql::bind(q, v);
    if (rendered)
        for (const QVariant &v : {QVariant(m.subject), QVariant(m.bodyText), QVariant(m.bodyHtml),
                                  QVariant(QString::fromUtf8(m.ics))})
            sql::bind(q, v);
    if (held)
        sql::bind(q, m.lastError);
    sql::exec(q);
    m.id = sql::insertedId(q);
    if (!held)
        m.status = QStringLiteral("pending");
    m.nextAttemptAt = m.dueAt;
}

int Outbox::drop(Id rdvId, const QString &purpose)
{
    QSqlQuery q =
        sql::run(m_store.db(),
                 QStringLiteral("UPDATE outbox SET status = 'dropped' "
                                "WHERE rdv_id = ? AND purpose = ? AND status = 'pending'"),
                 {rdvId, purpose});
    return q.numRowsAffected();
}

QList<Id> Outbox::due(qint64 now, int limit) const
{
    sql::Rows q(m_store.db(),
                QStringLiteral("SELECT id FROM outbox WHERE status = 'pending' AND "
                               "next_attempt_at <= ? ORDER BY next_attempt_at, id "
                               "LIMIT ?"),
                {now, limit});
    QList<Id> out;
    while (q.next())
        out << q.value(0).toLongLong();
    return out;
}

bool Outbox::claim(Id id, qint64 now, const QString &claimant)
{
    // A conditional update is the lock: only one worker sees one affected row.
    QSqlQuery q = sql::run(
        m_store.db(),
        QStringLiteral("UPDATE outbox SET status = 'sending', claimed_at = ?, claimed_by = ? "
                       "WHERE id = ? AND status = 'pending'"),
        {now, claimant.isEmpty() ? ProcessIdentity::claimant() : claimant, id});
    return q.numRowsAffected() == 1;
}

void Outbox::markSent(Id id, qint64 now)
{
    sql::run(m_store.db(),
             QStringLiteral("UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + "
                            "1, last_error = '' WHERE id = ? AND status = 'sending'"),
             {now, id});
}

void Outbox::markFailed(Id id, const QString &error, qint64 retryAt, bool giveUp)
{
    sql::run(m_store.db(),
             QStringLiteral("UPDATE outbox SET status = ?, attempts = attempts + 1, "
                            "last_error = ?, next_attempt_at = ? "
                            "WHERE id = ? AND status = 'sending'"),
             {giveUp ? QStringLiteral("failed") : QStringLiteral("pending"), error.left(1000),
              retryAt, id});
}

int Outbox::releaseStale(qint64 before)
{
    QSqlQuery q = sql::run(m_store.db(),
                           QStringLiteral("UPDATE outbox SET status = 'pending' "
                                          "WHERE status = 'sending' AND claimed_at < ?"),
                           {before});
    return q.numRowsAffected();
}

int Outbox::releaseDeadPredecessor(const QString &instancePrefix, const QString &claimant)
{
    QSqlQuery q = sql::run(m_store.db(),
                           QStringLiteral("UPDATE outbox SET status = 'pending' WHERE status = "
                                          "'sending' AND substr(claimed_by, 1, ?) = ? AND "
                                          "claimed_by <> ?"),
                           {int(instancePrefix.size()), instancePrefix, claimant});
    return q.numRowsAffected();
}

QList<OutboxMessage> Outbox::select(const QString &where, std::initializer_list<QVariant> values,
                                    Content content) const
{
    sql::Rows q(
        m_store.db(),
        QStringLiteral("SELECT %1 FROM outbox %2 ORDER BY id").arg(QLatin1String(kColumns), where),
        values);
    QList<OutboxMessage> out;
    while (q.next())
        out << read(q, content);
    return out;
}

std::optional<OutboxMessage> Outbox::find(Id id) const
{
    const QList<OutboxMessage> list = select(QStringLiteral("WHERE id = ?"), {id});
    if (list.isEmpty())
        return std::nullopt;
    return list.first();
}

QList<OutboxMessage> Outbox::all() const
{
    return select(QString(), {});
}

QList<OutboxMessage> Outbox::ofRdv(Id rdvId, Content content) const
{
    return select(QStringLiteral("WHERE rdv_id = ?"), {rdvId}, content);
}

} // namespace creneau::notify
