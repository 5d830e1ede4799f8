#include "sync/calendar/calendarsettings.h"

#include "models/catalog.h"
#include "models/rdvrepository.h"
#include "models/secrets.h"
#include "models/sessionrepository.h"
#include "models/sql.h"
#include "sync/calendar/caldavqueue.h"
#include "sync/calendar/caldavtarget.h"
#include "sync/calendar/calendarfeed.h"

#include <QUrl>

namespace creneau::calendar {

namespace {

// An agent's calendar settings are numbered in their organisation's change sequence.
qint64 nextSeqOfAgent(Store &store, Id agentId)
{
    return store.nextSeq(
        sql::scalar(store.db(), QStringLiteral("SELECT organisation_id FROM agents WHERE id = ?"),
                    {agentId})
            .toLongLong());
}

} // namespace

QString toWord(CalendarMode mode)
{
    switch (mode) {
    case CalendarMode::None:
        return QStringLiteral("none");
    case CalendarMode::Email:
        return QStringLiteral("email");
    case CalendarMode::Subscription:
        return QStringLiteral("subscription");
    case CalendarMode::CalDav:
        return QStringLiteral("caldav");
    }
    return QStringLiteral("none");
}

bool fromWord(const QString &word, CalendarMode *mode)
{
    for (CalendarMode m : {CalendarMode::None, CalendarMode::Email, CalendarMode::Subscription,
                           CalendarMode::CalDav}) {
        if (toWord(m) == word) {
            *mode = m;
            return true;
        }
    }
    return false;
}

CalendarSettings CalendarSettingsRepository::load(Id agentId) const
{
    CalendarSettings s;
    s.agentId = agentId;
    QSqlQuery q = sql::run(m_store.db(),
                           QStringLiteral("SELECT mode, feed_token_hash, caldav_url, caldav_user, "
                                          "caldav_password_encrypted, seq FROM agent_calendars "
                                          "WHERE agent_id = ?"),
                           {agentId});
    if (!q.next())
        return s;
    fromWord(q.value(0).toString(), &s.mode);
    s.hasFeed = !q.value(1).toString().isEmpty();
    s.caldavUrl = q.value(2).toString();
    s.caldavUser = q.value(3).toString();
    s.hasCaldavPassword = !q.value(4).toString().isEmpty();
    s.seq = q.value(5).toLongLong();
    return s;
}

void CalendarSettingsRepository::ensureRow(Id agentId)
{
    if (!sql::scalar(m_store.db(),
                     QStringLiteral("SELECT 1 FROM agent_calendars WHERE agent_id = ?"), {agentId})
             .isValid())
        sql::run(m_store.db(), QStringLiteral("INSERT INTO agent_calendars (agent_id) VALUES (?)"),
                 {agentId});
}

void CalendarSettingsRepository::save(const CalendarSettings &s,
                                      const std::optional<QString> &password)
{
    const CalendarSettings before = load(s.agentId);
    WriteTransaction tx(m_store);
    ensureRow(s.agentId);
    const qint64 seq = nextSeqOfAgent(m_store, s.agentId);
    sql::run(m_store.db(),
             QStringLiteral("UPDATE agent_calendars SET mode = ?, caldav_url = ?, caldav_user = ?, "
                            "seq = ? WHERE agent_id = ?"),
             {toWord(s.mode), s.caldavUrl.trimmed(), s.caldavUser.trimmed(), seq, s.agentId});
    if (password)
        sql::run(m_store.db(),
                 QStringLiteral("UPDATE agent_calendars SET caldav_password_encrypted = ? "
                                "WHERE agent_id = ?"),
                 {password->isEmpty() ? QString() : m_key.seal(*password), s.agentId});
    const bool pushing = s.mode == CalendarMode::CalDav && !s.caldavUrl.trimmed().isEmpty();
    if (before.caldavUrl != s.caldavUrl.trimmed()) {
        // Another collection: nothing of ours there yet.
        sql::run(m_store.db(), QStringLiteral("DELETE FROM caldav_resources WHERE agent_id = ?"),
                 {s.agentId});
        sql::run(m_store.db(),
                 QStringLiteral("DELETE FROM caldav_session_resources WHERE agent_id = ?"),
                 {s.agentId});
    }
    if (pushing &&
        (before.mode != CalendarMode::CalDav || before.caldavUrl != s.caldavUrl.trimmed()))
        queueExisting(s.agentId);
    tx.commit();
}

void CalendarSettingsRepository::queueExisting(Id agentId)
{
    const auto agent = Catalog(m_store).agent(agentId);
    if (!agent)
        return;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const qint64 day = 24 * 3600;
    const qint64 from = now - CalendarFeed::kDaysBack * day;
    const qint64 to = now + CalendarFeed::kDaysAhead * day;
    for (const Rdv &rdv : RdvRepository(m_store).between(agent->organisationId, from, to, agentId))
        if (rdv.status != RdvStatus::Revoked && !rdv.sessionId) // a session's: one event below
            CaldavQueue::enqueue(m_store, agentId, rdv.id, now);
    for (const CollectiveSession &s :
         SessionRepository(m_store).between(agent->organisationId, from, to))
        if (!s.cancelled && s.agentIds.contains(agentId))
            CaldavQueue::enqueueSession(m_store, agentId, s.id, now);
}

QString CalendarSettingsRepository::regenerateFeedToken(Id agentId)
{
    const QString token = secrets::randomToken(32);
    WriteTransaction tx(m_store);
    ensureRow(agentId);
    sql::run(m_store.db(),
             QStringLiteral(
                 "UPDATE agent_calendars SET feed_token_hash = ?, seq = ? WHERE agent_id = ?"),
             {secrets::tokenHash(token), nextSeqOfAgent(m_store, agentId), agentId});
    tx.commit();
    return token;
}

void CalendarSettingsRepository::revokeFeed(Id agentId)
{
    WriteTransaction tx(m_store);
    ensureRow(agentId);
    sql::run(m_store.db(),
             QStringLiteral(
                 "UPDATE agent_calendars SET feed_token_hash = '', seq = ? WHERE agent_id = ?"),
             {nextSeqOfAgent(m_store, agentId), agentId});
    tx.commit();
}

std::optional<Id> CalendarSettingsRepository::agentForFeedToken(const QString &token) const
{
    // Tokens are 32 random bytes in URL-safe base64: anything else cannot be one.
    if (token.size() < 32 || token.size() > 64)
        return std::nullopt;
    for (QChar c : token)
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('-') &&
            c != QLatin1Char('_'))
            return std::nullopt;
    const QVariant id = sql::scalar(
        m_store.db(),
        QStringLiteral("SELECT agent_id FROM agent_calendars WHERE feed_token_hash = ?"),
        {secrets::tokenHash(token)});
    if (!id.isValid())
        return std::nullopt;
    return id.toLongLong();
}

std::optional<QString> CalendarSettingsRepository::caldavPassword(Id agentId) const
{
    const QString sealed =
        sql::scalar(m_store.db(),
                    QStringLiteral("SELECT caldav_password_encrypted FROM agent_calendars "
                                   "WHERE agent_id = ?"),
                    {agentId})
            .toString();
    if (sealed.isEmpty())
        return QString();
    return m_key.open(sealed);
}

CalendarMode CalendarSettingsRepository::modeOf(Store &store, Id agentId)
{
    CalendarMode mode = CalendarMode::None;
    fromWord(sql::scalar(store.db(),
                         QStringLiteral("SELECT mode FROM agent_calendars WHERE agent_id = ?"),
                         {agentId})
                 .toString(),
             &mode);
    return mode;
}

bool calendarByEmail(Store &store, Id agentId)
{
    return CalendarSettingsRepository::modeOf(store, agentId) == CalendarMode::Email;
}

QString CalendarSettingsRepository::checkCaldavUrl(const QString &text, bool allowInsecure)
{
    return CaldavTarget::checkUrl(text, allowInsecure);
}

} // namespace creneau::calendar
