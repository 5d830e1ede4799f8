// The public API's lists answered by ReadWorkers: the same answers as the server's thread gives
// (errors included), computed on other threads, one organisation per thread, and a booking made
// on the server's thread is in the very next answer. On SQLite, or PostgreSQL with
// CRENEAU_TEST_ENGINE=postgresql.
#include "models/sql.h"
#include "sync/server/bookingsite.h"
#include "sync/server/httpserver.h"
#include "sync/server/publicapi.h"
#include "sync/server/readworkers.h"
#include "sync/server/serversecret.h"
#include "testorganisation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <QtTest>

using namespace creneau;
using namespace creneau::server;
using test::TestOrganisation;

namespace {

// A Monday two weeks ahead: inside the motif's delays whatever the time of day.
QDate aMondayAhead()
{
    QDate d = QDate::currentDate().addDays(14);
    return d.addDays(1 - d.dayOfWeek());
}

HttpRequest get(const QString &path, const QString &query = {})
{
    HttpRequest r;
    r.method = "GET";
    r.path = path;
    r.query = QUrlQuery(query);
    r.peer = QHostAddress::LocalHost;
    return r;
}

// Runs a (possibly deferred) answer to its end.
HttpResponse settle(HttpResponse response)
{
    if (!response.deferred)
        return response;
    std::optional<HttpResponse> later;
    response.deferred([&later](HttpResponse r) { later = std::move(r); });
    if (!QTest::qWaitFor([&] { return later.has_value(); }, 10000))
        qFatal("no answer from the read workers within 10 s");
    return *later;
}

QString creneauxPath(const QString &slug, Id motif)
{
    return QStringLiteral("/api/v1/public/%1/motifs/%2/creneaux").arg(slug).arg(motif);
}

} // namespace

class TestReadWorkers : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestOrganisation> m_t;
    std::unique_ptr<ServerSecret> m_secret;
    std::unique_ptr<BookingSite> m_site;
    std::unique_ptr<ReadWorkers> m_readers;
    std::unique_ptr<HttpServer> m_inline;  // the lists on this thread
    std::unique_ptr<HttpServer> m_workers; // the lists on the workers
    QDate m_monday;

private slots:
    void initTestCase()
    {
        m_t = std::make_unique<TestOrganisation>();
        m_monday = aMondayAhead();
        m_t->addPlage(m_t->agent.id, m_t->lieu.id, {m_t->motif.id}, m_monday.addDays(-7),
                      QTime(9, 0), QTime(12, 0));
        m_t->addOrganisation(QStringLiteral("seconde"), m_monday.addDays(-7));
        m_secret = std::make_unique<ServerSecret>(QByteArray(32, 'k'));
        m_site = std::make_unique<BookingSite>(*m_t->store, *m_secret,
                                               QStringLiteral("http://localhost"));
        m_readers = std::make_unique<ReadWorkers>(*m_t->store, m_t->location, *m_secret, 2);
        Router inlineRouter;
        addPublicApiRoutes(inlineRouter, *m_site);
        m_inline = std::make_unique<HttpServer>(std::move(inlineRouter));
        Router workerRouter;
        addPublicApiRoutes(workerRouter, *m_site, m_readers.get());
        m_workers = std::make_unique<HttpServer>(std::move(workerRouter));
    }

    void cleanupTestCase()
    {
        m_workers.reset();
        m_inline.reset();
        m_readers.reset(); // their connections closed before the store goes
    }

    void sameAnswersAsTheServerThread_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("status");
        const QString week = QStringLiteral("from=%1&to=%2")
                                 .arg(aMondayAhead().toString(Qt::ISODate),
                                      aMondayAhead().addDays(4).toString(Qt::ISODate));
        QTest::newRow("a week") << creneauxPath(QStringLiteral("test"), 1) << week << 200;
        QTest::newRow("the default week")
            << creneauxPath(QStringLiteral("test"), 1) << QString() << 200;
        QTest::newRow("unknown lieu") << creneauxPath(QStringLiteral("test"), 1)
                                      << week + QStringLiteral("&lieu_id=999999") << 200;
        QTest::newRow("bad lieu") << creneauxPath(QStringLiteral("test"), 1)
                                  << week + QStringLiteral("&lieu_id=abc") << 404;
        QTest::newRow("unknown organisation")
            << creneauxPath(QStringLiteral("nulle"), 1) << week << 404;
        QTest::newRow("another organisation's motif")
            << creneauxPath(QStringLiteral("seconde"), 1) << week << 404;
        QTest::newRow("bad date") << creneauxPath(QStringLiteral("test"), 1)
                                  << QStringLiteral("from=2027-13-01") << 400;
        QTest::newRow("too long") << creneauxPath(QStringLiteral("test"), 1)
                                  << QStringLiteral("from=2027-01-01&to=2027-06-01") << 400;
        QTest::newRow("sessions of an individual motif")
            << QStringLiteral("/api/v1/public/test/motifs/1/sessions") << QString() << 200;
    }
    void sameAnswersAsTheServerThread()
    {
        QFETCH(QString, path);
        QFETCH(QString, query);
        QFETCH(int, status);
        path.replace(QStringLiteral("/motifs/1/"),
                     QStringLiteral("/motifs/%1/").arg(m_t->motif.id));
        HttpRequest a = get(path, query);
        HttpRequest b = get(path, query);
        const HttpResponse here = settle(m_inline->dispatch(a));
        const HttpResponse there = settle(m_workers->dispatch(b));
        QCOMPARE(here.status, status);
        QCOMPARE(there.status, here.status);
        QCOMPARE(there.body, here.body);
        QCOMPARE(there.header("Content-Type"), here.header("Content-Type"));
        if (status == 200 && QTest::currentDataTag() == QByteArray("a week"))
            QCOMPARE(QJsonDocument::fromJson(there.body).array().size(), 30);
    }

    // Booked on this thread, committed: absent from the next answer of the worker, every time.
    void aBookingIsInTheNextAnswer()
    {
        const QString query = QStringLiteral("from=%1&to=%1").arg(m_monday.toString(Qt::ISODate));
        const QString path = creneauxPath(QStringLiteral("test"), m_t->motif.id);
        HttpRequest first = get(path, query);
        const QJsonArray before =
            QJsonDocument::fromJson(settle(m_workers->dispatch(first)).body).array();
        QCOMPARE(before.size(), 6);
        for (int i = 0; i < before.size(); ++i) {
            BookingRequest r;
            r.organisationId = m_t->org.id;
            r.motifId = m_t->motif.id;
            r.lieuId = m_t->lieu.id;
            r.startsAt =
                QDateTime::fromString(before[i][QLatin1String("starts_at")].toString(), Qt::ISODate)
                    .toSecsSinceEpoch();
            r.usager.firstName = QStringLiteral("Léa");
            r.usager.lastName = QStringLiteral("Petit") + QChar(u'a' + i);
            const BookingOutcome outcome = m_site->booking().book(r);
            QVERIFY2(outcome.ok(), qPrintable(outcome.message));
            HttpRequest next = get(path, query);
            const QJsonArray after =
                QJsonDocument::fromJson(settle(m_workers->dispatch(next)).body).array();
            QCOMPARE(after.size(), before.size() - i - 1);
            for (const QJsonValue &c : after)
                QVERIFY(c[QLatin1String("starts_at")] != before[i][QLatin1String("starts_at")]);
        }
    }

    // A body a worker cached is answered on this thread at once, until the organisation changes.
    void aCachedAnswerIsServedHereUntilTheOrganisationChanges()
    {
        const QString query = QStringLiteral("from=%1&to=%2")
                                  .arg(m_monday.addDays(7).toString(Qt::ISODate),
                                       m_monday.addDays(11).toString(Qt::ISODate));
        const QString path = creneauxPath(QStringLiteral("test"), m_t->motif.id);
        HttpRequest first = get(path, query);
        const HttpResponse computed = m_workers->dispatch(first);
        QVERIFY(computed.deferred); // a worker computes it
        const QByteArray body = settle(computed).body;
        QCOMPARE(QJsonDocument::fromJson(body).array().size(), 30);

        HttpRequest again = get(path, query);
        const HttpResponse shared = m_workers->dispatch(again);
        QVERIFY(!shared.deferred); // answered here, from what the worker shared
        QCOMPARE(shared.status, 200);
        QCOMPARE(shared.body, body);

        // A change in the organisation (a new lieu): computed again, never the old body.
        m_t->addLieu(QStringLiteral("Annexe"));
        HttpRequest afterChange = get(path, query);
        const HttpResponse recomputed = m_workers->dispatch(afterChange);
        QVERIFY(recomputed.deferred);
        QCOMPARE(settle(recomputed).status, 200);
        HttpRequest last = get(path, query);
        QVERIFY(!m_workers->dispatch(last).deferred);
    }

    // Off the server's thread; an organisation always on the same one; both threads in use.
    void organisationsStayOnTheirThread()
    {
        QSet<QThread *> threads;
        QHash<QString, QThread *> byKey;
        for (int i = 0; i < 40; ++i) {
            const QString key = QStringLiteral("org-%1").arg(i % 10);
            QThread *ran = nullptr;
            HttpResponse r = settle(m_readers->answer(key, QString(), get(QStringLiteral("/api/x")),
                                                      [&ran](BookingSite &, HttpRequest &) {
                                                          ran = QThread::currentThread();
                                                          return HttpResponse::json("{}");
                                                      }));
            QCOMPARE(r.status, 200);
            QVERIFY(ran && ran != QThread::currentThread());
            QCOMPARE(byKey.value(key, ran), ran);
            byKey.insert(key, ran);
            threads.insert(ran);
        }
        QCOMPARE(threads.size(), 2);
    }

    void failuresAreAnsweredAsTheServerAnswersThem_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("status");
        QTest::newRow("HttpError") << 0 << 409;
        QTest::newRow("store failure") << 1 << 503;
        QTest::newRow("anything else") << 2 << 500;
    }
    void failuresAreAnsweredAsTheServerAnswersThem()
    {
        QFETCH(int, kind);
        QFETCH(int, status);
        const HttpResponse r = settle(
            m_readers->answer(QStringLiteral("test"), QString(), get(QStringLiteral("/api/x")),
                              [kind](BookingSite &, HttpRequest &) -> HttpResponse {
                                  if (kind == 0)
                                      throw HttpError(409, QStringLiteral("Pris."), true);
                                  if (kind == 1)
                                      throw StoreError(QStringLiteral("disk full"));
                                  throw std::runtime_error("bug");
                              }));
        QCOMPARE(r.status, status);
        const QJsonObject body = QJsonDocument::fromJson(r.body).object();
        QVERIFY2(!body.value(QStringLiteral("error")).toString().isEmpty(), r.body.constData());
        QCOMPARE(r.header("Retry-After").isEmpty(), status != 503);
        QVERIFY(!r.body.contains("disk full")); // the cause is logged, never shown
        QVERIFY(!r.body.contains("bug"));
    }

    // A store the workers cannot open: 503 each time, and answers again once it can.
    void unopenableStoreAnswers503()
    {
        ReadWorkers broken(*m_t->store,
                           QStringLiteral("/proc/creneau-cannot-be-here/creneau.sqlite"), *m_secret,
                           1);
        for (int i = 0; i < 2; ++i) {
            const HttpResponse r = settle(broken.answer(
                QStringLiteral("test"), QString(), get(QStringLiteral("/api/x")),
                [](BookingSite &, HttpRequest &) { return HttpResponse::json("{}"); }));
            QCOMPARE(r.status, 503);
        }
    }
};

QTEST_GUILESS_MAIN(TestReadWorkers)
#include "tst_read_workers.moc"
