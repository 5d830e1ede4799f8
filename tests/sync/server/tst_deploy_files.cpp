// The deployment files (resources/deploy) as the system tools read them: systemd-sysusers and
// systemd-tmpfiles applied to a throw-away root create the `creneau` account and a private
// /var/lib/creneau; the Debian postinst is valid shell; the unit passes no option built from a
// variable (an unset one would become an empty option) and systemd accepts it; the example
// /etc/creneau/env names every variable the server reads and sets none of them.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

namespace {

QString deployFile(const QString &name)
{
    return QStringLiteral(CRENEAU_SOURCE_DIR "/resources/deploy/") + name;
}

QString read(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

int run(const QString &program, const QStringList &args, QString *output = nullptr)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(30000))
        return -1;
    if (output)
        *output = QString::fromUtf8(p.readAll());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace

class TestDeployFiles : public QObject
{
    Q_OBJECT
private slots:
    void accountAndDirectories()
    {
        const QString sysusers = QStandardPaths::findExecutable(QStringLiteral("systemd-sysusers"));
        const QString tmpfiles = QStandardPaths::findExecutable(QStringLiteral("systemd-tmpfiles"));
        if (sysusers.isEmpty() || tmpfiles.isEmpty())
            QSKIP("systemd-sysusers and systemd-tmpfiles are needed");
        QTemporaryDir root;
        QVERIFY(QDir().mkpath(root.filePath(QStringLiteral("etc"))));
        QString out;
        QVERIFY2(run(sysusers,
                     {QStringLiteral("--root=") + root.path(),
                      deployFile(QStringLiteral("creneau.sysusers"))},
                     &out) == 0,
                 qPrintable(out));
        const QString passwd = read(root.filePath(QStringLiteral("etc/passwd")));
        const QRegularExpression account(
            QStringLiteral("^creneau:x:(\\d+):\\d+:[^:]*:/var/lib/creneau:/usr/sbin/nologin$"),
            QRegularExpression::MultilineOption);
        const auto match = account.match(passwd);
        QVERIFY2(match.hasMatch(), qPrintable(passwd));
        QVERIFY2(run(tmpfiles,
                     {QStringLiteral("--root=") + root.path(), QStringLiteral("--create"),
                      deployFile(QStringLiteral("creneau.tmpfiles"))},
                     &out) == 0,
                 qPrintable(out));
        struct stat st = {};
        QCOMPARE(::stat(QFile::encodeName(root.filePath(QStringLiteral("var/lib/creneau"))), &st),
                 0);
        QCOMPARE(int(st.st_mode & 0777), 0700);
        QCOMPARE(uint(st.st_uid), match.captured(1).toUInt());
    }

    void postinstIsValidShell()
    {
        const QString postinst = deployFile(QStringLiteral("debian/postinst"));
        QString out;
        QVERIFY2(run(QStringLiteral("sh"), {QStringLiteral("-n"), postinst}, &out) == 0,
                 qPrintable(out));
        QVERIFY(QFileInfo(postinst).isExecutable());
        const QString text = read(postinst);
        QVERIFY(text.contains(QStringLiteral("systemd-sysusers creneau.conf")));
        QVERIFY(text.contains(QStringLiteral("install -m 0600 -o root -g root")));
        const QString shellcheck = QStandardPaths::findExecutable(QStringLiteral("shellcheck"));
        if (!shellcheck.isEmpty())
            QVERIFY2(run(shellcheck, {postinst}, &out) == 0, qPrintable(out));
    }

    void unitPassesNoEmptyOption()
    {
        const QString unit = read(deployFile(QStringLiteral("creneau-server@.service")));
        const QRegularExpression execStart(QStringLiteral("^ExecStart=(.*)$"),
                                           QRegularExpression::MultilineOption);
        const QString command = execStart.match(unit).captured(1);
        QVERIFY(command.startsWith(QStringLiteral("creneau-server ")));
        // Settings come from the environment the server reads itself: no $VARIABLE here.
        QVERIFY2(!command.contains(QLatin1Char('$')), qPrintable(command));
        for (const char *line : {"EnvironmentFile=-/etc/creneau/env", "User=creneau", "UMask=0077",
                                 "StateDirectoryMode=0700"})
            QVERIFY2(unit.contains(QLatin1String(line)), line);
        const QString analyze = QStandardPaths::findExecutable(QStringLiteral("systemd-analyze"));
        if (analyze.isEmpty())
            return;
        // As installed, the binary found by path; here the one just built.
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("creneau-server@8081.service"));
        QFile f(copy);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QString(unit)
                    .replace(QStringLiteral("ExecStart=creneau-server"),
                             QStringLiteral("ExecStart=" CRENEAU_SERVER_BINARY))
                    .toUtf8());
        f.close();
        QString out;
        QVERIFY2(run(analyze, {QStringLiteral("verify"), copy}, &out) == 0, qPrintable(out));
    }

    void exampleEnvNamesEverySettingAndSetsNone()
    {
        const QString example = read(deployFile(QStringLiteral("creneau-env.example")));
        QVERIFY(!example.isEmpty());
        for (const QString &line : example.split(QLatin1Char('\n')))
            QVERIFY2(line.isEmpty() || line.startsWith(QLatin1Char('#')), qPrintable(line));
        const QString main = read(QStringLiteral(CRENEAU_SOURCE_DIR "/app/server/main.cpp"));
        const QRegularExpression variable(QStringLiteral("\"(CRENEAU_[A-Z_]+)\""));
        int seen = 0;
        for (auto it = variable.globalMatch(main); it.hasNext(); ++seen) {
            const QString name = it.next().captured(1);
            QVERIFY2(example.contains(QLatin1Char('#') + name + QLatin1Char('=')),
                     qPrintable(name));
        }
        QVERIFY(seen >= 8);
        QVERIFY(example.contains(QStringLiteral("#CRENEAU_SMS_TOKEN=")));
    }
};

QTEST_GUILESS_MAIN(TestDeployFiles)
#include "tst_deploy_files.moc"
