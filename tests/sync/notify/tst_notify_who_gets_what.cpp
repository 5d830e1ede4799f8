// Who is told what, over a real SMTP conversation (aiosmtpd on loopback): for each row of the
// notification table, the messages received, their headers, both bodies and the .ics read back
// with libical (METHOD, UID, SEQUENCE, DTSTART). The agent here has no external calendar: their
// notification level gives plain notices, without .ics (the calendar modes have their own test,
// tst_calendar_email_invitations).
#include "mailparser.h"
#include "models/catalog.h"
#include "notifyscenario.h"
#include "smtpsink.h"
#include "sync/ical/calendardomain.h"
#include "sync/ical/icalwriter.h"
#include "sync/notify/filetransport.h"
#include "sync/notify/outbox.h"
#include "sync/notify/smtptransport.h"

#include <QtTest>

using namespace creneau;
using namespace creneau::notify;
using test::NotifyScenario;

namespace {

struct Expected
{
    QString recipient;
    QString method; // empty: no .ics
    int sequence = 0;
};

} // namespace

Q_DECLARE_METATYPE(QList<Expected>)

class TestNotifyWhoGetsWhat : public QObject
{
    Q_OBJECT
private slots:
    void table_data()
    {
        QTest::addColumn<int>("booker");
        QTest::addColumn<QString>("action");
        QTest::addColumn<int>("level");
        QTest::addColumn<int>("daysBefore"); // the clock, days before the appointment
        QTest::addColumn<QList<Expected>>("expected");
        QTest::addColumn<int>("sms");
        QTest::addColumn<bool>("reminderQueued");

        const int presc = int(CreatedBy::Prescripteur), usager = int(CreatedBy::Usager),
                  agent = int(CreatedBy::Agent);
        const int all = int(NotificationLevel::All), others = int(NotificationLevel::Others),
                  soon = int(NotificationLevel::Soon), none = int(NotificationLevel::None);
        const QString p = QStringLiteral("n.roux@mairie.fr"),
                      u = QStringLiteral("amina@example.org"), a = QStringLiteral("durand@test.fr");
        const QString pub = QStringLiteral("PUBLISH"), can = QStringLiteral("CANCEL");
        const QString book = QStringLiteral("book");

        QTest::addRow("prescripteur books, agent all")
            << presc << book << all << 7 << QList<Expected>{{p, pub, 1}, {u, pub, 1}, {a, {}, 0}}
            << 1 << true;
        QTest::addRow("prescripteur books, agent none")
            << presc << book << none << 7 << QList<Expected>{{p, pub, 1}, {u, pub, 1}} << 1 << true;
        QTest::addRow("prescripteur books in a week, agent soon")
            << presc << book << soon << 7 << QList<Expected>{{p, pub, 1}, {u, pub, 1}} << 1 << true;
        QTest::addRow("prescripteur books for tomorrow, agent soon")
            << presc << book << soon << 1 << QList<Expected>{{p, pub, 1}, {u, pub, 1}, {a, {}, 0}}
            << 1 << false;
        QTest::addRow("usager books, agent others")
            << usager << book << others << 7 << QList<Expected>{{u, pub, 1}, {a, {}, 0}} << 1
            << true;
        QTest::addRow("agent books, agent others")
            << agent << book << others << 7 << QList<Expected>{{u, pub, 1}} << 1 << true;
        QTest::addRow("agent books, agent all")
            << agent << book << all << 7 << QList<Expected>{{u, pub, 1}, {a, {}, 0}} << 1 << true;
        // The prescriber is told of every move and cancellation, for information: their calendar
        // file follows (same UID, next SEQUENCE), and no link to act.
        QTest::addRow("moved by the agent, agent all")
            << presc << QStringLiteral("move") << all << 7
            << QList<Expected>{{u, pub, 2}, {a, {}, 0}, {p, pub, 2}} << 1 << true;
        QTest::addRow("moved by the agent, agent others")
            << presc << QStringLiteral("move") << others << 7
            << QList<Expected>{{u, pub, 2}, {p, pub, 2}} << 1 << true;
        QTest::addRow("prescribed usager moves with their link, agent all")
            << presc << QStringLiteral("usager-move") << all << 7
            << QList<Expected>{{u, pub, 2}, {a, {}, 0}, {p, pub, 2}} << 1 << true;
        QTest::addRow("prescribed usager cancels with their link, agent all")
            << presc << QStringLiteral("usager-cancel") << all << 7
            << QList<Expected>{{u, can, 2}, {a, {}, 0}, {p, pub, 2}} << 1 << false;
        QTest::addRow("cancelled by the usager, agent all")
            << usager << QStringLiteral("cancel") << all << 7
            << QList<Expected>{{u, can, 2}, {a, {}, 0}} << 1 << false;
        QTest::addRow("cancelled by the agent, agent soon, tomorrow")
            << presc << QStringLiteral("cancel") << soon << 1
            << QList<Expected>{{u, can, 2}, {p, pub, 2}} << 1 << false;
    }

    void table()
    {
        QFETCH(int, booker);
        QFETCH(QString, action);
        QFETCH(int, level);
        QFETCH(int, daysBefore);
        QFETCH(QList<Expected>, expected);
        QFETCH(int, sms);
        QFETCH(bool, reminderQueued);

        test::SmtpSink smtp;
        QVERIFY2(smtp.start(), qPrintable(smtp.error()));
        NotifyScenario s;
        s.clock.set(s.t.local(NotifyScenario::kMonday.addDays(-daysBefore), QTime(8, 0)));
        {
            WriteTransaction tx(*s.t.store);
            s.t.agent.notificationLevel = NotificationLevel(level);
            Catalog(*s.t.store).save(s.t.agent);
            tx.commit();
        }
        QTemporaryDir smsDir;
        SmtpTransport mail(smtp.url(), {QStringLiteral("rdv@test.fr"), QStringLiteral("Créneau")});
        FileTransport smsOut(smsDir.path(), {});
        DeliveryWorker worker(*s.t.store, s.clock, &mail, &smsOut);

        const BookingOutcome booked = s.book(CreatedBy(booker));
        QVERIFY2(booked.ok(), qPrintable(booked.message));
        Rdv rdv = booked.rdv;
        int before = 0;
        QSet<QByteArray> earlier; // maildir names do not sort by arrival within a second
        int smsBefore = 0;
        if (action != QLatin1String("book")) {
            QVERIFY(NotifyScenario::runWorker(worker));
            before = int(smtp.messages().size());
            QVERIFY(smtp.waitFor(before));
            for (const QByteArray &raw : smtp.messages())
                earlier.insert(raw);
            smsBefore = int(QDir(smsDir.path()).entryList(QDir::Files).size());
            BookingOutcome changed;
            const Actor usagerActor{Actor::Kind::Usager, 0, booked.usagerToken};
            if (action == QLatin1String("move")) {
                changed = s.service.move(rdv.id, Actor{Actor::Kind::Agent, s.t.agent.id, {}},
                                         s.t.at(NotifyScenario::kMonday, QTime(10, 30)));
            } else if (action == QLatin1String("usager-move")) {
                changed = s.service.move(rdv.id, usagerActor,
                                         s.t.at(NotifyScenario::kMonday, QTime(10, 30)));
            } else if (booker == int(CreatedBy::Usager) ||
                       action == QLatin1String("usager-cancel")) {
                changed =
                    s.service.cancel(rdv.id, Actor{Actor::Kind::Usager, 0, booked.usagerToken});
            } else {
                changed = s.service.cancel(rdv.id, Actor{Actor::Kind::Agent, s.t.agent.id, {}});
            }
            QVERIFY2(changed.ok(), qPrintable(changed.message));
            rdv = changed.rdv;
        }
        QVERIFY(NotifyScenario::runWorker(worker));
        QVERIFY(smtp.waitFor(before + int(expected.size())));
        QTest::qWait(200); // nothing more arrives
        QList<QByteArray> raw;
        for (const QByteArray &m : smtp.messages())
            if (!earlier.contains(m))
                raw << m;
        QCOMPARE(raw.size(), expected.size());

        const QList<OutboxMessage> rows = Outbox(*s.t.store).ofRdv(rdv.id);
        QStringList recipients;
        for (const QByteArray &bytes : raw) {
            const test::ParsedMail m = test::parseMail(bytes);
            const QString to = m.header("X-RcptTo");
            recipients << to;
            const auto e = std::find_if(expected.cbegin(), expected.cend(),
                                        [&](const Expected &x) { return x.recipient == to; });
            QVERIFY2(e != expected.cend(), qPrintable(to));
            QVERIFY(m.header("To").contains(to));
            QVERIFY(m.header("From").contains(QStringLiteral("Créneau <rdv@test.fr>")));
            QVERIFY(!m.header("Date").isEmpty());
            QVERIFY(!m.header("Subject").isEmpty());
            const QString messageId = m.header("Message-ID");
            QVERIFY(std::any_of(rows.cbegin(), rows.cend(), [&](const OutboxMessage &r) {
                return r.status == QLatin1String("sent") &&
                       messageId == QLatin1Char('<') + r.messageId + QLatin1Char('>');
            }));
            QVERIFY2(m.text.contains(QStringLiteral("Amina Diallo")), qPrintable(m.text));
            QVERIFY(m.html.contains(QStringLiteral("Amina Diallo")));
            QVERIFY(m.text.contains(QStringLiteral("1 mars 2027")));
            if (to == QLatin1String("n.roux@mairie.fr")) {
                // The prescriber's recap: no link to cancel, and a file without the usager's
                // contact.
                if (action == QLatin1String("book")) {
                    QVERIFY(m.text.contains(QStringLiteral("/recapitulatif/")));
                    // What the usager gets, said plainly, and the motif's instructions.
                    QVERIFY2(
                        m.text.contains(QStringLiteral("recevra la confirmation par SMS au ")) &&
                            m.text.contains(QStringLiteral("par e-mail à amina@example.org")),
                        qPrintable(m.text));
                    QVERIFY(!m.text.contains(QStringLiteral("s'en chargent")));
                    QVERIFY(!m.text.contains(QStringLiteral("s'il a donné")));
                } else {
                    // Who changed it, for information only.
                    QVERIFY2(m.text.contains(action.startsWith(QLatin1String("usager"))
                                                 ? QStringLiteral("par l'usager")
                                                 : QStringLiteral("par ") + s.t.org.name),
                             qPrintable(m.text));
                    QVERIFY(m.text.contains(QStringLiteral("vous n'avez rien à faire")));
                }
                QVERIFY(!m.text.contains(QStringLiteral("mon-rdv")));
                QVERIFY(!m.html.contains(QStringLiteral("mon-rdv")));
                QVERIFY(!m.ics.contains("amina@example.org"));
                QVERIFY(!m.ics.contains("ATTENDEE"));
            }
            if (e->method.isEmpty()) {
                QVERIFY(m.ics.isEmpty());
                QVERIFY(m.icsAttachment.isEmpty());
                // A plain notice: it does not promise an attached file.
                QVERIFY2(!m.text.contains(QStringLiteral("fichier joint")), qPrintable(m.text));
                continue;
            }
            QVERIFY2(!m.ics.isEmpty(), qPrintable(to));
            QVERIFY(m.icsContentType.contains(QStringLiteral("method=") + e->method));
            // The invitation next to the text, as Outlook wants it, and the same file attached.
            QCOMPARE(m.parts, (QStringList{"multipart/mixed", "multipart/alternative", "text/plain",
                                           "text/html", "text/calendar", "application/ics"}));
            QCOMPARE(m.icsAttachment, m.ics);
            QVERIFY(m.icsAttachmentDisposition.startsWith(QStringLiteral("attachment")));
            const test::ParsedIcs ics = test::parseIcs(m.ics);
            QVERIFY(ics.valid);
            QCOMPARE(ics.method, e->method);
            QCOMPARE(ics.uid, ical::uid(rdv.id, ical::calendarDomain(*s.t.store)));
            QCOMPARE(ics.sequence, e->sequence);
            QVERIFY2(m.ics.contains("TZID=") && m.ics.contains("BEGIN:VTIMEZONE"),
                     m.ics.constData());
            QCOMPARE(ics.start, rdv.startsAt);
            QCOMPARE(ics.end, rdv.endsAt());
            if (rdv.createdBy == CreatedBy::Prescripteur &&
                e->recipient.startsWith(QLatin1String("durand")))
                QVERIFY(ics.description.contains(QStringLiteral("n.roux@mairie.fr")));
            // Moving with their link, the usager's notice carries it again.
            if (to == QLatin1String("amina@example.org") && action == QLatin1String("usager-move"))
                QVERIFY2(m.text.contains(QStringLiteral("/mon-rdv/") + booked.usagerToken),
                         qPrintable(m.text));
            // Every usager who can be reached gets their private link, whoever booked.
            if (to == QLatin1String("amina@example.org") && action == QLatin1String("book")) {
                QVERIFY(!booked.usagerToken.isEmpty());
                QVERIFY2(m.text.contains(QStringLiteral("/rdv/test/mon-rdv/") + booked.usagerToken),
                         qPrintable(m.text));
            }
        }
        QCOMPARE(int(QDir(smsDir.path()).entryList(QDir::Files).size()) - smsBefore, sms);
        if (action == QLatin1String("book")) {
            // The usager's SMS carries their link, whoever booked.
            bool linked = false;
            for (const QFileInfo &f : QDir(smsDir.path()).entryInfoList(QDir::Files)) {
                QFile file(f.filePath());
                QVERIFY(file.open(QIODevice::ReadOnly));
                linked = linked || QString::fromUtf8(file.readAll())
                                       .contains(QStringLiteral("Infos et annulation : "));
            }
            QVERIFY(linked);
        }
        const int reminders = s.countRows(
            QStringLiteral("WHERE purpose = 'reminder' AND status = 'pending' AND rdv_id = %1")
                .arg(rdv.id));
        QCOMPARE(reminders > 0, reminderQueued);
    }
};

QTEST_GUILESS_MAIN(TestNotifyWhoGetsWhat)
#include "tst_notify_who_gets_what.moc"
