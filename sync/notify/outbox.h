// The notification outbox: messages queued with the change that causes them, and the state
// transitions of their delivery (claim, sent, retry, give up). Safe with several workers.
#pragma once

#include "models/domain.h"
#include "models/store.h"
#include "sync/notify/outboxdraft.h"

#include <QList>
#include <QString>

#include <optional>

namespace creneau::notify {

struct OutboxMessage
{
    enum class Kind
    {
        Email,
        Sms
    };
    Id id = 0;
    QString messageId; // stable across attempts: "<...@host>"
    Kind kind = Kind::Email;
    QString purpose; // "confirmation", "reminder", "moved", "cancelled", "prescripteur", "agent"
    Id rdvId = 0;
    QString recipient; // e-mail address or normalised phone number
    QString recipientName;
    QString subject;
    QString bodyText; // the SMS text for Kind::Sms
    QString bodyHtml;
    QByteArray ics; // empty: no attachment
    QString icsMethod;
    // The organisation's sender name and Reply-To (OrganisationSettings); empty: the defaults.
    QString senderName;
    QString replyTo;
    qint64 dueAt = 0;
    QString status = QStringLiteral("pending");
    int attempts = 0;
    qint64 nextAttemptAt = 0;
    QString lastError;
    qint64 claimedAt = 0;
    qint64 sentAt = 0;
    qint64 createdAt = 0;
    // Set by whoever queues a message from a template: the row keeps the draft and the text
    // fields above are rendered from it when the row is read (see outboxdraft.h).
    std::optional<OutboxDraft> draft;
    // The row's draft could not be read: the message cannot be rendered nor sent.
    bool unreadable = false;
};

class Outbox
{
public:
    explicit Outbox(Store &store) : m_store(store) {}

    // Inside the caller's transaction. Sets message.id. A message whose status is "dropped" is
    // written held, with its lastError; any other is queued as "pending".
    void enqueue(OutboxMessage &message);
    // Pending messages of an appointment with this purpose become 'dropped'; returns how many.
    int drop(Id rdvId, const QString &purpose);

    // Ids of pending messages due at `now`, oldest first.
    QList<Id> due(qint64 now, int limit) const;
    // pending -> sending; false when another worker got it first. The claim carries
    // `claimant` (ProcessIdentity::claimant() by default).
    bool claim(Id id, qint64 now, const QString &claimant = {});
    void markSent(Id id, qint64 now);
    // Back to pending at `retryAt`, or failed when `giveUp`.
    void markFailed(Id id, const QString &error, qint64 retryAt, bool giveUp);
    // Claims older than `before` (a worker died mid-send) go back to pending; returns how many.
    int releaseStale(qint64 before);
    // Claims of this instance made by another process (its predecessor, killed mid-send) go back
    // to pending at once; returns how many.
    int releaseDeadPredecessor(const QString &instancePrefix, const QString &claimant);

    // Headers: everything but the text and the .ics, which drafts are rendered for.
    enum class Content
    {
        Full,
        Headers
    };
    std::optional<OutboxMessage> find(Id id) const;
    QList<OutboxMessage> all() const;
    QList<OutboxMessage> ofRdv(Id rdvId, Content content = Content::Full) const;

private:
    QList<OutboxMessage> select(const QString &where, std::initializer_list<QVariant> values,
                                Content content = Content::Full) const;
    Store &m_store;
};

QString toWord(OutboxMessage::Kind kind);

} // namespace creneau::notify
