// A blocking JSON client for the agent API in tests: bearer token, method, body, status.
#pragma once

#include "httpclient.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace creneau::test {

class AgentApiClient
{
public:
    explicit AgentApiClient(QUrl base) : m_base(std::move(base)) {}

    Reply call(const QByteArray &method, const QString &path, const QJsonObject &body = {});
    // Signs in and keeps the token; the status of the answer.
    int login(const QString &email, const QString &password);
    // Runs a command with a fresh or given key.
    Reply command(const QString &type, const QJsonObject &payload, int expectedVersion = 0,
                  const QString &key = {});
    // Every change since `since`, following pages.
    QJsonArray changes(qint64 since = 0, qint64 *next = nullptr);
    // The feed's data of one entity row, {} if absent.
    QJsonObject row(const QString &entity, qint64 id);

    QString token;
    // Sent with every call (X-Forwarded-For through a --trusted-proxy...).
    QList<QPair<QByteArray, QByteArray>> headers;
    static QJsonObject json(const Reply &r) { return QJsonDocument::fromJson(r.body).object(); }
    // The JSON object `text`, where each "$name" string (also inside arrays) becomes the number
    // `ids` holds for that name (-1 when it holds none): data-driven payloads naming rows.
    static QJsonObject withIds(const QByteArray &text, const QHash<QString, qint64> &ids);

private:
    QUrl m_base;
    QNetworkAccessManager m_net;
};

} // namespace creneau::test
