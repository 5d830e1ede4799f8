// CalDAV push against a real Radicale started on loopback (temporary storage, htpasswd): create,
// move, cancel an appointment and check the collection holds exactly the expected events after
// each step; Radicale down, then up again: the queued change arrives.
#include "caldavworker.h"
#include "calendarfixture.h"
#include "calendarsettings.h"
#include "radicale.h"
#include "rdvevent.h"

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

const QString kHost = QStringLiteral("rdv.test");

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

        CaldavWorker worker(*f.t.store, key, kHost);
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
        const QString uid = rdvUid(rdv.id, kHost);
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
        QCOMPARE(events.keys(), QStringList{rdvUid(second.id, kHost)});

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
        QCOMPARE(events[rdvUid(second.id, kHost)].value("DTSTART_UTC").toLongLong(),
                 f.t.at(f.monday, QTime(15, 0)));
        QCOMPARE(events[rdvUid(second.id, kHost)].value("SEQUENCE").toInt(), second.version + 1);
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
        CaldavWorker worker(*f.t.store, key, kHost);
        worker.setAllowInsecure(true); // Radicale over plain http on loopback
        worker.setRetryDelays(0, 0, 3);
        QVERIFY(f.book(QTime(9, 0)).id);
        QVERIFY(drain(worker));
        QCOMPARE(sql::scalar(f.t.store->db(), QStringLiteral("SELECT status FROM caldav_jobs"))
                     .toString(),
                 QStringLiteral("failed"));
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
        CaldavWorker worker(*f.t.store, key, kHost);
        worker.setAllowInsecure(true); // Radicale over plain http on loopback
        QVERIFY(drain(worker));
        QStringList files;
        bool ok = false;
        const auto events = radicale.events(&files, &ok);
        QVERIFY(ok);
        QCOMPARE(events.keys(), QStringList{rdvUid(kept.id, kHost)});
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
