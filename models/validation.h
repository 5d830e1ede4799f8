// Field rules shared by every way in (web pages, API, desktop): errors are values, in French.
#pragma once

#include "models/domain.h"

#include <QMap>
#include <QString>

namespace creneau {

// Field name (as in the API: "usager.email") to a message users can read.
using FieldErrors = QMap<QString, QString>;

// "+33 6 12 34 56 78", "06.12.34.56.78", "+262 692 12 34 56" -> "0612345678" / "0692123456".
// Returns an empty string when the text is not a French number (metropolitan or overseas).
QString normalizePhone(const QString &text);
// Mobile numbers (06, 07, overseas 0639 and 069x) are the only ones that receive SMS.
bool isMobilePhone(const QString &normalized);
bool isValidEmail(const QString &email);
// Lower case without accents: "Élodie  DUPONT" and "elodie dupont" match.
QString foldName(const QString &name);

// Checks one field and records a message under `field` when it is wrong.
void checkName(FieldErrors &errors, const QString &field, const QString &value, bool required);
// checkName() for a person (usager, prescripteur): letters of any script, spaces, hyphens,
// apostrophes and dots only.
void checkPersonName(FieldErrors &errors, const QString &field, const QString &value,
                     bool required);
void checkEmail(FieldErrors &errors, const QString &field, const QString &value, bool required);
void checkPhone(FieldErrors &errors, const QString &field, const QString &value, bool required);
void checkText(FieldErrors &errors, const QString &field, const QString &value, int maxLength);
// "YYYY-MM-DD" in the past and not absurdly old; empty allowed.
QDate checkBirthDate(FieldErrors &errors, const QString &field, const QString &value,
                     const QDate &today);

FieldErrors validatePrescripteur(const Prescripteur &p);
FieldErrors validateUsager(const Usager &u);
FieldErrors validateMotif(const Motif &m);
// The most places a collective motif or session may have.
constexpr int kMaxSessionCapacity = 500;
// Places, duration, at least one agent, a start ahead within the horizon, a short title and a
// valid rule (`rrule` from `firstDay`, the first session's day in the organisation's zone).
FieldErrors validateSession(const CollectiveSession &s, const QString &rrule, const QDate &firstDay,
                            qint64 now);
// Times in order, at least one motif, a first day, and an RRULE libical accepts.
FieldErrors validatePlage(const PlageOuverture &p);
// An RRULE libical accepts and that gives at least one day in the two years from `firstDay` (the
// same check for opening ranges and absences); empty means "the first day only".
void checkRecurrence(FieldErrors &errors, const QString &field, const QString &rrule,
                     const QDate &firstDay);
// Start and end within the horizon (see Horizon) and in order, a valid rule, a short title. With
// `stored` (the absence as saved), an instant left unchanged is not held to the horizon: an
// absence of two years ago can still have its title corrected.
FieldErrors validateAbsence(const Absence &a, qint64 now, const Absence *stored = nullptr);

} // namespace creneau
