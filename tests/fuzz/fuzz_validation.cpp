// The field rules (models/validation) on hostile text from forms and API bodies: a phone number
// is refused or normalised to ten ASCII digits that normalise to themselves; an accepted e-mail
// address carries nothing a mail header could misread (cleanAddress leaves it whole); an accepted
// name or text holds no control character; an accepted birth date is the date typed, in the past.
#include "fuzzcheck.h"
#include "models/frenchformat.h"
#include "models/validation.h"
#include "sync/notify/mimemessage.h"

#include <QRegularExpression>

using namespace creneau;

namespace {

bool hasControl(const QString &s)
{
    for (const QChar c : s)
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return true;
    return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // phone, e-mail, name, birth date, free text.
    const QList<QByteArray> f = fuzzcheck::fields(data, size, 5);
    const QString phone = QString::fromUtf8(f[0]);
    const QString email = QString::fromUtf8(f[1]);
    const QString name = QString::fromUtf8(f[2]);
    const QString birth = QString::fromUtf8(f[3]);
    const QString text = QString::fromUtf8(f[4]);

    static const QRegularExpression national(QStringLiteral("^0[1-9][0-9]{8}$"));
    const QString normalized = normalizePhone(phone);
    if (!normalized.isEmpty()) {
        FUZZ_CHECK(national.match(normalized).hasMatch() && normalized.size() == 10, phone,
                   normalized);
        FUZZ_CHECK(normalizePhone(normalized) == normalized, phone, normalized);
        isMobilePhone(normalized);
    }
    FieldErrors errors;
    checkPhone(errors, QStringLiteral("phone"), phone, true);
    FUZZ_CHECK(errors.contains(QStringLiteral("phone")) == normalized.isEmpty() ||
                   phone.trimmed() != phone,
               phone);

    if (isValidEmail(email)) {
        FUZZ_CHECK(notify::cleanAddress(email) == email,
                   "an accepted e-mail address is changed by the mail builder", email);
        FUZZ_CHECK(email.count(QLatin1Char('@')) == 1, email);
    }
    errors.clear();
    checkEmail(errors, QStringLiteral("email"), email, false);
    if (!errors.contains(QStringLiteral("email")) && !email.trimmed().isEmpty())
        FUZZ_CHECK(notify::cleanAddress(email.trimmed()) == email.trimmed(), email);

    const QString folded = foldName(name);
    FUZZ_CHECK(foldName(folded) == folded, "foldName is not idempotent", name, folded);
    errors.clear();
    checkName(errors, QStringLiteral("name"), name, true);
    if (errors.isEmpty())
        FUZZ_CHECK(!hasControl(name.trimmed()) && name.trimmed().size() <= 100, name);

    errors.clear();
    const QDate today(2026, 12, 1);
    const QDate d = checkBirthDate(errors, QStringLiteral("birth"), birth, today);
    if (errors.isEmpty() && !birth.trimmed().isEmpty())
        FUZZ_CHECK(d.isValid() && d <= today && d == fr::parseDate(birth) &&
                       fr::parseDate(fr::shortDate(d)) == d,
                   "accepted birth date differs from the text", birth);

    errors.clear();
    checkText(errors, QStringLiteral("text"), text, 500);
    if (errors.isEmpty())
        FUZZ_CHECK(
            text.size() <= 500 &&
                !hasControl(QString(text).remove(QLatin1Char('\n')).remove(QLatin1Char('\r'))),
            text);
    return 0;
}
