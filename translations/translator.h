// Loads the interface language: French by default, English when CRENEAU_LANG=en or --lang en.
#pragma once

#include <QString>

class QCoreApplication;

namespace creneau {

// `language`: "fr" or "en"; empty: CRENEAU_LANG from the environment, else French.
void installTranslations(QCoreApplication &app, const QString &language = {});

} // namespace creneau
