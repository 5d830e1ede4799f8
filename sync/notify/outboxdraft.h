// A message as the change left it: the template, its values and the calendar of the event, as
// they were at the change. The booking's transaction keeps this in the outbox row and the text is
// rendered when the row is read (by the delivery worker, or anyone listing the outbox), so that
// the write lock covers the checks and inserts only: filling templates and writing iCalendar
// were two thirds of a booking's instructions. Rendering is pure (no store, no clock): the same
// row gives the same message at every attempt.
#pragma once

#include "sync/ical/icalwriter.h"
#include "sync/notify/mailtemplate.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace creneau::notify {

struct OutboxDraft
{
    QString templateName;
    TemplateValues values;
    std::optional<ical::Calendar> calendar; // the .ics to attach (e-mails only)

    // The draft as JSON. serialize() writes the bytes directly (sync/fastpath): it runs inside
    // the booking's transaction, where building the QJsonObject of toJson() (the plain path,
    // which it must match) was a quarter of a booking's instructions (callgrind).
    QString serialize() const;
    QJsonObject toJson() const;
    // nullopt: `text` is not a draft this code wrote (the row's message then fails visibly).
    static std::optional<OutboxDraft> parse(const QString &text);
};

} // namespace creneau::notify
