// The iCalendar writer (sync/ical) on its own: the IANA TZID with a VTIMEZONE truncated to the
// years in use for metropolitan and overseas zones, UTC for zones libical does not know,
// ORGANIZER's SENT-BY only when someone else sends, and the installation's calendar domain kept
// in the store (the same on every call and from every connection to the database).
#include "sync/ical/calendardomain.h"
#include "sync/ical/icalwriter.h"
#include "testorganisation.h"

#include <QRegularExpression>
#include <QtTest>

#include <libical/ical.h>

using namespace creneau;

namespace {

ical::Calendar oneEvent(const QString &zone, qint64 start)
{
    ical::Calendar cal;
    cal.method = ical::Method::Publish;
    cal.domain = QStringLiteral("abc.creneau");
    cal.timeZone = zone;
    cal.stamp = start - 86400;
    ical::Event e;
    e.rdvId = 42;
    e.sequence = 3;
    e.startsAt = start;
    e.endsAt = start + 1800;
    e.summary = QStringLiteral("Premier accueil");
    e.organizer = {QStringLiteral("accueil@ville.fr"), QStringLiteral("Mairie")};
    cal.events << e;
    return cal;
}

qint64 utc(int y, int m, int d, int h, int min)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), Qt::UTC).toSecsSinceEpoch();
}

} // namespace

class TestIcalWriter : public QObject
{
    Q_OBJECT
private slots:
    void zones_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<qint64>("start");
        QTest::addColumn<QString>("localStart"); // as DTSTART writes it
        QTest::newRow("Paris, winter")
            << "Europe/Paris" << utc(2027, 3, 25, 9, 0) << "20270325T100000";
        QTest::newRow("Paris, summer")
            << "Europe/Paris" << utc(2027, 3, 30, 8, 0) << "20270330T100000";
        QTest::newRow("Réunion") << "Indian/Reunion" << utc(2027, 3, 30, 6, 0) << "20270330T100000";
        QTest::newRow("Guyane") << "America/Cayenne" << utc(2027, 3, 30, 13, 0)
                                << "20270330T100000";
        QTest::newRow("Nouvelle-Calédonie")
            << "Pacific/Noumea" << utc(2027, 3, 29, 23, 0) << "20270330T100000";
    }
    void zones()
    {
        QFETCH(QString, zone);
        QFETCH(qint64, start);
        QFETCH(QString, localStart);
        const QByteArray ics = ical::write(oneEvent(zone, start));
        QVERIFY2(ics.contains("DTSTART;TZID=" + zone.toUtf8() + ':' + localStart.toUtf8()),
                 ics.constData());
        QVERIFY2(ics.contains("\r\nTZID:" + zone.toUtf8() + "\r\n"), ics.constData());
        QVERIFY(!ics.contains("freeassociation"));
        QCOMPARE(ics.count("BEGIN:VTIMEZONE"), 1);
        // The zone's years only: a small file, not one going back to 1891.
        QVERIFY2(ics.size() < 1200, QByteArray::number(ics.size()).constData());
        icalcomponent *cal = icalparser_parse_string(ics.constData());
        QVERIFY(cal);
        QCOMPARE(icalcomponent_count_errors(cal), 0);
        QCOMPARE(icalrestriction_check(cal), 1);
        icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
        const icaltimetype s = icalcomponent_get_dtstart(ev);
        QVERIFY(s.zone);
        // Resolved through the file's own VTIMEZONE, by its IANA name.
        QCOMPARE(QString::fromUtf8(icaltimezone_get_tzid(const_cast<icaltimezone *>(s.zone))),
                 zone);
        QCOMPARE(qint64(icaltime_as_timet_with_zone(s, s.zone)), start);
        QCOMPARE(QString::fromUtf8(icalcomponent_get_uid(ev)),
                 QStringLiteral("rdv-42@abc.creneau"));
        QCOMPARE(icalcomponent_get_sequence(ev), 3);
        icalcomponent_free(cal);
    }

    // A zone that spans two years in one calendar keeps both years' observances.
    void vtimezoneCoversEveryEvent()
    {
        ical::Calendar cal = oneEvent(QStringLiteral("Europe/Paris"), utc(2026, 12, 30, 9, 0));
        ical::Event later = cal.events.first();
        later.rdvId = 43;
        later.startsAt = utc(2027, 7, 1, 8, 0);
        later.endsAt = later.startsAt + 1800;
        cal.events << later;
        cal.method = ical::Method::None;
        const QByteArray ics = ical::write(cal);
        icalcomponent *parsed = icalparser_parse_string(ics.constData());
        QVERIFY(parsed);
        QList<qint64> starts;
        for (icalcomponent *ev = icalcomponent_get_first_component(parsed, ICAL_VEVENT_COMPONENT);
             ev; ev = icalcomponent_get_next_component(parsed, ICAL_VEVENT_COMPONENT)) {
            const icaltimetype s = icalcomponent_get_dtstart(ev);
            starts << qint64(icaltime_as_timet_with_zone(s, s.zone));
        }
        icalcomponent_free(parsed);
        QCOMPARE(starts, (QList<qint64>{utc(2026, 12, 30, 9, 0), utc(2027, 7, 1, 8, 0)}));
        QVERIFY(!ics.contains("METHOD"));
    }

    void unknownZoneFallsBackToUtc()
    {
        const QByteArray ics = ical::write(oneEvent(QStringLiteral("Mars/Olympus"), 1800000000));
        QVERIFY(!ics.contains("VTIMEZONE"));
        QVERIFY(!ics.contains("TZID"));
        QVERIFY2(ics.contains("DTSTART:20270115T080000Z"), ics.constData());
    }

    void sentByOnlyWhenSomeoneElseSends()
    {
        ical::Calendar cal = oneEvent(QStringLiteral("Europe/Paris"), 1800000000);
        cal.events.first().sentBy = QStringLiteral("ne-pas-repondre@ville.fr");
        QByteArray ics = ical::write(cal).replace("\r\n ", "");
        QVERIFY2(ics.contains("SENT-BY=\"mailto:ne-pas-repondre@ville.fr\""), ics.constData());
        cal.events.first().sentBy = QStringLiteral("Accueil@Ville.fr");
        ics = ical::write(cal).replace("\r\n ", "");
        QVERIFY(!ics.contains("SENT-BY"));
        QCOMPARE(ics.count("ORGANIZER"), 1);
    }

    void cancelNamesItsAttendeesAndIsCancelled()
    {
        ical::Calendar cal = oneEvent(QStringLiteral("Europe/Paris"), 1800000000);
        cal.method = ical::Method::Cancel;
        cal.events.first().attendees
            << ical::Person{QStringLiteral("amina@example.org"), QStringLiteral("Amina Diallo")};
        const QByteArray ics = ical::write(cal);
        QVERIFY(ics.contains("METHOD:CANCEL"));
        QVERIFY(ics.contains("STATUS:CANCELLED"));
        icalcomponent *parsed = icalparser_parse_string(ics.constData());
        QCOMPARE(icalrestriction_check(parsed), 1);
        icalcomponent *ev = icalcomponent_get_first_component(parsed, ICAL_VEVENT_COMPONENT);
        QCOMPARE(icalcomponent_count_properties(ev, ICAL_ATTENDEE_PROPERTY), 1);
        icalcomponent_free(parsed);
    }

    void domainIsKeptInTheStore()
    {
        test::TestOrganisation t;
        const QString first = ical::calendarDomain(*t.store);
        QVERIFY2(
            QRegularExpression(QStringLiteral("^[0-9a-f]{20}\\.creneau$")).match(first).hasMatch(),
            qPrintable(first));
        QCOMPARE(ical::calendarDomain(*t.store), first);
        // Another connection (another server instance) reads the same one.
        const auto other = Store::open(t.location);
        QCOMPARE(ical::calendarDomain(*other), first);
        // And another installation has its own.
        test::TestOrganisation elsewhere;
        QVERIFY(ical::calendarDomain(*elsewhere.store) != first);
    }
};

QTEST_GUILESS_MAIN(TestIcalWriter)
#include "tst_ical_writer.moc"
