// The interface speaks French by default and English on request.
#include "models/booking.h"
#include "models/validation.h"
#include "translations/translator.h"

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
        // Qt's own buttons (message boxes, dialogs) from Debian's qt6-translations-l10n.
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"),
                 QStringLiteral("Annuler"));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "&Yes"), QStringLiteral("&Oui"));
        // The recurrence editor: « toutes les semaines », then « toutes les 2 semaines ».
        QCOMPARE(QCoreApplication::translate("creneau::ui::RecurrenceEditor", "every week"),
                 QStringLiteral("toutes les semaines"));
        QCOMPARE(QCoreApplication::translate("creneau::ui::RecurrenceEditor", "every ") +
                     QStringLiteral("2") +
                     QCoreApplication::translate("creneau::ui::RecurrenceEditor", " weeks"),
                 QStringLiteral("toutes les 2 semaines"));
        QCOMPARE(QCoreApplication::translate("creneau::ui::MotifDialog", "Location type"),
                 QStringLiteral("Modalité"));
        QCOMPARE(QCoreApplication::translate("creneau::ui::AgendaModel", "Taken by a prescriber"),
                 QStringLiteral("Pris par un prescripteur"));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
