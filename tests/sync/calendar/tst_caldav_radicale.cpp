// CalDAV push against a real Radicale started on loopback (temporary storage, htpasswd): create,
// move, cancel an appointment and check the collection holds exactly the expected events after
// each step; Radicale down, then up again: the queued change arrives. One appointment is one
// event everywhere: its e-mails, recap download, feed and CalDAV resource share its UID.
#include "calendarfixture.h"
#include "models/rdvrepository.h"
#include "radicale.h"
#include "sync/calendar/caldavworker.h"
#include "sync/calendar/calendarfeed.h"
#include "sync/calendar/calendarsettings.h"
#include "sync/ical/calendardomain.h"
#include "sync/notify/notificationsink.h"
#include "sync/notify/outbox.h"
#include "sync/server/recappages.h"

#include <QDir>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

using namespace creneau;
using namespace creneau::calendar;
using test::CalendarFixture;
using test::parseCalendar;
using test::Radicale;

namespace {

QString rdvUid(CalendarFixture &f, Id rdvId)
{
    return ical::uid(rdvId, ical::calendarDomain(*f.t.store));
}

// Every UID of a calendar, in order.
QStringList uidsOf(const QByteArray &ics)
{
    bool ok = false;
    QString problem;
    const auto events = parseCalendar(ics, &ok, &problem);
    if (!ok)
        qWarning() << "unreadable calendar:" << problem;
    return events.keys();
}

int send(const QByteArray &verb, const QUrl &url, const QByteArray &body = {})
{
    QNetworkAccessManager nam;
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Basic " + QByteArray("agent:s3cret").toBase64());
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/xml; charset=utf-8");
    QNetworkReply *r = nam.sendCustomRequest(request, verb, body);
    QEventLoop loop;
    QObject::connect(r, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const int status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    delete r;
    return status;
}

// Runs the worker until nothing is due (or `ms` pass); true when the queue is empty.
bool drain(CaldavWorker &worker, int ms = 15000)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        worker.kick();
        QTest::qWait(50);
        if (!worker.isBusy() && worker.pendingCount() == 0)
            return true;
    }
    return false;
}

} // namespace

class TestCaldavRadicale : public QObject
{
    Q_OBJECT
private slots:
    void createMoveCancelAndCatchUp()
    {
        Radicale radicale;
        QVERIFY(radicale.start());
        QCOMPARE(send("MKCALENDAR", QUrl(radicale.collectionUrl())), 201);

        CalendarFixture f;
        const CalendarKey key = CalendarKey::random();
        CalendarSettingsRepository settings(*f.t.store, key);
        CalendarSettings s;
        s.agentId = f.t.agent.id;
        s.mode = CalendarMode::CalDav;
        s.caldavUrl = radicale.collectionUrl();
        s.caldavUser = QStringLiteral("agent");
        settings.save(s, QStringLiteral("s3cret"));

        CaldavWorker worker(*f.t.store, key);
        worker.setAllowInsecure(true); // Radicale over plain http on loopback
        worker.setRetryDelays(1, 2);
        const Actor agent{Actor::Kind::Agent, f.t.agent.id, {}};
        QStringList files;
        bool ok = false;

        // Created: one resource, the appointment's.
        const Rdv rdv = f.book(QTime(9, 0));
        QVERIFY(rdv.id);
        QVERIFY(drain(worker));
        auto events = radicale.events(&files, &ok);
        QVERIFY(ok);
        QCOMPARE(files, QStringList{CaldavWorker::resourceName(rdv.id)});
        const QString uid = rdvUid(f, rdv.id);
        QCOMPARE(events.keys(), QStringList{uid});
        QCOMPARE(events[uid].value("DTSTART_UTC").toLongLong(), f.t.at(f.monday, QTime(9, 0)));
        QCOMPARE(events[uid].value("SEQUENCE").toInt(), rdv.version);
        QCOMPARE(events[uid].value("SUMMARY"), f.t.motif.name + QStringLiteral(" — Amina Diallo"));
        // Radicale's ETag is kept for the If-Match of the next update.
        QVERIFY(!sql::scalar(f.t.store->db(), QStringLiteral("SELECT etag FROM caldav_resources"))
                     .toString()
                     .isEmpty());

        // Moved: the same resource, updated (If-Match with the ETag Radicale gave).
        QVERIFY(f.service.move(rdv.id, agent, f.t.at(f.monday, QTime(14, 0))).ok());
        QVERIFY(drain(worker));
        events = radicale.events(&files, &ok);
        QVERIFY(ok);
        QCOMPARE(files, QStringList{CaldavWorker::resourceName(rdv.id)});
        QCOMPARE(events[uid].value("DTSTART_UTC").toLongLong(), f.t.at(f.monday, QTime(14, 0)));
        QCOMPARE(events[uid].value("SEQUENCE").toInt(), rdv.version + 1);

        // A second appointment, then the first cancelled: only the second remains.
        const Rdv second = f.book(QTime(10, 0));
        QVERIFY(second.id);
        QVERIFY(f.service.cancel(rdv.id, agent).ok());
        QVERIFY(drain(worker));
        events = radicale.events(&files, &ok);
        QVERIFY(ok);
        QCOMPARE(files, QStringList{CaldavWorker::resourceName(second.id)});
        QCOMPARE(events.keys(), QStringList{rdvUid(f, second.id)});

        // Radicale down: the change waits; back up: it arrives, once.
        radicale.stop();
        QVERIFY(f.service.move(second.id, agent, f.t.at(f.monday, QTime(15, 0))).ok());
        QSignalSpy failures(&worker, &CaldavWorker::failed);
        QVERIFY(!drain(worker, 1500));
        QVERIFY(failures.count() >= 1);
        QCOMPARE(worker.pendingCount(), 1);
        QVERIFY(radicale.start());
        QVERIFY(drain(worker, 20000));
        events = radicale.events(&files, &ok);
        QVERIFY(ok);
        QCOMPARE(files, QStringList{CaldavWorker::resourceName(second.id)});
        QCOMPARE(events[rdvUid(f, second.id)].value("DTSTART_UTC").toLongLong(),
                 f.t.at(f.monday, QTime(15, 0)));
        QCOMPARE(events[rdvUid(f, second.id)].value("SEQUENCE").toInt(), second.version + 1);
    }

    void wrongPasswordRetriesThenGivesUp()
    {
        Radicale radicale;
        QVERIFY(radicale.start());
        QCOMPARE(send("MKCALENDAR", QUrl(radicale.collectionUrl())), 201);
        CalendarFixture f;
        const CalendarKey key = CalendarKey::random();
        CalendarSettings s;
        s.agentId = f.t.agent.id;
        s.mode = CalendarMode::CalDav;
        s.caldavUrl = radicale.collectionUrl();
        s.caldavUser = QStringLiteral("agent");
        CalendarSettingsRepository(*f.t.store, key).save(s, QStringLiteral("wrong"));
        CaldavWorker worker(*f.t.store, key);
        worker.setAllowInsecure(true); // Radicale over plain http on loopback
        worker.setRetryDelays(0, 0, 3);
        QSignalSpy failures(&worker, &CaldavWorker::failed);
        QSignalSpy deliveries(&worker, &CaldavWorker::delivered);
        QVERIFY(f.book(QTime(9, 0)).id);
        QVERIFY(drain(worker));
        // Exactly three attempts, each refused by Radicale (401), then no more.
        QCOMPARE(failures.count(), 3);
        for (const QList<QVariant> &failure : std::as_const(failures))
            QCOMPARE(failure.at(1).toString(), QStringLiteral("HTTP 401"));
        QCOMPARE(deliveries.count(), 0);
        QSqlQuery job =
            sql::run(f.t.store->db(), QStringLiteral("SELECT status, attempts, last_error FROM "
                                                     "caldav_jobs"));
        QVERIFY(job.next());
        QCOMPARE(job.value(0).toString(), QStringLiteral("failed"));
        QCOMPARE(job.value(1).toInt(), 3);
        QCOMPARE(job.value(2).toString(), QStringLiteral("HTTP 401"));
        QVERIFY(!job.next());
        // Given up: kicking the worker again sends nothing.
        worker.kick();
        QTest::qWait(300);
        QCOMPARE(failures.count(), 3);
        QStringList files;
        bool ok = false;
        QVERIFY(radicale.events(&files, &ok).isEmpty());
    }

    void turningCaldavOnSendsTheExistingAppointments()
    {
        Radicale radicale;
        QVERIFY(radicale.start());
        QCOMPARE(send("MKCALENDAR", QUrl(radicale.collectionUrl())), 201);
        CalendarFixture f;
        const Rdv kept = f.book(QTime(9, 0));
        const Rdv cancelled = f.book(QTime(10, 0));
        QVERIFY(f.service.cancel(cancelled.id, Actor{Actor::Kind::Agent, f.t.agent.id, {}}).ok());
        const CalendarKey key = CalendarKey::random();
        CalendarSettings s;
        s.agentId = f.t.agent.id;
        s.mode = CalendarMode::CalDav;
        s.caldavUrl = radicale.collectionUrl();
        s.caldavUser = QStringLiteral("agent");
        CalendarSettingsRepository(*f.t.store, key).save(s, QStringLiteral("s3cret"));
        CaldavWorker worker(*f.t.store, key);
        worker.setAllowInsecure(true); // Radicale over plain http on loopback
        QVERIFY(drain(worker));
        QStringList files;
        bool ok = false;
        const auto events = radicale.events(&files, &ok);
        QVERIFY(ok);
        QCOMPARE(events.keys(), QStringList{rdvUid(f, kept.id)});
    }

    // The usager adds the recap's file, then gets the e-mails; the agent subscribes to the feed
    // and pushes to CalDAV: each sees one event, whose UID does not change as it moves and is
    // cancelled, and the CalDAV collection never holds a second resource for it.
    void oneUidInEveryFace()
    {
        Radicale radicale;
        QVERIFY(radicale.start());
        QCOMPARE(send("MKCALENDAR", QUrl(radicale.collectionUrl())), 201);
        CalendarFixture f;
        notify::NotifyContext context;
        context.host = QStringLiteral("mail.example.org"); // not what names the UIDs
        context.fromAddress = QStringLiteral("ne-pas-repondre@example.org");
        context.calendarByEmail = [](Store &, Id) { return true; };
        notify::NotificationSink notifications(context, f.clock);
        f.sink.add(&notifications);
        const CalendarKey key = CalendarKey::random();
        CalendarSettings s;
        s.agentId = f.t.agent.id;
        s.mode = CalendarMode::CalDav;
        s.caldavUrl = radicale.collectionUrl();
        s.caldavUser = QStringLiteral("agent");
        CalendarSettingsRepository(*f.t.store, key).save(s, QStringLiteral("s3cret"));
        CaldavWorker worker(*f.t.store, key);
        worker.setAllowInsecure(true); // Radicale over plain http on loopback
        const Actor agent{Actor::Kind::Agent, f.t.agent.id, {}};

        BookingRequest r;
        r.organisationId = f.t.org.id;
        r.motifId = f.t.motif.id;
        r.lieuId = f.t.lieu.id;
        r.startsAt = f.t.at(f.monday, QTime(9, 0));
        r.bookedBy = CreatedBy::Prescripteur;
        r.prescripteur = {QStringLiteral("Nathalie"),
                          QStringLiteral("Roux"),
                          QStringLiteral("n.roux@mairie.fr"),
                          {}};
        r.usager.firstName = QStringLiteral("Amina");
        r.usager.lastName = QStringLiteral("Diallo");
        r.usager.email = QStringLiteral("amina@example.org");
        const BookingOutcome booked = f.service.book(r);
        QVERIFY2(booked.ok(), qPrintable(booked.message));
        const Id id = booked.rdv.id;
        const QString uid = rdvUid(f, id);
        QVERIFY(uid.startsWith(QStringLiteral("rdv-%1@").arg(id)));
        QVERIFY(!uid.contains(QStringLiteral("example.org")));

        const auto checkEveryFace = [&](int expectedResources) {
            const Rdv rdv = *RdvRepository(*f.t.store).find(id);
            const qint64 now = f.clock.nowSecs();
            QCOMPARE(uidsOf(server::recapCalendar(*f.t.store, f.t.org, rdv, ical::Audience::Usager,
                                                  context.fromAddress, now)),
                     QStringList{uid});
            QCOMPARE(
                uidsOf(server::recapCalendar(*f.t.store, f.t.org, rdv, ical::Audience::Prescripteur,
                                             context.fromAddress, now)),
                QStringList{uid});
            QCOMPARE(uidsOf(CalendarFeed::render(*f.t.store, f.t.agent.id, now)), QStringList{uid});
            int mails = 0;
            for (const notify::OutboxMessage &m : notify::Outbox(*f.t.store).ofRdv(id)) {
                if (m.ics.isEmpty())
                    continue;
                ++mails;
                QCOMPARE(uidsOf(m.ics), QStringList{uid});
            }
            QVERIFY(mails >= 3);
            QVERIFY(drain(worker));
            QStringList files;
            bool ok = false;
            const auto stored = radicale.events(&files, &ok);
            QVERIFY(ok);
            QCOMPARE(files.size(), expectedResources);
            QCOMPARE(stored.keys(), expectedResources ? QStringList{uid} : QStringList{});
        };

        checkEveryFace(1);
        QVERIFY(f.service.move(id, agent, f.t.at(f.monday, QTime(14, 0))).ok());
        checkEveryFace(1);
        // Cancelled: the resource is removed (the feed and e-mails say STATUS:CANCELLED).
        QVERIFY(f.service.cancel(id, agent).ok());
        checkEveryFace(0);
    }

    void agentsWithoutCaldavQueueNothing()
    {
        CalendarFixture f;
        QVERIFY(f.book(QTime(9, 0)).id);
        QCOMPARE(sql::scalar(f.t.store->db(), QStringLiteral("SELECT COUNT(*) FROM caldav_jobs"))
                     .toInt(),
                 0);
    }
};

QTEST_GUILESS_MAIN(TestCaldavRadicale)
#include "tst_caldav_radicale.moc"
