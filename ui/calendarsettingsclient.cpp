#include "ui/calendarsettingsclient.h"

namespace creneau::ui {

namespace {
const QString kSettings = QStringLiteral("/api/v1/agent/calendar-settings");
const QString kFeed = QStringLiteral("/api/v1/agent/calendar-feed");
} // namespace

CalendarSettingsClient::CalendarSettingsClient(QUrl server, QString bearerToken, QObject *parent)
    : QObject(parent), m_requests(std::move(server), std::move(bearerToken))
{}

void CalendarSettingsClient::loadSettings(Done done)
{
    m_requests.send("GET", kSettings, {}, std::move(done));
}

void CalendarSettingsClient::saveSettings(const QJsonObject &settings, Done done)
{
    m_requests.send("PUT", kSettings, settings, std::move(done));
}

void CalendarSettingsClient::regenerateFeed(Done done)
{
    m_requests.send("POST", kFeed, {}, std::move(done));
}

void CalendarSettingsClient::revokeFeed(Done done)
{
    m_requests.send("DELETE", kFeed, {}, std::move(done));
}

} // namespace creneau::ui
