#include "translations/translator.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace creneau {

void installTranslations(QCoreApplication &app, const QString &language)
{
    QString lang = language.isEmpty() ? qEnvironmentVariable("CRENEAU_LANG") : language;
    if (lang.isEmpty())
        lang = QStringLiteral("fr");
    // Sources are English; English needs no catalogue, but dates and numbers follow the choice.
    QLocale::setDefault(
        QLocale(lang == QLatin1String("en") ? QLocale::English : QLocale::French,
                lang == QLatin1String("en") ? QLocale::UnitedKingdom : QLocale::France));
    if (lang == QLatin1String("en"))
        return;
    // Qt's own words (Yes, No, Cancel in message boxes and dialogs), from Debian's
    // qt6-translations-l10n; without it they stay in English, nothing else changes.
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(QLocale(QLocale::French, QLocale::France), QStringLiteral("qtbase"),
                           QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qtTranslator);
    else
        delete qtTranslator;
    auto *translator = new QTranslator(&app);
    if (translator->load(QStringLiteral(":/i18n/creneau_%1.qm").arg(lang)))
        app.installTranslator(translator);
    else
        delete translator;
}

} // namespace creneau
