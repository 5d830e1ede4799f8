// The four calendar routes of a creneau-server (GET/PUT calendar-settings, POST/DELETE
// calendar-feed) as asynchronous JSON calls with the agent's bearer token, for the desktop's
// calendar settings dialog. Never blocks: each call answers through its callback.
#pragma once

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

#include <functional>

namespace creneau::ui {

struct CalendarReply
{
    int status = 0;   // 0: the server was not reached
    QJsonObject body; // the JSON answer, {} when there was none
    QString message;  // the server's "error" (French), or ours when it was not reached

    bool ok() const { return status >= 200 && status < 300; }
};

class CalendarSettingsClient : public QObject
{
    Q_OBJECT
public:
    CalendarSettingsClient(QUrl server, QString bearerToken, QObject *parent = nullptr);
    // Pending calls are dropped without their callbacks: the dialog that made them is going.
    ~CalendarSettingsClient() override;

    using Done = std::function<void(const CalendarReply &)>;
    void loadSettings(Done done);
    void saveSettings(const QJsonObject &settings, Done done);
    void regenerateFeed(Done done);
    void revokeFeed(Done done);

private:
    void send(const QByteArray &verb, const QString &path, const QJsonObject &body, Done done);

    QUrl m_server;
    QString m_token;
    QNetworkAccessManager m_network;
};

} // namespace creneau::ui
