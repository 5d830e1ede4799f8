// Where notifications go: command-line values win over <data>/creneau.conf, the SMS token may
// come from CRENEAU_SMS_TOKEN, bad URLs are refused, and with nothing configured the service
// writes every message to <data>/outbox/.
#include "notifyscenario.h"
#include "sync/notify/notificationservice.h"
#include "sync/notify/outbox.h"

#include <QtTest>

using namespace creneau;
using namespace creneau::notify;
using test::NotifyScenario;

class TestNotifySettings : public QObject
{
    Q_OBJECT
private slots:
    void configFileFillsWhatTheCommandLineLeaves()
    {
        QTemporaryDir data;
        QFile conf(data.filePath(QStringLiteral("creneau.conf")));
        QVERIFY(conf.open(QIODevice::WriteOnly));
        conf.write("smtp = smtps://user:secret@mail.example.fr:465\n"
                   "mail-from = rdv@example.fr\n"
                   "sms-gateway = https://sms.example.fr/send\n");
        conf.close();
        qputenv("CRENEAU_SMS_TOKEN", "from-env");
        NotifySettings s;
        s.mailFrom = QStringLiteral("cli@example.fr");
        s.completeFrom(data.path());
        QCOMPARE(s.smtpUrl, QStringLiteral("smtps://user:secret@mail.example.fr:465"));
        QCOMPARE(s.mailFrom, QStringLiteral("cli@example.fr"));
        QCOMPARE(s.smsGateway, QStringLiteral("https://sms.example.fr/send"));
        QCOMPARE(s.smsToken, QStringLiteral("from-env"));
        QVERIFY(s.check().isEmpty());
        qunsetenv("CRENEAU_SMS_TOKEN");
    }

    void badValuesAreRefused_data()
    {
        QTest::addColumn<QString>("smtp");
        QTest::addColumn<QString>("gateway");
        QTest::addColumn<QString>("from");
        QTest::addRow("http smtp") << QStringLiteral("http://x") << QString() << QString();
        QTest::addRow("no host") << QStringLiteral("smtp://") << QString() << QString();
        QTest::addRow("ftp gateway") << QString() << QStringLiteral("ftp://x") << QString();
        QTest::addRow("from") << QString() << QString() << QStringLiteral("nobody");
    }

    void badValuesAreRefused()
    {
        QFETCH(QString, smtp);
        QFETCH(QString, gateway);
        QFETCH(QString, from);
        NotifySettings s{smtp, from, gateway, {}};
        QVERIFY(!s.check().isEmpty());
    }

    void hostForIds()
    {
        QCOMPARE(hostFor(QStringLiteral("https://rdv.ville.fr"), {}),
                 QStringLiteral("rdv.ville.fr"));
        QCOMPARE(hostFor(QStringLiteral("http://127.0.0.1:8080"), QStringLiteral("a@b.fr")),
                 QStringLiteral("b.fr"));
        QCOMPARE(hostFor({}, {}), QStringLiteral("creneau.localhost"));
    }

    void nothingConfiguredWritesTheOutboxFolder()
    {
        NotifyScenario s;
        QTemporaryDir data;
        NotifyContext context;
        context.host = QStringLiteral("rdv.test.fr");
        NotificationService service(*s.t.store, data.path(), NotifySettings{}, context, s.clock);
        BookingService booking(*s.t.store, s.engine, s.clock, service.sink());
        const BookingOutcome b = booking.book(s.request(CreatedBy::Usager, QTime(9, 30)));
        QVERIFY2(b.ok(), qPrintable(b.message));
        QVERIFY(NotifyScenario::runWorker(service.worker()));
        const QDir outbox(data.filePath(QStringLiteral("outbox")));
        QCOMPARE(outbox.entryList({QStringLiteral("*.eml")}, QDir::Files).size(), 2);
        QCOMPARE(outbox.entryList({QStringLiteral("*.sms")}, QDir::Files).size(), 1);
        QVERIFY(service.describe().contains(outbox.path()));
    }
};

QTEST_GUILESS_MAIN(TestNotifySettings)
#include "tst_notify_settings.moc"
