// With no SMTP server and no SMS gateway, each message is written to the outbox folder: an
// e-mail as <message-id>.eml with the RFC 5322 bytes SMTP would carry, an SMS as .sms. Also the
// encodings those bytes rely on (RFC 2047 words, quoted-printable, no header injection).
#include "mailparser.h"
#include "notifyscenario.h"
#include "sync/ical/calendardomain.h"
#include "sync/ical/icalwriter.h"
#include "sync/notify/filetransport.h"
#include "sync/notify/mimemessage.h"
#include "sync/notify/outbox.h"

#include <QtTest>

using namespace creneau;
using namespace creneau::notify;
using test::NotifyScenario;

class TestNotifyOutboxFiles : public QObject
{
    Q_OBJECT
private slots:
    void filesWhenNothingIsConfigured()
    {
        NotifyScenario s;
        QTemporaryDir data;
        const QString folder = data.filePath(QStringLiteral("outbox"));
        FileTransport files(folder, {QStringLiteral("rdv@test.fr"), QStringLiteral("Créneau")});
        DeliveryWorker worker(*s.t.store, s.clock, &files, &files);
        const BookingOutcome b = s.book(CreatedBy::Prescripteur);
        QVERIFY(b.ok());
        QVERIFY(NotifyScenario::runWorker(worker));

        int emails = 0, sms = 0;
        for (const OutboxMessage &m : Outbox(*s.t.store).ofRdv(b.rdv.id)) {
            if (m.purpose == QLatin1String("reminder"))
                continue;
            QCOMPARE(m.status, QStringLiteral("sent"));
            QFile f(files.pathFor(m));
            QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
            const QByteArray bytes = f.readAll();
            if (m.kind == OutboxMessage::Kind::Sms) {
                ++sms;
                QVERIFY(f.fileName().endsWith(QLatin1String(".sms")));
                QVERIFY(
                    QString::fromUtf8(bytes).contains(QStringLiteral("confirmé le lundi 1 mars")));
                continue;
            }
            ++emails;
            QVERIFY(f.fileName().endsWith(QLatin1String(".eml")));
            QVERIFY(QFileInfo(f).fileName().startsWith(m.messageId.left(10)));
            // RFC 5322: CRLF only, lines of at most 998 octets.
            QVERIFY(bytes.contains("\r\n"));
            QCOMPARE(bytes.count('\n'), bytes.count("\r\n")); // no bare LF
            for (const QByteArray &line : bytes.split('\n'))
                QVERIFY(line.size() <= 998);
            const test::ParsedMail mail = test::parseMail(bytes);
            QCOMPARE(mail.header("Message-ID"), QLatin1Char('<') + m.messageId + QLatin1Char('>'));
            QCOMPARE(mail.header("Subject"), m.subject);
            QCOMPARE(mail.header("MIME-Version"), QStringLiteral("1.0"));
            QVERIFY(mail.text.contains(QStringLiteral("Amina Diallo")));
            QVERIFY(mail.html.contains(QStringLiteral("<html lang=\"fr\">")));
            if (!m.ics.isEmpty())
                QCOMPARE(test::parseIcs(mail.ics).uid,
                         ical::uid(b.rdv.id, ical::calendarDomain(*s.t.store)));
        }
        // CRENEAU_KEEP_OUTBOX=<dir> keeps the files to read them by eye.
        if (const QString keep = qEnvironmentVariable("CRENEAU_KEEP_OUTBOX"); !keep.isEmpty()) {
            QDir().mkpath(keep);
            for (const QFileInfo &f : QDir(folder).entryInfoList(QDir::Files))
                QFile::copy(f.filePath(), QDir(keep).filePath(f.fileName()));
        }
        QCOMPARE(emails, 3); // prescripteur, usager, agent
        QCOMPARE(sms, 1);
    }

    void headerWords_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addRow("ascii") << QStringLiteral("Rendez-vous");
        QTest::addRow("accents") << QStringLiteral("Votre rendez-vous du lundi 7 décembre à 09:30");
        QTest::addRow("long") << QStringLiteral("é").repeated(200);
        QTest::addRow("emoji") << QStringLiteral("RDV 📅 confirmé");
        QTest::addRow("looks encoded") << QStringLiteral("=?UTF-8?B?abc?=");
    }

    void headerWords()
    {
        QFETCH(QString, text);
        const QByteArray encoded = encodeHeaderWord(text);
        for (const QByteArray &line : encoded.split('\n'))
            QVERIFY(line.size() <= 78);
        QCOMPARE(test::decodeHeader(QByteArray(encoded).replace("\r\n", "")), text);
    }

    void noHeaderInjection()
    {
        MimeMail m;
        m.from = {QStringLiteral("rdv@test.fr"), {}};
        m.to = {QStringLiteral("a@b.fr>\r\nBcc: victim@x.fr"),
                QStringLiteral("Eve\r\nBcc: c@d.fr")};
        m.subject = QStringLiteral("Hello\r\nBcc: e@f.fr");
        m.messageId = QStringLiteral("id@test");
        m.date = QDateTime::currentDateTimeUtc();
        m.text = QStringLiteral("x");
        const QByteArray bytes = toRfc5322(m);
        const QByteArray head = bytes.left(bytes.indexOf("\r\n\r\n"));
        for (const QByteArray &line : head.split('\n'))
            QVERIFY2(!line.startsWith("Bcc"), line.constData());
    }

    void quotedPrintableRoundTrip()
    {
        const QByteArray text =
            QStringLiteral("Ligne très longue ").repeated(20).toUtf8() + "\n.point\nfin = ok \n";
        const QByteArray qp = quotedPrintable(text);
        for (const QByteArray &line : qp.split('\n'))
            QVERIFY(line.size() <= 77);
        MimeMail m;
        m.from = {QStringLiteral("rdv@test.fr"), {}};
        m.to = {QStringLiteral("a@b.fr"), {}};
        m.messageId = QStringLiteral("id@test");
        m.date = QDateTime::currentDateTimeUtc();
        m.text = QString::fromUtf8(text);
        QCOMPARE(
            test::parseMail(toRfc5322(m)).text.replace(QLatin1String("\r\n"), QLatin1String("\n")),
            QString::fromUtf8(text));
    }

    // Found by fuzz_mime: a dot pushed to the start of a line by a soft break stayed bare.
    void quotedPrintableEscapesDotAfterSoftBreak_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addRow("dot after 75 characters") << QByteArray(75, 'a') + ".fr";
        QTest::addRow("dot at the start") << QByteArray(".fr");
    }
    void quotedPrintableEscapesDotAfterSoftBreak()
    {
        QFETCH(QByteArray, text);
        const QByteArray qp = quotedPrintable(text);
        for (const QByteArray &line : qp.split('\n'))
            QVERIFY2(!line.startsWith('.'), qp.constData());
    }
};

QTEST_GUILESS_MAIN(TestNotifyOutboxFiles)
#include "tst_notify_outbox_files.moc"
