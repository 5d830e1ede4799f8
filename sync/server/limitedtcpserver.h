// The listening socket with the limits Qt HttpServer 6.4 lacks: caps on open connections (in all
// and per client address) and, through a ConnectionGuard per connection, strict request framing,
// deadlines for request heads and bodies, an idle timeout and a cap on the bytes of a request.
#pragma once

#include "connectionlimits.h"

#include <QHash>
#include <QPointer>
#include <QTcpServer>

class QTcpSocket;

namespace creneau::http {

class ConnectionGuard;

class LimitedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    explicit LimitedTcpServer(ConnectionLimits limits, QObject *parent = nullptr);

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
    void refuseAtAccept(QTcpSocket *socket, int status, const QString &message, int retryAfter);
    ConnectionLimits m_limits;
    int m_active = 0;
    int m_lingering = 0; // refused sockets still draining
    QHash<QByteArray, int> m_perClient;
    QList<QPointer<ConnectionGuard>> m_fresh;
};

} // namespace creneau::http
