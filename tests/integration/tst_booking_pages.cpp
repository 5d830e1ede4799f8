// The public booking pages walked over HTTP like a browser: both links, the prescriber's path to
// the recap, the usager's private link, and every error path (CSRF, fields, taken créneau).
#include "demoflow.h"
#include "httpclient.h"
#include "serverprocess.h"

#include <QtTest>

using namespace creneau::test;

namespace {
using Fields = QList<QPair<QString, QString>>;

void set(Fields &fields, const QString &name, const QString &value)
{
    for (auto &f : fields)
        if (f.first == name) {
            f.second = value;
            return;
        }
    fields.append({name, value});
}
// The first créneau link of a motif's week page. When the current week has none left (a Saturday
// evening), the page's « Prochaine disponibilité » link leads to the week that has.
QString firstSlot(HttpClient &browser, const QString &weekPath)
{
    const QString page = browser.get(weekPath).text();
    const QString slot = findLink(page, QStringLiteral("/creneau?"));
    const qsizetype next = page.indexOf(QStringLiteral("Prochaine disponibilité"));
    if (!slot.isEmpty() || next < 0)
        return slot;
    const QString week = findLink(page.mid(next), QStringLiteral("semaine="));
    return week.isEmpty() ? QString()
                          : findLink(browser.get(week).text(), QStringLiteral("/creneau?"));
}

// The page's week heading (« Semaine du ... »).
QString heading(const QString &page)
{
    const qsizetype start = page.indexOf(QStringLiteral("<h2>"));
    const qsizetype end = page.indexOf(QStringLiteral("</h2>"), start);
    return start < 0 || end < 0 ? QString() : page.mid(start + 4, end - start - 4);
}

} // namespace

class TestBookingPages : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.isRunning(), qPrintable(m_server.output()));
        QVERIFY(m_server.output().contains(QStringLiteral("Booking URL: http://127.0.0.1:")));
        QVERIFY(m_server.output().contains(QStringLiteral("/rdv/mfs-vernon/prescripteur")));
    }

    void linksOfferTheRightMotifs()
    {
        HttpClient browser(m_server.url(QString()));
        const Reply pub = browser.get(QStringLiteral("/rdv/mfs-vernon"));
        QCOMPARE(pub.status, 200);
        QVERIFY(pub.text().contains(QStringLiteral("lang=\"fr\"")));
        QVERIFY(pub.text().contains(QStringLiteral("Aide aux démarches CAF")));
        QVERIFY(!pub.text().contains(QStringLiteral("Accompagnement RSA")));
        QVERIFY(!pub.text().contains(QStringLiteral("Visite à domicile")));
        QVERIFY(pub.header("set-cookie").contains("HttpOnly"));
        QVERIFY(pub.header("content-security-policy").contains("default-src 'self'"));
        const Reply partner = browser.get(QStringLiteral("/rdv/mfs-vernon/prescripteur"));
        QVERIFY(partner.text().contains(QStringLiteral("Accompagnement RSA")));
        QVERIFY(!partner.text().contains(QStringLiteral("Réunion de suivi")));
        QCOMPARE(browser.get(QStringLiteral("/rdv/inconnue")).status, 404);
    }

    void weeksNavigate()
    {
        HttpClient browser(m_server.url(QString()));
        const Reply week = browser.get(QStringLiteral("/rdv/mfs-vernon/motif/1"));
        QCOMPARE(week.status, 200);
        QVERIFY(week.text().contains(QStringLiteral("Semaine suivante")));
        const QString next = findLink(week.text(), QStringLiteral("?semaine="));
        QVERIFY(browser.get(next).text().contains(QStringLiteral("Semaine précédente")));
    }

    // Past the motif's maximum delay the weeks are empty and the page says so. The weeks are
    // walked from the server's own current week (its clock), not from a hard-coded date: the
    // first week with nothing and nothing after it must come within the two-year horizon.
    void weeksBeyondTheMaximumDelayAreEmpty()
    {
        HttpClient browser(m_server.url(QString()));
        const QString self =
            QStringLiteral("/rdv/mfs-vernon/motif/") +
            QString::number(motifId(browser, QStringLiteral("Aide aux démarches CAF")));
        const Reply first = browser.get(self);
        QCOMPARE(first.status, 200);
        const QString next = findLink(first.text(), QStringLiteral("?semaine="));
        const QDate nextMonday =
            QDate::fromString(next.mid(next.indexOf(QLatin1Char('=')) + 1), Qt::ISODate);
        QVERIFY2(nextMonday.isValid() && nextMonday.dayOfWeek() == 1, qPrintable(next));
        const QString thisWeek = heading(first.text());
        const auto weekPage = [&](const QDate &monday) {
            return browser.get(self + QStringLiteral("?semaine=") + monday.toString(Qt::ISODate))
                .text();
        };
        int weeks = 0;
        bool offeredBefore = false;
        QString page;
        for (; weeks < 2 * 53; ++weeks) {
            page = weekPage(nextMonday.addDays(7 * weeks));
            if (page.contains(QStringLiteral("/creneau?")))
                offeredBefore = true;
            else if (!page.contains(QStringLiteral("Prochaine disponibilité")))
                break;
        }
        QVERIFY2(weeks < 2 * 53, "no empty week within two years");
        QVERIFY(offeredBefore); // the motif is bookable before its maximum delay
        QVERIFY(page.contains(QStringLiteral("Aucun créneau disponible cette semaine")));
        QVERIFY(page.contains(QStringLiteral("Aucune disponibilité n'est ouverte")));
        QVERIFY(page.contains(QStringLiteral("Semaine précédente")));
        QVERIFY(heading(page) != thisWeek); // that week's page, not the current week's
        // And every week after it too.
        const QString after = weekPage(nextMonday.addDays(7 * (weeks + 1)));
        QVERIFY(!after.contains(QStringLiteral("/creneau?")));
        QVERIFY(after.contains(QStringLiteral("Aucun créneau disponible cette semaine")));
        // Beyond the two-year horizon the page falls back to the current week.
        QCOMPARE(heading(weekPage(nextMonday.addDays(7 * 110))), thisWeek);
    }

    void prescriberOnPartnerLink()
    {
        HttpClient browser(m_server.url(QString()));
        const qint64 rsa = motifId(browser, QStringLiteral("Accompagnement RSA"));
        const QString slot =
            firstSlot(browser, QStringLiteral("/rdv/mfs-vernon/prescripteur/motif/%1").arg(rsa));
        QVERIFY(!slot.isEmpty());
        // Straight to the prescriber's details.
        Reply page = browser.get(slot);
        QVERIFY(page.text().contains(QStringLiteral("Vos coordonnées de prescripteur")));
        const QString step1 =
            QStringLiteral("/rdv/mfs-vernon/prescripteur/prescripteur-coordonnees");
        Fields f = hiddenFields(page.text(), step1);
        QVERIFY(!f.isEmpty());

        // Without the CSRF token: refused.
        Fields noCsrf = f;
        noCsrf.removeIf([](const auto &p) { return p.first == QStringLiteral("csrf"); });
        QCOMPARE(browser.postForm(step1, noCsrf).status, 403);

        // Wrong e-mail: error summary, error at the field, values kept.
        set(f, QStringLiteral("prescripteur.first_name"), QStringLiteral("Paul"));
        set(f, QStringLiteral("prescripteur.last_name"), QStringLiteral("Mairie"));
        set(f, QStringLiteral("prescripteur.email"), QStringLiteral("paul@"));
        page = browser.postForm(step1, f);
        QCOMPARE(page.status, 422);
        QVERIFY(page.text().contains(QStringLiteral("error-summary")));
        QVERIFY(page.text().contains(QStringLiteral("href=\"#prescripteur-email\"")));
        QVERIFY(page.text().contains(QStringLiteral("value=\"Mairie\"")));
        QVERIFY(page.text().contains(QStringLiteral("aria-invalid=\"true\"")));

        set(f, QStringLiteral("prescripteur.email"), QStringLiteral("paul@mairie.example.fr"));
        page = browser.postForm(step1, f);
        QCOMPARE(page.status, 200);
        QVERIFY(page.text().contains(QStringLiteral("Coordonnées du bénéficiaire")));
        const QString step2 = QStringLiteral("/rdv/mfs-vernon/prescripteur/beneficiaire");
        f = hiddenFields(page.text(), step2);
        set(f, QStringLiteral("usager.first_name"), QStringLiteral("Jo<script>alert(1)</script>"));
        set(f, QStringLiteral("usager.last_name"), QStringLiteral("Dupont"));
        // Neither mobile nor e-mail: the warning must be confirmed.
        set(f, QStringLiteral("usager.phone"), QStringLiteral("02 32 11 22 33"));
        page = browser.postForm(step2, f);
        QCOMPARE(page.status, 422);
        QVERIFY(page.text().contains(QStringLiteral("aucune notification ne sera envoyée")));
        QVERIFY(page.text().contains(QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt;")));
        QVERIFY(!page.text().contains(QStringLiteral("<script>")));
        // Markup is no name: refused next to the field (the value kept, escaped, above).
        QVERIFY(page.text().contains(QStringLiteral("Un nom ne peut contenir que des lettres")));
        set(f, QStringLiteral("usager.first_name"), QStringLiteral("Jo'Anne"));
        set(f, QStringLiteral("usager.acknowledge_no_notification"), QStringLiteral("1"));
        page = browser.postForm(step2, f);
        QCOMPARE(page.status, 200);
        QVERIFY(page.text().contains(QStringLiteral("Confirmer le rendez-vous")));
        const QString confirmUrl = QStringLiteral("/rdv/mfs-vernon/prescripteur/confirmer");
        const Fields confirm = hiddenFields(page.text(), confirmUrl);

        const Reply done = browser.postForm(confirmUrl, confirm);
        QCOMPARE(done.status, 303);
        const QString recapUrl = QString::fromUtf8(done.header("location"));
        QVERIFY(recapUrl.contains(QStringLiteral("/rdv/mfs-vernon/recapitulatif/")));
        QVERIFY(done.header("set-cookie").contains("creneau_prescripteur"));

        const Reply recap = browser.get(recapUrl);
        QCOMPARE(recap.status, 200);
        const QString html = recap.text();
        QVERIFY(html.contains(QStringLiteral("Rendez-vous confirmé")));
        QVERIFY(html.contains(QStringLiteral("Accompagnement RSA")));
        QVERIFY(html.contains(QRegularExpression(QStringLiteral(
            "(lundi|mardi|mercredi|jeudi|vendredi) \\d+ \\S+ 20\\d\\d à \\d\\d:\\d\\d"))));
        QVERIFY(html.contains(QStringLiteral("Jo&#39;Anne")));
        QVERIFY(html.contains(QStringLiteral("paul@mairie.example.fr")));
        QVERIFY(html.contains(QStringLiteral("02 32 00 00 00"))); // organisation contact
        QVERIFY(html.contains(QStringLiteral("Apportez votre dernière attestation")));
        QVERIFY(!html.contains(QStringLiteral("/annuler"))); // no way to cancel for a prescriber
        QVERIFY(!html.contains(QStringLiteral("mon-rdv")));
        const Reply ics = browser.get(recapUrl + QStringLiteral("/rdv.ics"));
        QVERIFY(ics.header("content-type").startsWith("text/calendar"));
        QVERIFY(ics.body.contains("BEGIN:VEVENT"));
        QCOMPARE(browser.get(recapUrl + QStringLiteral("x")).status, 404);

        // Back then confirm again: the créneau is taken now; said plainly, with alternatives.
        const Reply again = browser.postForm(confirmUrl, confirm);
        QCOMPARE(again.status, 409);
        QVERIFY(again.text().contains(QStringLiteral("n'est plus disponible")));
        const QString resume = QStringLiteral("/rdv/mfs-vernon/prescripteur/etape");
        const Fields alternative = hiddenFields(again.text(), resume);
        QVERIFY(!alternative.isEmpty());
        // Choosing one of the nearest créneaux keeps everything typed: straight to confirmation.
        const Reply resumed = browser.postForm(resume, alternative);
        QCOMPARE(resumed.status, 200);
        QVERIFY(resumed.text().contains(QStringLiteral("Confirmer le rendez-vous")));
        QVERIFY(resumed.text().contains(QStringLiteral("Jo&#39;Anne")));

        // The prescriber is remembered for the next booking in this browser.
        const QString other =
            firstSlot(browser, QStringLiteral("/rdv/mfs-vernon/prescripteur/motif/%1").arg(rsa));
        QVERIFY(
            browser.get(other).text().contains(QStringLiteral("value=\"paul@mairie.example.fr\"")));
    }

    void publicLinkOffersTheChoice()
    {
        HttpClient browser(m_server.url(QString()));
        const QString slot = firstSlot(browser, QStringLiteral("/rdv/mfs-vernon/motif/1"));
        const Reply choice = browser.get(slot);
        QVERIFY(choice.text().contains(QStringLiteral("Je prends rendez-vous pour moi")));
        QVERIFY(choice.text().contains(
            QStringLiteral("Je suis un prescripteur qui oriente un bénéficiaire")));
        const QString prescriber = findLink(choice.text(), QStringLiteral("pour=prescripteur"));
        QVERIFY(browser.get(prescriber)
                    .text()
                    .contains(QStringLiteral("Vos coordonnées de prescripteur")));

        // For oneself: usager form, confirmation, private link with cancellation.
        Reply page = browser.get(findLink(choice.text(), QStringLiteral("pour=moi")));
        QVERIFY(page.text().contains(QStringLiteral("Vos coordonnées")));
        const QString step2 = QStringLiteral("/rdv/mfs-vernon/beneficiaire");
        Fields f = hiddenFields(page.text(), step2);
        set(f, QStringLiteral("usager.first_name"), QStringLiteral("Élodie"));
        set(f, QStringLiteral("usager.last_name"), QStringLiteral("Martin"));
        set(f, QStringLiteral("usager.email"), QStringLiteral("elodie@example.fr"));
        page = browser.postForm(step2, f);
        QVERIFY(page.text().contains(QStringLiteral("Confirmer le rendez-vous")));
        const Reply done = browser.postForm(
            QStringLiteral("/rdv/mfs-vernon/confirmer"),
            hiddenFields(page.text(), QStringLiteral("/rdv/mfs-vernon/confirmer")));
        QCOMPARE(done.status, 303);
        const QString mine = QString::fromUtf8(done.header("location"));
        QVERIFY(mine.contains(QStringLiteral("/mon-rdv/")));
        const Reply recap = browser.get(mine);
        QVERIFY(recap.text().contains(QStringLiteral("Annuler ce rendez-vous")));
        const Reply cancelled =
            browser.postForm(mine + QStringLiteral("/annuler"),
                             hiddenFields(recap.text(), mine + QStringLiteral("/annuler")));
        QCOMPARE(cancelled.status, 303);
        QVERIFY(browser.get(QString::fromUtf8(cancelled.header("location")))
                    .text()
                    .contains(QStringLiteral("Rendez-vous annulé")));
    }

    void stopsCleanly() { QCOMPARE(m_server.terminate(), 0); }

private:
    ServerProcess m_server;
};

QTEST_GUILESS_MAIN(TestBookingPages)
#include "tst_booking_pages.moc"
