// The listening socket with the limits Qt HttpServer 6.4 lacks: caps on open connections (in all
// and per client address) and, through a ConnectionGuard per connection, strict request framing,
// deadlines for request heads and bodies, an idle timeout and a cap on the bytes of a request.
#pragma once

#include "sync/server/connectionlimits.h"

#include <QHash>
#include <QPointer>
#include <QTcpServer>
#include <QTimer>

#include <deque>

class QTcpSocket;

namespace creneau::server {

class ConnectionGuard;

class LimitedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    explicit LimitedTcpServer(ConnectionLimits limits, QObject *parent = nullptr);
    ~LimitedTcpServer() override;

    int activeConnections() const { return m_active; }
    const ConnectionLimits &limits() const { return m_limits; }
    // To be called once QAbstractHttpServer::bind() has taken this server: every guard then
    // hooks in after Qt HttpServer's own reading (see ConnectionGuard::attachAfterQt).
    void attachAfterHttpServer();
    // On shutdown: stops listening and gives written answers up to `msecs` to leave.
    void drain(int msecs);

    // The address a per-client cap counts by: IPv4 as is, IPv6 by its /64 (one subscriber's
    // network: a single client can have billions of addresses in it).
    static QByteArray clientKey(const QHostAddress &peer);

protected:
    void incomingConnection(qintptr handle) override;

private:
    // Refusals work on the bare descriptor: no QTcpSocket, notifier or timer each, since a
    // flood of them must cost the event loop next to nothing.
    void refuseDescriptor(int fd, const QByteArray &answer);
    void drainRefused();
    struct Refused
    {
        int fd;
        qint64 closeAtMs;
    };
    ConnectionLimits m_limits;
    int m_active = 0;
    QByteArray m_busyAnswer;
    QByteArray m_tooManyAnswer;
    std::deque<Refused> m_refused; // answered, half-closed, draining until closed
    QTimer m_drainTimer;
    QHash<QByteArray, int> m_perClient;
    QList<QPointer<ConnectionGuard>> m_fresh;
};

} // namespace creneau::server
