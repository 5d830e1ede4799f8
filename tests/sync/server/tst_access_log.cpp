// The access log (--access-log): one line per request naming the instance, and paths that never
// carry a token (recap, cancel and feed links are credentials) nor a query.
#include "models/processidentity.h"
#include "sync/server/accesslog.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace creneau::server;

class TestAccessLog : public QObject
{
    Q_OBJECT
private slots:
    void redactedPath_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("logged");
        QTest::addRow("plain") << "/rdv/mfs-vernon/motif/3"
                               << "/rdv/mfs-vernon/motif/3";
        QTest::addRow("query dropped") << "/rdv/mfs-vernon/creneau?debut=1&pour=moi"
                                       << "/rdv/mfs-vernon/creneau";
        QTest::addRow("recap") << "/rdv/mfs-vernon/recapitulatif/Zk9_aa-1/rdv.ics"
                               << "/rdv/mfs-vernon/recapitulatif/{token}/rdv.ics";
        QTest::addRow("usager") << "/rdv/mfs-vernon/mon-rdv/abc/annuler"
                                << "/rdv/mfs-vernon/mon-rdv/{token}/annuler";
        QTest::addRow("feed") << "/calendrier/Q2xlZi1kZS1mbHV4LXByaXZl.ics"
                              << "/calendrier/{token}";
        QTest::addRow("long random segment") << "/autre/abcdefghijklmnopqrstuvwxyz0123456789"
                                             << "/autre/{token}";
        QTest::addRow("control characters") << "/a\nb c"
                                            << "/a_b_c";
    }

    void redactedPath()
    {
        QFETCH(QString, path);
        QFETCH(QString, logged);
        QCOMPARE(AccessLog::redactedPath(path), logged);
    }

    // A line: UTC time, instance, method, redacted path, status, duration; appended.
    void lineFormat()
    {
        QTemporaryDir dir;
        creneau::ProcessIdentity::setInstance(QStringLiteral("host-a:8081"));
        const QString file = dir.filePath(QStringLiteral("access.log"));
        QString error;
        {
            AccessLog log;
            QVERIFY(log.open(file, &error));
            log.write("POST", QStringLiteral("/rdv/mfs/mon-rdv/secret-token/annuler"), 303, 12);
        }
        {
            AccessLog log;
            QVERIFY(log.open(file, &error));
            log.write("GET", QStringLiteral("/healthz"), 200, 0);
        }
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray contents = f.readAll();
        const QList<QByteArray> lines = contents.split('\n');
        QCOMPARE(lines.size(), 3); // two lines and the empty rest
        QVERIFY(QRegularExpression(
                    QStringLiteral("^20\\d\\d-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z "
                                   "host-a:8081 POST /rdv/mfs/mon-rdv/\\{token\\}/annuler 303 "
                                   "12ms$"))
                    .match(QString::fromUtf8(lines[0]))
                    .hasMatch());
        QVERIFY(lines[1].endsWith(" host-a:8081 GET /healthz 200 0ms"));
        QVERIFY(!contents.contains("secret-token"));
        // An instance name cannot split a line's fields nor look like another's claim prefix.
        creneau::ProcessIdentity::setInstance(QStringLiteral(" rdv 1/a\tb "));
        QCOMPARE(creneau::ProcessIdentity::instance(), QStringLiteral("rdv_1_a_b"));
        QVERIFY(creneau::ProcessIdentity::claimant().startsWith(QStringLiteral("rdv_1_a_b/")));
        AccessLog bad;
        QVERIFY(!bad.open(dir.filePath(QStringLiteral("no/such/dir/log")), &error));
        QVERIFY(error.contains(QStringLiteral("access log")));
    }
};

QTEST_GUILESS_MAIN(TestAccessLog)
#include "tst_access_log.moc"
