// Every kind of .ics Créneau writes for one appointment (booked as a prescriber, moved across the
// 28 March 2027 DST change, cancelled) against its golden file in tests/data/ics, byte for byte
// once DTSTAMP is masked; each golden file read back by libical (RFC 5546 restrictions for the
// iTIP methods, DTSTART through the file's own VTIMEZONE). ical.js reads the same files
// (tests/e2e/ical_check.mjs). CRENEAU_UPDATE_GOLDEN=1 rewrites the files instead of comparing.
#include "models/booking.h"
#include "models/rdvrepository.h"
#include "models/slotengine.h"
#include "sync/calendar/caldavworker.h"
#include "sync/calendar/calendarfeed.h"
#include "sync/notify/notificationsink.h"
#include "sync/notify/outbox.h"
#include "sync/server/recappages.h"
#include "testorganisation.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <libical/ical.h>

using namespace creneau;
using namespace creneau::test;

namespace {

const QString kGoldenDir = QStringLiteral(ICS_GOLDEN_DIR);
const QString kMailFrom = QStringLiteral("ne-pas-repondre@ville-exemple.fr");

QByteArray masked(QByteArray ics)
{
    static const QRegularExpression stamp(QStringLiteral("DTSTAMP:[0-9]{8}T[0-9]{6}Z"));
    return QString::fromUtf8(ics).replace(stamp, QStringLiteral("DTSTAMP:<masked>")).toUtf8();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString goldenPath(const QString &name)
{
    return kGoldenDir + QLatin1Char('/') + name + QStringLiteral(".ics");
}

struct People
{
    QString organizer;
    QStringList attendees;
    int sequence = -1;
    QString uid;
};

People peopleOf(const QByteArray &ics)
{
    People p;
    icalcomponent *cal = icalparser_parse_string(ics.constData());
    if (!cal)
        return p;
    icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
    if (ev) {
        if (icalproperty *o = icalcomponent_get_first_property(ev, ICAL_ORGANIZER_PROPERTY))
            p.organizer = QString::fromUtf8(icalproperty_get_organizer(o));
        for (icalproperty *a = icalcomponent_get_first_property(ev, ICAL_ATTENDEE_PROPERTY); a;
             a = icalcomponent_get_next_property(ev, ICAL_ATTENDEE_PROPERTY))
            p.attendees << QString::fromUtf8(icalproperty_get_attendee(a));
        p.sequence = icalcomponent_get_sequence(ev);
        p.uid = QString::fromUtf8(icalcomponent_get_uid(ev));
    }
    icalcomponent_free(cal);
    return p;
}

} // namespace

class TestIcalGolden : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestOrganisation> m_t;
    QMap<QString, QByteArray> m_files;
    QMap<QString, qint64> m_instants; // the booked instant each file's DTSTART must give
    qint64 m_booked = 0;
    qint64 m_moved = 0;

    static QStringList names()
    {
        return {QStringLiteral("usager_confirmation"), QStringLiteral("prescripteur_confirmation"),
                QStringLiteral("agent_request"),       QStringLiteral("usager_moved_dst"),
                QStringLiteral("agent_moved_dst"),     QStringLiteral("usager_cancel"),
                QStringLiteral("agent_cancel"),        QStringLiteral("feed"),
                QStringLiteral("caldav_resource"),     QStringLiteral("recap_usager"),
                QStringLiteral("recap_prescripteur")};
    }
    static void addRows()
    {
        QTest::addColumn<QString>("name");
        for (const QString &n : names())
            QTest::addRow("%s", qPrintable(n)) << n;
    }

    // The mails' files queued since the last call, by kind ("usager", "prescripteur", "agent").
    QMap<QString, QByteArray> newMails(Id rdvId, QSet<QString> &seen)
    {
        QMap<QString, QByteArray> out;
        for (const notify::OutboxMessage &m : notify::Outbox(*m_t->store).ofRdv(rdvId)) {
            if (m.ics.isEmpty() || seen.contains(m.messageId))
                continue;
            seen.insert(m.messageId);
            const QString who = m.purpose == QLatin1String("agent") ? QStringLiteral("agent")
                                : m.purpose == QLatin1String("prescripteur")
                                    ? QStringLiteral("prescripteur")
                                    : QStringLiteral("usager");
            if (out.contains(who))
                qWarning() << "two files for" << who;
            out[who] = m.ics;
        }
        return out;
    }

    // The line `name:...` of an .ics, unfolded enough for UID and SEQUENCE.
    static QByteArray property(const QByteArray &ics, const QByteArray &name)
    {
        for (const QByteArray &line : ics.split('\n'))
            if (line.startsWith(name + ':'))
                return line.trimmed();
        return {};
    }
    static bool samePublicEvent(const QByteArray &a, const QByteArray &b)
    {
        return !property(a, "UID").isEmpty() && property(a, "UID") == property(b, "UID") &&
               property(a, "SEQUENCE") == property(b, "SEQUENCE");
    }

private slots:
    void initTestCase()
    {
        m_t = std::make_unique<TestOrganisation>(QStringLiteral("Europe/Paris"));
        Store &store = *m_t->store;
        // Fixed ids, so that the output is the same on every run.
        sql::run(store.db(), QStringLiteral("INSERT INTO installation (id, calendar_domain) "
                                            "VALUES (1, 'f00dfeedc0ffee123456.creneau')"));
        {
            WriteTransaction tx(store);
            Catalog catalog(store);
            m_t->org.name = QStringLiteral("Mairie de Saint-Exemple");
            m_t->org.email = QStringLiteral("accueil@ville-exemple.fr");
            catalog.save(m_t->org);
            m_t->lieu.address = QStringLiteral("3 rue de la Paix, 76000 Rouen");
            catalog.save(m_t->lieu);
            m_t->motif.instructions = QStringLiteral("Apportez une pièce d'identité.");
            catalog.save(m_t->motif);
            tx.commit();
        }
        m_t->addPlage(m_t->agent.id, m_t->lieu.id, {m_t->motif.id}, QDate(2027, 3, 2), QTime(9, 0),
                      QTime(17, 0), QStringLiteral("FREQ=WEEKLY;BYDAY=TU,TH"));

        ManualClock clock(QDateTime(QDate(2027, 3, 1), QTime(8, 0), Qt::UTC));
        notify::NotifyContext context;
        context.host = QStringLiteral("rdv.ville-exemple.fr");
        context.fromAddress = kMailFrom;
        context.publicUrl = [] { return QStringLiteral("https://rdv.ville-exemple.fr"); };
        context.calendarByEmail = [](Store &, Id) { return true; };
        notify::NotificationSink sink(context, clock);
        SlotEngine engine(store);
        BookingService service(store, engine, clock, &sink);
        QSet<QString> seen;

        m_booked = m_t->at(QDate(2027, 3, 25), QTime(10, 0)); // UTC+1
        m_moved = m_t->at(QDate(2027, 3, 30), QTime(10, 0));  // UTC+2, after 28 March
        QCOMPARE(m_booked, QDateTime(QDate(2027, 3, 25), QTime(9, 0), Qt::UTC).toSecsSinceEpoch());
        QCOMPARE(m_moved, QDateTime(QDate(2027, 3, 30), QTime(8, 0), Qt::UTC).toSecsSinceEpoch());

        BookingRequest r;
        r.organisationId = m_t->org.id;
        r.motifId = m_t->motif.id;
        r.lieuId = m_t->lieu.id;
        r.startsAt = m_booked;
        r.bookedBy = CreatedBy::Prescripteur;
        r.prescripteur = {QStringLiteral("Nathalie"), QStringLiteral("Roux"),
                          QStringLiteral("n.roux@mairie.fr"), QStringLiteral("02 32 64 15 00")};
        r.usager.firstName = QStringLiteral("Amina");
        r.usager.lastName = QStringLiteral("Diallo");
        r.usager.phone = QStringLiteral("06 12 34 56 78");
        r.usager.email = QStringLiteral("amina.diallo@example.org");
        const BookingOutcome booked = service.book(r);
        QVERIFY2(booked.ok(), qPrintable(booked.message));
        const Id id = booked.rdv.id;
        auto mails = newMails(id, seen);
        QCOMPARE(mails.keys(), (QStringList{"agent", "prescripteur", "usager"}));
        m_files[QStringLiteral("usager_confirmation")] = mails["usager"];
        m_files[QStringLiteral("prescripteur_confirmation")] = mails["prescripteur"];
        m_files[QStringLiteral("agent_request")] = mails["agent"];
        for (const char *n : {"usager_confirmation", "prescripteur_confirmation", "agent_request"})
            m_instants[QLatin1String(n)] = m_booked;

        clock.advanceSecs(3600);
        Actor agent;
        agent.kind = Actor::Kind::Agent;
        agent.agentId = m_t->agent.id;
        const BookingOutcome moved = service.move(id, agent, m_moved);
        QVERIFY2(moved.ok(), qPrintable(moved.message));
        mails = newMails(id, seen);
        // The prescriber is told too: their copy follows (same UID and SEQUENCE as the usager's).
        QCOMPARE(mails.keys(), (QStringList{"agent", "prescripteur", "usager"}));
        QVERIFY(samePublicEvent(mails["prescripteur"], mails["usager"]));
        m_files[QStringLiteral("usager_moved_dst")] = mails["usager"];
        m_files[QStringLiteral("agent_moved_dst")] = mails["agent"];
        const Rdv rdv = *RdvRepository(store).find(id);
        const qint64 now = clock.nowSecs();
        m_files[QStringLiteral("feed")] = calendar::CalendarFeed::render(store, m_t->agent.id, now);
        m_files[QStringLiteral("caldav_resource")] =
            calendar::CaldavWorker::resource(store, rdv, now);
        m_files[QStringLiteral("recap_usager")] =
            server::recapCalendar(store, m_t->org, rdv, ical::Audience::Usager, kMailFrom, now);
        m_files[QStringLiteral("recap_prescripteur")] = server::recapCalendar(
            store, m_t->org, rdv, ical::Audience::Prescripteur, kMailFrom, now);
        for (const char *n : {"usager_moved_dst", "agent_moved_dst", "feed", "caldav_resource",
                              "recap_usager", "recap_prescripteur"})
            m_instants[QLatin1String(n)] = m_moved;

        clock.advanceSecs(3600);
        const BookingOutcome cancelled =
            service.cancel(id, agent, QStringLiteral("Agent absent ce jour-là"));
        QVERIFY2(cancelled.ok(), qPrintable(cancelled.message));
        mails = newMails(id, seen);
        QCOMPARE(mails.keys(), (QStringList{"agent", "prescripteur", "usager"}));
        QVERIFY(samePublicEvent(mails["prescripteur"], mails["usager"]));
        QVERIFY(mails["prescripteur"].contains("STATUS:CANCELLED"));
        QVERIFY(mails["prescripteur"].contains("METHOD:PUBLISH"));
        QVERIFY(!mails["prescripteur"].contains("ATTENDEE"));
        m_files[QStringLiteral("usager_cancel")] = mails["usager"];
        m_files[QStringLiteral("agent_cancel")] = mails["agent"];
        m_instants[QStringLiteral("usager_cancel")] = m_moved;
        m_instants[QStringLiteral("agent_cancel")] = m_moved;

        if (qEnvironmentVariableIsSet("CRENEAU_UPDATE_GOLDEN")) {
            QJsonObject instants;
            for (auto it = m_files.cbegin(); it != m_files.cend(); ++it) {
                QFile f(goldenPath(it.key()));
                QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
                f.write(it.value());
                instants[it.key()] = QDateTime::fromSecsSinceEpoch(m_instants[it.key()], Qt::UTC)
                                         .toString(Qt::ISODate);
            }
            QFile json(kGoldenDir + QStringLiteral("/instants.json"));
            QVERIFY(json.open(QIODevice::WriteOnly | QIODevice::Truncate));
            json.write(QJsonDocument(instants).toJson());
        }
    }

    void golden_data() { addRows(); }
    void golden()
    {
        QFETCH(QString, name);
        const QByteArray produced = m_files.value(name);
        QVERIFY2(!produced.isEmpty(), qPrintable(name));
        const QByteArray expected = readFile(goldenPath(name));
        QVERIFY2(!expected.isEmpty(), qPrintable(goldenPath(name)));
        QCOMPARE(QString::fromUtf8(masked(produced)), QString::fromUtf8(masked(expected)));
    }

    // The golden file itself through libical: it parses without errors, iTIP files meet RFC
    // 5546's restrictions, TZID is the IANA name with its (small) VTIMEZONE, and DTSTART read
    // through that VTIMEZONE is the booked instant.
    void libicalReads_data() { addRows(); }
    void libicalReads()
    {
        QFETCH(QString, name);
        const QByteArray bytes = readFile(goldenPath(name));
        QVERIFY(!bytes.isEmpty());
        QVERIFY2(bytes.contains("\r\n"), "CRLF line ends");
        icalcomponent *cal = icalparser_parse_string(bytes.constData());
        QVERIFY(cal);
        QCOMPARE(icalcomponent_count_errors(cal), 0);
        const icalproperty_method method = icalcomponent_get_method(cal);
        if (method != ICAL_METHOD_NONE) {
            QVERIFY2(icalrestriction_check(cal) == 1, qPrintable(name));
            QCOMPARE(icalcomponent_count_errors(cal), 0);
        }
        QVERIFY2(bytes.contains(";TZID=Europe/Paris:"), bytes.constData());
        QVERIFY(!bytes.contains("freeassociation"));
        icalcomponent *vtz = icalcomponent_get_first_component(cal, ICAL_VTIMEZONE_COMPONENT);
        QVERIFY(vtz);
        QCOMPARE(QString::fromUtf8(icalproperty_get_tzid(
                     icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY))),
                 QStringLiteral("Europe/Paris"));
        // Truncated to the years in use: one STANDARD and one DAYLIGHT, not 1891 onwards.
        QVERIFY(icalcomponent_count_components(vtz, ICAL_ANY_COMPONENT) <= 4);
        icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
        QVERIFY(ev);
        const icaltimetype start = icalcomponent_get_dtstart(ev);
        QVERIFY(start.zone);
        QCOMPARE(QString::fromUtf8(icaltimezone_get_tzid(const_cast<icaltimezone *>(start.zone))),
                 QStringLiteral("Europe/Paris"));
        QCOMPARE(qint64(icaltime_as_timet_with_zone(start, start.zone)), m_instants.value(name));
        const QString uid = QString::fromUtf8(icalcomponent_get_uid(ev));
        QCOMPARE(uid, QStringLiteral("rdv-1@f00dfeedc0ffee123456.creneau"));
        const int organizers = icalcomponent_count_properties(ev, ICAL_ORGANIZER_PROPERTY);
        QCOMPARE(organizers, method == ICAL_METHOD_NONE ? 0 : 1);
        icalcomponent_free(cal);
    }

    // RFC 5546: a CANCEL names the ORGANIZER and every ATTENDEE of the event it cancels (the
    // usager's PUBLISH may name none, its CANCEL must name one: the usager), with a higher
    // SEQUENCE; a move's SEQUENCE is above the booking's; one organiser everywhere.
    void itip_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::addColumn<QStringList>("attendees"); // of `after`
        const QStringList none;
        const QStringList usager{QStringLiteral("mailto:amina.diallo@example.org")};
        const QStringList agent{QStringLiteral("mailto:durand@test.fr")};
        QTest::newRow("usager moved") << "usager_confirmation"
                                      << "usager_moved_dst" << none;
        QTest::newRow("usager cancel") << "usager_moved_dst"
                                       << "usager_cancel" << usager;
        QTest::newRow("agent request") << "agent_request"
                                       << "agent_request" << agent;
        QTest::newRow("agent moved") << "agent_request"
                                     << "agent_moved_dst" << agent;
        QTest::newRow("agent cancel") << "agent_moved_dst"
                                      << "agent_cancel" << agent;
        QTest::newRow("recap then cancel") << "recap_usager"
                                           << "usager_cancel" << usager;
        QTest::newRow("prescriber then move") << "prescripteur_confirmation"
                                              << "usager_moved_dst" << none;
    }
    void itip()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        QFETCH(QStringList, attendees);
        const People a = peopleOf(m_files.value(before));
        const People b = peopleOf(m_files.value(after));
        QVERIFY(!a.uid.isEmpty());
        QCOMPARE(b.uid, a.uid);
        if (before != after)
            QVERIFY2(b.sequence > a.sequence, qPrintable(QString::number(b.sequence)));
        QCOMPARE(b.organizer, a.organizer);
        QCOMPARE(b.organizer, QStringLiteral("mailto:accueil@ville-exemple.fr"));
        QCOMPARE(b.attendees, attendees);
    }

    // The mail comes from ne-pas-repondre@: the organiser is the organisation, sent by it.
    void sentBy()
    {
        const QByteArray unfolded = QByteArray(m_files.value("agent_request")).replace("\r\n ", "");
        QVERIFY2(unfolded.contains("SENT-BY=\"mailto:" + kMailFrom.toUtf8() + '"'),
                 unfolded.constData());
        // The recap download is not sent by mail: nobody else sends it.
        QVERIFY(!m_files.value("recap_usager").contains("SENT-BY"));
    }

    // The prescriber's file says nothing of the usager's contact.
    void prescriberPrivacy()
    {
        for (const char *n : {"prescripteur_confirmation", "recap_prescripteur"}) {
            const QByteArray f = QByteArray(m_files.value(n)).replace("\r\n ", "");
            QVERIFY2(!f.contains("amina.diallo@example.org"), n);
            QVERIFY2(!f.contains("06 12 34 56 78"), n);
            QVERIFY2(!f.contains("ATTENDEE"), n);
        }
    }
};

QTEST_GUILESS_MAIN(TestIcalGolden)
#include "tst_ical_golden.moc"
