// The desktop's side of the sync: signs the agent in, pulls the change feed into the local cache
// (long-polling for news, with a 30 s fallback poll), and pushes commands from an offline queue,
// in order, as soon as the server answers. No widgets: the UI listens to the signals.
#pragma once

#include "sync/client/synccache.h"
#include "sync/client/tokenfile.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QNetworkReply;

namespace creneau::client {

class SyncClient : public QObject
{
    Q_OBJECT
public:
    enum class Status
    {
        Offline,
        Syncing,
        Online
    };
    Q_ENUM(Status)

    // Keeps its cache (cache.sqlite) and session file (session.json, 0600) in `dataDir`.
    explicit SyncClient(const QString &dataDir, QObject *parent = nullptr);
    ~SyncClient() override;

    // Signs in, then starts syncing; answers with loggedIn or loginFailed.
    void login(const QUrl &server, const QString &email, const QString &password);
    // Starts with the saved session, if any; false when there is none.
    bool resume();
    // Starts with a token obtained otherwise (the embedded demo's « Je suis »: the desktop hosts
    // the server and opens the session itself). The token is not saved; another agent's cache
    // and queue are dropped, as at sign-in.
    void useSession(const SavedSession &session, qint64 agentId);
    // Revokes the token on the server (best effort) and forgets it.
    void logout();
    void stop();

    // Queues a command (see the agent API) and sends it when possible; returns its key.
    QString submit(protocol::CommandType type, const QJsonObject &payload, int expectedVersion = 0);

    SyncCache &cache() { return m_cache; }
    Store &store() { return m_cache.store(); }
    Status status() const { return m_status; }
    QDateTime lastSynced() const { return m_lastSynced; }
    int pendingCommands() const { return m_cache.queued(); }
    QJsonObject agent() const { return m_agent; }
    // The server and bearer token in use, for the desktop's own calls (calendar settings).
    SavedSession session() const { return m_session; }

    void setPageSize(int n) { m_pageSize = n; }
    void setFallbackPollMs(int ms) { m_fallback.setInterval(ms); }
    void setMaxRetryDelayMs(int ms) { m_maxRetryMs = ms; }
    void setLongPollSecs(int secs) { m_longPollSecs = secs; }

signals:
    void loggedIn(const QJsonObject &agent);
    void loginFailed(int httpStatus, const QString &message);
    void authenticationRequired();
    void statusChanged(creneau::client::SyncClient::Status status, const QDateTime &lastSynced);
    void changesApplied(int count, qint64 cursor);
    void commandDone(const QString &key, const QJsonObject &result);
    void commandRejected(const QString &key, int httpStatus, const QString &message);
    // Just before commandRejected, when the server named the refused fields ({field: message}).
    void commandFieldsRejected(const QString &key, const QJsonObject &fields);
    // The server holds a newer version than the command expected: the agent chooses.
    void conflict(const QJsonObject &command, const QJsonObject &currentState);

private:
    QNetworkRequest request(const QString &path, int timeoutMs = 15000) const;
    void start();
    void forgetOtherAgent(qint64 agentId);
    void setStatus(Status s);
    void wentOffline();
    void retry();
    void requestPull();
    void pull();
    // Asks for the page after `since`; answered in onPulled.
    void requestPage(qint64 since);
    void onPulled(QNetworkReply *reply, qint64 since);
    void waitForNews();
    void onWaited(QNetworkReply *reply);
    void pushNext();
    void onPushed(QNetworkReply *reply, const QueuedCommand &command);
    void abortAll();

    QNetworkAccessManager m_net;
    SyncCache m_cache;
    TokenFile m_tokenFile;
    SavedSession m_session;
    QJsonObject m_agent;
    Status m_status = Status::Offline;
    QDateTime m_lastSynced;
    bool m_running = false;
    QPointer<QNetworkReply> m_pullReply;
    QPointer<QNetworkReply> m_waitReply;
    QPointer<QNetworkReply> m_pushReply;
    bool m_pullAgain = false;
    int m_pulledInRound = 0;
    QTimer m_fallback;
    QTimer m_retry;
    int m_retryMs = 0;
    int m_maxRetryMs = 15000;
    int m_pageSize = 5000;
    int m_longPollSecs = 25;
    QElapsedTimer m_waitStarted;
};

} // namespace creneau::client
