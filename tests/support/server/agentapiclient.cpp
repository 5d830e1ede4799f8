#include "agentapiclient.h"

#include <QNetworkReply>
#include <QUuid>

namespace creneau::test {

namespace {

QJsonValue substitute(const QJsonValue &v, const QHash<QString, qint64> &ids)
{
    if (v.isString() && v.toString().startsWith(QLatin1Char('$')))
        return ids.value(v.toString().mid(1), -1);
    if (v.isArray()) {
        QJsonArray out;
        for (const QJsonValue item : v.toArray())
            out.append(substitute(item, ids));
        return out;
    }
    if (v.isObject()) {
        QJsonObject out;
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            out.insert(it.key(), substitute(it.value(), ids));
        return out;
    }
    return v;
}

} // namespace

QJsonObject AgentApiClient::withIds(const QByteArray &text, const QHash<QString, qint64> &ids)
{
    return substitute(QJsonDocument::fromJson(text).object(), ids).toObject();
}

Reply AgentApiClient::call(const QByteArray &method, const QString &path, const QJsonObject &body)
{
    QUrl url = m_base;
    const qsizetype q = path.indexOf(QLatin1Char('?'));
    url.setPath(q < 0 ? path : path.left(q));
    if (q >= 0)
        url.setQuery(path.mid(q + 1));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);
    const QByteArray data =
        body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    return HttpClient::wait(m_net.sendCustomRequest(request, method, data));
}

int AgentApiClient::login(const QString &email, const QString &password)
{
    const Reply r =
        call("POST", QStringLiteral("/api/v1/agent/session"),
             {{QStringLiteral("email"), email}, {QStringLiteral("password"), password}});
    if (r.status == 200)
        token = json(r).value(QStringLiteral("token")).toString();
    return r.status;
}

Reply AgentApiClient::command(const QString &type, const QJsonObject &payload, int expectedVersion,
                              const QString &key)
{
    return call("POST", QStringLiteral("/api/v1/agent/commands"),
                {{QStringLiteral("idempotency_key"),
                  key.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : key},
                 {QStringLiteral("type"), type},
                 {QStringLiteral("expected_version"), expectedVersion},
                 {QStringLiteral("payload"), payload}});
}

QJsonArray AgentApiClient::changes(qint64 since, qint64 *next)
{
    QJsonArray all;
    for (int guard = 0; guard < 10000; ++guard) {
        const QJsonObject page = json(
            call("GET", QStringLiteral("/api/v1/agent/changes?since=%1&limit=100").arg(since)));
        const QJsonArray changes = page.value(QStringLiteral("changes")).toArray();
        for (const QJsonValue c : changes)
            all.append(c);
        const qint64 n = page.value(QStringLiteral("next")).toInteger();
        if (changes.isEmpty() || n == since)
            break;
        since = n;
    }
    if (next)
        *next = since;
    return all;
}

QJsonObject AgentApiClient::row(const QString &entity, qint64 id)
{
    QJsonObject found;
    for (const QJsonValue c : changes())
        if (c[QStringLiteral("entity")].toString() == entity &&
            c[QStringLiteral("id")].toInteger() == id)
            found = c[QStringLiteral("data")].toObject();
    return found;
}

} // namespace creneau::test
