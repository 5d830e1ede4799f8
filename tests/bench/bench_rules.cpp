// What the recurrence rules' bounds cost: checking a rule an agent typed (the worst are yearly
// rules that no day satisfies, which libical searches up to its last year), and reading one
// stored before it was checked. Prints milliseconds; see README.md, "Performance".
#include "models/recurrence.h"
#include "models/validation.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>

using namespace creneau;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const char *rules[] = {"FREQ=WEEKLY;BYDAY=MO,TH", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
                           "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
                           "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
                           "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=3"};
    for (const char *rule : rules) {
        qint64 worst = 0;
        for (int run = 0; run < 5; ++run) {
            FieldErrors errors;
            QElapsedTimer t;
            t.start();
            checkRecurrence(errors, QStringLiteral("rrule"), QString::fromLatin1(rule),
                            QDate(2026, 12, 1));
            worst = std::max(worst, t.nsecsElapsed());
        }
        std::printf("checkRecurrence %-45s worst of 5: %.1f ms\n", rule, worst / 1e6);
    }
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < 20; ++i)
        RecurrenceRule::parse(QStringLiteral("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"))
            .dates(QDate(2026, 1, 1), QDate(2026, 12, 1), QDate(2026, 12, 31));
    std::printf("a stored rule no day satisfies, read and expanded 20 times: %.1f ms\n",
                t.nsecsElapsed() / 1e6);
    return 0;
}
