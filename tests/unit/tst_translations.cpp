// The interface speaks French by default and English on request.
#include "booking.h"
#include "translator.h"
#include "validation.h"

#include <QtTest>

using namespace creneau;

class TestTranslations : public QObject
{
    Q_OBJECT
private slots:
    void frenchByDefault()
    {
        qunsetenv("CRENEAU_LANG");
        installTranslations(*QCoreApplication::instance());
        FieldErrors e;
        checkName(e, QStringLiteral("f"), QString(), true);
        QCOMPARE(e.value(QStringLiteral("f")), QStringLiteral("Ce champ est obligatoire."));
        QCOMPARE(displayName(LocationType::Phone), QStringLiteral("Par téléphone"));
        QCOMPARE(BookingService::messageFor(BookingError::CreneauTaken),
                 QStringLiteral("Ce créneau n'est plus disponible."));
        checkText(e, QStringLiteral("t"), QString(20, QLatin1Char('a')), 10);
        QCOMPARE(e.value(QStringLiteral("t")), QStringLiteral("10 caractères au maximum."));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
