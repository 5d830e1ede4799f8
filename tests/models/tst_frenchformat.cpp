// The French every face writes (models/frenchformat): times « 9 h 45 », dates, birth dates typed
// either way, the one wording of how an appointment takes place, and no-break spaces.
#include "models/frenchformat.h"

#include <QtTest>

using namespace creneau;

namespace {
// The expected texts are written with « ~ » for the no-break space, to read them here.
QString nb(const char *text)
{
    return QString::fromUtf8(text).replace(QLatin1Char('~'), fr::kNbsp);
}
} // namespace

class TestFrenchFormat : public QObject
{
    Q_OBJECT
private slots:
    void times_data()
    {
        QTest::addColumn<QTime>("time");
        QTest::addColumn<QString>("expected");
        QTest::addRow("morning") << QTime(9, 45) << nb("9~h~45");
        QTest::addRow("no leading zero") << QTime(8, 5) << nb("8~h~05");
        QTest::addRow("on the hour") << QTime(14, 0) << nb("14~h");
        QTest::addRow("midnight") << QTime(0, 30) << nb("0~h~30");
        QTest::addRow("invalid") << QTime() << QString();
    }
    void times()
    {
        QFETCH(QTime, time);
        QFETCH(QString, expected);
        QCOMPARE(fr::time(time), expected);
    }

    void dateTimes_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<qint64>("utc");
        QTest::addColumn<QString>("expected");
        const qint64 dec1 = QDateTime(QDate(2026, 12, 1), QTime(8, 45), Qt::UTC).toSecsSinceEpoch();
        QTest::addRow("Paris, winter")
            << "Europe/Paris" << dec1 << nb("mardi 1 décembre 2026 à 9~h~45");
        QTest::addRow("Cayenne") << "America/Cayenne" << dec1
                                 << nb("mardi 1 décembre 2026 à 5~h~45");
        QTest::addRow("Réunion, next day")
            << "Indian/Reunion"
            << QDateTime(QDate(2026, 12, 1), QTime(21, 0), Qt::UTC).toSecsSinceEpoch()
            << nb("mercredi 2 décembre 2026 à 1~h");
        QTest::addRow("Paris, summer")
            << "Europe/Paris"
            << QDateTime(QDate(2027, 7, 14), QTime(12, 0), Qt::UTC).toSecsSinceEpoch()
            << nb("mercredi 14 juillet 2027 à 14~h");
    }
    void dateTimes()
    {
        QFETCH(QString, zone);
        QFETCH(qint64, utc);
        QFETCH(QString, expected);
        QCOMPARE(fr::dateTime(utc, QTimeZone(zone.toUtf8())), expected);
    }

    void parseDates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDate>("expected");
        QTest::addRow("typed") << "14/03/1980" << QDate(1980, 3, 14);
        QTest::addRow("typed, spaces around") << " 14/03/1980 " << QDate(1980, 3, 14);
        QTest::addRow("one digit") << "4/3/1980" << QDate(1980, 3, 4);
        QTest::addRow("dots") << "14.03.1980" << QDate(1980, 3, 14);
        QTest::addRow("dashes") << "14-03-1980" << QDate(1980, 3, 14);
        QTest::addRow("date picker") << "1980-03-14" << QDate(1980, 3, 14);
        QTest::addRow("impossible day") << "30/02/1980" << QDate();
        QTest::addRow("month first") << "03/14/1980" << QDate();
        QTest::addRow("mixed separators") << "14/03.1980" << QDate();
        QTest::addRow("two-digit year") << "14/03/80" << QDate();
        QTest::addRow("ISO with slashes") << "1980/03/14" << QDate();
        QTest::addRow("words") << "14 mars 1980" << QDate();
        QTest::addRow("empty") << "" << QDate();
    }
    void parseDates()
    {
        QFETCH(QString, text);
        QFETCH(QDate, expected);
        QCOMPARE(fr::parseDate(text), expected);
        if (expected.isValid())
            QCOMPARE(fr::parseDate(fr::shortDate(expected)), expected);
    }

    void shortDate()
    {
        QCOMPARE(fr::shortDate(QDate(1980, 3, 14)), QStringLiteral("14/03/1980"));
        QCOMPARE(fr::shortDate(QDate(2001, 1, 2)), QStringLiteral("02/01/2001"));
        QCOMPARE(fr::shortDate(QDate()), QString());
    }

    void phones_data()
    {
        QTest::addColumn<QString>("stored");
        QTest::addColumn<QString>("shown");
        QTest::addRow("mobile") << "0612345678"
                                << "06 12 34 56 78";
        QTest::addRow("landline") << "0232641500"
                                  << "02 32 64 15 00";
        QTest::addRow("abroad") << "+32470123456"
                                << "+32470123456";
        QTest::addRow("short") << "3949"
                               << "3949";
        QTest::addRow("empty") << ""
                               << "";
    }
    void phones()
    {
        QFETCH(QString, stored);
        QFETCH(QString, shown);
        QCOMPARE(fr::phone(stored), shown);
    }

    void everyNWeeks_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("expected");
        QTest::addRow("1") << 1 << "toutes les semaines";
        QTest::addRow("2") << 2 << "toutes les 2 semaines";
        QTest::addRow("10") << 10 << "toutes les 10 semaines";
    }
    void everyNWeeks()
    {
        QFETCH(int, n);
        QFETCH(QString, expected);
        QCOMPARE(fr::everyNWeeks(n), expected);
    }

    void howItTakesPlace()
    {
        QCOMPARE(fr::howItTakesPlace(LocationType::PublicOffice), QStringLiteral("Sur place"));
        QCOMPARE(fr::howItTakesPlace(LocationType::Visio), QStringLiteral("En visioconférence"));
        QVERIFY(
            fr::howItTakesPlace(LocationType::Phone).startsWith(QStringLiteral("Par téléphone")));
        QCOMPARE(fr::howItTakesPlace(LocationType::Home), QStringLiteral("À domicile"));
    }

    void typography_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::addRow("colon") << "Motif : Accueil" << nb("Motif~: Accueil");
        QTest::addRow("question") << "Pour qui ?" << nb("Pour qui~?");
        QTest::addRow("exclamation") << "Merci !" << nb("Merci~!");
        QTest::addRow("semicolon") << "a ; b" << nb("a~; b");
        QTest::addRow("quotes") << "« Accueil »" << nb("«~Accueil~»");
        QTest::addRow("quotes without spaces") << "«Accueil»" << nb("«~Accueil~»");
        QTest::addRow("url untouched") << "https://rdv.example.fr/a?b=1"
                                       << "https://rdv.example.fr/a?b=1";
        QTest::addRow("clock untouched") << "12:30"
                                         << "12:30";
        QTest::addRow("already right") << nb("Motif~: x") << nb("Motif~: x");
        QTest::addRow("template markers")
            << "{{?lieu}}Lieu : {{lieu}}" << nb("{{?lieu}}Lieu~: {{lieu}}");
        QTest::addRow("html entity kept") << "Date&nbsp;: le"
                                          << "Date&nbsp;: le";
    }
    void typography()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(fr::typography(text), expected);
        QCOMPARE(fr::typography(expected), expected); // idempotent
        QVERIFY(!fr::plainSpaces(fr::typography(text)).contains(fr::kNbsp));
    }
};

QTEST_GUILESS_MAIN(TestFrenchFormat)
#include "tst_frenchformat.moc"
