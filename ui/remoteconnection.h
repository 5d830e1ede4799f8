// The remote mode's start: a sync client with its own cache for this server (under
// <data>/servers/<host>_<port>), the saved session or a sign-in, and the first pull, with a
// progress window, before the agenda opens. Offline with a cache already filled, the agent works
// from the cache and the queue.
#pragma once

#include <QUrl>

#include <memory>

class QWidget;

namespace creneau::client {
class SyncClient;
}

namespace creneau::ui {

// The cache directory of `server` under `dataDir`.
QString remoteCacheDir(const QString &dataDir, const QUrl &server);

// nullptr when the agent gave up (cancelled the sign-in or the first pull); `error` says why
// when it was not the agent's choice.
std::unique_ptr<client::SyncClient> connectToServer(const QUrl &server, const QString &dataDir,
                                                    QString *error);

// The embedded demo's start: a sync client for `server` (cache under `dataDir` as above) with a
// token the desktop opened itself for `agentId` (« Je suis »), and the first pull.
std::unique_ptr<client::SyncClient> connectWithSession(const QUrl &server, const QString &dataDir,
                                                       const QString &token, qint64 agentId,
                                                       QString *error);

// Later 401s (the session expired or was revoked): asks the agent to sign in again.
void signInAgainWhenAsked(client::SyncClient *client, const QUrl &server, QWidget *parent);

} // namespace creneau::ui
