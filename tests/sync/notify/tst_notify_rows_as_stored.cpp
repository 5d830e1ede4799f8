// What a change's messages are written from, now that the booking hands the sink the rows it
// already read (RdvEvent::Known) and a held message is written held in one statement:
// - the drafts are the same whether the writer passed its rows or the sink read them, and rows
//   of another id are never taken for the event's;
// - a message past the recipient's daily limit is one 'dropped' row with its reason, never due.
#include "models/catalog.h"
#include "models/rdvrepository.h"
#include "models/sql.h"
#include "notifyscenario.h"
#include "sync/notify/outbox.h"
#include "sync/notify/outboxdraft.h"

#include <QtTest>

using namespace creneau;
using namespace creneau::notify;
using test::NotifyScenario;

namespace {

enum class Given
{
    AsStored,
    OtherIds,
    RenamedMotif,
};

// The drafts (purpose → draft as JSON) of the messages queued after outbox row `after`.
QMap<QString, QJsonObject> draftsAfter(Store &store, Id after)
{
    QMap<QString, QJsonObject> out;
    QSqlQuery q =
        sql::run(store.db(),
                 QStringLiteral("SELECT purpose, recipient, draft FROM outbox WHERE id > ? "
                                "ORDER BY id"),
                 {after});
    while (q.next()) {
        const auto draft = OutboxDraft::parse(q.value(2).toString());
        out.insert(q.value(0).toString() + QLatin1Char(' ') + q.value(1).toString(),
                   draft ? draft->toJson() : QJsonObject());
    }
    return out;
}

Id lastOutboxId(Store &store)
{
    return sql::scalar(store.db(), QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM outbox"))
        .toLongLong();
}

} // namespace

Q_DECLARE_METATYPE(Given)

class TestNotifyRowsAsStored : public QObject
{
    Q_OBJECT
private slots:
    void draftsDoNotDependOnWhoReadTheRows_data()
    {
        QTest::addColumn<Given>("given");
        QTest::addColumn<bool>("sameAsRead");
        QTest::addRow("the writer's rows, as stored") << Given::AsStored << true;
        QTest::addRow("rows of other ids are not taken") << Given::OtherIds << true;
        // The sink trusts what it is given: the booking passes rows read under its lock.
        QTest::addRow("a motif given renamed shows") << Given::RenamedMotif << false;
    }

    void draftsDoNotDependOnWhoReadTheRows()
    {
        QFETCH(Given, given);
        QFETCH(bool, sameAsRead);
        NotifyScenario s;
        const BookingOutcome booked = s.book(CreatedBy::Prescripteur);
        QVERIFY(booked.ok());
        Store &store = *s.t.store;
        Catalog catalog(store);

        RdvEvent event;
        event.kind = RdvEvent::Kind::Created;
        event.rdv = booked.rdv;
        event.actor = Actor::Kind::Prescripteur;
        event.usagerToken = booked.usagerToken;
        auto recorded = [&](const RdvEvent &e) {
            const Id before = lastOutboxId(store);
            WriteTransaction tx(store, e.rdv.organisationId);
            s.sink.record(store, e);
            tx.commit();
            return draftsAfter(store, before);
        };
        const QMap<QString, QJsonObject> read = recorded(event);
        // The prescripteur, the usager's e-mail and SMS, their reminders, the agent.
        QVERIFY2(read.size() >= 4, qPrintable(QStringList(read.keys()).join(u',')));

        RdvEvent withRows = event;
        withRows.known.organisation = catalog.organisation(booked.rdv.organisationId);
        withRows.known.motif = catalog.motif(booked.rdv.motifId);
        withRows.known.lieu = catalog.lieu(booked.rdv.lieuId);
        withRows.known.usager = RdvRepository(store).usager(booked.rdv.usagerIds.first());
        QVERIFY(withRows.known.organisation && withRows.known.motif && withRows.known.lieu &&
                withRows.known.usager);
        if (given == Given::OtherIds) {
            withRows.known.organisation->id += 1000;
            withRows.known.organisation->name = QStringLiteral("Autre organisation");
            withRows.known.motif->id += 1000;
            withRows.known.motif->name = QStringLiteral("Autre motif");
            withRows.known.lieu->id += 1000;
            withRows.known.lieu->name = QStringLiteral("Autre lieu");
            withRows.known.usager->id += 1000;
            withRows.known.usager->lastName = QStringLiteral("Autre");
        } else if (given == Given::RenamedMotif) {
            withRows.known.motif->name = QStringLiteral("Motif renommé");
        }
        const QMap<QString, QJsonObject> given_ = recorded(withRows);
        QCOMPARE(given_.keys(), read.keys());
        QCOMPARE(given_ == read, sameAsRead);
        QJsonArray drafts;
        for (const QJsonObject &d : given_)
            drafts.append(d);
        const QByteArray all = QJsonDocument(drafts).toJson();
        QVERIFY(!all.contains("Autre"));
        QCOMPARE(all.contains("Motif renommé"), given == Given::RenamedMotif);
    }

    void messagePastTheLimitIsWrittenHeld()
    {
        NotifyScenario s; // three messages a day per recipient (NotifyContext)
        Store &store = *s.t.store;
        const QTime times[] = {QTime(9, 0), QTime(9, 30), QTime(10, 0), QTime(10, 30)};
        for (const QTime &at : times)
            QVERIFY(s.book(CreatedBy::Usager, at).ok());
        const QString email = QStringLiteral("amina@example.org");
        QSqlQuery q = sql::run(store.db(),
                               QStringLiteral("SELECT status, last_error FROM outbox WHERE "
                                              "recipient = ? AND purpose = 'confirmation' "
                                              "ORDER BY id"),
                               {email});
        QStringList statuses;
        QString reason;
        while (q.next()) {
            statuses << q.value(0).toString();
            if (q.value(0).toString() == QLatin1String("dropped"))
                reason = q.value(1).toString();
        }
        QCOMPARE(statuses, (QStringList{QStringLiteral("pending"), QStringLiteral("pending"),
                                        QStringLiteral("pending"), QStringLiteral("dropped")}));
        QVERIFY2(reason.contains(QLatin1String("plus de 3 messages")), qPrintable(reason));
        // Never handed to the delivery worker.
        const QList<Id> due = Outbox(store).due(s.clock.nowSecs() + 30 * 86400, 1000);
        const Id held = sql::scalar(store.db(),
                                    QStringLiteral("SELECT id FROM outbox WHERE status = "
                                                   "'dropped' AND recipient = ?"),
                                    {email})
                            .toLongLong();
        QVERIFY(held);
        QVERIFY(!due.contains(held));
    }
};

QTEST_GUILESS_MAIN(TestNotifyRowsAsStored)
#include "tst_notify_rows_as_stored.moc"
