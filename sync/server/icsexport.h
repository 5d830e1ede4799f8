// The appointment as an iCalendar file (libical), for the recap page's download.
#pragma once

#include <QByteArray>
#include <QString>

namespace creneau::http {

struct IcsEvent
{
    QString uid;
    qint64 startsAt = 0; // UTC seconds
    qint64 endsAt = 0;
    QString summary;
    QString location;
    QString description;
    bool cancelled = false;
};

QByteArray toIcs(const IcsEvent &event);

} // namespace creneau::http
