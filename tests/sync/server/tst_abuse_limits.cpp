// The abuse limits against the real server: the spam loop (book and cancel again and again with
// a victim's e-mail and phone) reaches the victim 3 times a day and the agents are told; the 21st
// booking from one address in an hour gets 429 with Retry-After and a French error, stores
// nothing, and another client is still served; hostile names are refused with 422.
#include "demoflow.h"
#include "publicclient.h"
#include "serverprocess.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QProcess>
#include <QtTest>

using namespace creneau::test;

namespace {

const QString kVictimEmail = QStringLiteral("victime@example.org");
const QString kVictimPhone = QStringLiteral("0611223344");

QByteArray usagerBooking(qint64 motif, const QJsonObject &creneau, const QString &lastName,
                         const QString &email, const QString &phone)
{
    QJsonObject o =
        QJsonDocument::fromJson(bookingJson(motif, creneau, lastName, QStringLiteral("usager")))
            .object();
    QJsonObject u = o.value(QStringLiteral("usager")).toObject();
    u.insert(QStringLiteral("email"), email);
    u.insert(QStringLiteral("phone"), phone);
    o.insert(QStringLiteral("usager"), u);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString letters(int i)
{
    // Names take letters only: 0 -> "Aa", 1 -> "Ab"...
    return QString(QChar(u'A' + i / 26)) + QChar(u'a' + i % 26);
}

} // namespace

class TestAbuseLimits : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.isRunning(), qPrintable(m_server.output()));
        HttpClient plain(m_server.url(QString()));
        m_caf = motifId(plain, QStringLiteral("Aide aux démarches CAF"));
        QVERIFY(m_caf > 0);
        QVERIFY(creneaux(plain, m_caf).size() >= 25);
    }

    void helpListsTheLimits()
    {
        QProcess help;
        help.start(QStringLiteral(CRENEAU_SERVER_BINARY), {QStringLiteral("--help")});
        QVERIFY(help.waitForFinished(10000));
        const QString out = QString::fromUtf8(help.readAllStandardOutput());
        QVERIFY2(out.contains(QStringLiteral("--max-bookings-per-hour <N>")), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("--max-messages-per-recipient <N>")));
        QVERIFY(out.contains(QStringLiteral("--max-prescriber-messages <N>")));
    }

    void spamLoopReachesTheVictimThreeTimes()
    {
        PublicClient spammer(m_server.url(QString()), "203.0.113.5");
        HttpClient plain(m_server.url(QString()));
        for (int round = 0; round < 5; ++round) {
            // Far enough ahead for the usager to cancel online (the delay is hours): the first
            // créneau of the day may be too close early in the morning.
            QJsonObject slot;
            for (const QJsonValue &c : creneaux(plain, m_caf)) {
                const QDateTime at = QDateTime::fromString(
                    c.toObject().value(QStringLiteral("starts_at")).toString(), Qt::ISODate);
                if (at > QDateTime::currentDateTimeUtc().addSecs(12 * 3600)) {
                    slot = c.toObject();
                    break;
                }
            }
            QVERIFY(!slot.isEmpty());
            const Reply r = spammer.book(
                usagerBooking(m_caf, slot, QStringLiteral("Victime"), kVictimEmail, kVictimPhone));
            QCOMPARE(r.status, 201);
            const QString manage = QUrl(QJsonDocument::fromJson(r.body)
                                            .object()
                                            .value(QStringLiteral("manage_url"))
                                            .toString())
                                       .path();
            const Reply page = spammer.get(manage);
            QCOMPARE(page.status, 200);
            const Reply cancelled =
                spammer.postForm(manage + QStringLiteral("/annuler"),
                                 hiddenFields(page.text(), manage + QStringLiteral("/annuler")));
            QVERIFY2(cancelled.status == 303, cancelled.body.constData());
        }
        // 10 changes, each with an e-mail and an SMS for the victim: 3 of each are delivered.
        auto count = [&](const QString &to) {
            int n = 0;
            for (const OutboxFile &f : outboxFiles(m_server.dataDir()))
                n += f.recipient.compare(to, Qt::CaseInsensitive) == 0;
            return n;
        };
        QTRY_COMPARE_WITH_TIMEOUT(count(kVictimEmail), 3, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(count(kVictimPhone), 3, 20000);
        // The agents hear of the held messages, once per recipient.
        auto held = [&] {
            int n = 0;
            for (const OutboxFile &f : outboxFiles(m_server.dataDir()))
                n += f.text.startsWith(QStringLiteral("Messages retenus pour"));
            return n;
        };
        QTRY_COMPARE_WITH_TIMEOUT(held(), 2, 20000);
        QTest::qWait(1500); // the delivery worker had time to send more, if it were to
        QCOMPARE(count(kVictimEmail), 3);
        QCOMPARE(count(kVictimPhone), 3);
        QCOMPARE(held(), 2);
    }

    void twentyFirstBookingFromOneAddressGets429()
    {
        PublicClient flooder(m_server.url(QString()), "198.51.100.7");
        HttpClient plain(m_server.url(QString()));
        const QJsonArray list = creneaux(plain, m_caf);
        QVERIFY(list.size() >= 21);
        for (int i = 0; i < 20; ++i) {
            const Reply r = flooder.book(usagerBooking(m_caf, list.at(i).toObject(),
                                                       QStringLiteral("Flot") + letters(i),
                                                       QString(), QStringLiteral("0799999999")));
            QVERIFY2(r.status == 201, r.body.constData());
        }
        const QJsonObject last = list.at(20).toObject();
        const Reply refused = flooder.book(usagerBooking(m_caf, last, QStringLiteral("Flotvingt"),
                                                         QString(), QStringLiteral("0799999999")));
        QCOMPARE(refused.status, 429);
        bool ok = false;
        const int retryAfter = refused.header("retry-after").toInt(&ok);
        QVERIFY(ok && retryAfter >= 1 && retryAfter <= 3600);
        QVERIFY(refused.header("content-type").startsWith("application/json"));
        const QString error = QJsonDocument::fromJson(refused.body)
                                  .object()
                                  .value(QStringLiteral("error"))
                                  .toString();
        QVERIFY2(error.contains(QStringLiteral("Trop de rendez-vous")), qPrintable(error));
        // Nothing of it was stored: the créneau is still free...
        bool stillFree = false;
        for (const QJsonValue &c : creneaux(plain, m_caf))
            stillFree |= c.toObject().value(QStringLiteral("starts_at")) ==
                             last.value(QStringLiteral("starts_at")) &&
                         c.toObject().value(QStringLiteral("lieu_id")) ==
                             last.value(QStringLiteral("lieu_id"));
        QVERIFY(stillFree);
        // ...and another client books it at once.
        PublicClient other(m_server.url(QString()), "198.51.100.8");
        QElapsedTimer timer;
        timer.start();
        const Reply served = other.book(usagerBooking(m_caf, last, QStringLiteral("Autre"),
                                                      QString(), QStringLiteral("0788888888")));
        QCOMPARE(served.status, 201);
        QVERIFY(timer.elapsed() < 2000);
    }

    void limitedAddressSeesTheMessageOnThePage()
    {
        // An address that used its hour's bookings (one here) on the HTML pages: the confirm
        // page again, with the message and the values typed, status 429 with Retry-After.
        ServerProcess server({QStringLiteral("--demo"), QStringLiteral("--rate-limit"),
                              QStringLiteral("0"), QStringLiteral("--trusted-proxy"),
                              QStringLiteral("127.0.0.1"),
                              QStringLiteral("--max-bookings-per-hour"), QStringLiteral("1")});
        QVERIFY2(server.isRunning(), qPrintable(server.output()));
        PublicClient browser(server.url(QString()), "198.51.100.7");
        HttpClient plain(server.url(QString()));
        const QJsonArray free = creneaux(plain, m_caf);
        QVERIFY(free.size() >= 2);
        QCOMPARE(browser.book(bookingJson(m_caf, free.at(1).toObject(), QStringLiteral("Premier")))
                     .status,
                 201);
        const QJsonObject creneau = creneaux(plain, m_caf).first().toObject();
        const QString slotUrl =
            QStringLiteral("/rdv/mfs-vernon/creneau?motif=%1&lieu=%2&debut=%3&pour=moi")
                .arg(m_caf)
                .arg(creneau.value(QStringLiteral("lieu_id")).toInteger())
                .arg(QDateTime::fromString(creneau.value(QStringLiteral("starts_at")).toString(),
                                           Qt::ISODate)
                         .toSecsSinceEpoch());
        Reply page = browser.get(slotUrl);
        QCOMPARE(page.status, 200);
        const QString step = QStringLiteral("/rdv/mfs-vernon/beneficiaire");
        auto f = hiddenFields(page.text(), step);
        f.append({QStringLiteral("usager.first_name"), QStringLiteral("Élodie")});
        f.append({QStringLiteral("usager.last_name"), QStringLiteral("Limitée")});
        f.append({QStringLiteral("usager.email"), QStringLiteral("elodie@example.org")});
        // Post/Redirect/Get: the step answers 303 to the confirmation page.
        const Reply posted = browser.postForm(step, f);
        QCOMPARE(posted.status, 303);
        page = browser.get(QString::fromUtf8(posted.header("location")));
        QCOMPARE(page.status, 200);
        const QString confirm = QStringLiteral("/rdv/mfs-vernon/confirmer");
        const Reply refused = browser.postForm(confirm, hiddenFields(page.text(), confirm));
        QCOMPARE(refused.status, 429);
        QVERIFY(!refused.header("retry-after").isEmpty());
        QVERIFY(refused.text().contains(QStringLiteral("Trop de rendez-vous")));
        QVERIFY(refused.text().contains(QStringLiteral("Limitée")));
        QVERIFY(refused.text().contains(QStringLiteral("elodie@example.org")));
    }

    void hostileNamesAreRefused_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addRow("advert") << "usager.last_name"
                                << QStringLiteral("URGENT dossier suspendu appelez 0899");
        QTest::addRow("link") << "usager.first_name" << QStringLiteral("Voir www.exemple.fr");
        QTest::addRow("markup") << "usager.first_name" << QStringLiteral("Ana <b>Diallo</b>");
        QTest::addRow("emoji") << "usager.last_name" << QStringLiteral("Diallo \U0001F4DE");
        QTest::addRow("prescriber") << "prescripteur.last_name" << QStringLiteral("Mairie 24/7");
    }

    void hostileNamesAreRefused()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        PublicClient client(m_server.url(QString()), "192.0.2.50");
        HttpClient plain(m_server.url(QString()));
        const QJsonObject slot = creneaux(plain, m_caf).first().toObject();
        QJsonObject o =
            QJsonDocument::fromJson(bookingJson(m_caf, slot, QStringLiteral("Durand"))).object();
        const QStringList parts = field.split(QLatin1Char('.'));
        QJsonObject sub = o.value(parts.first()).toObject();
        sub.insert(parts.last(), value);
        o.insert(parts.first(), sub);
        const Reply r = client.book(QJsonDocument(o).toJson(QJsonDocument::Compact));
        QCOMPARE(r.status, 422);
        const QString message = QJsonDocument::fromJson(r.body)
                                    .object()
                                    .value(QStringLiteral("fields"))
                                    .toObject()
                                    .value(field)
                                    .toString();
        QVERIFY2(message.contains(QStringLiteral("que des lettres")), r.body.constData());
        // Nothing stored: the créneau is still the first free one.
        QCOMPARE(creneaux(plain, m_caf).first().toObject(), slot);
    }

    // A social worker orients several beneficiaries a day: their own confirmations are counted
    // apart from the per-recipient limit, under --max-prescriber-messages.
    void prescriberConfirmationsHaveTheirOwnLimit()
    {
        ServerProcess server({QStringLiteral("--demo"), QStringLiteral("--rate-limit"),
                              QStringLiteral("0"), QStringLiteral("--max-messages-per-recipient"),
                              QStringLiteral("1"), QStringLiteral("--max-prescriber-messages"),
                              QStringLiteral("3")});
        QVERIFY2(server.isRunning(), qPrintable(server.output()));
        HttpClient plain(server.url(QString()));
        const QJsonArray list = creneaux(plain, m_caf);
        QVERIFY(list.size() >= 4);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(plain
                         .postJson(QStringLiteral("/api/v1/public/mfs-vernon/rdvs"),
                                   bookingJson(m_caf, list.at(i).toObject(),
                                               QStringLiteral("Oriente") + letters(i)))
                         .status,
                     201);
        const QString prescriber = QStringLiteral("paul@mairie.example.fr");
        auto count = [&] {
            int n = 0;
            for (const OutboxFile &f : outboxFiles(server.dataDir()))
                n += f.recipient.compare(prescriber, Qt::CaseInsensitive) == 0;
            return n;
        };
        // Three confirmations although one message per recipient is the other limit; the
        // fourth is held and the agents told.
        QTRY_COMPARE_WITH_TIMEOUT(count(), 3, 20000);
        auto held = [&] {
            int n = 0;
            for (const OutboxFile &f : outboxFiles(server.dataDir()))
                n += f.text.startsWith(QStringLiteral("Messages retenus pour")) &&
                     f.text.contains(prescriber);
            return n;
        };
        QTRY_COMPARE_WITH_TIMEOUT(held(), 1, 20000);
        QTest::qWait(1500);
        QCOMPARE(count(), 3);
    }

private:
    // Default limits (20 bookings per address per hour, 3 messages per recipient per day).
    ServerProcess m_server{{QStringLiteral("--demo"), QStringLiteral("--rate-limit"),
                            QStringLiteral("0"), QStringLiteral("--trusted-proxy"),
                            QStringLiteral("127.0.0.1")}};
    qint64 m_caf = 0;
};

QTEST_GUILESS_MAIN(TestAbuseLimits)
#include "tst_abuse_limits.moc"
