// Who this server process is, for claims and the access log: the instance (stable across
// restarts: --instance, else host name and data directory) and a start id (new each start). A
// claim "<instance>/<start id>" left by a dead process of the same instance is released as soon as
// the instance starts again, instead of waiting for the claim's time-out.
#pragma once

#include <QString>

namespace creneau {

class ProcessIdentity
{
public:
    // Set once at start, before any claim (the default: the host name).
    static void setInstance(const QString &instance);
    static QString instance();
    static QString startId();
    // "<instance>/<start id>": what claims carry.
    static QString claimant();
    // The prefix shared by every claimant of this instance, whatever the process.
    static QString instancePrefix() { return instance() + QLatin1Char('/'); }
};

} // namespace creneau
