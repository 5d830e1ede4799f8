// An iCalendar RRULE over whole days, expanded by libical (so it round-trips to calendars).
#pragma once

#include <QDate>
#include <QList>
#include <QString>

#include <memory>

namespace creneau {

class RecurrenceRule
{
public:
    // At most this many dates from one call of dates(), whatever the range asked.
    static constexpr int kMaxOccurrences = 5000;
    // An empty rule means "the first day only".
    static RecurrenceRule parse(const QString &rrule);

    bool isValid() const { return m_error.isEmpty(); }
    // Why the rule was refused, in French; empty when valid.
    QString error() const { return m_error; }
    bool hasCount() const;
    QString text() const { return m_text; }

    // Every occurrence date in [from, to], starting the series on `first`, minus `exceptions`;
    // libical is never asked past `to`, and at most kMaxOccurrences dates come back.
    QList<QDate> dates(const QDate &first, const QDate &from, const QDate &to,
                       const QList<QDate> &exceptions = {}) const;

private:
    struct Parsed;
    std::shared_ptr<const Parsed> m_rule; // null for a one-off
    QString m_text;
    QString m_error;
};

} // namespace creneau
