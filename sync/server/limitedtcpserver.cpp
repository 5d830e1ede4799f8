#include "limitedtcpserver.h"

#include "connectionguard.h"

#include <QDeadlineTimer>
#include <QTcpSocket>

namespace creneau::http {

namespace {

// Refused sockets drain for a moment so that their answer is not destroyed by a reset; past
// this many at once (a flood), they are cut at once instead of holding descriptors.
constexpr int kMaxLingering = 256;

} // namespace

LimitedTcpServer::LimitedTcpServer(ConnectionLimits limits, QObject *parent)
    : QTcpServer(parent), m_limits(std::move(limits))
{}

QByteArray LimitedTcpServer::clientKey(const QHostAddress &peer)
{
    bool isV4 = false;
    const quint32 v4 = peer.toIPv4Address(&isV4); // also for ::ffff:a.b.c.d
    if (isV4)
        return QHostAddress(v4).toString().toLatin1();
    const Q_IPV6ADDR v6 = peer.toIPv6Address();
    return QByteArray(reinterpret_cast<const char *>(v6.c), 8).toHex() + "/64";
}

void LimitedTcpServer::attachAfterHttpServer()
{
    // Connected after QAbstractHttpServer's own slot for this signal, so it runs after Qt has
    // connected its readyRead handler to the new sockets.
    connect(this, &QTcpServer::pendingConnectionAvailable, this, [this] {
        const QList<QPointer<ConnectionGuard>> fresh = std::exchange(m_fresh, {});
        for (const QPointer<ConnectionGuard> &guard : fresh)
            if (guard)
                guard->attachAfterQt();
    });
}

void LimitedTcpServer::drain(int msecs)
{
    close();
    QDeadlineTimer deadline(msecs);
    for (QTcpSocket *socket : findChildren<QTcpSocket *>()) {
        while (socket->state() == QAbstractSocket::ConnectedState && socket->bytesToWrite() > 0 &&
               !deadline.hasExpired())
            socket->waitForBytesWritten(int(qMax<qint64>(1, deadline.remainingTime())));
    }
}

void LimitedTcpServer::incomingConnection(qintptr handle)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        return;
    }
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    if (m_active >= m_limits.maxConnections) {
        refuseAtAccept(socket, 503, QStringLiteral("Serveur saturé, réessayez dans un instant."),
                       5);
        return;
    }
    const QHostAddress peer = socket->peerAddress();
    const bool capped = std::none_of(
        m_limits.uncappedPeers.cbegin(), m_limits.uncappedPeers.cend(),
        [&](const QHostAddress &p) { return p.isEqual(peer, QHostAddress::TolerantConversion); });
    const QByteArray key = clientKey(peer);
    if (capped && m_perClient.value(key) >= m_limits.maxPerClient) {
        refuseAtAccept(socket, 429,
                       QStringLiteral("Trop de connexions ouvertes depuis votre adresse : "
                                      "réessayez dans un instant."),
                       5);
        return;
    }
    ++m_active;
    if (capped)
        ++m_perClient[key];
    connect(socket, &QObject::destroyed, this, [this, capped, key] {
        --m_active;
        if (capped && --m_perClient[key] <= 0)
            m_perClient.remove(key);
    });
    m_fresh.append(new ConnectionGuard(socket, m_limits));
    addPendingConnection(socket);
}

void LimitedTcpServer::refuseAtAccept(QTcpSocket *socket, int status, const QString &message,
                                      int retryAfter)
{
    ++m_lingering;
    connect(socket, &QObject::destroyed, this, [this] { --m_lingering; });
    ConnectionGuard::refuse(socket, status, message, retryAfter,
                            m_lingering > kMaxLingering ? 0 : 2000);
}

} // namespace creneau::http
