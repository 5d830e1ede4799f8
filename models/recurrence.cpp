#include "models/recurrence.h"

#include <QCoreApplication>

extern "C" {
#include <libical/ical.h>
}

namespace creneau {

struct RecurrenceRule::Parsed
{
    icalrecurrencetype rule;
};

namespace {

icaltimetype toIcalDate(const QDate &d)
{
    // Not icaltime_null_date(): its hour, minute and second of -1 stall the iterator.
    icaltimetype t{};
    t.year = d.year();
    t.month = d.month();
    t.day = d.day();
    t.is_date = 1;
    return t;
}

QDate fromIcal(const icaltimetype &t)
{
    return QDate(t.year, t.month, t.day);
}

} // namespace

RecurrenceRule RecurrenceRule::parse(const QString &rrule)
{
    RecurrenceRule r;
    r.m_text = rrule.trimmed();
    if (r.m_text.startsWith(QLatin1String("RRULE:"), Qt::CaseInsensitive))
        r.m_text = r.m_text.mid(6);
    if (r.m_text.isEmpty())
        return r;
    icalerror_clear_errno();
    // libical prints parse errors on stderr unless told the errors are not fatal and quiet.
    const icalerrorstate previous = icalerror_get_error_state(ICAL_MALFORMEDDATA_ERROR);
    icalerror_set_error_state(ICAL_MALFORMEDDATA_ERROR, ICAL_ERROR_NONFATAL);
    const icalrecurrencetype rule = icalrecurrencetype_from_string(r.m_text.toUtf8().constData());
    icalerror_set_error_state(ICAL_MALFORMEDDATA_ERROR, previous);
    if (rule.freq == ICAL_NO_RECURRENCE || icalerrno != ICAL_NO_ERROR) {
        r.m_error = QCoreApplication::translate("creneau::Recurrence",
                                                "The recurrence rule « %1 » is not valid.")
                        .arg(r.m_text);
        icalerror_clear_errno();
        return r;
    }
    if (rule.freq == ICAL_SECONDLY_RECURRENCE || rule.freq == ICAL_MINUTELY_RECURRENCE ||
        rule.freq == ICAL_HOURLY_RECURRENCE) {
        r.m_error = QCoreApplication::translate("creneau::Recurrence",
                                                "A recurrence repeats at most once a day.");
        return r;
    }
    if (rule.interval < 1 || rule.interval > 52) {
        r.m_error = QCoreApplication::translate("creneau::Recurrence",
                                                "The interval must be between 1 and 52.");
        return r;
    }
    // An iterator refuses some rules that parse (BYDAY out of range for the frequency...). The
    // probe stops ten years on: unbounded, a rule no day satisfies makes libical search until the
    // year 2582, about a second on the event loop.
    icalrecurrencetype probed = rule;
    probed.until = toIcalDate(QDate(2010, 1, 3));
    icalrecur_iterator *probe = icalrecur_iterator_new(probed, toIcalDate(QDate(2000, 1, 3)));
    if (!probe) {
        r.m_error = QCoreApplication::translate("creneau::Recurrence",
                                                "The recurrence rule « %1 » is not valid.")
                        .arg(r.m_text);
        icalerror_clear_errno();
        return r;
    }
    // A rule no day satisfies (BYSETPOS beyond the set, February 30th...) is of no use: refused.
    const bool someDay = !icaltime_is_null_time(icalrecur_iterator_next(probe));
    icalrecur_iterator_free(probe);
    if (!someDay) {
        r.m_error = QCoreApplication::translate("creneau::Recurrence",
                                                "The recurrence rule « %1 » is not valid.")
                        .arg(r.m_text);
        return r;
    }
    r.m_rule = std::make_shared<const Parsed>(Parsed{rule});
    return r;
}

bool RecurrenceRule::hasCount() const
{
    return m_rule && m_rule->rule.count > 0;
}

QList<QDate> RecurrenceRule::dates(const QDate &first, const QDate &from, const QDate &to,
                                   const QList<QDate> &exceptions) const
{
    QList<QDate> out;
    if (!isValid() || !first.isValid() || to < from || to < first)
        return out;
    if (!m_rule) {
        if (first >= from && first <= to && !exceptions.contains(first))
            out.append(first);
        return out;
    }
    // Stop libical at `to`: without an UNTIL, a rule that never matches (BYMONTH=2;BYMONTHDAY=30)
    // makes it search day after day up to the year 2582, about a second per call.
    icalrecurrencetype bounded = m_rule->rule;
    const icaltimetype end = toIcalDate(to);
    if (icaltime_is_null_time(bounded.until) || icaltime_compare(bounded.until, end) > 0)
        bounded.until = end;
    icalrecur_iterator *it = icalrecur_iterator_new(bounded, toIcalDate(first));
    if (!it)
        return out;
    // Skipping ahead is only sound without COUNT: a counted series must be walked from its start.
    if (from > first && !hasCount())
        icalrecur_iterator_set_start(it, toIcalDate(from));
    for (icaltimetype t = icalrecur_iterator_next(it); !icaltime_is_null_time(t);
         t = icalrecur_iterator_next(it)) {
        const QDate d = fromIcal(t);
        if (d > to)
            break;
        // libical repeats a day named twice (BYDAY=WE,WE): each day once.
        if (d >= from && !exceptions.contains(d) && (out.isEmpty() || out.last() < d))
            out.append(d);
        if (out.size() >= kMaxOccurrences)
            break;
    }
    icalrecur_iterator_free(it);
    return out;
}

} // namespace creneau
