// The real creneau-server: a prescriber's booking through the public API is followed, without
// waiting for a timer, by the prescriber's and the agents' e-mails over --smtp (aiosmtpd), and
// with nothing configured by .eml/.sms files in <data>/outbox/. Bad settings stop the start.
// Agents get the .ics invitation only once they chose « E-mail » as their external calendar
// (through the agent API), a plain notice before.
#include "agentapiclient.h"
#include "demoflow.h"
#include "httpclient.h"
#include "mailparser.h"
#include "models/catalog.h"
#include "models/secrets.h"
#include "serverprocess.h"
#include "smtpsink.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QtTest>

using namespace creneau;
using namespace creneau::test;

namespace {

// The demo's agents who receive CAF bookings.
const QStringList kCafAgents = {QStringLiteral("karim.benali@demo.creneau.fr"),
                                QStringLiteral("sophie.lefevre@demo.creneau.fr")};

// Each CAF agent signs in (a password set straight in the store) and chooses « E-mail ».
bool chooseEmailCalendars(const ServerProcess &server, const QString &dataDir)
{
    {
        auto store = Store::open(QDir(dataDir).filePath(QStringLiteral("creneau.sqlite")));
        Catalog catalog(*store);
        WriteTransaction tx(*store);
        for (const QString &email : kCafAgents)
            catalog.setPasswordHash(catalog.agentByEmail(email)->id,
                                    secrets::hashPassword(QStringLiteral("agent-password-1")));
        tx.commit();
    }
    for (const QString &email : kCafAgents) {
        AgentApiClient api(QUrl(server.url(QString())));
        if (api.login(email, QStringLiteral("agent-password-1")) != 200)
            return false;
        const Reply r =
            api.call("PUT", QStringLiteral("/api/v1/agent/calendar-settings"), {{"mode", "email"}});
        if (r.status != 200)
            return false;
    }
    return true;
}

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
                // No external calendar chosen: a plain notice.
                QVERIFY2(m.ics.isEmpty(), qPrintable(m.header("X-RcptTo")));
            }
        }
        QVERIFY(prescriber);
        // The usager gave a mobile number only: the SMS waits in the outbox folder.
        QTRY_VERIFY(!QDir(data.filePath(QStringLiteral("outbox")))
                         .entryList({QStringLiteral("*.sms")}, QDir::Files)
                         .isEmpty());
    }

    void invitationsOnceEmailIsChosen()
    {
        SmtpSink smtp;
        QVERIFY2(smtp.start(), qPrintable(smtp.error()));
        QTemporaryDir data;
        ServerProcess server({QStringLiteral("--demo"), QStringLiteral("--rate-limit"),
                              QStringLiteral("0"), QStringLiteral("--data"), data.path(),
                              QStringLiteral("--smtp"), smtp.url()});
        QVERIFY2(server.isRunning(), qPrintable(server.output()));
        QVERIFY(chooseEmailCalendars(server, data.path()));
        HttpClient client(server.url(QString()));
        QVERIFY(!bookAsPrescriber(client, QStringLiteral("Invitation")).isEmpty());
        QVERIFY2(smtp.waitFor(2), qPrintable(server.output()));
        QTest::qWait(300); // every agent's message is in
        int invitations = 0;
        QSet<QString> uids;
        QString recap;
        for (const QByteArray &raw : smtp.messages()) {
            const ParsedMail m = parseMail(raw);
            if (!m.ics.isEmpty())
                uids.insert(parseIcs(m.ics).uid);
            if (m.header("X-RcptTo") == QLatin1String("paul@mairie.example.fr")) {
                // The prescriber's confirmation carries the file too, for information.
                QCOMPARE(parseIcs(m.ics).method, QStringLiteral("PUBLISH"));
                const auto link =
                    QRegularExpression(QStringLiteral("(/rdv/[^\\s]+/recapitulatif/[^\\s]+)"))
                        .match(m.text);
                QVERIFY2(link.hasMatch(), qPrintable(m.text));
                recap = link.captured(1);
            }
            if (!kCafAgents.contains(m.header("X-RcptTo")))
                continue;
            QCOMPARE(parseIcs(m.ics).method, QStringLiteral("REQUEST"));
            ++invitations;
        }
        QCOMPARE(invitations, 1); // the one agent of the booked créneau
        // The recap page's download is the same event as the e-mails': one UID, not a second
        // event in the calendar of whoever adds both.
        QVERIFY(!recap.isEmpty());
        const Reply file = client.get(recap + QStringLiteral("/rdv.ics"));
        QCOMPARE(file.status, 200);
        uids.insert(parseIcs(file.body).uid);
        QCOMPARE(uids.size(), 1);
        QVERIFY2(QRegularExpression(QStringLiteral("^rdv-\\d+@[0-9a-f]{20}\\.creneau$"))
                     .match(*uids.cbegin())
                     .hasMatch(),
                 qPrintable(*uids.cbegin()));
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
