// Secrets and personal data at rest, against the real binary: the data directory and every file
// the server writes (store, keys, outbox messages) are the service's alone; a key file that others
// may read, or that holds no key, stops the server with a clear error and is never replaced; the
// demo's published password cannot be exposed beyond loopback.
#include "demoflow.h"
#include "httpclient.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace creneau::test;

namespace {

// The server's outcome: the port it listens on (0 if none), its exit code when it stopped, and
// what it printed.
struct Run
{
    quint16 port = 0;
    int exitCode = -1;
    QString output;
};

class Server
{
public:
    Run start(const QStringList &args)
    {
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(QStringLiteral(CRENEAU_SERVER_BINARY), args);
        Run run;
        const QRegularExpression listening(QStringLiteral("Listening on http://[^:]+:(\\d+)"));
        QDeadlineTimer deadline(60000);
        while (!deadline.hasExpired()) {
            m_process.waitForReadyRead(100);
            run.output += QString::fromUtf8(m_process.readAll());
            if (const auto m = listening.match(run.output); m.hasMatch()) {
                run.port = quint16(m.captured(1).toUInt());
                return run;
            }
            if (m_process.state() == QProcess::NotRunning) {
                run.output += QString::fromUtf8(m_process.readAll());
                run.exitCode = m_process.exitCode();
                return run;
            }
        }
        return run;
    }
    ~Server()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(10000))
                m_process.kill();
        }
    }

private:
    QProcess m_process;
};

int modeOf(const QString &path)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 0777);
}

QStringList dataArgs(const QString &dir)
{
    return {QStringLiteral("--data"),       dir,
            QStringLiteral("--listen"),     QStringLiteral("127.0.0.1:0"),
            QStringLiteral("--rate-limit"), QStringLiteral("0")};
}

} // namespace

class TestSecretsAtRest : public QObject
{
    Q_OBJECT

private slots:
    void everyFileIsTheServicesAlone()
    {
        QTemporaryDir root;
        const QString data = root.filePath(QStringLiteral("data"));
        Server server;
        const Run run = server.start(dataArgs(data) << QStringLiteral("--demo"));
        QVERIFY2(run.port, qPrintable(run.output));

        // One booking, so that the outbox holds messages (with the usager's private link).
        HttpClient client(QStringLiteral("http://127.0.0.1:%1").arg(run.port));
        const qint64 motif = motifId(client, QStringLiteral("Aide aux démarches CAF"));
        const QJsonArray free = creneaux(client, motif);
        QVERIFY(!free.isEmpty());
        const Reply booked =
            client.postJson(QStringLiteral("/api/v1/public/%1/rdvs").arg(kSlug),
                            bookingJson(motif, free.first().toObject(), QStringLiteral("Martin")));
        QCOMPARE(booked.status, 201);
        const QDir outbox(QDir(data).filePath(QStringLiteral("outbox")));
        QTRY_VERIFY_WITH_TIMEOUT(!outbox.entryList(QDir::Files).isEmpty(), 10000);

        QCOMPARE(modeOf(data), 0700);
        QCOMPARE(modeOf(outbox.path()), 0700);
        QStringList files{QStringLiteral("creneau.sqlite"), QStringLiteral("server.key"),
                          QStringLiteral("calendar.key")};
        for (const QString &message : outbox.entryList(QDir::Files))
            files << QStringLiteral("outbox/") + message;
        for (const QString &f : QDir(data).entryList({QStringLiteral("creneau.sqlite-*")}))
            files << f;
        for (const QString &f : files) {
            const QString path = QDir(data).filePath(f);
            QVERIFY2(modeOf(path) == 0600,
                     qPrintable(QStringLiteral("%1: %2").arg(f).arg(modeOf(path), 0, 8)));
        }
    }

    void olderLooseFilesAreTightened()
    {
        QTemporaryDir root;
        const QString data = root.filePath(QStringLiteral("data"));
        {
            Server first;
            QVERIFY(first.start(dataArgs(data) << QStringLiteral("--demo")).port);
        }
        // As an older version (or a careless copy) left them.
        QVERIFY(::chmod(QFile::encodeName(data).constData(), 0755) == 0);
        const QString store = QDir(data).filePath(QStringLiteral("creneau.sqlite"));
        QVERIFY(::chmod(QFile::encodeName(store).constData(), 0644) == 0);
        Server again;
        const Run run = again.start(dataArgs(data));
        QVERIFY2(run.port, qPrintable(run.output));
        QCOMPARE(modeOf(data), 0700);
        QCOMPARE(modeOf(store), 0600);
    }

    void unusableKeyStopsTheServerAndIsKept_data()
    {
        QTest::addColumn<QString>("keyFile");
        QTest::addColumn<QByteArray>("contents"); // empty: keep the server's own key
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("reason");
        QTest::addRow("server key readable by all")
            << "server.key" << QByteArray() << 0644 << "readable by other users";
        QTest::addRow("calendar key readable by group")
            << "calendar.key" << QByteArray() << 0640 << "readable by other users";
        QTest::addRow("damaged calendar key")
            << "calendar.key" << QByteArray("not a key\n") << 0600 << "does not hold a valid key";
        QTest::addRow("truncated server key")
            << "server.key" << QByteArray("short") << 0600 << "does not hold a valid key";
    }
    void unusableKeyStopsTheServerAndIsKept()
    {
        QFETCH(QString, keyFile);
        QFETCH(QByteArray, contents);
        QFETCH(int, mode);
        QFETCH(QString, reason);
        QTemporaryDir root;
        const QString data = root.filePath(QStringLiteral("data"));
        {
            Server first;
            QVERIFY(first.start(dataArgs(data) << QStringLiteral("--demo")).port);
        }
        const QString path = QDir(data).filePath(keyFile);
        if (!contents.isEmpty()) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(contents);
        }
        QVERIFY(::chmod(QFile::encodeName(path).constData(), mode_t(mode)) == 0);
        QFile before(path);
        QVERIFY(before.open(QIODevice::ReadOnly));
        const QByteArray kept = before.readAll();

        Server again;
        const Run run = again.start(dataArgs(data));
        QCOMPARE(run.port, quint16(0));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.output.contains(path) && run.output.contains(reason), qPrintable(run.output));
        QFile after(path);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), kept);
        QCOMPARE(modeOf(path), mode);
    }

    // --secrets FILE: one file holds both keys (created owner-only), no key file appears in the
    // data directory, and the file obeys the same rules as the key files (loose or damaged: the
    // server does not start and the file is kept).
    void secretsFileHoldsBothKeys()
    {
        QTemporaryDir root;
        const QString data = root.filePath(QStringLiteral("data"));
        const QString secrets = root.filePath(QStringLiteral("secrets"));
        QByteArray created;
        {
            Server first;
            const Run run = first.start(dataArgs(data) << QStringLiteral("--demo")
                                                       << QStringLiteral("--secrets") << secrets);
            QVERIFY2(run.port, qPrintable(run.output));
            QCOMPARE(modeOf(secrets), 0600);
            QFile f(secrets);
            QVERIFY(f.open(QIODevice::ReadOnly));
            created = f.readAll();
            QVERIFY(created.contains("\nserver=") && created.contains("\ncalendar="));
            QVERIFY(!QFile::exists(QDir(data).filePath(QStringLiteral("server.key"))));
            QVERIFY(!QFile::exists(QDir(data).filePath(QStringLiteral("calendar.key"))));
        }
        {
            Server again; // read back, not replaced
            QVERIFY(again.start(dataArgs(data) << QStringLiteral("--secrets") << secrets).port);
            QFile f(secrets);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll(), created);
        }
        QVERIFY(::chmod(QFile::encodeName(secrets).constData(), 0640) == 0);
        Server loose;
        const Run refused = loose.start(dataArgs(data) << QStringLiteral("--secrets") << secrets);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.output.contains(QStringLiteral("readable by other users")),
                 qPrintable(refused.output));
        QVERIFY(::chmod(QFile::encodeName(secrets).constData(), 0600) == 0);
        {
            QFile f(secrets);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write("server=short\n");
        }
        Server damaged;
        const Run kept = damaged.start(dataArgs(data) << QStringLiteral("--secrets") << secrets);
        QCOMPARE(kept.exitCode, 1);
        QVERIFY2(kept.output.contains(QStringLiteral("does not hold a valid key")),
                 qPrintable(kept.output));
    }

    void demoBeyondLoopbackNeedsItsOwnPassword()
    {
        QTemporaryDir root;
        Server refused;
        QStringList args{QStringLiteral("--data"), root.filePath(QStringLiteral("a")),
                         QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0"),
                         QStringLiteral("--demo")};
        const Run run = refused.start(args);
        QCOMPARE(run.port, quint16(0));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.output.contains(QStringLiteral("--demo-password")), qPrintable(run.output));

        Server accepted;
        args[1] = root.filePath(QStringLiteral("b"));
        const Run ok = accepted.start(args << QStringLiteral("--demo-password")
                                           << QStringLiteral("un-mot-de-passe-long"));
        QVERIFY2(ok.port, qPrintable(ok.output));
        HttpClient client(QStringLiteral("http://127.0.0.1:%1").arg(ok.port));
        const auto signIn = [&client](const char *password) {
            return client
                .postJson(QStringLiteral("/api/v1/agent/session"),
                          QByteArray(R"({"email":"admin@demo.creneau.fr","password":")") +
                              password + "\"}")
                .status;
        };
        QCOMPARE(signIn("demo-creneau"), 401);
        QCOMPARE(signIn("un-mot-de-passe-long"), 200);
    }
};

QTEST_GUILESS_MAIN(TestSecretsAtRest)
#include "tst_secrets_at_rest.moc"
