// The agent's private iCalendar feed: every generated calendar read back with libical field by
// field (UID, SEQUENCE, DTSTART/DTEND with TZID and VTIMEZONE, SUMMARY, LOCATION, DESCRIPTION,
// STATUS), privacy initials, and the feed over HTTP on loopback: wrong or revoked token → 404.
#include "calendarfixture.h"
#include "models/frenchformat.h"
#include "sync/calendar/calendarfeed.h"
#include "sync/calendar/calendarsettings.h"
#include "sync/ical/calendardomain.h"
#include "sync/ical/rdvical.h"
#include "sync/server/calendarapi.h"
#include "sync/server/httpserver.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QtTest>

using namespace creneau;
using namespace creneau::calendar;
using creneau::server::CalendarApi;
using test::CalendarFixture;
using test::parseCalendar;

namespace {

// The appointment's UID, named by the store's installation domain.
QString rdvUid(CalendarFixture &f, Id rdvId)
{
    return ical::uid(rdvId, ical::calendarDomain(*f.t.store));
}

struct Reply
{
    int status = 0;
    QByteArray body;
    QByteArray type;
    QByteArray referrerPolicy;
};

Reply httpGet(QNetworkAccessManager &nam, const QUrl &url)
{
    QNetworkReply *r = nam.get(QNetworkRequest(url));
    QEventLoop loop;
    QObject::connect(r, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Reply out{r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), r->readAll(),
              r->header(QNetworkRequest::ContentTypeHeader).toByteArray(),
              r->rawHeader("Referrer-Policy")};
    r->deleteLater();
    return out;
}

} // namespace

class TestCalendarFeed : public QObject
{
    Q_OBJECT
private slots:
    void feedHoldsTheAgentsAppointmentsFieldByField()
    {
        CalendarFixture f;
        const Rdv office = f.book(QTime(9, 0));
        const Rdv phone = f.book(QTime(13, 30), true); // on the 45-minute grid
        QVERIFY(office.id && phone.id);
        const Rdv later = f.book(QTime(11, 0));
        QVERIFY(f.service
                    .cancel(later.id, Actor{Actor::Kind::Agent, f.t.agent.id, {}},
                            QStringLiteral("Empêchement"))
                    .ok());

        bool ok = false;
        QString problem;
        const auto events = parseCalendar(
            CalendarFeed::render(*f.t.store, f.t.agent.id, f.clock.nowSecs()), &ok, &problem);
        QVERIFY2(ok, qPrintable(problem));
        QCOMPARE(events.size(), 3);

        const auto e = events.value(rdvUid(f, office.id));
        QVERIFY(QRegularExpression(QStringLiteral("^rdv-%1@[0-9a-f]{20}\\.creneau$").arg(office.id))
                    .match(e.value("UID"))
                    .hasMatch());
        QCOMPARE(e.value("SEQUENCE"), QString::number(office.version));
        // The IANA name, not libical's "/freeassociation.sourceforge.net/Europe/Paris".
        QCOMPARE(e.value("DTSTART_TZID"), QStringLiteral("Europe/Paris"));
        QCOMPARE(e.value("DTSTART_UTC").toLongLong(), f.t.at(f.monday, QTime(9, 0)));
        QCOMPARE(e.value("DTEND_UTC").toLongLong(), f.t.at(f.monday, QTime(9, 30)));
        QCOMPARE(e.value("SUMMARY"), f.t.motif.name + QStringLiteral(" — Amina Diallo"));
        QCOMPARE(e.value("LOCATION"),
                 f.t.lieu.name + QStringLiteral(", 3 rue de la Paix, 76000 Rouen"));
        QCOMPARE(e.value("STATUS"), QStringLiteral("CONFIRMED"));
        const QString d = e.value("DESCRIPTION");
        QVERIFY2(d.contains(QStringLiteral("Téléphone de l'usager : 0612345678")), qPrintable(d));
        QVERIFY2(d.contains(QStringLiteral("Pris par le prescripteur : Nathalie Roux")),
                 qPrintable(d));
        QVERIFY(d.contains(QStringLiteral("E-mail du prescripteur : n.roux@mairie.fr")));
        QVERIFY(d.contains(QStringLiteral("Téléphone du prescripteur : 0232641500")));

        const auto p = events.value(rdvUid(f, phone.id));
        // The one wording of how it takes place (models/frenchformat), as in the e-mails.
        QCOMPARE(p.value("LOCATION"), fr::howItTakesPlace(LocationType::Phone));
        QCOMPARE(p.value("DTEND_UTC").toLongLong() - p.value("DTSTART_UTC").toLongLong(), 45 * 60);

        const auto c = events.value(rdvUid(f, later.id));
        QCOMPARE(c.value("STATUS"), QStringLiteral("CANCELLED"));
        QCOMPARE(c.value("SEQUENCE").toInt(), later.version + 1);
        QVERIFY(c.value("DESCRIPTION").contains(QStringLiteral("Empêchement")));
    }

    void movedAppointmentKeepsItsUidWithAHigherSequence()
    {
        CalendarFixture f;
        const Rdv rdv = f.book(QTime(9, 0));
        const auto moved = f.service.move(rdv.id, Actor{Actor::Kind::Agent, f.t.agent.id, {}},
                                          f.t.at(f.monday, QTime(14, 0)));
        QVERIFY2(moved.ok(), qPrintable(moved.message));
        bool ok = false;
        QString problem;
        const auto events = parseCalendar(
            CalendarFeed::render(*f.t.store, f.t.agent.id, f.clock.nowSecs()), &ok, &problem);
        QVERIFY2(ok, qPrintable(problem));
        QCOMPARE(events.size(), 1);
        const auto e = events.first();
        QCOMPARE(e.value("UID"), rdvUid(f, rdv.id));
        QCOMPARE(e.value("SEQUENCE").toInt(), rdv.version + 1);
        QCOMPARE(e.value("DTSTART_UTC").toLongLong(), f.t.at(f.monday, QTime(14, 0)));
    }

    void outsideTheWindowAndOtherAgentsAreLeftOut()
    {
        CalendarFixture f;
        f.book(QTime(9, 0));
        const Agent other = f.t.addAgent(QStringLiteral("Martin"));
        bool ok = false;
        QString problem;
        QCOMPARE(parseCalendar(CalendarFeed::render(*f.t.store, other.id, f.clock.nowSecs()), &ok,
                               &problem)
                     .size(),
                 0);
        QVERIFY(ok);
        // Seen from seven months later, the appointment is older than 30 days.
        QCOMPARE(parseCalendar(CalendarFeed::render(*f.t.store, f.t.agent.id,
                                                    f.clock.nowSecs() + 210 * 24 * 3600),
                               &ok, &problem)
                     .size(),
                 0);
        QVERIFY(ok);
        // An unknown agent gets an empty, valid calendar: no event, nobody's appointment.
        const QByteArray unknown = CalendarFeed::render(*f.t.store, 999999, f.clock.nowSecs());
        ok = false;
        QCOMPARE(parseCalendar(unknown, &ok, &problem).size(), 0);
        QVERIFY2(ok, qPrintable(problem));
        QVERIFY(unknown.startsWith("BEGIN:VCALENDAR"));
        QVERIFY(!unknown.contains("BEGIN:VEVENT"));
        QVERIFY(!unknown.contains("Diallo"));
    }

    void privacyReducesTheUsagerToInitials()
    {
        CalendarFixture f;
        sql::run(f.t.store->db(),
                 QStringLiteral("UPDATE organisations SET privacy_initials = 1 WHERE id = ?"),
                 {f.t.org.id});
        f.book(QTime(9, 0));
        bool ok = false;
        QString problem;
        const QByteArray ics = CalendarFeed::render(*f.t.store, f.t.agent.id, f.clock.nowSecs());
        const auto events = parseCalendar(ics, &ok, &problem);
        QVERIFY2(ok, qPrintable(problem));
        QCOMPARE(events.first().value("SUMMARY"), f.t.motif.name + QStringLiteral(" — A. D."));
        QVERIFY(!ics.contains("Amina"));
        QVERIFY(!ics.contains("Diallo"));
        QCOMPARE(ical::initials(QStringLiteral("Jean-Luc  de la Tour")),
                 QStringLiteral("J.-L. D. L. T."));
        QCOMPARE(ical::initials(QStringLiteral("  ")), QStringLiteral("?"));
    }

    void settingsSealThePasswordAndTokensRotate()
    {
        CalendarFixture f;
        QTemporaryDir dir;
        const CalendarKey key = CalendarKey::load(dir.path());
        CalendarSettingsRepository repo(*f.t.store, key);
        QCOMPARE(repo.load(f.t.agent.id).mode, CalendarMode::None);
        CalendarSettings s;
        s.agentId = f.t.agent.id;
        s.mode = CalendarMode::CalDav;
        s.caldavUrl = QStringLiteral("https://dav.example.fr/cal/");
        s.caldavUser = QStringLiteral("agent");
        repo.save(s, QStringLiteral("mot de passe é"));
        const CalendarSettings back = repo.load(f.t.agent.id);
        QCOMPARE(back.mode, CalendarMode::CalDav);
        QCOMPARE(back.caldavUrl, s.caldavUrl);
        QVERIFY(back.hasCaldavPassword);
        QCOMPARE(repo.caldavPassword(f.t.agent.id).value_or(QString()),
                 QStringLiteral("mot de passe é"));
        const QString stored =
            sql::scalar(f.t.store->db(),
                        QStringLiteral("SELECT caldav_password_encrypted FROM agent_calendars"))
                .toString();
        QVERIFY(!stored.contains(QStringLiteral("mot de passe")));
        // The same key is read back from the data directory; another key cannot open it.
        CalendarSettingsRepository again(*f.t.store, CalendarKey::load(dir.path()));
        QVERIFY(again.caldavPassword(f.t.agent.id).has_value());
        const CalendarKey other = CalendarKey::random();
        QVERIFY(!CalendarSettingsRepository(*f.t.store, other).caldavPassword(f.t.agent.id));

        const QString first = repo.regenerateFeedToken(f.t.agent.id);
        QCOMPARE(repo.agentForFeedToken(first).value_or(0), f.t.agent.id);
        const QString second = repo.regenerateFeedToken(f.t.agent.id);
        QVERIFY(!repo.agentForFeedToken(first));
        QCOMPARE(repo.agentForFeedToken(second).value_or(0), f.t.agent.id);
        repo.revokeFeed(f.t.agent.id);
        QVERIFY(!repo.agentForFeedToken(second));
        QVERIFY(!repo.agentForFeedToken(QString()));
        QVERIFY(!repo.agentForFeedToken(QStringLiteral("../../etc/passwd")));
        QVERIFY(!CalendarSettingsRepository::checkCaldavUrl(QStringLiteral("ftp://x/")).isEmpty());
        QVERIFY(!CalendarSettingsRepository::checkCaldavUrl(QStringLiteral("https://u:p@x/"))
                     .isEmpty());
        QVERIFY(
            CalendarSettingsRepository::checkCaldavUrl(QStringLiteral("https://x/c/")).isEmpty());
    }

    void feedOverHttp()
    {
        CalendarFixture f;
        const CalendarKey key = CalendarKey::random();
        CalendarSettingsRepository repo(*f.t.store, key);
        QString base;
        CalendarApi api(
            *f.t.store, key, [&base] { return base; }, f.clock);
        server::Router router;
        api.addRoutes(router);
        server::HttpServer server(std::move(router));
        const quint16 port = server.listenLimited(QHostAddress::LocalHost, 0);
        QVERIFY(port);
        base = QStringLiteral("http://127.0.0.1:%1").arg(port);

        const Rdv kept = f.book(QTime(9, 0));
        const Rdv cancelled = f.book(QTime(10, 0));
        QVERIFY(f.service.cancel(cancelled.id, Actor{Actor::Kind::Agent, f.t.agent.id, {}}).ok());
        const QString token = repo.regenerateFeedToken(f.t.agent.id);
        const auto urls = CalendarApi::feedUrls(base, token);
        QCOMPARE(urls.second,
                 QStringLiteral("webcal://127.0.0.1:%1/calendrier/%2.ics").arg(port).arg(token));

        QNetworkAccessManager nam;
        Reply r = httpGet(nam, QUrl(urls.first));
        QCOMPARE(r.status, 200);
        QVERIFY(r.type.startsWith("text/calendar"));
        // The feed's own policy survives the common security headers: its secret URL must not
        // leak through a link followed from a calendar.
        QCOMPARE(r.referrerPolicy, QByteArray("no-referrer"));
        bool ok = false;
        QString problem;
        const auto events = parseCalendar(r.body, &ok, &problem);
        QVERIFY2(ok, qPrintable(problem));
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.value(rdvUid(f, kept.id)).value("STATUS"), QStringLiteral("CONFIRMED"));
        QCOMPARE(events.value(rdvUid(f, cancelled.id)).value("STATUS"),
                 QStringLiteral("CANCELLED"));

        // Wrong tokens, odd paths.
        QString wrong = token;
        wrong[0] = wrong[0] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
        for (const QString &path :
             {QStringLiteral("/calendrier/%1.ics").arg(wrong),
              QStringLiteral("/calendrier/%1").arg(token), QStringLiteral("/calendrier/.ics"),
              QStringLiteral("/calendrier/%2e%2e.ics"),
              QStringLiteral("/calendrier/%1.ics").arg(QString(300, QLatin1Char('a')))})
            QCOMPARE(httpGet(nam, QUrl(base + path)).status, 404);

        // Revoked: 404; a regenerated token works and the old one no longer does.
        repo.revokeFeed(f.t.agent.id);
        QCOMPARE(httpGet(nam, QUrl(urls.first)).status, 404);
        const QString fresh = repo.regenerateFeedToken(f.t.agent.id);
        QCOMPARE(httpGet(nam, QUrl(CalendarApi::feedUrls(base, fresh).first)).status, 200);
        QCOMPARE(httpGet(nam, QUrl(urls.first)).status, 404);

        // The agent API needs a session.
        QCOMPARE(
            httpGet(nam, QUrl(base + QStringLiteral("/api/v1/agent/calendar-settings"))).status,
            401);
    }
};

QTEST_GUILESS_MAIN(TestCalendarFeed)
#include "tst_calendar_feed.moc"
