// The listening socket with the limits Qt HttpServer 6.4 lacks: a cap on open connections, an
// idle timeout, and a cap on the bytes one request may send (413 without buffering the rest).
#pragma once

#include <QTcpServer>

class QTcpSocket;

namespace creneau::http {

struct ConnectionLimits
{
    int maxConnections = 512;
    int idleTimeoutMs = 30000;
    qint64 maxBodyBytes = 64 * 1024;
    qint64 maxHeaderBytes = 16 * 1024;
};

class LimitedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    explicit LimitedTcpServer(ConnectionLimits limits, QObject *parent = nullptr);

    int activeConnections() const { return m_active; }
    const ConnectionLimits &limits() const { return m_limits; }
    // Called by the HTTP layer once a request is complete: the next one starts counting at zero.
    static void requestDone(QTcpSocket *socket);
    // On shutdown: stops listening and gives written answers up to `msecs` to leave.
    void drain(int msecs);

protected:
    void incomingConnection(qintptr handle) override;

private:
    void countBytes(QTcpSocket *socket);
    void refuse(QTcpSocket *socket, const QByteArray &statusLine, const QByteArray &json);
    ConnectionLimits m_limits;
    int m_active = 0;
};

} // namespace creneau::http
