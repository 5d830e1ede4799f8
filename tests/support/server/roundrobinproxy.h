// A small HTTP reverse proxy for tests, as an operator puts nginx in front of several instances:
// each request goes to the next backend in turn, on a connection of its own ("Connection:
// close"), and its answer comes back. Records which backend served each request, so a test can
// check that the steps of one walk alternated, and counts requests by method (CalDAV PUTs).
#pragma once

#include <QByteArray>
#include <QList>
#include <QTcpServer>

namespace creneau::test {

class RoundRobinProxy : public QTcpServer
{
    Q_OBJECT
public:
    explicit RoundRobinProxy(QObject *parent = nullptr);
    bool start(); // on a free loopback port
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(serverPort()); }
    void setBackends(const QList<quint16> &ports) { m_backends = ports; }
    // Each request waits this long before it is passed on (a slow backend).
    int delayMs = 0;

    struct Served
    {
        int backend = -1; // index in the backends
        QByteArray method;
        QByteArray path;
    };
    QList<Served> served;
    int count(const QByteArray &method) const;

private:
    void onConnection();
    QList<quint16> m_backends;
    int m_next = 0;
};

} // namespace creneau::test
