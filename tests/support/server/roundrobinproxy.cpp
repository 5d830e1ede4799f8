#include "roundrobinproxy.h"

#include <QHostAddress>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace creneau::test {

RoundRobinProxy::RoundRobinProxy(QObject *parent) : QTcpServer(parent)
{
    connect(this, &QTcpServer::newConnection, this, &RoundRobinProxy::onConnection);
}

bool RoundRobinProxy::start()
{
    return listen(QHostAddress::LocalHost, 0);
}

int RoundRobinProxy::count(const QByteArray &method) const
{
    return int(std::count_if(served.cbegin(), served.cend(),
                             [&](const Served &s) { return s.method == method; }));
}

namespace {

// The request head without its Connection headers, asking the backend to close after answering.
QByteArray rewrittenHead(const QByteArray &head)
{
    QByteArray out;
    for (const QByteArray &line : head.split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (trimmed.isEmpty())
            continue;
        const QByteArray name = trimmed.left(trimmed.indexOf(':')).toLower();
        if (name == "connection" || name == "keep-alive")
            continue;
        out += trimmed + "\r\n";
    }
    return out + "Connection: close\r\n\r\n";
}

} // namespace

void RoundRobinProxy::onConnection()
{
    while (QTcpSocket *client = nextPendingConnection()) {
        auto buffer = std::make_shared<QByteArray>();
        auto forwarded = std::make_shared<bool>(false);
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        connect(client, &QTcpSocket::readyRead, this, [this, client, buffer, forwarded] {
            *buffer += client->readAll();
            if (*forwarded)
                return; // one request per connection
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray head = buffer->left(end + 2);
            qsizetype length = 0;
            for (const QByteArray &line : head.split('\n'))
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            if (buffer->size() < end + 4 + length)
                return;
            *forwarded = true;
            const QList<QByteArray> requestLine = head.left(head.indexOf('\r')).split(' ');
            const int index = m_next++ % int(m_backends.size());
            served.append({index, requestLine.value(0), requestLine.value(1)});
            auto *backend = new QTcpSocket(client);
            connect(backend, &QTcpSocket::readyRead, client,
                    [client, backend] { client->write(backend->readAll()); });
            connect(backend, &QTcpSocket::disconnected, client, [client, backend] {
                client->write(backend->readAll());
                client->disconnectFromHost();
            });
            // A backend that is down: the client sees its connection closed (as with nginx's
            // 502, a failure the test sees); a normal close is handled by `disconnected`.
            connect(backend, &QTcpSocket::errorOccurred, client, [client, backend] {
                if (backend->error() != QAbstractSocket::RemoteHostClosedError)
                    client->disconnectFromHost();
            });
            const QByteArray request = rewrittenHead(head) + buffer->mid(end + 4, length);
            connect(backend, &QTcpSocket::connected, backend,
                    [backend, request] { backend->write(request); });
            const quint16 port = m_backends.at(index);
            QTimer::singleShot(delayMs, backend, [backend, port] {
                backend->connectToHost(QHostAddress::LocalHost, port);
            });
        });
    }
}

} // namespace creneau::test
