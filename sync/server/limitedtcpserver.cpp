#include "sync/server/limitedtcpserver.h"

#include "sync/server/connectionguard.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QTcpSocket>

#include <algorithm>
#include <cerrno>

#include <sys/socket.h>
#include <unistd.h>

namespace creneau::server {

namespace {

// Refused connections drain for a moment so that their answer is not destroyed by a reset (what
// the kernel sends when a socket is closed with input unread); past this many at once (a flood),
// they are closed at once instead of holding descriptors.
constexpr std::size_t kMaxRefusedDraining = 256;
constexpr qint64 kRefusedDrainMs = 2000;

// Reads and drops what is waiting; false once the peer has closed (or the socket failed).
bool dropInput(int fd)
{
    char scratch[4096];
    for (;;) {
        const ssize_t n = ::recv(fd, scratch, sizeof scratch, MSG_DONTWAIT);
        if (n > 0)
            continue;
        return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR);
    }
}

} // namespace

LimitedTcpServer::LimitedTcpServer(ConnectionLimits limits, QObject *parent)
    : QTcpServer(parent), m_limits(std::move(limits))
{
    // Qt's default backlog (50) fills up when one client reconnects hundreds of times a second:
    // then everyone's connection attempts are dropped and retried by TCP a second later. The
    // kernel caps this at net.core.somaxconn.
    setListenBacklogSize(1024);
    m_busyAnswer = ConnectionGuard::errorAnswer(
        503, QStringLiteral("Serveur saturé, réessayez dans un instant."), 5);
    m_tooManyAnswer = ConnectionGuard::errorAnswer(
        429,
        QStringLiteral("Trop de connexions ouvertes depuis votre adresse : réessayez dans un "
                       "instant."),
        5);
    m_drainTimer.setInterval(200);
    connect(&m_drainTimer, &QTimer::timeout, this, &LimitedTcpServer::drainRefused);
}

LimitedTcpServer::~LimitedTcpServer()
{
    for (const Refused &r : m_refused)
        ::close(r.fd);
}

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
    const int fd = int(handle);
    sockaddr_storage address = {};
    socklen_t length = sizeof address;
    if (::getpeername(fd, reinterpret_cast<sockaddr *>(&address), &length) != 0) {
        ::close(fd);
        return;
    }
    const QHostAddress peer(reinterpret_cast<const sockaddr *>(&address));
    if (m_active >= m_limits.maxConnections) {
        refuseDescriptor(fd, m_busyAnswer);
        return;
    }
    const bool capped = std::none_of(
        m_limits.uncappedPeers.cbegin(), m_limits.uncappedPeers.cend(),
        [&](const QHostAddress &p) { return p.isEqual(peer, QHostAddress::TolerantConversion); });
    const QByteArray key = clientKey(peer);
    if (capped && m_perClient.value(key) >= m_limits.maxPerClient) {
        refuseDescriptor(fd, m_tooManyAnswer);
        return;
    }
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        ::close(fd);
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
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    m_fresh.append(new ConnectionGuard(socket, m_limits));
    addPendingConnection(socket);
}

void LimitedTcpServer::refuseDescriptor(int fd, const QByteArray &answer)
{
    dropInput(fd); // what the client sent already, so that closing does not reset
    // The answer is small: it fits in the new socket's send buffer at once.
    [[maybe_unused]] const ssize_t sent =
        ::send(fd, answer.constData(), size_t(answer.size()), MSG_DONTWAIT | MSG_NOSIGNAL);
    ::shutdown(fd, SHUT_WR); // the client reads the answer, then end of stream
    if (m_refused.size() >= kMaxRefusedDraining) {
        ::close(fd);
        return;
    }
    m_refused.push_back({fd, QDateTime::currentMSecsSinceEpoch() + kRefusedDrainMs});
    if (!m_drainTimer.isActive())
        m_drainTimer.start();
}

void LimitedTcpServer::drainRefused()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (auto it = m_refused.begin(); it != m_refused.end();) {
        if (!dropInput(it->fd) || now >= it->closeAtMs) {
            ::close(it->fd);
            it = m_refused.erase(it);
        } else {
            ++it;
        }
    }
    if (m_refused.empty())
        m_drainTimer.stop();
}

} // namespace creneau::server
