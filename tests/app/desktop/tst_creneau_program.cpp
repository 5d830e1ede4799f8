// The `creneau` program itself (app/desktop/main.cpp), started as a user would under the offscreen
// platform: --demo on an empty data folder seeds the demo, serves the partners' booking link, and
// ends cleanly on SIGTERM (exit code 0, the store closed); started again on the same folder it
// serves the same link. --version and a bad option answer without a display.
#include "httpclient.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

namespace {

struct Started
{
    QString url;   // "Booking server on <url>"
    QString error; // why it did not start
};

// Starts creneau on `data` (its settings there too), waits for the line naming the booking server.
Started startProgram(QProcess &process, const QString &data, const QStringList &more)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), data + QStringLiteral("/config"));
    const QStringList arguments = QStringList{QStringLiteral("--data"), data} + more;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(CRENEAU_DESKTOP_BINARY), arguments);
    if (!process.waitForStarted(10000))
        return {{}, QStringLiteral("cannot start: ") + process.errorString()};
    const QRegularExpression line(QStringLiteral("Booking server on (\\S+)"));
    QByteArray err;
    QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired() && process.state() == QProcess::Running) {
        process.waitForReadyRead(200);
        err += process.readAllStandardError();
        const QRegularExpressionMatch m = line.match(QString::fromUtf8(err));
        if (m.hasMatch())
            return {m.captured(1), {}};
    }
    return {{}, QStringLiteral("no booking server line: ") + QString::fromUtf8(err)};
}

} // namespace

class TestCreneauProgram : public QObject
{
    Q_OBJECT
private slots:
    void demoServesTheLinkAndEndsOnSigterm();
    void versionWithoutDisplay();
};

void TestCreneauProgram::demoServesTheLinkAndEndsOnSigterm()
{
    QTemporaryDir data;
    QString firstUrl;
    for (int run = 0; run < 2; ++run) {
        QProcess process;
        const QStringList demo = run == 0 ? QStringList{QStringLiteral("--demo")} : QStringList();
        const Started started = startProgram(process, data.path(), demo);
        QVERIFY2(started.error.isEmpty(), qPrintable(started.error));
        if (run == 0)
            firstUrl = started.url;
        QCOMPARE(started.url, firstUrl); // the same link at the next start
        creneau::test::HttpClient http(started.url);
        const creneau::test::Reply page = http.get(QStringLiteral("/rdv/mfs-vernon/prescripteur"));
        QCOMPARE(page.status, 200);
        // The agenda came up on the demo's data: its cache is in the data folder.
        QTRY_VERIFY_WITH_TIMEOUT(QDir(data.path()).exists(QStringLiteral("servers")), 10000);

        ::kill(pid_t(process.processId()), SIGTERM);
        QVERIFY(process.waitForFinished(15000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(!QFile::exists(data.filePath(QStringLiteral("creneau.sqlite-wal"))) ||
                QFileInfo(data.filePath(QStringLiteral("creneau.sqlite-wal"))).size() == 0);
    }
}

void TestCreneauProgram::versionWithoutDisplay()
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.remove(QStringLiteral("DISPLAY"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(CRENEAU_DESKTOP_BINARY), {QStringLiteral("--version")});
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(process.readAllStandardOutput().startsWith("creneau "));
    process.start(QStringLiteral(CRENEAU_DESKTOP_BINARY), {QStringLiteral("--no-such-option")});
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 2);
}

QTEST_GUILESS_MAIN(TestCreneauProgram)
#include "tst_creneau_program.moc"
