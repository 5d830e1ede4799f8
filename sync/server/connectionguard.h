// Guards one accepted connection of the HTTP server: frames its requests strictly
// (RequestFramer) before Qt HttpServer 6.4 reads them, enforces the head, body and idle
// deadlines, and closes the connection properly (answer, half-close, drain) when a request asks
// for it or is refused.
#pragma once

#include "sync/server/connectionlimits.h"
#include "sync/server/requestframer.h"

#include <QObject>
#include <QTimer>

#include <deque>

class QTcpSocket;

namespace creneau::server {

class ConnectionGuard : public QObject
{
    Q_OBJECT
public:
    // Becomes a child of `socket`.
    ConnectionGuard(QTcpSocket *socket, const ConnectionLimits &limits);
    static ConnectionGuard *of(QTcpSocket *socket);

    // Connected to the socket's readyRead before Qt HttpServer's own handler: sees the new
    // bytes first, and refuses the stream (so that Qt never reads it) once Qt reaches a faulty
    // request.
    void beforeQtReads();
    // Connects afterQtRead; to be called once Qt HttpServer has connected its handler.
    void attachAfterQt();
    // For the request Qt HttpServer hands over now: true when its answer must close the
    // connection (HTTP/1.0, "Connection: close").
    bool nextRequestCloses();
    // Once the answer to a request that closes the connection is written.
    void closeAfterAnswer();

    // True once the socket is being closed: nothing more may be written to it.
    static bool isClosing(const QTcpSocket *socket);
    // A whole answer {"error": message} with `status` and "Connection: close".
    static QByteArray errorAnswer(int status, const QString &message, int retryAfterSecs = 0);
    // Writes errorAnswer(...), then closes gracefully.
    static void refuse(QTcpSocket *socket, int status, const QString &message,
                       int retryAfterSecs = 0, int lingerMs = 2000);
    // Sends what is buffered, half-closes (the client reads its answer, then end of stream),
    // drops whatever the client still sends, and closes for good `lingerMs` after the answer has
    // left. Closing at once with unread input would make the kernel send a reset that can
    // destroy the answer. A write that stalls is cut by the guard's idle timeout.
    static void closeGracefully(QTcpSocket *socket, int lingerMs);

private:
    void afterQtRead();
    void refuseStream(int status, const QString &message);
    void drain();
    void updateTimers(int headsBefore, int bodiesBefore);

    QTcpSocket *m_socket;
    ConnectionLimits m_limits;
    RequestFramer m_framer;
    QTimer m_idle;
    QTimer m_deadline;
    qint64 m_received = 0;     // bytes of the stream seen so far
    qint64 m_unread = 0;       // of which Qt had not read when last looked at
    std::deque<bool> m_closes; // per complete request not yet handed over: close after it?
    bool m_closing = false;
};

} // namespace creneau::server
