// The e-mails the agent leading a collective session gets, over a real SMTP conversation
// (aiosmtpd on loopback): with « E-mail » as their external calendar, one event for the session
// (its UID, REQUEST with the participants' count at each registration or cancelled place, one
// CANCEL when the session is cancelled), never a per-participant invitation; in another mode a
// plain notice, once per change (not once per participant). The usager keeps their own event.
#include "mailparser.h"
#include "models/catalog.h"
#include "models/collectivesessions.h"
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

void chooseMode(NotifyScenario &s, const QString &word)
{
    calendar::CalendarSettingsRepository settings(*s.t.store, calendar::CalendarKey::random());
    calendar::CalendarSettings c = settings.load(s.t.agent.id);
    QVERIFY(calendar::fromWord(word, &c.mode));
    settings.save(c);
}

QString usagerEmail(int i)
{
    return QStringLiteral("participant%1@example.org").arg(i);
}

} // namespace

class TestSessionEmailInvitations : public QObject
{
    Q_OBJECT
private slots:
    void agentMail_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<int>("before");     // participants registered before the action
        QTest::addColumn<QString>("action"); // register, unregister, move, cancel
        QTest::addColumn<QString>("method"); // of the agent's .ics; empty: none attached
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("count"); // in the agent's mail and the .ics; empty: none

        const QString email = QStringLiteral("email"), none = QStringLiteral("none");
        const QString req = QStringLiteral("REQUEST"), can = QStringLiteral("CANCEL");
        QTest::addRow("email, first registration")
            << email << 0 << "register" << req << "Nouvelle inscription (1/12)"
            << "1/12";
        QTest::addRow("email, second registration")
            << email << 1 << "register" << req << "Nouvelle inscription (2/12)"
            << "2/12";
        // A place cancelled updates the session; it does not cancel it.
        QTest::addRow("email, a place cancelled")
            << email << 2 << "unregister" << req << "Désinscription (1/12)"
            << "1/12";
        QTest::addRow("email, session moved")
            << email << 2 << "move" << req << "Session collective modifiée"
            << "2/12";
        QTest::addRow("email, session cancelled")
            << email << 2 << "cancel" << can << "Session collective annulée" << QString();
        QTest::addRow("none, registration")
            << none << 1 << "register" << QString() << "Nouvelle inscription (2/12)"
            << "2/12";
        QTest::addRow("none, session cancelled")
            << none << 2 << "cancel" << QString() << "Session collective annulée" << QString();
    }

    void agentMail()
    {
        QFETCH(QString, mode);
        QFETCH(int, before);
        QFETCH(QString, action);
        QFETCH(QString, method);
        QFETCH(QString, subject);
        QFETCH(QString, count);

        test::SmtpSink smtp;
        QVERIFY2(smtp.start(), qPrintable(smtp.error()));
        NotifyScenario s(&calendar::calendarByEmail);
        chooseMode(s, mode);
        if (QTest::currentTestFailed())
            return;
        const Agent admin = s.t.addAgent(QStringLiteral("Admin"), AgentRole::Admin);
        Motif meeting = s.t.addMotif(QStringLiteral("Réunion d'information RSA"), 90,
                                     BookableBy::AgentsAndPrescripteurs);
        meeting.capacity = 12;
        {
            WriteTransaction tx(*s.t.store);
            Catalog(*s.t.store).save(meeting);
            tx.commit();
        }
        CollectiveSessionService sessions(*s.t.store, s.clock, &s.sink);
        SessionRequest sr;
        sr.organisationId = s.t.org.id;
        sr.motifId = meeting.id;
        sr.lieuId = s.t.lieu.id;
        sr.agentIds = {s.t.agent.id};
        sr.firstDay = NotifyScenario::kMonday;
        sr.startTime = QTime(14, 0);
        const SessionOutcome created = sessions.create(sr, admin.id);
        QVERIFY2(created.ok(), qPrintable(created.message));
        const Id session = created.sessions.first().id;
        int registered = 0;
        auto registerOne = [&]() {
            BookingRequest b = s.request(CreatedBy::Prescripteur, QTime(14, 0));
            b.motifId = meeting.id;
            b.sessionId = session;
            b.usager.lastName = QStringLiteral("Participant") + QChar(u'a' + registered);
            b.usager.phone.clear();
            b.usager.email = usagerEmail(registered);
            ++registered;
            return s.service.book(b);
        };

        QTemporaryDir smsDir;
        SmtpTransport mail(smtp.url(), {QStringLiteral("rdv@test.fr"), QStringLiteral("Créneau")});
        FileTransport smsOut(smsDir.path(), {});
        DeliveryWorker worker(*s.t.store, s.clock, &mail, &smsOut);
        QList<Rdv> participants;
        for (int i = 0; i < before; ++i) {
            const BookingOutcome b = registerOne();
            QVERIFY2(b.ok(), qPrintable(b.message));
            participants << b.rdv;
        }
        // Nothing for the agent when the session was created: it enters their calendar with
        // its first participant.
        QVERIFY(NotifyScenario::runWorker(worker));
        // Each registration: the prescriber, the usager and the agent.
        QVERIFY(smtp.waitFor(3 * before, 15000));
        QTest::qWait(200);
        QSet<QByteArray> earlier;
        int sequenceBefore = -1;
        for (const QByteArray &raw : smtp.messages()) {
            earlier.insert(raw);
            const test::ParsedMail m = test::parseMail(raw);
            if (m.header("X-RcptTo") == kAgentEmail && !m.ics.isEmpty())
                sequenceBefore = qMax(sequenceBefore, test::parseIcs(m.ics).sequence);
        }
        QCOMPARE(int(earlier.size()), 3 * before);

        const Actor agent{Actor::Kind::Agent, s.t.agent.id, {}};
        Rdv newcomer;
        qint64 start = s.t.at(NotifyScenario::kMonday, QTime(14, 0));
        if (action == QLatin1String("register")) {
            const BookingOutcome b = registerOne();
            QVERIFY2(b.ok(), qPrintable(b.message));
            newcomer = b.rdv;
        } else if (action == QLatin1String("unregister")) {
            QVERIFY(s.service.cancel(participants.first().id, agent).ok());
        } else if (action == QLatin1String("move")) {
            sr.startTime = QTime(15, 0);
            start = s.t.at(NotifyScenario::kMonday, QTime(15, 0));
            const SessionOutcome moved = sessions.update(session, sr, admin.id);
            QVERIFY2(moved.ok(), qPrintable(moved.message));
        } else {
            QVERIFY(sessions.cancel(session, admin.id, QStringLiteral("Intervenant absent")).ok());
        }
        QVERIFY(NotifyScenario::runWorker(worker));
        QTest::qWait(300); // nothing more arrives

        int toAgent = 0, toNewcomer = 0;
        for (const QByteArray &raw : smtp.messages()) {
            if (earlier.contains(raw))
                continue;
            const test::ParsedMail m = test::parseMail(raw);
            const QString to = m.header("X-RcptTo");
            if (!newcomer.id || to != usagerEmail(registered - 1)) {
                if (to != kAgentEmail)
                    continue; // the participants' and prescribers' own, tested elsewhere
            } else {
                // The usager's own event: their appointment's UID, not the session's.
                ++toNewcomer;
                const test::ParsedIcs ics = test::parseIcs(m.ics);
                QCOMPARE(ics.uid, ical::uid(newcomer.id, ical::calendarDomain(*s.t.store)));
                continue;
            }
            ++toAgent;
            QVERIFY2(m.header("Subject").startsWith(subject), qPrintable(m.header("Subject")));
            if (!count.isEmpty())
                QVERIFY2(m.text.contains(QStringLiteral("Inscrits : ") + count) ||
                             m.text.contains(QStringLiteral("Inscrits\u00a0: ") + count),
                         qPrintable(m.text));
            if (method.isEmpty()) {
                QVERIFY2(m.ics.isEmpty(), m.ics.constData());
                continue;
            }
            QVERIFY2(!m.ics.isEmpty(), qPrintable(m.text));
            QVERIFY(m.icsContentType.contains(QStringLiteral("method=") + method));
            const test::ParsedIcs ics = test::parseIcs(m.ics);
            QVERIFY(ics.valid);
            QCOMPARE(ics.method, method);
            QCOMPARE(ics.uid, ical::sessionUid(session, ical::calendarDomain(*s.t.store)));
            QVERIFY2(
                ics.sequence > sequenceBefore,
                qPrintable(QStringLiteral("%1 after %2").arg(ics.sequence).arg(sequenceBefore)));
            QCOMPARE(ics.start, start);
            if (!count.isEmpty())
                QVERIFY2(ics.description.contains(count + QStringLiteral(" participants")),
                         qPrintable(ics.description));
            if (method == QLatin1String("CANCEL"))
                QCOMPARE(ics.status, QStringLiteral("CANCELLED"));
        }
        // One message per change for the agent, whatever the number of participants.
        QCOMPARE(toAgent, 1);
        QCOMPARE(toNewcomer, newcomer.id ? 1 : 0);
    }
};

QTEST_GUILESS_MAIN(TestSessionEmailInvitations)
#include "tst_session_email_invitations.moc"
