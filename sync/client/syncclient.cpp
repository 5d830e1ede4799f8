#include "sync/client/syncclient.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcSync, "creneau.sync")

namespace creneau::client {

namespace {

int httpStatus(QNetworkReply *reply)
{
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

QJsonObject jsonOf(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

SyncClient::SyncClient(const QString &dataDir, QObject *parent)
    : QObject(parent),
      m_cache((QDir().mkpath(dataDir), QDir(dataDir).filePath(QStringLiteral("cache.sqlite")))),
      m_tokenFile(QDir(dataDir).filePath(QStringLiteral("session.json")))
{
    m_fallback.setInterval(30000);
    connect(&m_fallback, &QTimer::timeout, this, &SyncClient::requestPull);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &SyncClient::retry);
    const QString last = m_cache.value(QStringLiteral("last_synced"));
    if (!last.isEmpty())
        m_lastSynced = QDateTime::fromSecsSinceEpoch(last.toLongLong());
}

SyncClient::~SyncClient()
{
    stop();
}

QNetworkRequest SyncClient::request(const QString &path, int timeoutMs) const
{
    QUrl url = m_session.server;
    const qsizetype q = path.indexOf(QLatin1Char('?'));
    url.setPath(url.path() + (q < 0 ? path : path.left(q)));
    if (q >= 0)
        url.setQuery(path.mid(q + 1));
    QNetworkRequest r(url);
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    r.setTransferTimeout(timeoutMs);
    if (!m_session.token.isEmpty())
        r.setRawHeader("Authorization", "Bearer " + m_session.token.toLatin1());
    return r;
}

void SyncClient::login(const QUrl &server, const QString &email, const QString &password)
{
    stop();
    m_session = {server, {}};
    QNetworkReply *reply = m_net.post(
        request(QStringLiteral("/api/v1/agent/session")),
        compact({{QStringLiteral("email"), email}, {QStringLiteral("password"), password}}));
    connect(reply, &QNetworkReply::finished, this, [this, reply, server] {
        reply->deleteLater();
        const int status = httpStatus(reply);
        const QJsonObject body = jsonOf(reply->readAll());
        if (status != 200) {
            emit loginFailed(status, status ? body.value(QStringLiteral("error")).toString()
                                            : tr("The server cannot be reached."));
            return;
        }
        const QJsonObject agent = body.value(QStringLiteral("agent")).toObject();
        forgetOtherAgent(agent.value(QStringLiteral("id")).toInteger());
        m_session = {server, body.value(QStringLiteral("token")).toString()};
        m_agent = agent;
        if (!m_tokenFile.save(m_session))
            qCWarning(lcSync) << "cannot save the session file";
        emit loggedIn(agent);
        start();
    });
}

void SyncClient::forgetOtherAgent(qint64 agentId)
{
    // Another account's cache and queue must not leak into this one.
    if (m_cache.value(QStringLiteral("agent_id")) != QString::number(agentId)) {
        m_cache.reset();
        m_cache.setValue(QStringLiteral("agent_id"), QString::number(agentId));
    }
}

void SyncClient::useSession(const SavedSession &session, qint64 agentId)
{
    stop();
    forgetOtherAgent(agentId);
    m_session = session;
    m_agent = {{QStringLiteral("id"), agentId}};
    start();
}

bool SyncClient::resume()
{
    m_session = m_tokenFile.load();
    if (!m_session.isValid())
        return false;
    start();
    return true;
}

void SyncClient::logout()
{
    if (!m_session.token.isEmpty()) {
        QNetworkReply *reply =
            m_net.sendCustomRequest(request(QStringLiteral("/api/v1/agent/session")), "DELETE");
        connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    }
    stop();
    m_tokenFile.clear();
    m_session.token.clear();
}

void SyncClient::start()
{
    m_running = true;
    m_retryMs = 0;
    setStatus(Status::Syncing);
    m_fallback.start();
    pushNext();
    requestPull();
}

void SyncClient::stop()
{
    m_running = false;
    m_fallback.stop();
    m_retry.stop();
    abortAll();
    setStatus(Status::Offline);
}

void SyncClient::abortAll()
{
    for (QNetworkReply *r : {m_pullReply.data(), m_waitReply.data(), m_pushReply.data()})
        if (r) {
            r->disconnect(this);
            if (!r->isFinished())
                r->abort();
            r->deleteLater();
        }
    m_pullReply = m_waitReply = m_pushReply = nullptr;
}

void SyncClient::setStatus(Status s)
{
    if (s == m_status && s != Status::Online)
        return;
    m_status = s;
    emit statusChanged(s, m_lastSynced);
}

void SyncClient::wentOffline()
{
    if (!m_running)
        return;
    abortAll();
    setStatus(Status::Offline);
    m_retryMs = m_retryMs ? std::min(m_retryMs * 2, m_maxRetryMs) : std::min(500, m_maxRetryMs);
    m_retry.start(m_retryMs);
}

void SyncClient::retry()
{
    if (!m_running)
        return;
    setStatus(Status::Syncing);
    pushNext();
    requestPull();
}

QString SyncClient::submit(protocol::CommandType type, const QJsonObject &payload,
                           int expectedVersion)
{
    const QueuedCommand c = m_cache.enqueue(type, expectedVersion, payload);
    if (m_running && m_status != Status::Offline)
        pushNext();
    return c.idempotencyKey;
}

void SyncClient::requestPull()
{
    if (!m_running)
        return;
    if (m_pullReply) {
        m_pullAgain = true;
        return;
    }
    if (m_waitReply) {
        m_waitReply->disconnect(this);
        m_waitReply->abort();
        m_waitReply->deleteLater();
        m_waitReply = nullptr;
    }
    m_pulledInRound = 0;
    pull();
}

void SyncClient::pull()
{
    m_pullAgain = false;
    requestPage(m_cache.cursor());
}

void SyncClient::requestPage(qint64 since)
{
    const QString path =
        QStringLiteral("/api/v1/agent/changes?since=%1&limit=%2").arg(since).arg(m_pageSize);
    m_pullReply = m_net.get(request(path));
    QNetworkReply *reply = m_pullReply;
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, since] { onPulled(reply, since); });
}

void SyncClient::onPulled(QNetworkReply *reply, qint64 since)
{
    reply->deleteLater();
    m_pullReply = nullptr;
    const int status = httpStatus(reply);
    if (status == 401) {
        stop();
        emit authenticationRequired();
        return;
    }
    if (status != 200) {
        wentOffline();
        return;
    }
    if (since != m_cache.cursor()) {
        // Asked ahead of a page that was not applied (or the cache was reset): ask again.
        pull();
        return;
    }
    const QByteArray page = reply->readAll();
    SyncCache::PageSummary summary;
    try {
        summary = SyncCache::summarise(page);
    } catch (const std::exception &e) {
        qCWarning(lcSync) << "the server sent a malformed page of changes:" << e.what();
        wentOffline();
        return;
    }
    const qint64 next = summary.next;
    const bool more = summary.changes > 0 && next > since;
    // Ask for the next page before writing this one: the server reads it meanwhile. Pages are
    // still applied in order, each after the one before: its answer is handled only once this
    // function has returned, and only if the cursor is where it was asked from.
    if (more)
        requestPage(next);
    try {
        if (summary.changes > 0 || next > since)
            m_cache.applyPage(page, std::max(next, since));
    } catch (const std::exception &e) {
        qCWarning(lcSync) << "cannot apply a page of changes:" << e.what();
        wentOffline(); // also drops the page asked ahead
        return;
    }
    m_retryMs = 0;
    if (summary.changes > 0) {
        m_pulledInRound += summary.changes;
        emit changesApplied(summary.changes, m_cache.cursor());
    }
    if (more || m_pullAgain) {
        setStatus(Status::Syncing);
        if (!more)
            pull();
        return; // otherwise the next page's answer goes on
    }
    m_lastSynced = QDateTime::currentDateTimeUtc();
    m_cache.setValue(QStringLiteral("last_synced"),
                     QString::number(m_lastSynced.toSecsSinceEpoch()));
    setStatus(Status::Online);
    pushNext(); // commands queued while offline go as soon as the server answers again
    waitForNews();
}

void SyncClient::waitForNews()
{
    if (!m_running || m_waitReply || m_pullReply)
        return;
    const QString path = QStringLiteral("/api/v1/agent/changes/wait?since=%1&timeout=%2")
                             .arg(m_cache.cursor())
                             .arg(m_longPollSecs);
    m_waitStarted.start();
    m_waitReply = m_net.get(request(path, (m_longPollSecs + 10) * 1000));
    QNetworkReply *reply = m_waitReply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onWaited(reply); });
}

void SyncClient::onWaited(QNetworkReply *reply)
{
    reply->deleteLater();
    m_waitReply = nullptr;
    const int status = httpStatus(reply);
    if (status == 401) {
        stop();
        emit authenticationRequired();
        return;
    }
    if (status != 200) {
        wentOffline();
        return;
    }
    if (jsonOf(reply->readAll()).value(QStringLiteral("moved")).toBool()) {
        requestPull();
    } else if (m_waitStarted.elapsed() < 1000) {
        // A server that cannot hold the request answers at once: do not spin.
        QTimer::singleShot(1000, this, &SyncClient::waitForNews);
    } else {
        waitForNews();
    }
}

void SyncClient::pushNext()
{
    if (!m_running || m_pushReply)
        return;
    const auto command = m_cache.firstQueued();
    if (!command)
        return;
    m_pushReply =
        m_net.post(request(QStringLiteral("/api/v1/agent/commands")), compact(command->toJson()));
    QNetworkReply *reply = m_pushReply;
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, c = *command] { onPushed(reply, c); });
}

void SyncClient::onPushed(QNetworkReply *reply, const QueuedCommand &command)
{
    reply->deleteLater();
    m_pushReply = nullptr;
    const int status = httpStatus(reply);
    const QJsonObject body = jsonOf(reply->readAll());
    if (status == 401) {
        stop();
        emit authenticationRequired();
        return;
    }
    if (status == 0 || status == 429 || status >= 500) {
        // Not answered: keep it first in the queue and send it again with the same key.
        wentOffline();
        return;
    }
    m_cache.dequeue(command.id);
    if (status == 200)
        emit commandDone(command.idempotencyKey, body.value(QStringLiteral("result")).toObject());
    else if (status == 409 && body.contains(QStringLiteral("current")))
        emit conflict(command.toJson(), body.value(QStringLiteral("current")).toObject());
    else {
        // A form's refusal (422) names its fields: the dialog shows them next to each one.
        const QJsonObject fields = body.value(QStringLiteral("fields")).toObject();
        if (!fields.isEmpty())
            emit commandFieldsRejected(command.idempotencyKey, fields);
        emit commandRejected(command.idempotencyKey, status,
                             body.value(QStringLiteral("error")).toString());
    }
    pushNext();
    requestPull();
}

} // namespace creneau::client
