#include "models/horizon.h"

#include <QCoreApplication>

namespace creneau {

bool Horizon::contains(qint64 secs, qint64 now)
{
    return secs >= now - kPastSecs && secs <= now + kFutureSecs;
}

bool Horizon::check(FieldErrors &errors, const QString &field, qint64 secs, qint64 now)
{
    if (contains(secs, now))
        return true;
    errors.insert(field, QCoreApplication::translate(
                             "creneau::Horizon",
                             "The date must fall between one year ago and two years from now."));
    return false;
}

} // namespace creneau
