// The JSON bodies of the agents' API, read and written the same way by every agent route.
#pragma once

#include "sync/server/httptypes.h"

#include <QJsonObject>

namespace creneau::server {

// A JSON answer that caches must not keep (it holds an agent's data).
HttpResponse privateJson(const QJsonObject &body, int status = 200);
// The same with a body already written as JSON.
HttpResponse privateJsonBytes(const QByteArray &body, int status = 200);
// The request's JSON object; 415 when not JSON, 400 when malformed (as HttpError, JSON body).
QJsonObject jsonObjectBody(const HttpRequest &request);

} // namespace creneau::server
