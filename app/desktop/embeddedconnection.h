// The embedded desktop's one path to its data: a SyncClient against the in-process endpoint on
// loopback, exactly as against a remote server. Signed in by e-mail and password (the token kept
// as in remote mode) once agents have passwords; in the demo, « Je suis » picks the agent and
// this process, which hosts the server, opens their session.
#pragma once

#include "models/domain.h"

#include <memory>

class QWidget;

namespace creneau::client {
class SyncClient;
}

namespace creneau::desktop {

class EmbeddedServer;

// After the first pull; nullptr when the agent gave up (sign-in cancelled) or `error` says why.
std::unique_ptr<client::SyncClient> connectToEmbedded(const EmbeddedServer &server,
                                                      const QString &dataDir, QString *error);

// « Je suis » (demo only): hands `client` a new session of `agentId`; false when none opened.
bool actAs(const EmbeddedServer &server, client::SyncClient *client, Id agentId);

// Later 401s (the session expired or was revoked): in the demo a new session of the same agent,
// otherwise (or once the demo has a password of its own) the sign-in again.
void signInAgainWhenAsked(const EmbeddedServer &server, client::SyncClient *client,
                          QWidget *parent);

} // namespace creneau::desktop
