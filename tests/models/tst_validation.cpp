// Field rules: French phone numbers (overseas included), e-mails, names and name folding.
#include "models/validation.h"

#include <QtTest>

using namespace creneau;

class TestValidation : public QObject
{
    Q_OBJECT
private slots:
    void phone_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("normalized");
        QTest::addColumn<bool>("mobile");
        QTest::addRow("metropolitan mobile") << "06 12 34 56 78"
                                             << "0612345678" << true;
        QTest::addRow("dots") << "07.12.34.56.78"
                              << "0712345678" << true;
        QTest::addRow("landline") << "01 23 45 67 89"
                                  << "0123456789" << false;
        QTest::addRow("international") << "+33 6 12 34 56 78"
                                       << "0612345678" << true;
        QTest::addRow("trunk zero kept") << "+33 (0)6 12 34 56 78"
                                         << "0612345678" << true;
        QTest::addRow("double zero") << "0033612345678"
                                     << "0612345678" << true;
        QTest::addRow("Réunion mobile") << "+262 692 12 34 56"
                                        << "0692123456" << true;
        QTest::addRow("Réunion landline") << "+262 262 12 34 56"
                                          << "0262123456" << false;
        QTest::addRow("Mayotte mobile") << "+262 639 12 34 56"
                                        << "0639123456" << true;
        QTest::addRow("Guyane mobile") << "+594 694 12 34 56"
                                       << "0694123456" << true;
        QTest::addRow("Guadeloupe landline") << "0590 12 34 56"
                                             << "0590123456" << false;
        QTest::addRow("Martinique mobile") << "+596 696 12 34 56"
                                           << "0696123456" << true;
        QTest::addRow("too short") << "06 12 34 56"
                                   << "" << false;
        QTest::addRow("letters") << "06 12 AB 56 78"
                                 << "" << false;
        QTest::addRow("foreign") << "+44 20 7946 0958"
                                 << "" << false;
        QTest::addRow("zero after trunk") << "00 12 34 56 78"
                                          << "" << false;
        QTest::addRow("empty") << ""
                               << "" << false;
    }
    void phone()
    {
        QFETCH(QString, input);
        QFETCH(QString, normalized);
        QFETCH(bool, mobile);
        QCOMPARE(normalizePhone(input), normalized);
        QCOMPARE(isMobilePhone(normalizePhone(input)), mobile);
    }

    void email_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<bool>("valid");
        QTest::addRow("plain") << "marie.curie@mairie-vernon.fr" << true;
        QTest::addRow("plus") << "a+b@exemple.fr" << true;
        QTest::addRow("no at") << "marie.curie.mairie.fr" << false;
        QTest::addRow("no domain dot") << "marie@localhost" << false;
        QTest::addRow("two dots") << "marie..curie@exemple.fr" << false;
        QTest::addRow("space") << "marie curie@exemple.fr" << false;
        QTest::addRow("script") << "<script>@exemple.fr" << false;
        QTest::addRow("too long") << QString(250, QLatin1Char('a')) + "@exemple.fr" << false;
        // Found by fuzz_validation: the pattern's $ matched before a final line feed.
        QTest::addRow("final line feed") << "a@b.fr\n" << false;
        QTest::addRow("header after a line feed") << "a@b.fr\nBcc: c@d.fr" << false;
    }
    void email()
    {
        QFETCH(QString, input);
        QFETCH(bool, valid);
        QCOMPARE(isValidEmail(input), valid);
    }

    void names_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<bool>("valid");
        QTest::addRow("accents") << "Élodie" << true;
        QTest::addRow("hyphen") << "Jean-Pierre" << true;
        QTest::addRow("empty") << "" << false;
        QTest::addRow("blank") << "   " << false;
        QTest::addRow("control") << QStringLiteral("Ana\u0007") << false;
        QTest::addRow("too long") << QString(101, QLatin1Char('a')) << false;
        QTest::addRow("markup kept as text") << "<b>Ana</b>" << false;
    }
    void names()
    {
        QFETCH(QString, input);
        QFETCH(bool, valid);
        FieldErrors errors;
        checkName(errors, QStringLiteral("f"), input, true);
        QCOMPARE(errors.isEmpty(), valid);
        if (!valid)
            QVERIFY(!errors.value(QStringLiteral("f")).isEmpty());
    }

    void personNames_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<bool>("valid");
        QTest::addRow("accents") << QStringLiteral("Élodie") << true;
        QTest::addRow("hyphen") << QStringLiteral("Jean-Pierre") << true;
        QTest::addRow("apostrophe") << QStringLiteral("N'Diaye") << true;
        QTest::addRow("typographic apostrophe") << QStringLiteral("D\u2019Almeida") << true;
        QTest::addRow("dot and space") << QStringLiteral("St. John") << true;
        QTest::addRow("combining accent") << QStringLiteral("Nguye\u0302\u0303n") << true;
        QTest::addRow("Vietnamese") << QStringLiteral("Nguyễn") << true;
        QTest::addRow("Greek") << QStringLiteral("Ἀλέξανδρος") << true;
        QTest::addRow("Arabic") << QStringLiteral("محمد") << true;
        QTest::addRow("Chinese") << QStringLiteral("李小龍") << true;
        QTest::addRow("Cyrillic") << QStringLiteral("Ольга") << true;
        QTest::addRow("outside the BMP") << QStringLiteral("\U00020BB7田") << true;
        QTest::addRow("initials") << QStringLiteral("J.R.R. Tolkien") << true;
        QTest::addRow("dotted domain") << QStringLiteral("Voir www.exemple.fr") << false;
        QTest::addRow("digits") << QStringLiteral("Amina2") << false;
        QTest::addRow("advert") << QStringLiteral("URGENT dossier suspendu appelez 0899") << false;
        QTest::addRow("link") << QStringLiteral("Diallo www.exemple.fr/x") << false;
        QTest::addRow("markup") << QStringLiteral("<b>Ana</b>") << false;
        QTest::addRow("at sign") << QStringLiteral("ana@exemple") << false;
        QTest::addRow("emoji") << QStringLiteral("Ana \U0001F600") << false;
        QTest::addRow("colon") << QStringLiteral("Alerte: dossier") << false;
        QTest::addRow("control") << QStringLiteral("Ana\u0007") << false;
        QTest::addRow("starts with a hyphen") << QStringLiteral("-Ana") << false;
    }
    void personNames()
    {
        QFETCH(QString, input);
        QFETCH(bool, valid);
        FieldErrors errors;
        checkPersonName(errors, QStringLiteral("f"), input, true);
        QCOMPARE(errors.isEmpty(), valid);
        if (!valid)
            QVERIFY(!errors.value(QStringLiteral("f")).isEmpty());
        // The usager and prescripteur names of a booking follow the same rule.
        Usager u;
        u.firstName = input;
        u.lastName = QStringLiteral("Diallo");
        QCOMPARE(validateUsager(u).contains(QStringLiteral("usager.first_name")), !valid);
        Prescripteur p{QStringLiteral("Paul"), input, QStringLiteral("p@mairie.fr"), {}};
        QCOMPARE(validatePrescripteur(p).contains(QStringLiteral("prescripteur.last_name")),
                 !valid);
    }

    void folding()
    {
        QCOMPARE(foldName(QStringLiteral("Élodie  DUPONT")), QStringLiteral("elodie dupont"));
        QCOMPARE(foldName(QStringLiteral("François-Noël")), QStringLiteral("francois noel"));
        QCOMPARE(foldName(QStringLiteral("Zoë")), foldName(QStringLiteral("ZOE")));
    }

    void prescripteurRequiresNameAndEmail()
    {
        const FieldErrors e = validatePrescripteur({});
        QVERIFY(e.contains(QStringLiteral("prescripteur.first_name")));
        QVERIFY(e.contains(QStringLiteral("prescripteur.last_name")));
        QVERIFY(e.contains(QStringLiteral("prescripteur.email")));
        QVERIFY(!e.contains(QStringLiteral("prescripteur.phone")));
        const FieldErrors bad =
            validatePrescripteur({QStringLiteral("Nina"), QStringLiteral("Roux"),
                                  QStringLiteral("nina@mairie.fr"), QStringLiteral("12")});
        QCOMPARE(bad.keys(), QStringList{QStringLiteral("prescripteur.phone")});
    }

    void birthDate_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<bool>("valid");
        QTest::addRow("iso") << "1980-03-14" << true;
        QTest::addRow("empty") << "" << true;
        QTest::addRow("future") << "2030-01-01" << false;
        QTest::addRow("impossible") << "1980-02-30" << false;
        QTest::addRow("typed JJ/MM/AAAA") << "14/03/1980" << true;
        QTest::addRow("typed with one digit") << "4/3/1980" << true;
        QTest::addRow("typed with dots") << "14.03.1980" << true;
        QTest::addRow("typed impossible") << "30/02/1980" << false;
        QTest::addRow("month and day swapped") << "03/14/1980" << false;
        QTest::addRow("mixed separators") << "14/03-1980" << false;
        QTest::addRow("two-digit year") << "14/03/80" << false;
        QTest::addRow("ancient") << "1850-01-01" << false;
        // Found by fuzz_validation: Qt's ISO reading takes any separator.
        QTest::addRow("odd separator") << "2000-02)29" << false;
        QTest::addRow("slashes in ISO order") << "2000/02/29" << false;
    }
    void birthDate()
    {
        QFETCH(QString, input);
        QFETCH(bool, valid);
        FieldErrors errors;
        checkBirthDate(errors, QStringLiteral("d"), input, QDate(2026, 11, 24));
        QCOMPARE(errors.isEmpty(), valid);
    }

    void plageRules()
    {
        PlageOuverture p;
        p.firstDay = QDate(2027, 3, 1);
        p.startTime = QTime(9, 0);
        p.endTime = QTime(12, 0);
        p.motifIds = {1};
        p.rrule = QStringLiteral("FREQ=WEEKLY;BYDAY=MO");
        QVERIFY(validatePlage(p).isEmpty());
        p.endTime = QTime(8, 0);
        p.motifIds.clear();
        p.rrule = QStringLiteral("FREQ=WEEKLY;BYDAY=XX");
        const FieldErrors e = validatePlage(p);
        QCOMPARE(e.keys(), (QStringList{"end_time", "motif_ids", "rrule"}));
        QVERIFY(e.value(QStringLiteral("rrule")).contains(QStringLiteral("BYDAY=XX")));
    }

    void motifRules()
    {
        Motif m;
        m.name = QStringLiteral("Accueil");
        QVERIFY(validateMotif(m).isEmpty());
        m.durationMinutes = 0;
        m.maxDelayMinutes = 10;
        m.color = QStringLiteral("red");
        const FieldErrors e = validateMotif(m);
        QVERIFY(e.contains(QStringLiteral("duration_minutes")));
        QVERIFY(e.contains(QStringLiteral("max_delay_minutes")));
        QVERIFY(e.contains(QStringLiteral("color")));
    }

    void motifDelays_data()
    {
        QTest::addColumn<int>("minDelay");
        QTest::addColumn<int>("maxDelay");
        QTest::addColumn<QStringList>("fields");
        const int day = 24 * 60;
        QTest::addRow("defaults") << 30 << 42 * day << QStringList{};
        QTest::addRow("two years") << 0 << 731 * day << QStringList{};
        QTest::addRow("past two years") << 0 << 731 * day + 1 << QStringList{"max_delay_minutes"};
        QTest::addRow("centuries")
            << 0 << std::numeric_limits<int>::max() << QStringList{"max_delay_minutes"};
        QTest::addRow("max equals min") << 60 << 60 << QStringList{"max_delay_minutes"};
        QTest::addRow("negative min") << -1 << day << QStringList{"min_delay_minutes"};
    }
    void motifDelays()
    {
        QFETCH(int, minDelay);
        QFETCH(int, maxDelay);
        QFETCH(QStringList, fields);
        Motif m;
        m.name = QStringLiteral("Accueil");
        m.minDelayMinutes = minDelay;
        m.maxDelayMinutes = maxDelay;
        QCOMPARE(validateMotif(m).keys(), fields);
    }
};

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
