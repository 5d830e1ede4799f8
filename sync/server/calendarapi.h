// The HTTP face of external calendars: the private feed GET /calendrier/<token>.ics (the token
// is the only credential; unknown or revoked → 404), and the agent's settings under
// /api/v1/agent (Auth::Agent routes): calendar-settings (GET, PUT; a refused PUT answers 400
// {error, fields} with a French message per field), calendar-feed (POST regenerates, DELETE
// revokes).
#pragma once

#include "models/clock.h"
#include "sync/calendar/calendarsettings.h"
#include "sync/server/router.h"

#include <functional>

namespace creneau::server {

class CalendarApi
{
public:
    // `publicUrl` gives the feed's links.
    CalendarApi(Store &store, const calendar::CalendarKey &key, std::function<QString()> publicUrl,
                const Clock &clock = Clock::system());
    void addRoutes(server::Router &router);
    // --allow-insecure-caldav: http and loopback calendar URLs may be saved (see CaldavTarget).
    void setAllowInsecureCaldav(bool allow) { m_allowInsecure = allow; }

    // The two forms of a feed URL: https:// (or the server's scheme) and webcal://.
    static QPair<QString, QString> feedUrls(const QString &publicUrl, const QString &token);

private:
    server::HttpResponse feed(server::HttpRequest &request);
    server::HttpResponse settings(server::HttpRequest &request);
    server::HttpResponse putSettings(server::HttpRequest &request);
    server::HttpResponse regenerateFeed(server::HttpRequest &request);
    server::HttpResponse revokeFeed(server::HttpRequest &request);

    Store &m_store;
    calendar::CalendarSettingsRepository m_settings;
    std::function<QString()> m_publicUrl;
    const Clock &m_clock;
    bool m_allowInsecure = false;
};

} // namespace creneau::server
