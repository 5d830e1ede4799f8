// RequestFramer, without sockets: where requests end, which ones close the connection, and every
// framing the server refuses (RFC 9112), whether the bytes come at once or one by one.
#include "sync/server/requestframer.h"

#include <QtTest>

using namespace creneau::server;

namespace {

const QByteArray kGet = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";

// Feeds `input` in pieces of `piece` bytes; "" when accepted, else the refusal's status.
struct Outcome
{
    int status = 0;
    QString closes; // one letter per complete request: 'c' closes, 'k' keeps alive
    RequestFramer::Phase phase = RequestFramer::Phase::Idle;
    qint64 errorStart = -1;
};

Outcome run(const QByteArray &input, int piece)
{
    RequestFramer framer({1024, 4096});
    Outcome out;
    for (qsizetype at = 0; at < input.size(); at += piece) {
        framer.feed(input.mid(at, piece));
        for (const RequestFramer::Request &r : framer.takeCompleted())
            out.closes += QLatin1Char(r.close ? 'c' : 'k');
    }
    out.phase = framer.phase();
    if (framer.phase() == RequestFramer::Phase::Failed) {
        out.status = framer.error().status;
        out.errorStart = framer.error().requestStart;
    }
    return out;
}

} // namespace

class TestRequestFramer : public QObject
{
    Q_OBJECT
private slots:
    void framing_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("closes");
        QTest::addColumn<qint64>("errorStart");

        QTest::addRow("one request") << kGet << 0 << "k" << qint64(-1);
        QTest::addRow("pipelined") << kGet + kGet + kGet << 0 << "kkk" << qint64(-1);
        QTest::addRow("empty line before") << QByteArray("\r\n") + kGet << 0 << "k" << qint64(-1);
        QTest::addRow("bare LF line ends")
            << QByteArray("GET / HTTP/1.1\nHost: x\n\n") << 0 << "k" << qint64(-1);
        QTest::addRow("body then next request")
            << QByteArray("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n"
                          "GET /\r\n") +
                   kGet
            << 0 << "kk" << qint64(-1);
        QTest::addRow("same length twice")
            << QByteArray("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n"
                          "content-length:3\r\n\r\nabc")
            << 0 << "k" << qint64(-1);
        QTest::addRow("HTTP/1.0 closes")
            << QByteArray("GET / HTTP/1.0\r\n\r\n") + kGet << 0 << "c" << qint64(-1);
        QTest::addRow("HTTP/1.0 keep-alive still closes")
            << QByteArray("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n") << 0 << "c"
            << qint64(-1);
        QTest::addRow("Connection: close")
            << kGet + "GET / HTTP/1.1\r\nHost: x\r\nConnection: Keep-Alive, Close\r\n\r\n" + kGet
            << 0 << "kc" << qint64(-1);

        QTest::addRow("length and chunked")
            << QByteArray("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 40\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n") +
                   kGet
            << 400 << "" << qint64(0);
        QTest::addRow("chunked then length")
            << QByteArray("POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                          "Content-Length: 5\r\n\r\n")
            << 400 << "" << qint64(0);
        QTest::addRow("chunked alone") << QByteArray("POST /a HTTP/1.1\r\nHost: x\r\n"
                                                     "Transfer-Encoding: chunked\r\n\r\n")
                                       << 411 << "" << qint64(0);
        QTest::addRow("xchunked") << QByteArray("POST /a HTTP/1.1\r\nHost: x\r\n"
                                                "Transfer-Encoding: xchunked\r\n\r\n")
                                  << 400 << "" << qint64(0);
        QTest::addRow("gzip, chunked") << QByteArray("POST /a HTTP/1.1\r\nHost: x\r\n"
                                                     "Transfer-Encoding: gzip, chunked\r\n\r\n")
                                       << 400 << "" << qint64(0);
        QTest::addRow("two different lengths")
            << QByteArray("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n"
                          "Content-Length: 5\r\n\r\nabcde")
            << 400 << "" << qint64(0);
        QTest::addRow("length list")
            << QByteArray("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3, 3\r\n\r\nabc") << 400
            << "" << qint64(0);
        QTest::addRow("plus length")
            << QByteArray("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: +3\r\n\r\nabc") << 400
            << "" << qint64(0);
        QTest::addRow("minus length")
            << QByteArray("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n") << 400 << ""
            << qint64(0);
        QTest::addRow("hex length")
            << QByteArray("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 0x10\r\n\r\n") << 400
            << "" << qint64(0);
        QTest::addRow("space before colon")
            << QByteArray("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length : 3\r\n\r\nabc") << 400
            << "" << qint64(0);
        QTest::addRow("folded header")
            << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n 2\r\n\r\n") << 400 << ""
            << qint64(0);
        QTest::addRow("no host") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400 << "" << qint64(0);
        QTest::addRow("two hosts")
            << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") << 400 << "" << qint64(0);
        QTest::addRow("binary") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc", 9) << 400
                                << "" << qint64(0);
        QTest::addRow("HTTP/0.9") << QByteArray("GET /\r\n") << 400 << "" << qint64(0);
        QTest::addRow("HTTP/2 preface")
            << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") << 400 << "" << qint64(0);
        QTest::addRow("double space")
            << QByteArray("GET  / HTTP/1.1\r\nHost: x\r\n\r\n") << 400 << "" << qint64(0);
        QTest::addRow("leading space")
            << QByteArray(" GET / HTTP/1.1\r\nHost: x\r\n\r\n") << 400 << "" << qint64(0);
        QTest::addRow("relative target")
            << QByteArray("GET healthz HTTP/1.1\r\nHost: x\r\n\r\n") << 400 << "" << qint64(0);
        QTest::addRow("CR-only line ends")
            << QByteArray("GET / HTTP/1.1\rHost: x\r\r") << 400 << "" << qint64(0);
        QTest::addRow("NUL in a header")
            << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nX-A: a\0b\r\n\r\n", 37) << 400 << ""
            << qint64(0);
        QTest::addRow("body over the cap")
            << QByteArray("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 4097\r\n\r\n") << 413
            << "" << qint64(0);
        QTest::addRow("head over the cap")
            << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nX-A: ") + QByteArray(1100, 'a') << 431 << ""
            << qint64(0);
        // The faulty request is the second: the first one is complete and answered first.
        QTest::addRow("good then bad")
            << kGet + "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: +1\r\n\r\nx" << 400 << "k"
            << qint64(kGet.size());
        // After a request that closes, nothing is read: the smuggled request is never framed.
        QTest::addRow("after close, ignored")
            << QByteArray("GET / HTTP/1.0\r\n\r\n\x01\x02 garbage") << 0 << "c" << qint64(-1);
    }

    void framing()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, status);
        QFETCH(QString, closes);
        QFETCH(qint64, errorStart);
        for (int piece : {int(input.size()), 1, 7}) {
            const Outcome out = run(input, piece);
            QCOMPARE(out.status, status);
            QCOMPARE(out.closes, closes);
            QCOMPARE(out.errorStart, errorStart);
        }
    }

    // Errors are found as early as the bytes allow, not at the end of a head or by a timeout.
    void refusesEarly_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addRow("binary first byte") << QByteArray("\x16");
        QTest::addRow("bare CR") << QByteArray("GET / HTTP/1.1\rH");
        QTest::addRow("control in method") << QByteArray("GE\x01");
    }

    void refusesEarly()
    {
        QFETCH(QByteArray, input);
        RequestFramer framer;
        QVERIFY(!framer.feed(input));
        QCOMPARE(framer.phase(), RequestFramer::Phase::Failed);
        QCOMPARE(framer.error().status, 400);
    }

    // The phases that drive the head and body deadlines.
    void phases()
    {
        RequestFramer framer;
        QCOMPARE(framer.phase(), RequestFramer::Phase::Idle);
        framer.feed("POST /a HTTP/1.1\r\nHost: x\r\nContent-Le");
        QCOMPARE(framer.phase(), RequestFramer::Phase::Head);
        QCOMPARE(framer.headsStarted(), 1);
        framer.feed("ngth: 4\r\n\r\nab");
        QCOMPARE(framer.phase(), RequestFramer::Phase::Body);
        QCOMPARE(framer.bodiesStarted(), 1);
        QVERIFY(framer.takeCompleted().empty());
        framer.feed("cdG");
        QCOMPARE(framer.phase(), RequestFramer::Phase::Head);
        QCOMPARE(framer.headsStarted(), 2);
        const auto done = framer.takeCompleted();
        QCOMPARE(int(done.size()), 1);
        QCOMPARE(done.front().end, framer.offset() - 1);
    }
};

QTEST_GUILESS_MAIN(TestRequestFramer)
#include "tst_request_framer.moc"
