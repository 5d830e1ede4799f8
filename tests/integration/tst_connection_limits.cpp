// The limits Qt HttpServer lacks: idle connections are closed, connections past the cap get 503,
// and the command line refuses bad values.
#include "serverprocess.h"

#include <QProcess>
#include <QTcpSocket>
#include <QtTest>

using namespace creneau::test;

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

    void commandLine_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("output");
        QTest::addRow("version") << QStringList{QStringLiteral("--version")} << 0
                                 << QStringLiteral(CRENEAU_VERSION);
        QTest::addRow("help") << QStringList{QStringLiteral("--help")} << 0
                              << QStringLiteral("--rate-limit");
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
