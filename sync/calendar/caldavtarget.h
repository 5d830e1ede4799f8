// Where the CalDAV worker may send an agent's appointments and their Basic credentials: https
// only, and never this machine, a private network, a link-local or a multicast address, so a
// calendar URL cannot make the server reach internal hosts. Checked when the URL is saved and
// again on the resolved address each time the worker connects (a name may resolve elsewhere by
// then). `allowInsecure` (--allow-insecure-caldav, for tests with a local Radicale) permits plain
// http and loopback; private, link-local and multicast addresses stay refused.
#pragma once

#include <QHostAddress>
#include <QString>
#include <QUrl>

namespace creneau::calendar {

struct CaldavTarget
{
    // Why this URL may not be saved, in French; empty when it may.
    static QString checkUrl(const QString &url, bool allowInsecure);
    // Whether the worker may connect to this resolved address.
    static bool isAllowedAddress(QHostAddress address, bool allowInsecure);
};

} // namespace creneau::calendar
