// RRULE texts (agents' opening ranges, through the agent API and the desktop) read by libical:
// any text parses or is refused with a message; a valid rule's dates are in order, within the
// range asked, after the first day and outside the exceptions; its text parses again to the same
// dates; and starting the walk later (the skip-ahead of dates()) loses no date.
#include "fuzzcheck.h"
#include "models/recurrence.h"

#include <QDate>

using creneau::RecurrenceRule;

namespace {

int number(const QByteArray &text, int low, int high)
{
    bool ok = false;
    const int v = text.trimmed().toInt(&ok);
    return ok ? qBound(low, v, high) : low;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // rule, first day (ISO), days from first to the range's start, range length, exceptions.
    const QList<QByteArray> f = fuzzcheck::fields(data, size, 5);
    const QString text = QString::fromUtf8(f[0]);
    const RecurrenceRule rule = RecurrenceRule::parse(text);
    FUZZ_CHECK(rule.isValid() == rule.error().isEmpty(), text);
    if (!rule.isValid())
        return 0;

    QDate first = QDate::fromString(QString::fromLatin1(f[1].trimmed()), Qt::ISODate);
    if (!first.isValid() || first.year() < 1990 || first.year() > 2100)
        first = QDate(2026, 1, 5);
    const QDate from = first.addDays(number(f[2], -60, 730));
    const QDate to = from.addDays(number(f[3], 0, 400));
    QList<QDate> exceptions;
    for (const QByteArray &e : f[4].split(','))
        if (!e.trimmed().isEmpty())
            exceptions << first.addDays(number(e, 0, 1200));

    const QList<QDate> dates = rule.dates(first, from, to, exceptions);
    for (qsizetype i = 0; i < dates.size(); ++i) {
        const QDate d = dates.at(i);
        FUZZ_CHECK(d.isValid() && d >= from && d <= to && d >= first, text, d.toString());
        FUZZ_CHECK(!exceptions.contains(d), "an exception date is listed", text, d.toString());
        if (i > 0)
            FUZZ_CHECK(dates.at(i - 1) < d, "dates out of order", text, d.toString());
    }
    if (!text.trimmed().isEmpty() && !rule.hasCount())
        FUZZ_CHECK(dates.isEmpty() || dates.first() >= first, text);

    // The walk from the first day, cut to the range, gives the same dates as the skip-ahead.
    QList<QDate> walked;
    for (const QDate &d : rule.dates(first, first, to, exceptions))
        if (d >= from)
            walked << d;
    FUZZ_CHECK(walked == dates, "skipping ahead changed the dates", text, first.toString(),
               from.toString(), QString::number(walked.size()), QString::number(dates.size()));

    // The stored text is a rule again, with the same dates.
    const RecurrenceRule again = RecurrenceRule::parse(rule.text());
    FUZZ_CHECK(again.isValid() && again.text() == rule.text(), text, rule.text());
    FUZZ_CHECK(again.dates(first, from, to, exceptions) == dates, "text does not round-trip", text);
    return 0;
}
