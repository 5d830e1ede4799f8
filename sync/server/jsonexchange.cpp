#include "sync/server/jsonexchange.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace creneau::server {

HttpResponse privateJson(const QJsonObject &body, int status)
{
    return privateJsonBytes(QJsonDocument(body).toJson(QJsonDocument::Compact), status);
}

HttpResponse privateJsonBytes(const QByteArray &body, int status)
{
    HttpResponse r = HttpResponse::json(body, status);
    r.setHeader("Cache-Control", "no-store");
    return r;
}

QJsonObject jsonObjectBody(const HttpRequest &request)
{
    if (!request.header("content-type").toLower().startsWith("application/json"))
        throw HttpError(
            415,
            QCoreApplication::translate("AgentApi", "The body must be JSON (application/json)."),
            true);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        throw HttpError(
            400, QCoreApplication::translate("AgentApi", "Malformed JSON: an object is expected."),
            true);
    return doc.object();
}

} // namespace creneau::server
