// Where partners reach the embedded booking endpoint (this computer only, the local network, or a
// public https address that points at this computer), saved in the data directory so that the
// link handed to partners stays the same from one start to the next.
#pragma once

#include "models/validation.h"

#include <QHostAddress>
#include <QString>

namespace creneau::ui {

struct BookingLinkAddress
{
    enum class Reach
    {
        ThisComputer,
        LocalNetwork,
        PublicAddress
    };

    static constexpr quint16 kDefaultPort = 8080;

    Reach reach = Reach::ThisComputer;
    quint16 port = kDefaultPort; // the port chosen at the first start, then kept
    QString publicUrl;           // with PublicAddress: "https://rdv.example.fr"

    // <dataDir>/booking-link.ini; the defaults when it does not exist yet.
    static BookingLinkAddress load(const QString &dataDir);
    bool save(const QString &dataDir) const;
    // French messages keyed by field ("public_url"), empty when usable.
    FieldErrors validate() const;

    // Loopback for this computer only; every interface otherwise (the reverse proxy or the
    // router in front of a public address may be another machine).
    QHostAddress listenAddress() const;
    // The base of every link ("http://192.168.1.20:8080"), for a server listening on `port`.
    QString linkBase(quint16 listeningPort) const;
    // The address other computers of the local network use: the first running, non-loopback IPv4
    // address, else the host name.
    static QString localNetworkHost();
};

// True when `url` names this computer only (127.0.0.0/8, ::1, localhost): such a link is useless
// to a partner.
bool worksOnlyOnThisComputer(const QString &url);

} // namespace creneau::ui
