// The limits Qt HttpServer lacks, against the real server: idle connections are closed,
// connections past the caps get 503 or 429, slow request heads and bodies are cut, one address
// with hundreds of slow sockets does not keep others out, HTTP/1.0 and "Connection: close" close,
// every lenient framing is refused with 400 (no smuggled request is answered), and the command
// line refuses bad values.
#include "serverprocess.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QProcess>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <QtTest>

#include <algorithm>
#include <atomic>

using namespace creneau::test;

namespace {

const QString kLocal = QStringLiteral("127.0.0.1");
// A second loopback address: another client, as far as the server can tell.
const QString kOther = QStringLiteral("127.0.0.2");

struct RawAnswer
{
    QByteArray bytes;
    bool closed = false;
    qint64 firstByteMs = -1; // after the request was sent
    qint64 closedMs = -1;
    int count() const { return int(bytes.count("HTTP/1.1 ")); }
    int status() const { return bytes.startsWith("HTTP/1.1 ") ? bytes.mid(9, 3).toInt() : 0; }
    QByteArray header(const QByteArray &name) const
    {
        const QByteArray head = bytes.left(bytes.indexOf("\r\n\r\n")).toLower();
        const qsizetype at = head.indexOf("\r\n" + name.toLower() + ":");
        if (at < 0)
            return {};
        const qsizetype start = at + 3 + name.size();
        return head.mid(start, head.indexOf("\r\n", start) - start).trimmed();
    }
};

// Reads until the server closes the connection or `waitMs` passed.
void readAnswer(QTcpSocket &socket, RawAnswer &answer, int waitMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!clock.hasExpired(waitMs)) {
        const bool more = socket.waitForReadyRead(int(qMax<qint64>(1, waitMs - clock.elapsed())));
        const QByteArray got = socket.readAll();
        if (!got.isEmpty() && answer.firstByteMs < 0)
            answer.firstByteMs = clock.elapsed();
        answer.bytes += got;
        if (!more) {
            if (socket.state() != QAbstractSocket::ConnectedState ||
                socket.error() == QAbstractSocket::RemoteHostClosedError) {
                answer.closed = true;
                answer.closedMs = clock.elapsed();
            }
            break;
        }
    }
}

// One raw exchange on a fresh connection from `from`.
RawAnswer exchange(quint16 port, const QByteArray &request, int waitMs = 3000,
                   const QString &from = kLocal)
{
    RawAnswer answer;
    QTcpSocket socket;
    if (!socket.bind(QHostAddress(from)))
        return answer;
    socket.connectToHost(kLocal, port);
    if (!socket.waitForConnected(5000))
        return answer;
    socket.write(request);
    socket.flush();
    readAnswer(socket, answer, waitMs);
    return answer;
}

// The attacker: `count` sockets from 127.0.0.2 that each send half a request head, then a byte
// now and then; a socket the server closes comes back a second later. Runs in its own thread.
class SlowLoris : public QObject
{
public:
    SlowLoris(quint16 port, int count) : m_port(port), m_count(count) {}

    std::atomic<int> opened{0};   // connections established, in all
    std::atomic<int> refused{0};  // answered 429 or 503
    std::atomic<int> holding{0};  // connected for a while and not refused
    std::atomic<int> timedOut{0}; // answered 408

    void start()
    {
        for (int i = 0; i < m_count; ++i)
            open();
        auto *tick = new QTimer(this);
        connect(tick, &QTimer::timeout, this, [this] {
            int now = 0;
            for (QTcpSocket *s : findChildren<QTcpSocket *>()) {
                if (s->state() != QAbstractSocket::ConnectedState)
                    continue;
                // Held: connected for a second and not refused (a fresh one may not have read
                // its refusal yet).
                if (!s->property("refused").toBool() &&
                    s->property("since").toDateTime().msecsTo(QDateTime::currentDateTime()) > 1000)
                    ++now;
                s->write("a"); // one more byte of an endless header
            }
            holding = now;
        });
        tick->start(100);
    }

private:
    void open()
    {
        auto *s = new QTcpSocket(this);
        s->bind(QHostAddress(kOther));
        connect(s, &QTcpSocket::connected, this, [this, s] {
            ++opened;
            s->setProperty("since", QDateTime::currentDateTime());
            s->write("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ");
        });
        connect(s, &QTcpSocket::readyRead, this, [this, s] {
            const QByteArray got = s->readAll();
            if (got.startsWith("HTTP/1.1 429") || got.startsWith("HTTP/1.1 503")) {
                s->setProperty("refused", true);
                ++refused;
            } else if (got.startsWith("HTTP/1.1 408")) {
                ++timedOut;
            }
        });
        connect(s, &QTcpSocket::disconnected, this, [this, s] {
            s->deleteLater();
            QTimer::singleShot(1000, this, [this] { open(); });
        });
        s->connectToHost(kLocal, m_port);
    }

    quint16 m_port;
    int m_count;
};

} // namespace

class TestConnectionLimits : public QObject
{
    Q_OBJECT
private slots:
    void idleConnectionsAreClosed()
    {
        ServerProcess server({QStringLiteral("--idle-timeout"), QStringLiteral("1")});
        QVERIFY2(server.isRunning(), qPrintable(server.output()));
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), server.port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\n"); // never finished
        QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 5000);
    }

    void connectionsPastTheCapGet503()
    {
        ServerProcess server({QStringLiteral("--max-connections"), QStringLiteral("2")});
        QVERIFY2(server.isRunning(), qPrintable(server.output()));
        QTcpSocket a, b, c;
        for (QTcpSocket *s : {&a, &b, &c}) {
            s->connectToHost(QStringLiteral("127.0.0.1"), server.port());
            QVERIFY(s->waitForConnected(5000));
            QTest::qWait(100); // accepted in order
        }
        QTRY_VERIFY_WITH_TIMEOUT(c.bytesAvailable() > 0 || c.waitForReadyRead(100), 5000);
        QVERIFY(c.readAll().startsWith("HTTP/1.1 503"));
        a.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(a.waitForReadyRead(5000));
        QVERIFY(a.readAll().startsWith("HTTP/1.1 200"));
    }

    // The attack: 520 slow sockets from one address; another address still gets its
    // pages at once.
    void slowSocketsFromOneAddressDoNotKeepOthersOut()
    {
        ServerProcess server;
        QVERIFY2(server.isRunning(), qPrintable(server.output()));
        QThread thread;
        auto *loris = new SlowLoris(server.port(), 520);
        SlowLoris &attack = *loris;
        attack.moveToThread(&thread);
        thread.start();
        QMetaObject::invokeMethod(loris, [loris] { loris->start(); });
        QTRY_VERIFY_WITH_TIMEOUT(attack.opened >= 520, 20000);
        QTest::qWait(1000); // trickling
        // Fresh connections (as a new visitor's), each fetching a whole page.
        const auto fetch = [&server](const QByteArray &path, qint64 *ms) {
            QElapsedTimer clock;
            clock.start();
            const RawAnswer a = exchange(server.port(), "GET " + path +
                                                            " HTTP/1.1\r\nHost: x\r\n"
                                                            "Connection: close\r\n\r\n");
            *ms = clock.elapsed();
            return a.status() == 200 && a.closed;
        };
        QList<qint64> latencies; // first tries, all reported
        qint64 slowest = 0;      // after at most one repeat
        int repeats = 0;
        for (int i = 0; i < 40; ++i) {
            const QByteArray path = i % 2 ? "/rdv/mfs-vernon" : "/healthz";
            qint64 ms = 0;
            QVERIFY(fetch(path, &ms));
            latencies << ms;
            // A machine with two cores shared by many builds can pause any process for a
            // moment: a slow sample is measured once more. A starved server (503s, answers
            // queued behind the attacker's sockets) fails both.
            if (ms >= 100) {
                ++repeats;
                QVERIFY(fetch(path, &ms));
            }
            slowest = std::max(slowest, ms);
            QTest::qWait(50);
        }
        const int holding = attack.holding;
        const int refused = attack.refused;
        const int opened = attack.opened;
        QMetaObject::invokeMethod(
            loris, [loris] { delete loris; }, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
        // The attacker got no more than its share, and was told so.
        QVERIFY2(holding <= 32, qPrintable(QString::number(holding)));
        QVERIFY2(refused >= 520 - 32, qPrintable(QString::number(refused)));
        std::sort(latencies.begin(), latencies.end());
        qInfo("127.0.0.1 under attack (%d connections by 127.0.0.2, %d refused, %d held): "
              "median %lld ms, max %lld ms, %d measured again",
              opened, refused, holding, latencies.at(latencies.size() / 2), latencies.last(),
              repeats);
        QVERIFY2(slowest < 100, qPrintable(QString::number(slowest)));
        QVERIFY2(repeats <= 2, qPrintable(QString::number(repeats)));
    }

    void perClientCap_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<bool>("capped");
        QTest::addRow("capped") << QStringList{QStringLiteral("--max-per-client"),
                                               QStringLiteral("3")}
                                << true;
        // A reverse proxy carries all clients: it is exempt (capping it would cap the site).
        QTest::addRow("trusted proxy exempt")
            << QStringList{QStringLiteral("--max-per-client"), QStringLiteral("3"),
                           QStringLiteral("--trusted-proxy"), kOther}
            << false;
    }

    void perClientCap()
    {
        QFETCH(QStringList, args);
        QFETCH(bool, capped);
        ServerProcess server(args);
        QVERIFY2(server.isRunning(), qPrintable(server.output()));
        QTcpSocket held[3];
        for (QTcpSocket &s : held) {
            QVERIFY(s.bind(QHostAddress(kOther)));
            s.connectToHost(kLocal, server.port());
            QVERIFY(s.waitForConnected(5000));
        }
        QTest::qWait(200); // accepted by the server
        const QByteArray get = "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        const RawAnswer fourth = exchange(server.port(), get, 3000, kOther);
        QVERIFY(fourth.closed);
        if (capped) {
            QCOMPARE(fourth.status(), 429);
            QVERIFY(!fourth.header("retry-after").isEmpty());
            QVERIFY(fourth.bytes.contains("\"error\""));
        } else {
            QCOMPARE(fourth.status(), 200);
        }
        // Another address is not affected.
        QCOMPARE(exchange(server.port(), get, 3000, kLocal).status(), 200);
        // A connection closed gives its place back.
        held[0].disconnectFromHost();
        // (Tried until it works once: each try holds a place until the server sees it closed.)
        bool served = false;
        QTRY_VERIFY_WITH_TIMEOUT(
            served || (served = exchange(server.port(), get, 3000, kOther).status() == 200), 5000);
    }

    // A request must arrive whole within its deadline, however slowly it trickles in.
    void slowHeadsAndBodiesAreCut_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("start");
        QTest::addRow("head") << QStringList{QStringLiteral("--head-timeout"), QStringLiteral("1")}
                              << QByteArray("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ");
        QTest::addRow("body") << QStringList{QStringLiteral("--body-timeout"), QStringLiteral("1")}
                              << QByteArray("POST /api/v1/public/mfs-vernon/rdvs HTTP/1.1\r\n"
                                            "Host: x\r\nContent-Type: application/json\r\n"
                                            "Content-Length: 1000\r\n\r\n{");
    }

    void slowHeadsAndBodiesAreCut()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, start);
        ServerProcess server(args);
        QVERIFY2(server.isRunning(), qPrintable(server.output()));
        QTcpSocket socket;
        socket.connectToHost(kLocal, server.port());
        QVERIFY(socket.waitForConnected(5000));
        QElapsedTimer clock;
        clock.start();
        socket.write(start);
        RawAnswer answer;
        while (!clock.hasExpired(5000) && socket.state() == QAbstractSocket::ConnectedState &&
               answer.bytes.isEmpty()) {
            socket.write(" "); // a byte now and then: each one would restart an idle timer
            socket.flush();
            if (socket.waitForReadyRead(200))
                answer.bytes += socket.readAll();
        }
        const qint64 cutAfter = clock.elapsed();
        readAnswer(socket, answer, 2000);
        QCOMPARE(answer.status(), 408);
        QVERIFY(answer.closed);
        QVERIFY2(cutAfter >= 900 && cutAfter < 3000, qPrintable(QString::number(cutAfter)));
    }

    void connectionCloseIsHonoured_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<bool>("closes");
        QTest::addRow("HTTP/1.0") << QByteArray("GET /healthz HTTP/1.0\r\n\r\n") << true;
        QTest::addRow("HTTP/1.0 booking page")
            << QByteArray("GET /rdv/mfs-vernon HTTP/1.0\r\nHost: x\r\n\r\n") << true;
        QTest::addRow("Connection: close")
            << QByteArray("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n") << true;
        QTest::addRow("HEAD, Connection: close")
            << QByteArray("HEAD /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n") << true;
        QTest::addRow("keep-alive")
            << QByteArray("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n") << false;
    }

    void connectionCloseIsHonoured()
    {
        QFETCH(QByteArray, request);
        QFETCH(bool, closes);
        ServerProcess server;
        QVERIFY2(server.isRunning(), qPrintable(server.output()));
        const RawAnswer a = exchange(server.port(), request, 1500);
        QCOMPARE(a.status(), 200);
        QCOMPARE(a.count(), 1);
        QCOMPARE(a.header("connection") == "close", closes);
        QCOMPARE(a.closed, closes);
        if (closes) // right after the answer, not at the 30 s idle timeout
            QVERIFY2(a.closedMs - a.firstByteMs < 500, qPrintable(QString::number(a.closedMs)));
    }

    // RFC 9112 §6.3 and §3: every lenient framing is refused with 400 and the connection closed,
    // promptly; a request smuggled behind is never answered.
    void lenientFramingIsRefused_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QList<int>>("statuses");
        const QByteArray smuggled = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
        QTest::addRow("Content-Length and Transfer-Encoding")
            << QByteArray("POST /api/v1/public/mfs-vernon/rdvs HTTP/1.1\r\nHost: x\r\n"
                          "Content-Length: 40\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n") +
                   smuggled
            << QList<int>{400};
        QTest::addRow("two Content-Lengths")
            << QByteArray("POST /api/v1/public/mfs-vernon/rdvs HTTP/1.1\r\nHost: x\r\n"
                          "Content-Length: 0\r\nContent-Length: 35\r\n\r\n") +
                   smuggled
            << QList<int>{400};
        QTest::addRow("xchunked")
            << QByteArray("POST /api/v1/public/mfs-vernon/rdvs HTTP/1.1\r\nHost: x\r\n"
                          "Transfer-Encoding: xchunked\r\n\r\n0\r\n\r\n") +
                   smuggled
            << QList<int>{400};
        QTest::addRow("+N length")
            << QByteArray("POST /api/v1/public/mfs-vernon/rdvs HTTP/1.1\r\nHost: x\r\n"
                          "Content-Length: +35\r\n\r\n") +
                   smuggled
            << QList<int>{400};
        QTest::addRow("-N length") << QByteArray("POST /api/v1/public/mfs-vernon/rdvs HTTP/1.1\r\n"
                                                 "Host: x\r\nContent-Length: -1\r\n\r\n") +
                                          smuggled
                                   << QList<int>{400};
        QTest::addRow("binary") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11)
                                << QList<int>{400};
        QTest::addRow("HTTP/0.9") << QByteArray("GET /\r\n") << QList<int>{400};
        QTest::addRow("CR-only line ends")
            << QByteArray("GET /healthz HTTP/1.1\rHost: x\r\r") << QList<int>{400};
        // Pipelined: the good request before the faulty one is answered, in order.
        QTest::addRow("good then bad")
            << smuggled + "GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: +1\r\n\r\nx" +
                   smuggled
            << QList<int>{200, 400};
    }

    void lenientFramingIsRefused()
    {
        QFETCH(QByteArray, request);
        QFETCH(QList<int>, statuses);
        ServerProcess server;
        QVERIFY2(server.isRunning(), qPrintable(server.output()));
        const RawAnswer a = exchange(server.port(), request, 3000);
        QList<int> got;
        for (qsizetype at = a.bytes.indexOf("HTTP/1.1 "); at >= 0;
             at = a.bytes.indexOf("HTTP/1.1 ", at + 1))
            got << a.bytes.mid(at + 9, 3).toInt();
        QCOMPARE(got, statuses);
        QVERIFY(a.bytes.endsWith("\"}")); // the JSON error
        QVERIFY(a.closed);
        QVERIFY2(a.closedMs < 1000, qPrintable(QString::number(a.closedMs)));
        // The server still serves.
        QCOMPARE(exchange(server.port(), "GET /healthz HTTP/1.0\r\n\r\n").status(), 200);
    }

    void commandLine_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("output");
        QTest::addRow("version") << QStringList{QStringLiteral("--version")} << 0
                                 << QStringLiteral(CRENEAU_VERSION);
        QTest::addRow("help") << QStringList{QStringLiteral("--help")} << 0
                              << QStringLiteral("--rate-limit");
        for (const char *option : {"--max-per-client", "--head-timeout", "--body-timeout"}) {
            QTest::addRow("help shows %s", option)
                << QStringList{QStringLiteral("--help")} << 0 << QString::fromLatin1(option);
            QTest::addRow("bad %s", option)
                << QStringList{QString::fromLatin1(option), QStringLiteral("0")} << 2
                << QString::fromLatin1(option);
        }
        QTest::addRow("bad listen")
            << QStringList{QStringLiteral("--listen"), QStringLiteral("nowhere")} << 2
            << QStringLiteral("--listen");
        QTest::addRow("bad demo size")
            << QStringList{QStringLiteral("--demo-size"), QStringLiteral("huge")} << 2
            << QStringLiteral("--demo-size");
    }

    void commandLine()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, output);
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral(CRENEAU_SERVER_BINARY), args);
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), exitCode);
        QVERIFY(QString::fromUtf8(p.readAll()).contains(output));
    }
};

QTEST_GUILESS_MAIN(TestConnectionLimits)
#include "tst_connection_limits.moc"
