#include "sync/calendar/caldavtarget.h"

namespace creneau::calendar {

namespace {

bool inAny(const QHostAddress &a, std::initializer_list<const char *> subnets)
{
    for (const char *s : subnets)
        if (a.isInSubnet(QHostAddress::parseSubnet(QLatin1String(s))))
            return true;
    return false;
}

} // namespace

bool CaldavTarget::isAllowedAddress(QHostAddress a, bool allowInsecure)
{
    bool mapped = false;
    const quint32 v4 = a.toIPv4Address(&mapped); // ::ffff:10.0.0.1 is 10.0.0.1
    if (mapped && a.protocol() == QAbstractSocket::IPv6Protocol)
        a = QHostAddress(v4);
    if (a.isNull())
        return false;
    if (a.isLoopback())
        return allowInsecure;
    // isGlobal() leaves out loopback, link-local, site-local, unique-local, multicast and
    // broadcast; Qt 6.4 still counts the private IPv4 ranges and a few others as global.
    if (!a.isGlobal() || a.isMulticast() || a.isLinkLocal() || a.isBroadcast())
        return false;
    return !inAny(a, {"0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "172.16.0.0/12", "192.0.0.0/24",
                      "192.168.0.0/16", "198.18.0.0/15", "240.0.0.0/4", "::/128", "64:ff9b::/96",
                      "fc00::/7", "fe80::/10", "fec0::/10"});
}

QString CaldavTarget::checkUrl(const QString &text, bool allowInsecure)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    const bool https = url.scheme() == QLatin1String("https");
    const bool http = url.scheme() == QLatin1String("http") && allowInsecure;
    if (!url.isValid() || url.host().isEmpty() || (!https && !http))
        return QStringLiteral("L'adresse du calendrier CalDAV doit commencer par https://.");
    if (!url.userInfo().isEmpty())
        return QStringLiteral(
            "Indiquez l'identifiant et le mot de passe à part, pas dans l'adresse.");
    const QString host = url.host().toLower();
    QHostAddress literal;
    const bool isLiteral = literal.setAddress(host);
    const bool local = host == QLatin1String("localhost") ||
                       host.endsWith(QLatin1String(".localhost")) ||
                       (isLiteral && !isAllowedAddress(literal, allowInsecure));
    if (local && !(allowInsecure && host.contains(QLatin1String("localhost"))))
        return QStringLiteral("Cette adresse désigne une machine interne : indiquez l'adresse "
                              "publique de votre serveur de calendrier.");
    return {};
}

} // namespace creneau::calendar
