#include "sync/server/connectionguard.h"

#include "sync/server/httptypes.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTcpSocket>

#include <sys/socket.h>

Q_LOGGING_CATEGORY(lcGuard, "creneau.server.connection")

namespace creneau::server {

namespace {

const char kClosing[] = "creneauClosing";
const char kHalfClosed[] = "creneauHalfClosed";

// Input that Qt has not read yet, past which a client is flooding rather than pipelining.
qint64 maxUnread(const ConnectionLimits &limits)
{
    return 4 * (limits.maxHeaderBytes + limits.maxBodyBytes);
}

// Drops all input; ends Qt's read transaction so the buffer is really freed.
void discardInput(QTcpSocket *socket)
{
    socket->readAll();
    if (socket->isTransactionStarted())
        socket->commitTransaction();
}

} // namespace

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, const ConnectionLimits &limits)
    : QObject(socket), m_socket(socket), m_limits(limits),
      m_framer({limits.maxHeaderBytes, limits.maxBodyBytes})
{
    m_idle.setSingleShot(true);
    m_idle.setInterval(m_limits.idleTimeoutMs);
    connect(&m_idle, &QTimer::timeout, socket, &QTcpSocket::abort);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        refuseStream(408, QStringLiteral("La requête est arrivée trop lentement : connexion "
                                         "fermée."));
    });
    // An answer being written (a large page, a long-poll answer) keeps the connection alive.
    // An answer being written (a large page, a long-poll answer) keeps the connection alive,
    // also the last one before closing.
    connect(socket, &QTcpSocket::bytesWritten, this, [this] { m_idle.start(); });
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::beforeQtReads);
    m_idle.start();
}

ConnectionGuard *ConnectionGuard::of(QTcpSocket *socket)
{
    return socket ? socket->findChild<ConnectionGuard *>(QString(), Qt::FindDirectChildrenOnly)
                  : nullptr;
}

void ConnectionGuard::attachAfterQt()
{
    connect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::afterQtRead);
}

void ConnectionGuard::afterQtRead()
{
    m_unread = m_socket->bytesAvailable();
}

void ConnectionGuard::beforeQtReads()
{
    if (m_closing) {
        drain();
        return;
    }
    const qint64 unread = m_socket->bytesAvailable();
    const qint64 fresh = unread - m_unread;
    if (fresh < 0) // someone but Qt read from the socket: the offsets below would be wrong
        qCWarning(lcGuard) << "unexpected read on a guarded socket";
    if (fresh > 0) {
        if (unread > maxUnread(m_limits)) {
            refuseStream(413, QStringLiteral("Trop de données envoyées d'avance : connexion "
                                             "fermée."));
            return;
        }
        // The new bytes are the last `fresh` of what Qt has not read yet.
        const QByteArray bytes = m_socket->peek(unread);
        const int heads = m_framer.headsStarted();
        const int bodies = m_framer.bodiesStarted();
        m_framer.feed(bytes.constData() + (bytes.size() - fresh), fresh);
        m_received += fresh;
        const std::deque<RequestFramer::Request> completed = m_framer.takeCompleted();
        for (const RequestFramer::Request &r : completed)
            m_closes.push_back(r.close);
        m_idle.start(); // idle: nothing read or written for a while; deadlines bound the rest
        updateTimers(heads, bodies);
    }
    m_unread = unread;
    // Qt reads one request per turn: the requests before a faulty one are answered first.
    const qint64 consumed = m_received - unread;
    if (m_framer.phase() == RequestFramer::Phase::Failed &&
        consumed >= m_framer.error().requestStart)
        refuseStream(m_framer.error().status, m_framer.error().message);
}

void ConnectionGuard::updateTimers(int headsBefore, int bodiesBefore)
{
    switch (m_framer.phase()) {
    case RequestFramer::Phase::Head:
        if (m_framer.headsStarted() != headsBefore)
            m_deadline.start(m_limits.headTimeoutMs);
        break;
    case RequestFramer::Phase::Body:
        if (m_framer.bodiesStarted() != bodiesBefore)
            m_deadline.start(m_limits.bodyTimeoutMs);
        break;
    case RequestFramer::Phase::Idle:
    case RequestFramer::Phase::Closed:
    case RequestFramer::Phase::Failed: // refused once Qt reaches it, after the earlier answers
        m_deadline.stop();
        break;
    }
}

bool ConnectionGuard::nextRequestCloses()
{
    if (m_closes.empty())
        return false;
    const bool close = m_closes.front();
    m_closes.pop_front();
    return close;
}

void ConnectionGuard::closeAfterAnswer()
{
    m_closing = true;
    m_deadline.stop(); // the idle timeout still cuts a client that stops reading the answer
    closeGracefully(m_socket, 2000);
}

void ConnectionGuard::drain()
{
    discardInput(m_socket);
    m_unread = 0;
}

void ConnectionGuard::refuseStream(int status, const QString &message)
{
    if (m_closing)
        return;
    m_closing = true;
    m_deadline.stop();
    drain();
    refuse(m_socket, status, message);
}

QByteArray ConnectionGuard::errorAnswer(int status, const QString &message, int retryAfterSecs)
{
    const QByteArray json = QJsonDocument(QJsonObject{{QStringLiteral("error"), message}})
                                .toJson(QJsonDocument::Compact);
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) +
                     "\r\nContent-Type: application/json; charset=utf-8\r\n"
                     "X-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\n"
                     "Connection: close\r\n";
    if (retryAfterSecs > 0)
        out += "Retry-After: " + QByteArray::number(retryAfterSecs) + "\r\n";
    out += "Content-Length: " + QByteArray::number(json.size()) + "\r\n\r\n" + json;
    return out;
}

void ConnectionGuard::refuse(QTcpSocket *socket, int status, const QString &message,
                             int retryAfterSecs, int lingerMs)
{
    socket->write(errorAnswer(status, message, retryAfterSecs));
    closeGracefully(socket, lingerMs);
}

bool ConnectionGuard::isClosing(const QTcpSocket *socket)
{
    return socket->property(kClosing).toBool();
}

void ConnectionGuard::closeGracefully(QTcpSocket *socket, int lingerMs)
{
    if (socket->property(kClosing).toBool())
        return;
    socket->setProperty(kClosing, true);
    connect(socket, &QTcpSocket::readyRead, socket, [socket] { discardInput(socket); });
    discardInput(socket);
    const auto halfClose = [socket, lingerMs] {
        if (socket->bytesToWrite() > 0 || socket->property(kHalfClosed).toBool() ||
            socket->state() != QAbstractSocket::ConnectedState)
            return;
        socket->setProperty(kHalfClosed, true);
        ::shutdown(int(socket->socketDescriptor()), SHUT_WR);
        // Counted from the end of the answer, however long a large one took to leave.
        QTimer::singleShot(lingerMs, socket, [socket] { socket->abort(); });
    };
    connect(socket, &QTcpSocket::bytesWritten, socket, halfClose);
    socket->flush();
    halfClose();
}

} // namespace creneau::server
