// Abuse counters kept in the database (so that several server instances share them): how many
// times a key (a client address, a message recipient) was counted in a fixed time window.
#pragma once

#include "models/store.h"

#include <QString>

#include <algorithm>

namespace creneau {

// The rule every counted limit follows, without storage: fixed windows aligned on the epoch.
struct ThrottleWindow
{
    qint64 seconds = 3600;
    qint64 startOf(qint64 now) const { return now - (now % seconds + seconds) % seconds; }
    // Seconds until the window holding `now` ends (at least 1): the Retry-After of a refusal.
    int retryAfter(qint64 now) const
    {
        return int(std::max<qint64>(1, startOf(now) + seconds - now));
    }
};

class ThrottleCounters
{
public:
    // Scopes in use.
    static constexpr char kBookingsPerAddress[] = "booking-address";
    static constexpr char kMessagesPerRecipient[] = "message-recipient";
    static constexpr char kMessagesPerPrescripteur[] = "message-prescripteur";

    explicit ThrottleCounters(Store &store) : m_store(store) {}

    // How many times `key` was counted in the window holding `now`.
    int count(const QString &scope, const QString &key, ThrottleWindow window, qint64 now) const;
    // Counts one more and returns the new count. Inside the caller's WriteTransaction when it
    // has one (so a refused change leaves no count behind), otherwise in its own.
    int hit(const QString &scope, const QString &key, ThrottleWindow window, qint64 now);
    // The same in one statement outside any write transaction (no wait for the write lock), for a
    // counter bumped by every request (the POST rate limit); old windows are swept now and then.
    int hitAtomically(const QString &scope, const QString &key, ThrottleWindow window, qint64 now);
    // Keys are compared after this: trimmed, lower case for e-mail addresses, hashed.
    static QString keyHash(const QString &key);

private:
    // Whether this hit also deletes the windows no limit needs any more.
    static bool sweepDue(qint64 now);
    Store &m_store;
};

} // namespace creneau
