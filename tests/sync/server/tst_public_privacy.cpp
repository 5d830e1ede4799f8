// Nothing the caller did not type comes back: booking with a known usager's name and phone (the
// demo's Amina Diallo, whose e-mail and birth date are stored) returns, shows, exports and mails
// only what was typed, and the notifications go to the contact typed for the booking.
#include "demoflow.h"
#include "publicclient.h"
#include "serverprocess.h"

#include <QJsonDocument>
#include <QtTest>

using namespace creneau::test;

namespace {

// Amina Diallo's stored details that a stranger must never learn.
const QStringList kStored{QStringLiteral("amina.diallo@example.fr"), QStringLiteral("1987-05-12"),
                          QStringLiteral("12/05/1987"), QStringLiteral("12 mai 1987"),
                          QStringLiteral("19870512")};

QString leakIn(const QString &text)
{
    for (const QString &s : kStored)
        if (text.contains(s, Qt::CaseInsensitive))
            return s;
    return {};
}

QString pathOf(const QString &url)
{
    return QUrl(url).path();
}

} // namespace

class TestPublicPrivacy : public QObject
{
    Q_OBJECT

    // Books m_caf's `creneau` on the public link as a prescriber (Paul Mairie for Lina Benali)
    // through the HTML pages; returns the Set-Cookie of the last step (the remembered details).
    QByteArray prescriberBooking(PublicClient &browser, const QJsonObject &creneau)
    {
        const QString slotUrl =
            QStringLiteral("/rdv/mfs-vernon/creneau?motif=%1&lieu=%2&debut=%3&pour=prescripteur")
                .arg(m_caf)
                .arg(creneau.value(QStringLiteral("lieu_id")).toInteger())
                .arg(QDateTime::fromString(creneau.value(QStringLiteral("starts_at")).toString(),
                                           Qt::ISODate)
                         .toSecsSinceEpoch());
        Reply page = browser.get(slotUrl);
        if (page.status != 200)
            return {};
        // The CSRF cookie, sent back by hand (the jar keeps a Secure one for https only).
        m_csrfCookie = page.header("set-cookie");
        browser.cookies = m_csrfCookie.split(';').first();
        auto set = [](QList<QPair<QString, QString>> &fields, const QString &k, const QString &v) {
            fields.removeIf([&](const auto &p) { return p.first == k; });
            fields.append({k, v});
        };
        const QString step1 = QStringLiteral("/rdv/mfs-vernon/prescripteur-coordonnees");
        auto f = hiddenFields(page.text(), step1);
        set(f, QStringLiteral("prescripteur.first_name"), QStringLiteral("Paul"));
        set(f, QStringLiteral("prescripteur.last_name"), QStringLiteral("Mairie"));
        set(f, QStringLiteral("prescripteur.email"), QStringLiteral("paul@mairie.example.fr"));
        // Post/Redirect/Get: each step answers 303 to its page, which reads the flow cookie (sent
        // back by hand too: Secure, as the CSRF one).
        auto follow = [&](const Reply &posted) {
            if (posted.status != 303)
                return posted;
            browser.cookies = m_csrfCookie.split(';').first() + "; " +
                              posted.header("set-cookie").split(';').first();
            return browser.get(QString::fromUtf8(posted.header("location")));
        };
        page = follow(browser.postForm(step1, f));
        const QString step2 = QStringLiteral("/rdv/mfs-vernon/beneficiaire");
        f = hiddenFields(page.text(), step2);
        set(f, QStringLiteral("usager.first_name"), QStringLiteral("Lina"));
        set(f, QStringLiteral("usager.last_name"), QStringLiteral("Benali"));
        set(f, QStringLiteral("usager.phone"), QStringLiteral("0698765432"));
        set(f, QStringLiteral("usager.email"), QStringLiteral("lina.benali@example.org"));
        page = follow(browser.postForm(step2, f));
        const QString confirm = QStringLiteral("/rdv/mfs-vernon/confirmer");
        const Reply done = browser.postForm(confirm, hiddenFields(page.text(), confirm));
        return done.status == 303 ? done.header("set-cookie") : QByteArray(done.body.left(300));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.isRunning(), qPrintable(m_server.output()));
        m_client = std::make_unique<PublicClient>(m_server.url(QString()), "192.0.2.10");
        HttpClient plain(m_server.url(QString()));
        m_caf = motifId(plain, QStringLiteral("Aide aux démarches CAF"));
        QVERIFY(m_caf > 0);
        m_slots = creneaux(plain, m_caf);
        QVERIFY(m_slots.size() >= 6);
    }

    void knownNameAndPhoneLeakNothing_data()
    {
        QTest::addColumn<QString>("bookedBy");
        QTest::addColumn<QString>("typedEmail");
        QTest::addColumn<int>("slot");
        QTest::addRow("usager, name and phone only") << "usager" << QString() << 0;
        QTest::addRow("usager, new e-mail") << "usager"
                                            << "amina.nouvelle@example.org" << 1;
        QTest::addRow("prescripteur, name and phone only") << "prescripteur" << QString() << 2;
        QTest::addRow("prescripteur, new e-mail") << "prescripteur"
                                                  << "amina.autre@example.org" << 3;
    }

    void knownNameAndPhoneLeakNothing()
    {
        QFETCH(QString, bookedBy);
        QFETCH(QString, typedEmail);
        QFETCH(int, slot);
        const QJsonObject creneau = m_slots.at(slot).toObject();
        QJsonObject o =
            QJsonDocument::fromJson(bookingJson(m_caf, creneau, QStringLiteral("Diallo"), bookedBy))
                .object();
        QJsonObject usager{{QStringLiteral("first_name"), QStringLiteral("Amina")},
                           {QStringLiteral("last_name"), QStringLiteral("Diallo")},
                           {QStringLiteral("phone"), QStringLiteral("0612345678")}};
        if (!typedEmail.isEmpty())
            usager.insert(QStringLiteral("email"), typedEmail);
        o.insert(QStringLiteral("usager"), usager);
        const Reply r = m_client->book(QJsonDocument(o).toJson(QJsonDocument::Compact));
        QCOMPARE(r.status, 201);

        // 1. The API's answer.
        QVERIFY2(leakIn(r.text()).isEmpty(), qPrintable(r.text()));
        const QJsonObject answer = QJsonDocument::fromJson(r.body).object();
        const QJsonObject u = answer.value(QStringLiteral("usager")).toObject();
        QCOMPARE(u.value(QStringLiteral("email")).toString(), typedEmail);
        QCOMPARE(u.value(QStringLiteral("birth_date")).toString(), QString());
        QCOMPARE(u.value(QStringLiteral("phone")).toString(), QStringLiteral("0612345678"));

        // 2. The recap page (the prescriber's or the usager's private one) and its .ics.
        const QString page =
            answer
                .value(answer.contains(QStringLiteral("manage_url")) ? QStringLiteral("manage_url")
                                                                     : QStringLiteral("recap_url"))
                .toString();
        QVERIFY(!page.isEmpty());
        const Reply recap = m_client->get(pathOf(page));
        QCOMPARE(recap.status, 200);
        QVERIFY2(leakIn(recap.text()).isEmpty(), qPrintable(leakIn(recap.text())));
        const Reply ics = m_client->get(pathOf(page) + QStringLiteral("/rdv.ics"));
        QCOMPARE(ics.status, 200);
        QVERIFY(ics.text().contains(QStringLiteral("BEGIN:VCALENDAR")));
        QVERIFY2(leakIn(ics.text()).isEmpty(), qPrintable(leakIn(ics.text())));

        // 3. Every message sent to the booker (prescriber's e-mail, usager's e-mail and SMS):
        // nothing stored, and the usager's confirmation to the typed address only.
        const QString prescriber = QStringLiteral("paul@mairie.example.fr");
        const qint64 id = answer.value(QStringLiteral("id")).toInteger();
        const QString rdvTag = QLatin1Char('.') + QString::number(id) + QLatin1Char('@');
        auto ofThisRdv = [&] {
            QList<OutboxFile> mine;
            for (const OutboxFile &f : outboxFiles(m_server.dataDir()))
                if (f.name.contains(rdvTag))
                    mine << f;
            return mine;
        };
        auto delivered = [&](const QString &to) {
            for (const OutboxFile &f : ofThisRdv())
                if (f.recipient.compare(to, Qt::CaseInsensitive) == 0)
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(delivered(QStringLiteral("0612345678")), 20000);
        if (bookedBy == QLatin1String("prescripteur"))
            QTRY_VERIFY_WITH_TIMEOUT(delivered(prescriber), 20000);
        if (!typedEmail.isEmpty())
            QTRY_VERIFY_WITH_TIMEOUT(delivered(typedEmail), 20000);
        for (const OutboxFile &f : ofThisRdv()) {
            QVERIFY2(f.recipient.compare(QStringLiteral("amina.diallo@example.fr"),
                                         Qt::CaseInsensitive) != 0,
                     qPrintable(f.name));
            const bool toBooker = f.recipient == prescriber || f.recipient == typedEmail ||
                                  f.recipient == QLatin1String("0612345678");
            if (toBooker)
                QVERIFY2(leakIn(f.text).isEmpty() && leakIn(QString::fromUtf8(f.bytes)).isEmpty(),
                         qPrintable(f.name + QLatin1String(": ") + leakIn(f.text)));
        }
    }

    void prescriberCookieHoldsOnlyTheirFields()
    {
        PublicClient browser(m_server.url(QString()), "192.0.2.11");
        const QByteArray cookie = prescriberBooking(browser, m_slots.at(5).toObject());
        QVERIFY(cookie.startsWith("creneau_prescripteur="));
        QVERIFY(!cookie.contains("Secure")); // the public URL is http here
        const QByteArray value = cookie.mid(cookie.indexOf('=') + 1).split(';').first();
        QVERIFY(!value.isEmpty());
        const QByteArray json = QByteArray::fromBase64(value, QByteArray::Base64UrlEncoding);
        QStringList keys = QJsonDocument::fromJson(json).object().keys();
        keys.sort();
        QCOMPARE(keys, (QStringList{"prescripteur.email", "prescripteur.first_name",
                                    "prescripteur.last_name", "prescripteur.phone"}));
        for (const char *usagerValue : {"Benali", "Lina", "0698765432", "lina.benali"})
            QVERIFY2(!json.contains(usagerValue), json.constData());
    }

    void everyCookieIsSecureOnHttps()
    {
        ServerProcess https({QStringLiteral("--demo"), QStringLiteral("--rate-limit"),
                             QStringLiteral("0"), QStringLiteral("--public-url"),
                             QStringLiteral("https://rdv.example.fr")});
        QVERIFY2(https.isRunning(), qPrintable(https.output()));
        HttpClient plain(https.url(QString()));
        const QJsonArray list = creneaux(plain, m_caf);
        QVERIFY(!list.isEmpty());
        PublicClient browser(https.url(QString()), "192.0.2.12");
        const QByteArray cookie = prescriberBooking(browser, list.first().toObject());
        QVERIFY2(cookie.startsWith("creneau_prescripteur="), cookie.constData());
        QVERIFY(cookie.contains("; Secure"));
        QVERIFY(m_csrfCookie.contains("; Secure"));
    }

private:
    // The same phone gets every row's SMS: the per-recipient limit is tst_abuse_limits' job.
    ServerProcess m_server{{QStringLiteral("--demo"), QStringLiteral("--rate-limit"),
                            QStringLiteral("0"), QStringLiteral("--trusted-proxy"),
                            QStringLiteral("127.0.0.1"),
                            QStringLiteral("--max-messages-per-recipient"), QStringLiteral("0")}};
    std::unique_ptr<PublicClient> m_client;
    qint64 m_caf = 0;
    QJsonArray m_slots;
    QByteArray m_csrfCookie; // the last Set-Cookie of a booking page
};

QTEST_GUILESS_MAIN(TestPublicPrivacy)
#include "tst_public_privacy.moc"
