// The desktop's administration calls: reads GET /api/v1/agent/organisation and posts the agent
// commands of the organisation, its agents and one's own preferences (save_organisation,
// save_agent, archive_agent, reset_agent_password, change_password, set_notification_level)
// at once rather than through the offline queue, so that a dialog shows the server's answer —
// refusals with their message per field — next to the fields. Each command carries a fresh
// idempotency key: a retried click does not apply twice. Never blocks.
#pragma once

#include "sync/protocol/agentcommand.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

#include <functional>

namespace creneau::client {

struct AdminReply
{
    int status = 0;     // 0: the server was not reached
    QJsonObject body;   // the JSON answer, {} when there was none
    QString message;    // the server's "error", or ours when it was not reached
    QJsonObject fields; // the server's messages per field ("name", "email"...)

    bool ok() const { return status >= 200 && status < 300; }
    QString field(const QString &name) const { return fields.value(name).toString(); }
};

class AdminCommands : public QObject
{
    Q_OBJECT
public:
    AdminCommands(QUrl server, QString bearerToken, QObject *parent = nullptr);
    // Pending calls are dropped without their callbacks: the dialog that made them is going.
    ~AdminCommands() override;

    using Done = std::function<void(const AdminReply &)>;
    // {organisation: {...}, agents: [...], me: id}
    void load(Done done);
    // `payload` from sync/protocol/admincommands.h.
    void run(protocol::CommandType type, const QJsonObject &payload, Done done,
             int expectedVersion = 0);
    // Signs in (POST /session) without touching any saved session: the token is in the answer.
    void signIn(const QString &email, const QString &password, Done done);

    // Replaces the token after the agent signed in again (their password changed).
    void setToken(const QString &token) { m_token = token; }

    // Any call of the agent API (`path` from /api/v1/agent...), with the bearer token unless
    // told otherwise; a POST or PUT carries `body` as JSON. Other clients of the agent API (the
    // calendar settings) go through here too.
    void send(const QByteArray &verb, const QString &path, const QJsonObject &body, Done done,
              bool authenticated = true);

private:
    QUrl m_server;
    QString m_token;
    QNetworkAccessManager m_network;
};

} // namespace creneau::client
