// A booking's messages are queued as drafts (template, values, calendar as they were at the
// change) and rendered when the outbox is read, outside the booking's transaction. What is read
// is what was true at the change, whatever happens to the appointment or the catalogue after;
// the same row gives the same message at every read; a draft that cannot be read fails visibly
// instead of sending an empty message.
#include "models/sql.h"
#include "notifyscenario.h"
#include "sync/ical/icalwriter.h"
#include "sync/notify/filetransport.h"
#include "sync/notify/outbox.h"
#include "sync/notify/outboxdraft.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace creneau;
using namespace creneau::notify;
using test::NotifyScenario;

namespace {

ical::Calendar calendar(ical::Method method, bool cancelled, int attendees)
{
    ical::Event e;
    e.rdvId = 9007199254740; // beyond 32 bits: ids survive the JSON numbers
    e.sequence = 3;
    e.startsAt = 1803888000;
    e.endsAt = e.startsAt + 1800;
    e.summary = QStringLiteral("RSA — « accompagnement » <b>&amp;</b>");
    e.location = QStringLiteral("Mairie, 1 place de l'Hôtel de Ville");
    e.description = QStringLiteral("Ligne 1\nLigne 2 ; virgule, deux-points:");
    e.cancelled = cancelled;
    e.organizer = {QStringLiteral("contact@mairie.fr"), QStringLiteral("Mairie d'Évreux")};
    e.sentBy = QStringLiteral("rdv@test.fr");
    for (int i = 0; i < attendees; ++i)
        e.attendees << ical::Person{QStringLiteral("a%1@test.fr").arg(i), QStringLiteral("Zoé")};
    ical::Calendar c;
    c.method = method;
    c.domain = QStringLiteral("abc123.creneau");
    c.timeZone = QStringLiteral("Europe/Paris");
    c.stamp = 1800000000;
    c.events << e;
    return c;
}

} // namespace

class TestOutboxDraft : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip_data()
    {
        QTest::addColumn<TemplateValues>("values");
        QTest::addColumn<int>("method"); // -1: no calendar
        QTest::addColumn<bool>("cancelled");
        QTest::addColumn<int>("attendees");
        QTest::newRow("no values, no calendar") << TemplateValues{} << -1 << false << 0;
        QTest::newRow("markup and accents kept as typed")
            << TemplateValues{{QStringLiteral("usager"), QStringLiteral("Zoé <script>&")},
                              {QStringLiteral("context"), QStringLiteral("\"quoted\"\n\\ line")}}
            << -1 << false << 0;
        QTest::newRow("control characters and a lone surrogate")
            << TemplateValues{{QStringLiteral("context"),
                               QString(QChar(1)) + QStringLiteral("\t") + QChar(0xD800)},
                              {QString(QChar(0x1F)), QStringLiteral("clé")}}
            << -1 << false << 0;
        QTest::newRow("empty value is not a missing one")
            << TemplateValues{{QStringLiteral("link"), QString()}} << -1 << false << 0;
        QTest::newRow("publish") << TemplateValues{{QStringLiteral("motif"), QStringLiteral("RSA")}}
                                 << int(ical::Method::Publish) << false << 0;
        QTest::newRow("request, two attendees")
            << TemplateValues{} << int(ical::Method::Request) << false << 2;
        QTest::newRow("cancel") << TemplateValues{} << int(ical::Method::Cancel) << true << 1;
    }
    void roundTrip()
    {
        QFETCH(TemplateValues, values);
        QFETCH(int, method);
        QFETCH(bool, cancelled);
        QFETCH(int, attendees);
        OutboxDraft d{QStringLiteral("usager_confirmation"), values, std::nullopt};
        if (method >= 0)
            d.calendar = calendar(ical::Method(method), cancelled, attendees);
        // The bytes written directly (fast path) read as the plain path's object.
        const QJsonDocument written = QJsonDocument::fromJson(d.serialize().toUtf8());
        QVERIFY(written.isObject());
        QCOMPARE(written.object(), d.toJson());
        const auto back = OutboxDraft::parse(d.serialize());
        QVERIFY(back);
        QCOMPARE(back->templateName, d.templateName);
        if (!QTest::currentDataTag() ||
            QByteArray(QTest::currentDataTag()) != "control characters and a lone surrogate")
            QCOMPARE(back->values, d.values); // a lone surrogate is not kept (nor by Qt)
        QCOMPARE(back->values.contains(QStringLiteral("link")),
                 values.contains(QStringLiteral("link")));
        QCOMPARE(bool(back->calendar), bool(d.calendar));
        if (d.calendar) // the same file, byte for byte, whenever it is written
            QCOMPARE(ical::write(*back->calendar), ical::write(*d.calendar));
    }

    void unreadableDrafts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("not JSON") << QStringLiteral("{");
        QTest::newRow("no template") << QStringLiteral("{\"values\":{}}");
        QTest::newRow("values not an object")
            << QStringLiteral("{\"template\":\"moved\",\"values\":[]}");
        QTest::newRow("calendar without method") << QStringLiteral(
            "{\"template\":\"moved\",\"values\":{},\"calendar\":{\"events\":[]}}");
    }
    void unreadableDrafts()
    {
        QFETCH(QString, text);
        QVERIFY(!OutboxDraft::parse(text));
    }

    // The row holds the draft, not the text: nothing was rendered under the booking's lock. Read
    // after the appointment moved and the motif was renamed, the first messages still say what
    // was true when they were queued, and say it the same way at every read.
    void renderedAsAtTheChange()
    {
        NotifyScenario s;
        const BookingOutcome b = s.book(CreatedBy::Prescripteur);
        QVERIFY(b.ok());
        Outbox outbox(*s.t.store);
        const auto queued = outbox.ofRdv(b.rdv.id);
        QVERIFY(queued.size() >= 3);
        QCOMPARE(s.countRows(QStringLiteral("WHERE draft <> '' AND subject = '' AND "
                                            "body_text = '' AND ics = ''")),
                 int(queued.size()));

        const auto prescripteur = std::find_if(queued.cbegin(), queued.cend(), [](const auto &m) {
            return m.purpose == QLatin1String("prescripteur");
        });
        QVERIFY(prescripteur != queued.cend());
        const OutboxMessage before = *prescripteur;
        QVERIFY(before.subject.contains(QStringLiteral("Amina Diallo")));
        QVERIFY(before.bodyText.contains(QStringLiteral("RSA")));
        QVERIFY(before.bodyHtml.contains(QStringLiteral("<html")));
        QVERIFY(before.ics.contains("METHOD:PUBLISH"));
        QVERIFY(before.ics.contains("DTSTART;TZID=Europe/Paris:20270301T090000"));

        QVERIFY(s.service
                    .move(b.rdv.id, Actor{Actor::Kind::Agent, s.t.agent.id, {}},
                          s.t.at(NotifyScenario::kMonday, QTime(10, 0)))
                    .ok());
        sql::run(s.t.store->db(), QStringLiteral("UPDATE motifs SET name = 'Renommé' WHERE id = ?"),
                 {s.partners.id});

        const OutboxMessage after = outbox.find(before.id).value();
        QCOMPARE(after.subject, before.subject);
        QCOMPARE(after.bodyText, before.bodyText);
        QCOMPARE(after.bodyHtml, before.bodyHtml);
        QCOMPARE(after.ics, before.ics);
        QCOMPARE(after.icsMethod, QStringLiteral("PUBLISH"));
        // The move's own message to the prescriber says the new time, at a higher SEQUENCE.
        const auto all = outbox.ofRdv(b.rdv.id);
        const auto moved = std::find_if(all.cbegin(), all.cend(), [&](const auto &m) {
            return m.purpose == QLatin1String("prescripteur") && m.id != before.id;
        });
        QVERIFY(moved != all.cend());
        QVERIFY(moved->ics.contains("DTSTART;TZID=Europe/Paris:20270301T100000"));
        QVERIFY(!moved->ics.contains("SEQUENCE:0"));
    }

    // Listing what was sent (the prescriber's recap) reads no text: drafts are left unrendered.
    void headersOnly()
    {
        NotifyScenario s;
        const BookingOutcome b = s.book(CreatedBy::Prescripteur);
        QVERIFY(b.ok());
        const auto headers = Outbox(*s.t.store).ofRdv(b.rdv.id, Outbox::Content::Headers);
        QVERIFY(!headers.isEmpty());
        for (const OutboxMessage &m : headers) {
            QVERIFY(!m.recipient.isEmpty());
            QVERIFY(m.subject.isEmpty() && m.bodyText.isEmpty() && m.ics.isEmpty());
        }
    }

    // A corrupt draft is never sent empty: its message fails at once with a reason; the others
    // of the same booking are delivered.
    void corruptDraftFailsVisibly()
    {
        QTemporaryDir folder;
        NotifyScenario s;
        const BookingOutcome b = s.book(CreatedBy::Prescripteur);
        QVERIFY(b.ok());
        Outbox outbox(*s.t.store);
        const QList<OutboxMessage> queued = outbox.ofRdv(b.rdv.id);
        const Id broken = queued.first().id;
        sql::run(s.t.store->db(), QStringLiteral("UPDATE outbox SET draft = '{' WHERE id = ?"),
                 {broken});
        QVERIFY(outbox.find(broken)->unreadable);

        FileTransport files(folder.path(), {QStringLiteral("rdv@test.fr"), {}});
        DeliveryWorker worker(*s.t.store, s.clock, &files, &files);
        QVERIFY(NotifyScenario::runWorker(worker));
        const OutboxMessage failed = outbox.find(broken).value();
        QCOMPARE(failed.status, QStringLiteral("failed"));
        QVERIFY(failed.lastError.contains(QStringLiteral("illisible")));
        int sent = 0;
        for (const OutboxMessage &m : outbox.ofRdv(b.rdv.id))
            sent += m.status == QLatin1String("sent");
        const int dueNow = int(std::count_if(queued.cbegin(), queued.cend(), [&](const auto &m) {
            return m.id != broken && m.dueAt <= s.clock.nowSecs() &&
                   m.status == QLatin1String("pending");
        }));
        QVERIFY(dueNow >= 2);
        QCOMPARE(sent, dueNow);
        QCOMPARE(QDir(folder.path()).entryList(QDir::Files).size(), dueNow);
    }
};

QTEST_GUILESS_MAIN(TestOutboxDraft)
#include "tst_outbox_draft.moc"
