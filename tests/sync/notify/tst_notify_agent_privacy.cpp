// The agents' e-mails follow the same privacy choice as their calendars: when the organisation
// asks for initials, the usager's name reads « A. D. » in the agents' subject and bodies (as in
// their .ics), while the usager's and the prescriber's own messages keep the full name.
#include "models/catalog.h"
#include "notifyscenario.h"
#include "sync/notify/outbox.h"

#include <QtTest>

using namespace creneau;
using namespace creneau::notify;
using test::NotifyScenario;

class TestNotifyAgentPrivacy : public QObject
{
    Q_OBJECT
private slots:
    void namesInAgentMail_data()
    {
        QTest::addColumn<bool>("initials");
        QTest::addColumn<QString>("action");
        for (const bool initials : {false, true})
            for (const char *action : {"book", "move", "cancel"})
                QTest::addRow("%s, %s", initials ? "initials" : "full names", action)
                    << initials << QString::fromLatin1(action);
    }
    void namesInAgentMail()
    {
        QFETCH(bool, initials);
        QFETCH(QString, action);
        NotifyScenario s;
        s.clock.set(s.t.local(NotifyScenario::kMonday.addDays(-7), QTime(8, 0)));
        {
            WriteTransaction tx(*s.t.store);
            s.t.org.privacyInitials = initials;
            Catalog(*s.t.store).save(s.t.org);
            s.t.agent.notificationLevel = NotificationLevel::All;
            Catalog(*s.t.store).save(s.t.agent);
            tx.commit();
        }
        const BookingOutcome booked = s.book(CreatedBy::Prescripteur);
        QVERIFY2(booked.ok(), qPrintable(booked.message));
        const Actor agent{Actor::Kind::Agent, s.t.agent.id, {}};
        if (action == QLatin1String("move"))
            QVERIFY(
                s.service.move(booked.rdv.id, agent, s.t.at(NotifyScenario::kMonday, QTime(10, 30)))
                    .ok());
        else if (action == QLatin1String("cancel"))
            QVERIFY(s.service.cancel(booked.rdv.id, agent).ok());

        int agentMails = 0;
        for (const OutboxMessage &m : Outbox(*s.t.store).ofRdv(booked.rdv.id)) {
            if (m.kind != OutboxMessage::Kind::Email)
                continue;
            const QString all = m.subject + m.bodyText + m.bodyHtml;
            if (m.purpose == QLatin1String("agent")) {
                ++agentMails;
                QCOMPARE(all.contains(QStringLiteral("Amina Diallo")), !initials);
                QCOMPARE(m.subject.contains(QStringLiteral("A. D.")), initials);
                QCOMPARE(m.bodyText.contains(QStringLiteral("A. D.")), initials);
            } else {
                // The usager's and the prescriber's messages: the name they typed.
                QVERIFY2(all.contains(QStringLiteral("Amina Diallo")), qPrintable(m.subject));
            }
        }
        QCOMPARE(agentMails, action == QLatin1String("book") ? 1 : 2);
    }
};

QTEST_GUILESS_MAIN(TestNotifyAgentPrivacy)
#include "tst_notify_agent_privacy.moc"
