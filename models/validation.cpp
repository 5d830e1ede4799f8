#include "models/validation.h"

#include "models/frenchformat.h"

#include "models/horizon.h"
#include "models/recurrence.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

namespace creneau {

namespace {

bool hasControlCharacters(const QString &s)
{
    for (QChar c : s) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return true;
    }
    return false;
}

// Overseas departments dial their own country code; nationally they are 0 + the same digits.
const char *const kOverseasCodes[] = {"262", "269", "590", "594", "596"};

} // namespace

QString normalizePhone(const QString &text)
{
    QString digits;
    const QString trimmed = text.trimmed();
    for (int i = 0; i < trimmed.size(); ++i) {
        const QChar c = trimmed.at(i);
        if (c.isDigit())
            digits.append(c);
        else if (c == QLatin1Char('+') && i == 0)
            digits.append(c);
        else if (c != QLatin1Char(' ') && c != QLatin1Char('.') && c != QLatin1Char('-') &&
                 c != QLatin1Char('(') && c != QLatin1Char(')'))
            return {};
    }
    if (digits.startsWith(QLatin1String("00")))
        digits.replace(0, 2, QStringLiteral("+"));
    if (digits.startsWith(QLatin1String("+33"))) {
        digits = QLatin1Char('0') + digits.mid(3);
        if (digits.startsWith(QLatin1String("00"))) // "+33 (0)6..." written with the trunk zero
            digits.remove(0, 1);
    } else if (digits.startsWith(QLatin1Char('+'))) {
        bool known = false;
        for (const char *code : kOverseasCodes) {
            if (digits.mid(1, 3) == QLatin1String(code)) {
                digits = QLatin1Char('0') + digits.mid(4);
                known = true;
                break;
            }
        }
        if (!known)
            return {};
    }
    static const QRegularExpression national(QStringLiteral("^0[1-9][0-9]{8}$"));
    if (!national.match(digits).hasMatch())
        return {};
    return digits;
}

bool isMobilePhone(const QString &normalized)
{
    return normalized.startsWith(QLatin1String("06")) || normalized.startsWith(QLatin1String("07"));
}

bool isValidEmail(const QString &email)
{
    static const QRegularExpression re(QStringLiteral(
        R"(^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)"
        // \z and not $, which also matches before a final line feed.
        R"((?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+\z)"));
    if (email.size() > 254 || email.contains(QLatin1String("..")))
        return false;
    return re.match(email).hasMatch();
}

QString foldName(const QString &name)
{
    const QString decomposed = name.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    bool lastSpace = true;
    for (QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if (c.isSpace() || c == QLatin1Char('-') || c == QLatin1Char('\'')) {
            if (!lastSpace)
                out.append(QLatin1Char(' '));
            lastSpace = true;
            continue;
        }
        out.append(c.toLower());
        lastSpace = false;
    }
    return out.trimmed();
}

void checkName(FieldErrors &errors, const QString &field, const QString &value, bool required)
{
    const QString v = value.trimmed();
    if (v.isEmpty()) {
        if (required)
            errors.insert(field, QCoreApplication::translate("creneau::Validation",
                                                             "This field is required."));
        return;
    }
    if (v.size() > 100)
        errors.insert(
            field, QCoreApplication::translate("creneau::Validation", "100 characters at most."));
    else if (hasControlCharacters(v))
        errors.insert(field, QCoreApplication::translate(
                                 "creneau::Validation",
                                 "This field contains characters that are not allowed."));
    else if (!QChar::isLetter(v.toUcs4().value(0))) // by code point: 𠮷 is a letter too
        errors.insert(field, QCoreApplication::translate("creneau::Validation",
                                                         "A name starts with a letter."));
}

static bool isPersonNameCharacter(char32_t c)
{
    if (QChar::isLetter(c))
        return true;
    switch (QChar::category(c)) {
    case QChar::Mark_NonSpacing: // accents written as combining marks
    case QChar::Mark_SpacingCombining:
        return true;
    default:
        break;
    }
    return c == U' ' || c == U'-' || c == U'\'' || c == U'\u2019' || c == U'.';
}

void checkPersonName(FieldErrors &errors, const QString &field, const QString &value, bool required)
{
    checkName(errors, field, value, required);
    if (errors.contains(field))
        return;
    // People's names reach messages sent in the organisation's name: no digits, links or
    // punctuation that would turn a name into an advert (« URGENT appelez le 0899… »).
    const QList<uint> text = value.trimmed().toUcs4();
    int lettersBefore = 0; // of the word before the current character
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char32_t c = text.at(i);
        // A dot ends an initial (« J.R.R. », « St. John »), never joins two words as in a
        // link (« www.exemple.fr »).
        const bool joinsWords = c == U'.' && lettersBefore >= 2 && i + 1 < text.size() &&
                                QChar::isLetter(text.at(i + 1));
        lettersBefore = QChar::isLetter(c) ? lettersBefore + 1 : 0;
        if (!isPersonNameCharacter(c) || joinsWords) {
            errors.insert(field, QCoreApplication::translate(
                                     "creneau::Validation",
                                     "A name may contain only letters, spaces, hyphens, "
                                     "apostrophes and dots."));
            return;
        }
    }
}

void checkEmail(FieldErrors &errors, const QString &field, const QString &value, bool required)
{
    const QString v = value.trimmed();
    if (v.isEmpty()) {
        if (required)
            errors.insert(field, QCoreApplication::translate("creneau::Validation",
                                                             "This field is required."));
        return;
    }
    if (!isValidEmail(v))
        errors.insert(field, QCoreApplication::translate(
                                 "creneau::Validation",
                                 "Enter a valid e-mail address, such as nom@exemple.fr."));
}

void checkPhone(FieldErrors &errors, const QString &field, const QString &value, bool required)
{
    const QString v = value.trimmed();
    if (v.isEmpty()) {
        if (required)
            errors.insert(field, QCoreApplication::translate("creneau::Validation",
                                                             "This field is required."));
        return;
    }
    if (normalizePhone(v).isEmpty())
        errors.insert(field, QCoreApplication::translate(
                                 "creneau::Validation",
                                 "Enter a French phone number, such as 06 12 34 56 78 or "
                                 "+262 692 12 34 56."));
}

void checkText(FieldErrors &errors, const QString &field, const QString &value, int maxLength)
{
    if (value.size() > maxLength)
        errors.insert(field,
                      QCoreApplication::translate("creneau::Validation", "%n characters at most.",
                                                  nullptr, maxLength));
    else if (hasControlCharacters(
                 QString(value).remove(QLatin1Char('\n')).remove(QLatin1Char('\r'))))
        errors.insert(field, QCoreApplication::translate(
                                 "creneau::Validation",
                                 "This field contains characters that are not allowed."));
}

QDate checkBirthDate(FieldErrors &errors, const QString &field, const QString &value,
                     const QDate &today)
{
    const QString v = value.trimmed();
    if (v.isEmpty())
        return {};
    // Typed as JJ/MM/AAAA where the browser shows a text box, or AAAA-MM-JJ from its date picker.
    const QDate d = fr::parseDate(v);
    if (!d.isValid())
        errors.insert(field, QCoreApplication::translate("creneau::Validation",
                                                         "Enter a date such as 14/03/1980."));
    else if (d > today)
        errors.insert(field, QCoreApplication::translate(
                                 "creneau::Validation", "The birth date cannot be in the future."));
    else if (d < today.addYears(-130))
        errors.insert(field, QCoreApplication::translate(
                                 "creneau::Validation", "This birth date is too far in the past."));
    return d;
}

FieldErrors validatePrescripteur(const Prescripteur &p)
{
    FieldErrors e;
    checkPersonName(e, QStringLiteral("prescripteur.first_name"), p.firstName, true);
    checkPersonName(e, QStringLiteral("prescripteur.last_name"), p.lastName, true);
    checkEmail(e, QStringLiteral("prescripteur.email"), p.email, true);
    checkPhone(e, QStringLiteral("prescripteur.phone"), p.phone, false);
    return e;
}

FieldErrors validateUsager(const Usager &u)
{
    FieldErrors e;
    checkPersonName(e, QStringLiteral("usager.first_name"), u.firstName, true);
    checkPersonName(e, QStringLiteral("usager.last_name"), u.lastName, true);
    checkEmail(e, QStringLiteral("usager.email"), u.email, false);
    checkPhone(e, QStringLiteral("usager.phone"), u.phone, false);
    checkText(e, QStringLiteral("usager.address"), u.address, 300);
    checkText(e, QStringLiteral("usager.notes"), u.notes, 2000);
    return e;
}

FieldErrors validateMotif(const Motif &m)
{
    FieldErrors e;
    checkName(e, QStringLiteral("name"), m.name, true);
    if (m.durationMinutes < 5 || m.durationMinutes > 8 * 60)
        e.insert(QStringLiteral("duration_minutes"),
                 QCoreApplication::translate(
                     "creneau::Validation", "The duration must be between 5 minutes and 8 hours."));
    if (m.minDelayMinutes < 0)
        e.insert(QStringLiteral("min_delay_minutes"),
                 QCoreApplication::translate("creneau::Validation",
                                             "The minimum delay cannot be negative."));
    if (m.maxDelayMinutes <= m.minDelayMinutes)
        e.insert(
            QStringLiteral("max_delay_minutes"),
            QCoreApplication::translate(
                "creneau::Validation", "The maximum delay must be longer than the minimum delay."));
    else if (m.maxDelayMinutes > kMaxBookingHorizonMinutes)
        e.insert(QStringLiteral("max_delay_minutes"),
                 QCoreApplication::translate("creneau::Validation",
                                             "The maximum delay cannot exceed two years."));
    static const QRegularExpression colour(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    if (!colour.match(m.color).hasMatch())
        e.insert(
            QStringLiteral("color"),
            QCoreApplication::translate("creneau::Validation", "Enter a colour such as #1f6feb."));
    checkText(e, QStringLiteral("instructions"), m.instructions, 2000);
    if (m.capacity < 0 || m.capacity > kMaxSessionCapacity)
        e.insert(QStringLiteral("capacity"),
                 QCoreApplication::translate("creneau::Validation",
                                             "The number of places must be between 1 and 500 "
                                             "(0 for individual appointments)."));
    return e;
}

FieldErrors validateSession(const CollectiveSession &s, const QString &rrule, const QDate &firstDay,
                            qint64 now)
{
    FieldErrors e;
    if (s.capacity < 1 || s.capacity > kMaxSessionCapacity)
        e.insert(QStringLiteral("capacity"),
                 QCoreApplication::translate("creneau::Validation",
                                             "The number of places must be between 1 and 500."));
    if (s.durationMinutes < 5 || s.durationMinutes > 12 * 60)
        e.insert(
            QStringLiteral("duration_minutes"),
            QCoreApplication::translate("creneau::Validation",
                                        "The duration must be between 5 minutes and 12 hours."));
    if (s.agentIds.isEmpty())
        e.insert(QStringLiteral("agent_ids"),
                 QCoreApplication::translate("creneau::Validation",
                                             "Choose at least one agent to lead the session."));
    if (s.startsAt < now)
        e.insert(QStringLiteral("starts_at"),
                 QCoreApplication::translate("creneau::Validation",
                                             "A session cannot start in the past."));
    else
        Horizon::check(e, QStringLiteral("starts_at"), s.startsAt, now);
    checkText(e, QStringLiteral("title"), s.title, 200);
    checkRecurrence(e, QStringLiteral("rrule"), rrule, firstDay);
    return e;
}

FieldErrors validatePlage(const PlageOuverture &p)
{
    FieldErrors e;
    if (!p.firstDay.isValid())
        e.insert(QStringLiteral("first_day"),
                 QCoreApplication::translate("creneau::Validation", "Enter the first day."));
    if (!p.startTime.isValid() || !p.endTime.isValid() || p.endTime <= p.startTime)
        e.insert(QStringLiteral("end_time"),
                 QCoreApplication::translate("creneau::Validation",
                                             "The end time must be after the start time."));
    if (p.motifIds.isEmpty())
        e.insert(QStringLiteral("motif_ids"),
                 QCoreApplication::translate("creneau::Validation", "Choose at least one motif."));
    checkRecurrence(e, QStringLiteral("rrule"), p.rrule, p.firstDay);
    checkText(e, QStringLiteral("title"), p.title, 200);
    return e;
}

void checkRecurrence(FieldErrors &errors, const QString &field, const QString &rrule,
                     const QDate &firstDay)
{
    const RecurrenceRule rule = RecurrenceRule::parse(rrule);
    if (!rule.isValid()) {
        errors.insert(field, rule.error());
        return;
    }
    if (rrule.trimmed().isEmpty() || !firstDay.isValid())
        return;
    // A rule that never matches costs every query that expands it: refuse it while saving.
    if (rule.dates(firstDay, firstDay, firstDay.addYears(Horizon::kRuleYears)).isEmpty())
        errors.insert(field, QCoreApplication::translate(
                                 "creneau::Validation",
                                 "The recurrence rule « %1 » gives no day in the two years "
                                 "after the first one.")
                                 .arg(rule.text()));
}

FieldErrors validateAbsence(const Absence &a, qint64 now, const Absence *stored)
{
    FieldErrors e;
    if (!stored || stored->startsAt != a.startsAt)
        Horizon::check(e, QStringLiteral("starts_at"), a.startsAt, now);
    const bool endInside = (stored && stored->endsAt == a.endsAt) ||
                           Horizon::check(e, QStringLiteral("ends_at"), a.endsAt, now);
    if (endInside && a.endsAt <= a.startsAt)
        e.insert(QStringLiteral("ends_at"),
                 QCoreApplication::translate("creneau::Validation",
                                             "The end must come after the start."));
    if (!e.contains(QStringLiteral("starts_at")))
        checkRecurrence(e, QStringLiteral("rrule"), a.rrule,
                        QDateTime::fromSecsSinceEpoch(a.startsAt, QTimeZone::utc()).date());
    checkText(e, QStringLiteral("title"), a.title, 200);
    return e;
}

} // namespace creneau
