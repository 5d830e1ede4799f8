#include "sync/calendar/caldavworker.h"

#include "models/processidentity.h"
#include "models/rdvrepository.h"
#include "models/sessionrepository.h"
#include "models/sql.h"
#include "sync/calendar/caldavtarget.h"
#include "sync/ical/calendardomain.h"
#include "sync/ical/rdvical.h"

#include <QElapsedTimer>
#include <QHostInfo>
#include <QLoggingCategory>
#include <QNetworkProxy>
#include <QNetworkReply>

#include <algorithm>
#include <memory>
#include <utility>

Q_LOGGING_CATEGORY(lcCaldav, "creneau.caldav")

namespace creneau::calendar {

namespace {

// Where the resource of a job's appointment or session is remembered.
struct StoredResource
{
    QString table;
    QString column;
    Id id = 0;
};

StoredResource storedResource(Id rdvId, Id sessionId)
{
    if (sessionId)
        return {QStringLiteral("caldav_session_resources"), QStringLiteral("session_id"),
                sessionId};
    return {QStringLiteral("caldav_resources"), QStringLiteral("rdv_id"), rdvId};
}

void forgetResource(Store &store, const StoredResource &r, Id agentId)
{
    sql::run(store.db(),
             QStringLiteral("DELETE FROM %1 WHERE agent_id = ? AND %2 = ?").arg(r.table, r.column),
             {agentId, r.id});
}

void rememberResource(Store &store, const StoredResource &r, Id agentId, const QString &href,
                      const QString &etag)
{
    sql::run(store.db(),
             QStringLiteral("INSERT INTO %1 (agent_id, %2, href, etag) VALUES (?, ?, ?, ?)")
                 .arg(r.table, r.column),
             {agentId, r.id, href, etag});
}

} // namespace

CaldavWorker::CaldavWorker(Store &store, const CalendarKey &key, const Clock &clock,
                           QObject *parent)
    : QObject(parent), m_store(store), m_settings(store, key), m_clock(clock)
{
    m_timer.setSingleShot(false);
    connect(&m_timer, &QTimer::timeout, this, &CaldavWorker::kick);
    // A proxy would connect on our behalf to whatever the name resolves to there.
    m_network.setProxy(QNetworkProxy::NoProxy);
}

void CaldavWorker::start(int pollMs)
{
    m_timer.start(pollMs);
    kick();
}

void CaldavWorker::stop()
{
    m_timer.stop();
}

void CaldavWorker::setRetryDelays(int firstSecs, int maxSecs, int giveUpAttempts)
{
    m_firstDelay = qMax(0, firstSecs);
    m_maxDelay = qMax(m_firstDelay, maxSecs);
    m_giveUp = qMax(1, giveUpAttempts);
}

QString CaldavWorker::resourceName(Id rdvId)
{
    return QStringLiteral("creneau-rdv-%1.ics").arg(rdvId);
}

QString CaldavWorker::sessionResourceName(Id sessionId)
{
    return QStringLiteral("creneau-session-%1.ics").arg(sessionId);
}

int CaldavWorker::pendingCount() const
{
    return sql::scalar(m_store.db(),
                       QStringLiteral("SELECT COUNT(*) FROM caldav_jobs WHERE status = 'pending'"))
        .toInt();
}

void CaldavWorker::kick()
{
    if (m_inFlight.size() < kMaxParallel)
        next();
}

bool CaldavWorker::claim(const Job &job)
{
    // Serialised with every other writer (and instance): the check that no other instance has a
    // live claim on this agent and the claim itself cannot interleave with another claim.
    const qint64 now = m_clock.nowSecs();
    WriteTransaction tx(m_store);
    const bool agentBusy =
        sql::scalar(m_store.db(),
                    QStringLiteral("SELECT 1 FROM caldav_jobs WHERE agent_id = ? AND id <> ? AND "
                                   "status = 'pending' AND claimed_by <> '' AND claimed_by <> ? "
                                   "AND claimed_until >= ?"),
                    {job.agentId, job.id, ProcessIdentity::claimant(), now})
            .isValid();
    if (agentBusy)
        return false;
    QSqlQuery q = sql::run(
        m_store.db(),
        QStringLiteral("UPDATE caldav_jobs SET claimed_by = ?, claimed_until = ? "
                       "WHERE id = ? AND status = 'pending' AND (claimed_by = "
                       "'' OR claimed_until < ?)"),
        {ProcessIdentity::claimant(), now + m_budgetMs / 1000 + kClaimMarginSecs, job.id, now});
    const bool mine = q.numRowsAffected() == 1;
    tx.commit();
    return mine;
}

void CaldavWorker::releaseDeadPredecessor()
{
    const QString prefix = ProcessIdentity::instancePrefix();
    WriteTransaction tx(m_store);
    QSqlQuery q =
        sql::run(m_store.db(),
                 QStringLiteral("UPDATE caldav_jobs SET claimed_by = '', claimed_until = 0 "
                                "WHERE status = 'pending' AND substr(claimed_by, 1, ?) = "
                                "? AND claimed_by <> ?"),
                 {int(prefix.size()), prefix, ProcessIdentity::claimant()});
    tx.commit();
    if (q.numRowsAffected() > 0)
        qCWarning(lcCaldav) << q.numRowsAffected()
                            << "CalDAV jobs interrupted by a restart will be retried";
}

void CaldavWorker::next()
{
    QList<Job> jobs;
    try {
        if (!m_predecessorReleased) {
            releaseDeadPredecessor();
            m_predecessorReleased = true;
        }
        // The oldest due job of each agent without one under way, a few agents at a time.
        QSqlQuery q = sql::run(m_store.db(),
                               QStringLiteral("SELECT id, agent_id, rdv_id, session_id, "
                                              "attempts FROM "
                                              "caldav_jobs WHERE status = 'pending' AND "
                                              "next_attempt_at <= ? ORDER BY next_attempt_at, id "
                                              "LIMIT 500"),
                               {m_clock.nowSecs()});
        QSet<Id> taken = m_inFlight;
        while (q.next() && taken.size() < kMaxParallel) {
            Job job{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                    q.value(3).toLongLong(), q.value(4).toInt()};
            if (taken.contains(job.agentId))
                continue;
            taken.insert(job.agentId);
            jobs.append(job);
        }
        q.finish();
        // One instance per job: what another instance claimed (or an agent it is serving) is
        // left to it until its claim times out.
        jobs.removeIf([this](const Job &job) { return !claim(job); });
    } catch (const std::exception &e) {
        qCWarning(lcCaldav) << "cannot read the CalDAV queue:" << e.what();
        return;
    }
    for (const Job &job : jobs) {
        m_inFlight.insert(job.agentId);
        try {
            send(job);
        } catch (const std::exception &e) {
            qCWarning(lcCaldav) << "cannot send a CalDAV job:" << e.what();
            m_inFlight.remove(job.agentId);
        }
    }
}

void CaldavWorker::release(const Job &job)
{
    m_inFlight.remove(job.agentId);
    QTimer::singleShot(0, this, &CaldavWorker::kick);
}

QByteArray CaldavWorker::resource(Store &store, const Rdv &rdv, qint64 now)
{
    const auto event = ical::rdvEvent(store, rdv, ical::Audience::Agent);
    if (!event)
        return {};
    // A stored resource: no METHOD (RFC 4791), and no ORGANIZER nor ATTENDEE, or a server that
    // schedules (RFC 6638) would send invitations of its own.
    ical::Calendar cal;
    cal.domain = ical::calendarDomain(store);
    cal.timeZone = ical::timeZoneOf(store, rdv.organisationId);
    cal.stamp = now;
    cal.events << *event;
    return ical::write(cal);
}

QByteArray CaldavWorker::sessionResource(Store &store, const CollectiveSession &session, qint64 now)
{
    const auto event =
        ical::sessionEvent(store, session, SessionRepository(store).taken(session.id));
    if (!event)
        return {};
    ical::Calendar cal; // stored: no METHOD, ORGANIZER nor ATTENDEE (see resource())
    cal.domain = ical::calendarDomain(store);
    cal.timeZone = ical::timeZoneOf(store, session.organisationId);
    cal.stamp = now;
    cal.events << *event;
    return ical::write(cal);
}

bool CaldavWorker::wanted(const Job &job, QByteArray *body)
{
    const qint64 now = m_clock.nowSecs();
    if (job.sessionId) {
        const auto session = SessionRepository(m_store).find(job.sessionId);
        if (!session || session->cancelled || !session->agentIds.contains(job.agentId))
            return false;
        *body = sessionResource(m_store, *session, now);
        return !body->isEmpty();
    }
    const auto rdv = RdvRepository(m_store).find(job.rdvId);
    // A participant of a collective session is counted in the session's resource: none of its
    // own (one pushed before sessions had theirs is removed).
    if (!rdv || rdv->sessionId || ical::isCancelled(*rdv) || !rdv->agentIds.contains(job.agentId))
        return false;
    *body = resource(m_store, *rdv, now);
    return !body->isEmpty();
}

void CaldavWorker::send(const Job &job)
{
    const CalendarSettings settings = m_settings.load(job.agentId);
    if (settings.mode != CalendarMode::CalDav || settings.caldavUrl.isEmpty()) {
        markDone(job); // the agent changed their mind since
        return;
    }
    const auto password = m_settings.caldavPassword(job.agentId);
    if (!password) {
        retry(job, QStringLiteral("the stored password cannot be opened with calendar.key"));
        return;
    }
    QString href;
    QString etag;
    bool known = false;
    const StoredResource stored = storedResource(job.rdvId, job.sessionId);
    {
        QSqlQuery r =
            sql::run(m_store.db(),
                     QStringLiteral("SELECT href, etag FROM %1 WHERE agent_id = ? AND %2 = ?")
                         .arg(stored.table, stored.column),
                     {job.agentId, stored.id});
        if (r.next()) {
            known = true;
            href = r.value(0).toString();
            etag = r.value(1).toString();
        }
    }
    if (!known) {
        QString base = settings.caldavUrl;
        if (!base.endsWith(QLatin1Char('/')))
            base += QLatin1Char('/');
        href =
            base + (job.sessionId ? sessionResourceName(job.sessionId) : resourceName(job.rdvId));
    }
    QByteArray body;
    const bool keep = wanted(job, &body);
    if (!keep && !known) {
        markDone(job); // nothing there to remove
        return;
    }

    QNetworkRequest request{QUrl(href)};
    request.setRawHeader(
        "Authorization",
        "Basic " + (settings.caldavUser + QLatin1Char(':') + *password).toUtf8().toBase64());
    request.setTransferTimeout(30000);
    if (!etag.isEmpty())
        request.setRawHeader("If-Match", etag.toUtf8());
    else if (!known)
        request.setRawHeader("If-None-Match", "*");
    if (keep)
        request.setHeader(QNetworkRequest::ContentTypeHeader, "text/calendar; charset=utf-8");
    connectChecked(job, request, !keep, body, href);
}

void CaldavWorker::connectChecked(const Job &job, QNetworkRequest request, bool deleting,
                                  QByteArray body, const QString &href)
{
    // Here the truth is the address the name resolves to now (checked below), not the name.
    const QUrl url = request.url();
    const bool schemeAllowed = url.scheme() == QLatin1String("https") ||
                               (m_allowInsecure && url.scheme() == QLatin1String("http"));
    if (!schemeAllowed || url.host().isEmpty()) {
        retry(job, QStringLiteral("refused scheme or host: %1").arg(url.toString()));
        return;
    }
    // The budget covers the name resolution too: a resolver that hangs frees the slot as well.
    auto pending = std::make_shared<bool>(true);
    QElapsedTimer started;
    started.start();
    QTimer::singleShot(m_budgetMs, this, [this, job, pending] {
        if (!std::exchange(*pending, false))
            return;
        retry(job, QStringLiteral("no address within the time budget"));
        emit failed(job.id, QStringLiteral("timeout"));
    });
    QHostInfo::lookupHost(
        url.host(), this,
        [this, job, request, deleting, body, href, pending, started](const QHostInfo &info) {
            if (!std::exchange(*pending, false))
                return; // the budget ran out first
            const QList<QHostAddress> addresses = info.addresses();
            if (info.error() != QHostInfo::NoError || addresses.isEmpty()) {
                retry(job, QStringLiteral("cannot resolve %1").arg(request.url().host()));
                emit failed(job.id, info.errorString());
                return;
            }
            // Every address the name gives must be allowed: the one used is pinned below.
            for (const QHostAddress &a : addresses) {
                if (!CaldavTarget::isAllowedAddress(a, m_allowInsecure)) {
                    const QString error = QStringLiteral("refused internal address %1 for %2")
                                              .arg(a.toString(), request.url().host());
                    retry(job, error);
                    emit failed(job.id, error);
                    return;
                }
            }
            // What is left of the budget, so that one job never takes longer than it.
            const int left = int(std::max<qint64>(100, m_budgetMs - started.elapsed()));
            sendTo(job, request, addresses.first(), deleting, body, href, left);
        });
}

void CaldavWorker::sendTo(const Job &job, QNetworkRequest request, const QHostAddress &address,
                          bool deleting, const QByteArray &body, const QString &href, int budgetMs)
{
    // Connect to the checked address itself, naming the host in Host and for TLS (SNI and
    // certificate), so a second resolution cannot lead elsewhere.
    QUrl pinned = request.url();
    const QString host = pinned.host();
    // An IPv6 literal keeps its brackets in Host (RFC 9110 §7.2).
    QByteArray hostHeader = QHostAddress(host).protocol() == QAbstractSocket::IPv6Protocol
                                ? '[' + host.toLatin1() + ']'
                                : QUrl::toAce(host);
    if (pinned.port() != -1)
        hostHeader += ':' + QByteArray::number(pinned.port());
    pinned.setHost(address.toString());
    request.setUrl(pinned);
    request.setRawHeader("Host", hostHeader);
    request.setPeerVerifyName(host);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply =
        deleting ? m_network.deleteResource(request) : m_network.put(request, body);
    QTimer::singleShot(budgetMs, reply, [reply] { reply->abort(); });
    connect(reply, &QNetworkReply::finished, this,
            [this, job, reply, deleting, href] { finish(job, reply, deleting, href); });
}

void CaldavWorker::finish(const Job &job, QNetworkReply *reply, bool deleting, const QString &href)
{
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    try {
        if (status == 412) {
            // Changed (or created) behind our back: the server owns the truth, write over it.
            const StoredResource stored = storedResource(job.rdvId, job.sessionId);
            WriteTransaction tx(m_store);
            forgetResource(m_store, stored, job.agentId);
            rememberResource(m_store, stored, job.agentId, href, QString());
            tx.commit();
            retry(job, QStringLiteral("precondition failed, writing over"), true);
            return;
        }
        const bool gone = deleting && (status == 404 || status == 410);
        if ((status >= 200 && status < 300) || gone) {
            const StoredResource stored = storedResource(job.rdvId, job.sessionId);
            WriteTransaction tx(m_store);
            forgetResource(m_store, stored, job.agentId);
            if (!deleting)
                rememberResource(m_store, stored, job.agentId, href,
                                 QString::fromUtf8(reply->rawHeader("ETag")));
            sql::run(m_store.db(),
                     QStringLiteral("UPDATE caldav_jobs SET status = 'done', attempts = attempts + "
                                    "1, last_error = '', claimed_by = '' WHERE id = ?"),
                     {job.id});
            tx.commit();
            release(job);
            emit delivered(job.id, status);
        } else {
            const QString error =
                status ? QStringLiteral("HTTP %1").arg(status) : reply->errorString();
            retry(job, error);
            emit failed(job.id, error);
        }
    } catch (const std::exception &e) {
        qCWarning(lcCaldav) << "cannot record a CalDAV delivery:" << e.what();
        release(job);
    }
}

void CaldavWorker::markDone(const Job &job)
{
    // Called from network and timer callbacks too: a store failure must not escape into Qt's
    // event loop (std::terminate), and the agent's slot is freed whatever happens.
    try {
        WriteTransaction tx(m_store);
        sql::run(
            m_store.db(),
            QStringLiteral("UPDATE caldav_jobs SET status = 'done', claimed_by = '' WHERE id = ?"),
            {job.id});
        tx.commit();
    } catch (const std::exception &e) {
        qCWarning(lcCaldav) << "cannot record a finished CalDAV job:" << e.what();
    }
    release(job);
}

void CaldavWorker::retry(const Job &job, const QString &error, bool immediately)
{
    const int attempts = job.attempts + 1;
    qint64 delay = m_firstDelay;
    for (int i = 1; i < attempts && delay < m_maxDelay; ++i)
        delay *= 2;
    delay = immediately ? 0 : qMin<qint64>(delay, m_maxDelay);
    const bool giveUp = attempts >= m_giveUp;
    qCInfo(lcCaldav) << "CalDAV job" << job.id << "failed:" << error
                     << (giveUp ? "giving up" : "will retry");
    try {
        WriteTransaction tx(m_store);
        sql::run(m_store.db(),
                 QStringLiteral("UPDATE caldav_jobs SET status = ?, attempts = ?, last_error = ?, "
                                "next_attempt_at = ?, claimed_by = '' WHERE id = ?"),
                 {giveUp ? QStringLiteral("failed") : QStringLiteral("pending"), attempts, error,
                  m_clock.nowSecs() + delay, job.id});
        tx.commit();
    } catch (const std::exception &e) {
        // The job is left as the store has it; see markDone().
        qCWarning(lcCaldav) << "cannot record a CalDAV failure:" << e.what();
    }
    release(job);
}

} // namespace creneau::calendar
