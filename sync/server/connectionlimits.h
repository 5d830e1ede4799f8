// The limits put on every client connection of the HTTP server (see README « Sécurité »).
#pragma once

#include <QHostAddress>
#include <QList>

namespace creneau::server {

struct ConnectionLimits
{
    int maxConnections = 512;
    // Open connections per client address (an IPv6 client: per /64). Peers listed in
    // `uncappedPeers` (the trusted reverse proxies, which carry many clients each) are exempt.
    int maxPerClient = 32;
    QList<QHostAddress> uncappedPeers;
    // Nothing read or written for this long: the connection is closed.
    int idleTimeoutMs = 30000;
    // A request head (resp. body) must arrive whole within this time from its first byte, however
    // slowly it trickles in; otherwise 408 and the connection is closed.
    int headTimeoutMs = 10000;
    int bodyTimeoutMs = 30000;
    qint64 maxBodyBytes = 64 * 1024;
    qint64 maxHeaderBytes = 16 * 1024;
};

} // namespace creneau::server
