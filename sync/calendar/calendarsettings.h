// Each agent's choice of external calendar (none, e-mail, subscription feed, CalDAV push),
// stored on the server: the feed token only as its hash, the CalDAV password sealed.
#pragma once

#include "models/domain.h"
#include "models/store.h"
#include "sync/calendar/calendarkey.h"

#include <optional>

namespace creneau::calendar {

enum class CalendarMode
{
    None,
    Email,
    Subscription,
    CalDav
};
QString toWord(CalendarMode mode);
bool fromWord(const QString &word, CalendarMode *mode);

struct CalendarSettings
{
    Id agentId = 0;
    CalendarMode mode = CalendarMode::None;
    bool hasFeed = false; // a feed token exists (it is never readable again)
    QString caldavUrl;    // the calendar collection, ending with '/'
    QString caldavUser;
    bool hasCaldavPassword = false;
    qint64 seq = 0;
};

class CalendarSettingsRepository
{
public:
    CalendarSettingsRepository(Store &store, const CalendarKey &key) : m_store(store), m_key(key) {}

    // Defaults (mode none) when the agent never chose.
    CalendarSettings load(Id agentId) const;
    // Writes mode, URL and user; the password only when `password` is set (empty clears it).
    // Each call is its own write transaction. Turning CalDAV on (or changing its collection)
    // queues the agent's appointments of the feed's window, so the calendar starts complete.
    void save(const CalendarSettings &settings, const std::optional<QString> &password = {});
    // A new feed token (the old one stops working); the only time it exists in clear.
    QString regenerateFeedToken(Id agentId);
    void revokeFeed(Id agentId);
    // The agent whose feed this token opens; nullopt for unknown or revoked tokens.
    std::optional<Id> agentForFeedToken(const QString &token) const;
    // The CalDAV password in clear, for the push worker only.
    std::optional<QString> caldavPassword(Id agentId) const;

    // Checks a collection URL: http(s), a host, no user info. Empty message when valid (French).
    static QString checkCaldavUrl(const QString &url, bool allowInsecure = false);
    // The agent's mode alone, without the key: what the notifications need to decide whether an
    // agent's appointment e-mails carry the .ics (mode Email). None when the agent never chose.
    static CalendarMode modeOf(Store &store, Id agentId);

private:
    void ensureRow(Id agentId);
    void queueExisting(Id agentId);
    Store &m_store;
    CalendarKey m_key; // a copy: 32 bytes, no lifetime to watch
};

// For notify::NotifyContext::calendarByEmail: the agent chose « E-mail », so each change of their
// appointments comes with its .ics (the server and the tests wire this same function).
bool calendarByEmail(Store &store, Id agentId);

} // namespace creneau::calendar
