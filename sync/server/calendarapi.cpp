#include "sync/server/calendarapi.h"

#include "models/catalog.h"
#include "sync/calendar/calendarfeed.h"
#include "sync/server/jsonexchange.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace creneau::server {

using namespace creneau::calendar;

using server::HttpError;
using server::HttpRequest;
using server::HttpResponse;
using server::jsonObjectBody;
using server::privateJson;

namespace {

QJsonObject settingsJson(const CalendarSettings &s)
{
    return {{QStringLiteral("mode"), toWord(s.mode)},
            {QStringLiteral("has_feed"), s.hasFeed},
            {QStringLiteral("caldav_url"), s.caldavUrl},
            {QStringLiteral("caldav_user"), s.caldavUser},
            {QStringLiteral("has_caldav_password"), s.hasCaldavPassword},
            {QStringLiteral("seq"), s.seq}};
}

} // namespace

CalendarApi::CalendarApi(Store &store, const CalendarKey &key, std::function<QString()> publicUrl,
                         const Clock &clock)
    : m_store(store), m_settings(store, key), m_publicUrl(std::move(publicUrl)), m_clock(clock)
{}

void CalendarApi::addRoutes(server::Router &router)
{
    // The feed's token, in the path, is its only credential: calendar clients cannot sign in.
    router.get(QStringLiteral("/calendrier/{file}"), Auth::None,
               [this](HttpRequest &r) { return feed(r); });
    const QString settingsPath = QStringLiteral("/api/v1/agent/calendar-settings");
    const QString feedPath = QStringLiteral("/api/v1/agent/calendar-feed");
    router.get(settingsPath, Auth::Agent, [this](HttpRequest &r) { return settings(r); });
    router.add("PUT", settingsPath, Auth::Agent, [this](HttpRequest &r) { return putSettings(r); });
    router.post(feedPath, Auth::Agent, [this](HttpRequest &r) { return regenerateFeed(r); });
    router.add("DELETE", feedPath, Auth::Agent, [this](HttpRequest &r) { return revokeFeed(r); });
}

QPair<QString, QString> CalendarApi::feedUrls(const QString &publicUrl, const QString &token)
{
    QString base = publicUrl;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    const QString https = base + QStringLiteral("/calendrier/") + token + QStringLiteral(".ics");
    QUrl webcal(https);
    webcal.setScheme(QStringLiteral("webcal"));
    return {https, webcal.toString()};
}

HttpResponse CalendarApi::feed(HttpRequest &request)
{
    QString token = request.param(QStringLiteral("file"));
    const auto notFound = [] { return HttpError(404, QStringLiteral("Calendrier introuvable.")); };
    if (!token.endsWith(QLatin1String(".ics")))
        throw notFound();
    token.chop(4);
    const auto agentId = m_settings.agentForFeedToken(token);
    if (!agentId)
        throw notFound();
    // An archived agent's feed is gone, like their sessions.
    if (const auto agent = Catalog(m_store).agent(*agentId); !agent || agent->archived)
        throw notFound();
    HttpResponse r = HttpResponse::text(CalendarFeed::render(m_store, *agentId, m_clock.nowSecs()),
                                        "text/calendar; charset=utf-8");
    r.setHeader("Cache-Control", "private, no-cache");
    r.setHeader("Content-Disposition", "inline; filename=\"creneau.ics\"");
    r.setHeader("Referrer-Policy", "no-referrer");
    return r;
}

HttpResponse CalendarApi::settings(HttpRequest &request)
{
    return privateJson(settingsJson(m_settings.load(request.caller().agent.id)));
}

HttpResponse CalendarApi::putSettings(HttpRequest &request)
{
    const Agent &agent = request.caller().agent;
    const QJsonObject body = jsonObjectBody(request);
    CalendarSettings s = m_settings.load(agent.id);
    // Every problem at once, by field, so the desktop shows each message next to its field.
    QJsonObject fields;
    if (body.contains(QStringLiteral("mode"))) {
        CalendarMode mode;
        if (fromWord(body.value(QStringLiteral("mode")).toString(), &mode))
            s.mode = mode;
        else
            fields.insert(QStringLiteral("mode"),
                          QStringLiteral("Mode inconnu : none, email, subscription ou caldav."));
    }
    if (body.contains(QStringLiteral("caldav_url")))
        s.caldavUrl = body.value(QStringLiteral("caldav_url")).toString().trimmed();
    if (body.contains(QStringLiteral("caldav_user")))
        s.caldavUser = body.value(QStringLiteral("caldav_user")).toString().trimmed();
    std::optional<QString> password;
    if (body.contains(QStringLiteral("caldav_password")))
        password = body.value(QStringLiteral("caldav_password")).toString();
    const QString tooLong = QStringLiteral("Valeur trop longue.");
    if (s.caldavUrl.size() > 2000)
        fields.insert(QStringLiteral("caldav_url"), tooLong);
    else if (s.mode == CalendarMode::CalDav || !s.caldavUrl.isEmpty())
        if (const QString problem =
                CalendarSettingsRepository::checkCaldavUrl(s.caldavUrl, m_allowInsecure);
            !problem.isEmpty())
            fields.insert(QStringLiteral("caldav_url"), problem);
    if (s.caldavUser.size() > 320)
        fields.insert(QStringLiteral("caldav_user"), tooLong);
    if (password && password->size() > 1024)
        fields.insert(QStringLiteral("caldav_password"), tooLong);
    if (!fields.isEmpty()) {
        const QString first = fields.begin().value().toString();
        return privateJson(
            {{QStringLiteral("error"),
              fields.size() == 1 ? first : QStringLiteral("Certains champs sont à corriger.")},
             {QStringLiteral("fields"), fields}},
            400);
    }
    m_settings.save(s, password);
    return privateJson(settingsJson(m_settings.load(agent.id)));
}

HttpResponse CalendarApi::regenerateFeed(HttpRequest &request)
{
    const Agent &agent = request.caller().agent;
    const QString token = m_settings.regenerateFeedToken(agent.id);
    const auto urls = feedUrls(m_publicUrl ? m_publicUrl() : QString(), token);
    return privateJson(
        {{QStringLiteral("url"), urls.first}, {QStringLiteral("webcal"), urls.second}}, 201);
}

HttpResponse CalendarApi::revokeFeed(HttpRequest &request)
{
    m_settings.revokeFeed(request.caller().agent.id);
    HttpResponse r;
    r.status = 204;
    return r;
}

} // namespace creneau::server
