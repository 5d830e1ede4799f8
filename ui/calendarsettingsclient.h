// The four calendar routes of a creneau-server (GET/PUT calendar-settings, POST/DELETE
// calendar-feed) as asynchronous JSON calls with the agent's bearer token, for the desktop's
// calendar settings dialog. Never blocks: each call answers through its callback.
#pragma once

#include "sync/client/admincommands.h"

#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include <functional>

namespace creneau::ui {

// The agent API's answer (status, JSON body, the server's French message).
using CalendarReply = client::AdminReply;

class CalendarSettingsClient : public QObject
{
    Q_OBJECT
public:
    CalendarSettingsClient(QUrl server, QString bearerToken, QObject *parent = nullptr);

    using Done = std::function<void(const CalendarReply &)>;
    void loadSettings(Done done);
    void saveSettings(const QJsonObject &settings, Done done);
    void regenerateFeed(Done done);
    void revokeFeed(Done done);

private:
    // Pending calls are dropped without their callbacks when the dialog that made them goes.
    client::AdminCommands m_requests;
};

} // namespace creneau::ui
