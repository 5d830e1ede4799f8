// A calendar as JSON, to be written later: the outbox keeps a message's calendar as it was at the
// change (its event, DTSTAMP, organiser) and the delivery worker writes the .ics from it, outside
// the booking transaction, identical whenever it is written.
#pragma once

#include "sync/ical/icalwriter.h"

#include <QJsonObject>

#include <optional>

namespace creneau::ical {

QJsonObject toJson(const Calendar &calendar);
// nullopt when `json` is not a calendar this code wrote.
std::optional<Calendar> calendarFromJson(const QJsonObject &json);

} // namespace creneau::ical
