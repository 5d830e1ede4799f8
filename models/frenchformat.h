// How every face writes dates, times, places and French punctuation: the web pages, the e-mails
// and SMS, the .ics descriptions and the desktop call these, so that they read the same
// everywhere, in French administrative style (« mardi 1 décembre 2026 à 9 h 45 »).
#pragma once

#include "models/domain.h"

#include <QDate>
#include <QString>
#include <QTime>
#include <QTimeZone>

namespace creneau::fr {

// The no-break space used inside times and before « : ; ! ? » (U+00A0).
inline constexpr QChar kNbsp = QChar(0x00A0);

// « 9 h 45 », « 14 h » (no-break spaces inside).
QString time(const QTime &t);
QString time(qint64 utcSecs, const QTimeZone &zone);
// « mardi 1 décembre 2026 »
QString date(const QDate &day);
// « mardi 1 décembre 2026 à 9 h 45 »
QString dateTime(qint64 utcSecs, const QTimeZone &zone);
QString dateTime(const QDateTime &t);
// « 14/03/1980 »
QString shortDate(const QDate &day);
// Reads a date typed as JJ/MM/AAAA (also with « . » or « - », one-digit day or month) or given by
// a browser's date picker (AAAA-MM-JJ); an invalid QDate otherwise.
QDate parseDate(const QString &text);

// « 06 12 34 56 78 » for a stored French number (« 0612345678 »); any other text unchanged.
QString phone(const QString &normalized);

// « Sur place », « Par téléphone, l'agent appelle au numéro donné »...: how the appointment takes
// place, for the usager, the prescriber and the agents alike.
QString howItTakesPlace(LocationType type);
// « toutes les semaines », « toutes les 2 semaines »
QString everyNWeeks(int n);

// French typography on a text we wrote: the plain space before « : ; ! ? » and inside « »
// becomes a no-break space (one is added inside « » where none was). URLs and times such as
// « 12:30 » are left alone: only a colon after a space changes.
QString typography(const QString &text);
// The same text with plain spaces, for SMS (no-break spaces would force the UCS-2 alphabet).
QString plainSpaces(const QString &text);

} // namespace creneau::fr
