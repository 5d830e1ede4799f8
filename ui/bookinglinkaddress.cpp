#include "ui/bookinglinkaddress.h"

#include <QCoreApplication>
#include <QDir>
#include <QHostInfo>
#include <QNetworkInterface>
#include <QSettings>
#include <QUrl>

namespace creneau::ui {

namespace {

QString settingsFile(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("booking-link.ini"));
}

QString reachName(BookingLinkAddress::Reach reach)
{
    switch (reach) {
    case BookingLinkAddress::Reach::LocalNetwork:
        return QStringLiteral("local-network");
    case BookingLinkAddress::Reach::PublicAddress:
        return QStringLiteral("public-address");
    case BookingLinkAddress::Reach::ThisComputer:
        break;
    }
    return QStringLiteral("this-computer");
}

} // namespace

BookingLinkAddress BookingLinkAddress::load(const QString &dataDir)
{
    BookingLinkAddress a;
    const QSettings s(settingsFile(dataDir), QSettings::IniFormat);
    const QString reach = s.value(QStringLiteral("reach")).toString();
    if (reach == reachName(Reach::LocalNetwork))
        a.reach = Reach::LocalNetwork;
    else if (reach == reachName(Reach::PublicAddress))
        a.reach = Reach::PublicAddress;
    bool ok = false;
    const uint port = s.value(QStringLiteral("port")).toUInt(&ok);
    if (ok && port > 0 && port <= 65535)
        a.port = quint16(port);
    a.publicUrl = s.value(QStringLiteral("public_url")).toString();
    return a;
}

bool BookingLinkAddress::save(const QString &dataDir) const
{
    QSettings s(settingsFile(dataDir), QSettings::IniFormat);
    s.setValue(QStringLiteral("reach"), reachName(reach));
    s.setValue(QStringLiteral("port"), port);
    s.setValue(QStringLiteral("public_url"), publicUrl);
    s.sync();
    return s.status() == QSettings::NoError;
}

FieldErrors BookingLinkAddress::validate() const
{
    FieldErrors e;
    if (reach != Reach::PublicAddress)
        return e;
    const QUrl url(publicUrl.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QLatin1String("https") || url.host().isEmpty() ||
        !url.path(QUrl::FullyEncoded).remove(QLatin1Char('/')).isEmpty() || url.hasQuery() ||
        url.hasFragment() || !url.userInfo().isEmpty())
        e.insert(QStringLiteral("public_url"),
                 QCoreApplication::translate("creneau::ui::BookingLinkAddress",
                                             "Enter an https address such as "
                                             "https://rdv.example.fr (no path)."));
    return e;
}

QHostAddress BookingLinkAddress::listenAddress() const
{
    return reach == Reach::ThisComputer ? QHostAddress(QHostAddress::LocalHost)
                                        : QHostAddress(QHostAddress::AnyIPv4);
}

QString BookingLinkAddress::linkBase(quint16 listeningPort) const
{
    switch (reach) {
    case Reach::PublicAddress: {
        QString url = publicUrl.trimmed();
        while (url.endsWith(QLatin1Char('/')))
            url.chop(1);
        return url;
    }
    case Reach::LocalNetwork:
        return QStringLiteral("http://%1:%2").arg(localNetworkHost()).arg(listeningPort);
    case Reach::ThisComputer:
        break;
    }
    return QStringLiteral("http://127.0.0.1:%1").arg(listeningPort);
}

QString BookingLinkAddress::localNetworkHost()
{
    for (const QNetworkInterface &i : QNetworkInterface::allInterfaces()) {
        const auto flags = i.flags();
        if (!(flags & QNetworkInterface::IsUp) || !(flags & QNetworkInterface::IsRunning) ||
            (flags & QNetworkInterface::IsLoopBack))
            continue;
        for (const QNetworkAddressEntry &entry : i.addressEntries()) {
            const QHostAddress ip = entry.ip();
            if (ip.protocol() == QAbstractSocket::IPv4Protocol && !ip.isLoopback() &&
                !ip.isLinkLocal())
                return ip.toString();
        }
    }
    return QHostInfo::localHostName();
}

bool worksOnlyOnThisComputer(const QString &url)
{
    const QString host = QUrl(url).host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace creneau::ui
