// The HTTP face of external calendars: the private feed GET /calendrier/<token>.ics (the token
// is the only credential; unknown or revoked → 404), and the agent's settings under
// /api/v1/agent (bearer session): calendar-settings (GET, PUT; a refused PUT answers 400
// {error, fields} with a French message per field), calendar-feed (POST regenerates, DELETE
// revokes).
#pragma once

#include "agentsessions.h"
#include "calendarsettings.h"
#include "router.h"

#include <functional>

namespace creneau::calendar {

class CalendarApi
{
public:
    // `publicUrl` gives the feed's links.
    CalendarApi(Store &store, const CalendarKey &key, std::function<QString()> publicUrl,
                const Clock &clock = Clock::system());
    void addRoutes(http::Router &router);
    void setSessionMaxAgeSecs(qint64 secs) { m_sessions.setMaxAgeSecs(secs); }
    // --allow-insecure-caldav: http and loopback calendar URLs may be saved (see CaldavTarget).
    void setAllowInsecureCaldav(bool allow) { m_allowInsecure = allow; }

    // The two forms of a feed URL: https:// (or the server's scheme) and webcal://.
    static QPair<QString, QString> feedUrls(const QString &publicUrl, const QString &token);

private:
    Agent authenticate(const http::HttpRequest &request);
    http::HttpResponse feed(http::HttpRequest &request);
    http::HttpResponse settings(http::HttpRequest &request);
    http::HttpResponse putSettings(http::HttpRequest &request);
    http::HttpResponse regenerateFeed(http::HttpRequest &request);
    http::HttpResponse revokeFeed(http::HttpRequest &request);

    Store &m_store;
    CalendarSettingsRepository m_settings;
    std::function<QString()> m_publicUrl;
    const Clock &m_clock;
    http::AgentSessions m_sessions;
    bool m_allowInsecure = false;
};

} // namespace creneau::calendar
