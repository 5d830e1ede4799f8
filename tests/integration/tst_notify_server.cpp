// The real creneau-server: a prescriber's booking through the public API is followed, without
// waiting for a timer, by the prescriber's and the agents' e-mails over --smtp (aiosmtpd), and
// with nothing configured by .eml/.sms files in <data>/outbox/. Bad settings stop the start.
#include "demoflow.h"
#include "httpclient.h"
#include "mailparser.h"
#include "serverprocess.h"
#include "smtpsink.h"

#include <QJsonDocument>
#include <QtTest>

using namespace creneau::test;

namespace {

QJsonObject bookAsPrescriber(HttpClient &client, const QString &lastName)
{
    const qint64 caf = motifId(client, QStringLiteral("Aide aux démarches CAF"));
    const QJsonArray list = creneaux(client, caf);
    if (list.isEmpty())
        return {};
    const Reply r = client.postJson(QStringLiteral("/api/v1/public/mfs-vernon/rdvs"),
                                    bookingJson(caf, list.last().toObject(), lastName));
    return r.status == 201 ? QJsonDocument::fromJson(r.body).object() : QJsonObject();
}

} // namespace

class TestNotifyServer : public QObject
{
    Q_OBJECT
private slots:
    void smtpFromTheCommandLine()
    {
        SmtpSink smtp;
        QVERIFY2(smtp.start(), qPrintable(smtp.error()));
        QTemporaryDir data;
        ServerProcess server({QStringLiteral("--demo"), QStringLiteral("--rate-limit"),
                              QStringLiteral("0"), QStringLiteral("--data"), data.path(),
                              QStringLiteral("--smtp"), smtp.url(), QStringLiteral("--mail-from"),
                              QStringLiteral("rdv@mfs-vernon.example.fr")});
        QVERIFY2(server.isRunning(), qPrintable(server.output()));
        HttpClient client(server.url(QString()));
        QVERIFY(!bookAsPrescriber(client, QStringLiteral("Smtp")).isEmpty());
        QVERIFY2(smtp.waitFor(2), qPrintable(server.output()));
        bool prescriber = false;
        for (const QByteArray &raw : smtp.messages()) {
            const ParsedMail m = parseMail(raw);
            QVERIFY(m.header("From").contains(QStringLiteral("rdv@mfs-vernon.example.fr")));
            if (m.header("X-RcptTo") == QLatin1String("paul@mairie.example.fr")) {
                prescriber = true;
                QVERIFY(m.text.contains(QStringLiteral("Smtp")));
                QVERIFY(
                    m.text.contains(server.url(QStringLiteral("/rdv/mfs-vernon/recapitulatif/"))));
            } else {
                QCOMPARE(parseIcs(m.ics).method, QStringLiteral("REQUEST"));
            }
        }
        QVERIFY(prescriber);
        // The usager gave a mobile number only: the SMS waits in the outbox folder.
        QTRY_VERIFY(!QDir(data.filePath(QStringLiteral("outbox")))
                         .entryList({QStringLiteral("*.sms")}, QDir::Files)
                         .isEmpty());
    }

    void outboxFolderByDefault()
    {
        QTemporaryDir data;
        ServerProcess server({QStringLiteral("--demo"), QStringLiteral("--rate-limit"),
                              QStringLiteral("0"), QStringLiteral("--data"), data.path()});
        QVERIFY2(server.isRunning(), qPrintable(server.output()));
        HttpClient client(server.url(QString()));
        QVERIFY(!bookAsPrescriber(client, QStringLiteral("Dossier")).isEmpty());
        const QDir outbox(data.filePath(QStringLiteral("outbox")));
        QTRY_VERIFY(outbox.entryList({QStringLiteral("*.eml")}, QDir::Files).size() >= 2);
        QTRY_COMPARE(outbox.entryList({QStringLiteral("*.sms")}, QDir::Files).size(), 1);
    }

    void configFileIsRead()
    {
        QTemporaryDir data;
        QFile conf(data.filePath(QStringLiteral("creneau.conf")));
        QVERIFY(conf.open(QIODevice::WriteOnly));
        conf.write("smtp = http://not-smtp.example\n");
        conf.close();
        ServerProcess server({QStringLiteral("--data"), data.path()});
        QVERIFY(!server.isRunning());
        QVERIFY2(server.output().contains(QStringLiteral("--smtp")), qPrintable(server.output()));
    }
};

QTEST_GUILESS_MAIN(TestNotifyServer)
#include "tst_notify_server.moc"
