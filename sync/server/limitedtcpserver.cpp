#include "limitedtcpserver.h"

#include <QDeadlineTimer>
#include <QTcpSocket>
#include <QTimer>

namespace creneau::http {

namespace {

const char kCount[] = "creneauRequestBytes";
const char kRejected[] = "creneauRejected";

// The Content-Length announced by the headers at the start of `data`, or -1.
qint64 announcedLength(const QByteArray &data)
{
    const int end = data.indexOf("\r\n\r\n");
    const QByteArray head = (end < 0 ? data : data.left(end)).toLower();
    const int at = head.indexOf("\r\ncontent-length:");
    if (at < 0)
        return -1;
    const int eol = head.indexOf("\r\n", at + 2);
    bool ok = false;
    const qint64 n = head.mid(at + 17, eol < 0 ? -1 : eol - at - 17).trimmed().toLongLong(&ok);
    return ok ? n : -1;
}

} // namespace

LimitedTcpServer::LimitedTcpServer(ConnectionLimits limits, QObject *parent)
    : QTcpServer(parent), m_limits(limits)
{}

void LimitedTcpServer::requestDone(QTcpSocket *socket)
{
    socket->setProperty(kCount, qint64(0));
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
    if (m_active >= m_limits.maxConnections) {
        refuse(socket, "HTTP/1.1 503 Service Unavailable",
               R"({"error":"Serveur saturé, réessayez dans un instant."})");
        return;
    }
    ++m_active;
    connect(socket, &QObject::destroyed, this, [this] { --m_active; });
    auto *idle = new QTimer(socket);
    idle->setSingleShot(true);
    idle->setInterval(m_limits.idleTimeoutMs);
    connect(idle, &QTimer::timeout, socket, [socket] { socket->abort(); });
    connect(socket, &QTcpSocket::bytesWritten, idle, qOverload<>(&QTimer::start));
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    // Connected before the HTTP server's own readyRead handler, so it sees the bytes first.
    connect(socket, &QTcpSocket::readyRead, this, [this, socket, idle] {
        idle->start();
        countBytes(socket);
    });
    idle->start();
    addPendingConnection(socket);
}

void LimitedTcpServer::countBytes(QTcpSocket *socket)
{
    if (socket->property(kRejected).toBool()) {
        socket->readAll(); // discard what a refused request still sends
        return;
    }
    const qint64 before = socket->property(kCount).toLongLong();
    const qint64 now = before + socket->bytesAvailable();
    socket->setProperty(kCount, now);
    const qint64 announced = before == 0 ? announcedLength(socket->peek(8192)) : -1;
    if (announced > m_limits.maxBodyBytes ||
        now > m_limits.maxBodyBytes + m_limits.maxHeaderBytes) {
        socket->setProperty(kRejected, true);
        socket->readAll();
        refuse(socket, "HTTP/1.1 413 Payload Too Large",
               R"({"error":"La requête dépasse la taille maximale autorisée (64 Kio)."})");
    }
}

void LimitedTcpServer::refuse(QTcpSocket *socket, const QByteArray &statusLine,
                              const QByteArray &json)
{
    QByteArray out = statusLine +
                     "\r\nContent-Type: application/json; charset=utf-8\r\n"
                     "X-Content-Type-Options: nosniff\r\nConnection: close\r\n"
                     "Content-Length: " +
                     QByteArray::number(json.size()) + "\r\n\r\n" + json;
    socket->write(out);
    socket->flush();
    // Let the client read the answer; the idle timer (or the client) closes the connection.
    QTimer::singleShot(2000, socket, [socket] { socket->disconnectFromHost(); });
    if (!socket->property(kRejected).toBool()) {
        socket->setProperty(kRejected, true);
        connect(socket, &QTcpSocket::readyRead, socket, [socket] { socket->readAll(); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

} // namespace creneau::http
