// The agent's external calendar mode decides who gets the .ics by e-mail, over a real SMTP
// conversation (aiosmtpd on loopback): with « E-mail » every change of the agent's appointments,
// their own included and whatever their notification level, comes as an invitation (REQUEST, or
// CANCEL) read back with libical; in the other modes (none, subscription, CalDAV) the agent gets
// at most the plain notice their notification level gives, never an .ics. The usager's messages
// do not depend on it. The mode is stored through the real settings repository and read with the
// function the server wires (calendar::calendarByEmail).
#include "mailparser.h"
#include "models/catalog.h"
#include "notifyscenario.h"
#include "smtpsink.h"
#include "sync/calendar/calendarsettings.h"
#include "sync/ical/calendardomain.h"
#include "sync/ical/icalwriter.h"
#include "sync/notify/filetransport.h"
#include "sync/notify/smtptransport.h"

#include <QtTest>

using namespace creneau;
using namespace creneau::notify;
using test::NotifyScenario;

namespace {

const QString kAgentEmail = QStringLiteral("durand@test.fr");
const QString kUsagerEmail = QStringLiteral("amina@example.org");

void chooseMode(NotifyScenario &s, const QString &word, NotificationLevel level)
{
    {
        WriteTransaction tx(*s.t.store);
        s.t.agent.notificationLevel = level;
        Catalog(*s.t.store).save(s.t.agent);
        tx.commit();
    }
    calendar::CalendarSettingsRepository settings(*s.t.store, calendar::CalendarKey::random());
    calendar::CalendarSettings c = settings.load(s.t.agent.id);
    QVERIFY(calendar::fromWord(word, &c.mode));
    if (c.mode == calendar::CalendarMode::CalDav)
        c.caldavUrl = QStringLiteral("https://127.0.0.1:9/dav/creneau/"); // never pushed here
    settings.save(c);
    QCOMPARE(calendar::CalendarSettingsRepository::modeOf(*s.t.store, s.t.agent.id), c.mode);
}

} // namespace

class TestCalendarEmailInvitations : public QObject
{
    Q_OBJECT
private slots:
    void agentMail_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<int>("level");
        QTest::addColumn<QString>("action"); // after a prescriber's booking: book, move, cancel
        QTest::addColumn<bool>("agentMail");
        QTest::addColumn<QString>("method"); // of the agent's .ics; empty: none attached

        const int all = int(NotificationLevel::All), others = int(NotificationLevel::Others),
                  none = int(NotificationLevel::None);
        const QString req = QStringLiteral("REQUEST"), can = QStringLiteral("CANCEL");
        const QString book = QStringLiteral("book"), move = QStringLiteral("move"),
                      cancel = QStringLiteral("cancel");
        const QString noMode = QStringLiteral("none"), email = QStringLiteral("email"),
                      subscription = QStringLiteral("subscription"),
                      caldav = QStringLiteral("caldav");
        // The four modes, level « all »: everyone is told, only « email » gets the invitation.
        QTest::addRow("none, booked") << noMode << all << book << true << QString();
        QTest::addRow("email, booked") << email << all << book << true << req;
        QTest::addRow("subscription, booked") << subscription << all << book << true << QString();
        QTest::addRow("caldav, booked") << caldav << all << book << true << QString();
        // The calendar needs every change: the level does not filter the invitations...
        QTest::addRow("email, level none") << email << none << book << true << req;
        QTest::addRow("email, own move") << email << others << move << true << req;
        QTest::addRow("email, own cancel") << email << others << cancel << true << can;
        // ...but still filters the plain notices of the other modes.
        QTest::addRow("none, level none") << noMode << none << book << false << QString();
        QTest::addRow("subscription, own move")
            << subscription << others << move << false << QString();
        QTest::addRow("caldav, cancelled, level all")
            << caldav << all << cancel << true << QString();
        QTest::addRow("none, own cancel, level all")
            << noMode << all << cancel << true << QString();
    }

    void agentMail()
    {
        QFETCH(QString, mode);
        QFETCH(int, level);
        QFETCH(QString, action);
        QFETCH(bool, agentMail);
        QFETCH(QString, method);

        test::SmtpSink smtp;
        QVERIFY2(smtp.start(), qPrintable(smtp.error()));
        NotifyScenario s(&calendar::calendarByEmail);
        chooseMode(s, mode, NotificationLevel(level));
        if (QTest::currentTestFailed())
            return;
        QTemporaryDir smsDir;
        SmtpTransport mail(smtp.url(), {QStringLiteral("rdv@test.fr"), QStringLiteral("Créneau")});
        FileTransport smsOut(smsDir.path(), {});
        DeliveryWorker worker(*s.t.store, s.clock, &mail, &smsOut);

        const BookingOutcome booked = s.book(CreatedBy::Prescripteur);
        QVERIFY2(booked.ok(), qPrintable(booked.message));
        Rdv rdv = booked.rdv;
        QSet<QByteArray> earlier;
        if (action != QLatin1String("book")) {
            QVERIFY(NotifyScenario::runWorker(worker));
            // Prescriber, usager, and the agent unless nothing tells them.
            const bool agentTold =
                mode == QLatin1String("email") || level != int(NotificationLevel::None);
            QVERIFY(smtp.waitFor(agentTold ? 3 : 2));
            QTest::qWait(200);
            for (const QByteArray &raw : smtp.messages())
                earlier.insert(raw);
            const Actor self{Actor::Kind::Agent, s.t.agent.id, {}};
            const BookingOutcome changed =
                action == QLatin1String("move")
                    ? s.service.move(rdv.id, self, s.t.at(NotifyScenario::kMonday, QTime(10, 30)))
                    : s.service.cancel(rdv.id, self);
            QVERIFY2(changed.ok(), qPrintable(changed.message));
            rdv = changed.rdv;
        }
        QVERIFY(NotifyScenario::runWorker(worker));
        // The usager is always told (with their own .ics); the agent as the row says.
        const int expected = (action == QLatin1String("book") ? 2 : 1) + (agentMail ? 1 : 0);
        QVERIFY(smtp.waitFor(int(earlier.size()) + expected));
        QTest::qWait(200); // nothing more arrives

        int toAgent = 0, toUsager = 0;
        for (const QByteArray &raw : smtp.messages()) {
            if (earlier.contains(raw))
                continue;
            const test::ParsedMail m = test::parseMail(raw);
            const QString to = m.header("X-RcptTo");
            if (to == kUsagerEmail) {
                ++toUsager;
                QVERIFY(!m.ics.isEmpty());
                continue;
            }
            if (to != kAgentEmail)
                continue; // the prescriber's recap, tested elsewhere
            ++toAgent;
            if (method.isEmpty()) {
                QVERIFY2(m.ics.isEmpty(), m.ics.constData());
                QVERIFY2(!m.text.contains(QStringLiteral("fichier joint")), qPrintable(m.text));
                continue;
            }
            QVERIFY2(!m.ics.isEmpty(), qPrintable(m.text));
            QVERIFY(m.icsContentType.contains(QStringLiteral("method=") + method));
            QVERIFY2(m.text.contains(QStringLiteral("fichier joint")), qPrintable(m.text));
            const test::ParsedIcs ics = test::parseIcs(m.ics);
            QVERIFY(ics.valid);
            QCOMPARE(ics.method, method);
            QCOMPARE(ics.uid, ical::uid(rdv.id, ical::calendarDomain(*s.t.store)));
            QCOMPARE(ics.sequence, rdv.version);
            QCOMPARE(ics.start, rdv.startsAt);
            QCOMPARE(ics.end, rdv.endsAt());
        }
        QCOMPARE(toAgent, agentMail ? 1 : 0);
        QCOMPARE(toUsager, 1);
    }
};

QTEST_GUILESS_MAIN(TestCalendarEmailInvitations)
#include "tst_calendar_email_invitations.moc"
