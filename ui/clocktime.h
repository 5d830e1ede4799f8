// A time of day as the desktop's language writes it: « 8 h 45 » in French (models/frenchformat,
// as on the web and in the e-mails), « 08:45 » otherwise.
#pragma once

#include "models/frenchformat.h"

#include <QLocale>
#include <QTime>

namespace creneau::ui {

inline QString clockTime(const QTime &t)
{
    if (QLocale().language() == QLocale::French)
        return fr::time(t);
    return t.toString(QStringLiteral("HH:mm"));
}

} // namespace creneau::ui
