// The public booking pages walked over HTTP like a browser: both links, the prescriber's path to
// the recap, the usager's private link, and every error path (CSRF, fields, taken créneau).
#include "demoflow.h"
#include "httpclient.h"
#include "publicclient.h"
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

// Post/Redirect/Get: a step's form is answered 303 to the GET of the next step, which shows it
// again unchanged when reloaded (Reload and Back never post).
Reply postStep(HttpClient &browser, const QString &path, const Fields &fields)
{
    const Reply posted = browser.postForm(path, fields);
    if (posted.status != 303)
        return posted;
    const QString next = QString::fromUtf8(posted.header("location"));
    if (!next.contains(QStringLiteral("/etape?e=")))
        return posted;
    const Reply page = browser.get(next);
    const Reply reloaded = browser.get(next);
    if (reloaded.status != page.status || reloaded.text() != page.text())
        return Reply{}; // status 0: the test fails on it
    return page;
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
        page = postStep(browser, step1, f);
        QCOMPARE(page.status, 422);
        QVERIFY(page.text().contains(QStringLiteral("error-summary")));
        QVERIFY(page.text().contains(QStringLiteral("href=\"#prescripteur-email\"")));
        QVERIFY(page.text().contains(QStringLiteral("value=\"Mairie\"")));
        QVERIFY(page.text().contains(QStringLiteral("aria-invalid=\"true\"")));

        set(f, QStringLiteral("prescripteur.email"), QStringLiteral("paul@mairie.example.fr"));
        page = postStep(browser, step1, f);
        QCOMPARE(page.status, 200);
        QVERIFY(page.text().contains(QStringLiteral("Coordonnées du bénéficiaire")));
        const QString step2 = QStringLiteral("/rdv/mfs-vernon/prescripteur/beneficiaire");
        f = hiddenFields(page.text(), step2);
        set(f, QStringLiteral("usager.first_name"), QStringLiteral("Jo<script>alert(1)</script>"));
        set(f, QStringLiteral("usager.last_name"), QStringLiteral("Dupont"));
        // Neither mobile nor e-mail: the warning must be confirmed.
        set(f, QStringLiteral("usager.phone"), QStringLiteral("02 32 11 22 33"));
        page = postStep(browser, step2, f);
        QCOMPARE(page.status, 422);
        QVERIFY(page.text().contains(QStringLiteral("aucune notification ne sera envoyée")));
        QVERIFY(page.text().contains(QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt;")));
        QVERIFY(!page.text().contains(QStringLiteral("<script>")));
        // Markup is no name: refused next to the field (the value kept, escaped, above).
        QVERIFY(page.text().contains(QStringLiteral("Un nom ne peut contenir que des lettres")));
        set(f, QStringLiteral("usager.first_name"), QStringLiteral("Jo'Anne"));
        set(f, QStringLiteral("usager.acknowledge_no_notification"), QStringLiteral("1"));
        page = postStep(browser, step2, f);
        QCOMPARE(page.status, 200);
        QVERIFY(page.text().contains(QStringLiteral("Confirmer le rendez-vous")));
        const QString confirmUrl = QStringLiteral("/rdv/mfs-vernon/prescripteur/confirmer");
        const QString resume = QStringLiteral("/rdv/mfs-vernon/prescripteur/etape");

        // « Modifier » on each block: back to that step, every value kept.
        Fields modify = hiddenFields(page.text(), resume);
        QVERIFY(!modify.isEmpty());
        set(modify, QStringLiteral("modifier"), QStringLiteral("usager"));
        Reply back = postStep(browser, resume, modify);
        QCOMPARE(back.status, 200);
        QVERIFY(back.text().contains(QStringLiteral("Coordonnées du bénéficiaire")));
        QVERIFY(back.text().contains(QStringLiteral("value=\"Dupont\"")));
        QVERIFY(back.text().contains(QStringLiteral("value=\"02 32 11 22 33\"")));
        set(modify, QStringLiteral("modifier"), QStringLiteral("prescripteur"));
        back = postStep(browser, resume, modify);
        QVERIFY(back.text().contains(QStringLiteral("Vos coordonnées de prescripteur")));
        QVERIFY(back.text().contains(QStringLiteral("value=\"paul@mairie.example.fr\"")));
        set(modify, QStringLiteral("modifier"), QStringLiteral("creneau"));
        back = postStep(browser, resume, modify);
        QCOMPARE(back.status, 200);
        QVERIFY(back.text().contains(QStringLiteral("Choisir un autre créneau")));
        // « Garder ce créneau »: the confirmation again, nothing lost.
        back = postStep(browser, resume, hiddenFields(back.text(), resume));
        QVERIFY(back.text().contains(QStringLiteral("Confirmer le rendez-vous")));
        QVERIFY(back.text().contains(QStringLiteral("Jo&#39;Anne")));
        // The full list of créneaux from there keeps the values too; a fresh visit does not.
        set(modify, QStringLiteral("modifier"), QStringLiteral("creneau"));
        back = postStep(browser, resume, modify);
        const QString all = findLink(back.text(), QStringLiteral("suite=1"));
        QVERIFY(!all.isEmpty());
        const QString otherSlot = firstSlot(browser, all);
        QVERIFY2(otherSlot.contains(QStringLiteral("&suite=1")), qPrintable(otherSlot));
        const Reply kept = browser.get(otherSlot);
        QVERIFY(kept.text().contains(QStringLiteral("Confirmer le rendez-vous")));
        QVERIFY(kept.text().contains(QStringLiteral("Jo&#39;Anne")));
        QVERIFY(!browser.get(QString(otherSlot).remove(QStringLiteral("&suite=1")))
                     .text()
                     .contains(QStringLiteral("Jo&#39;Anne")));
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
            "(lundi|mardi|mercredi|jeudi|vendredi) \\d+ \\S+ 20\\d\\d à \\d{1,2}\\x{00A0}h"))));
        // What was sent to whom; the header names the organisation.
        QVERIFY(html.contains(QStringLiteral(
            "Un e-mail de confirmation vous a été envoyé à paul@mairie.example.fr")));
        QVERIFY(html.contains(QStringLiteral("ne recevra aucune notification")));
        QVERIFY(html.contains(
            QStringLiteral("<p class=\"site-name\">Maison France Services de Vernon</p>")));
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
        const Reply again = postStep(browser, confirmUrl, confirm);
        QCOMPARE(again.status, 409);
        QVERIFY(again.text().contains(QStringLiteral("n'est plus disponible")));
        const Fields alternative = hiddenFields(again.text(), resume);
        QVERIFY(!alternative.isEmpty());
        // Choosing one of the nearest créneaux keeps everything typed: straight to confirmation.
        const Reply resumed = postStep(browser, resume, alternative);
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
        // Two weeks ahead: a créneau of this morning could no longer be cancelled online.
        const QDate later = QDate::currentDate().addDays(14);
        const QString slot =
            firstSlot(browser, QStringLiteral("/rdv/mfs-vernon/motif/1?semaine=") +
                                   later.addDays(1 - later.dayOfWeek()).toString(Qt::ISODate));
        QVERIFY(!slot.isEmpty());
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
        page = postStep(browser, step2, f);
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

    // A usager booked by a prescriber gets their own private link by SMS (never the prescriber),
    // and with it moves the appointment to another créneau of the same motif and lieu, then
    // cancels it.
    void prescribedUsagerMovesThenCancels()
    {
        HttpClient browser(m_server.url(QString()));
        const qint64 rsa = motifId(browser, QStringLiteral("Accompagnement RSA"));
        // Two weeks ahead: far enough for the reminder (48 hours before) to be queued.
        const QDate later = QDate::currentDate().addDays(14);
        const QString slot = firstSlot(
            browser, QStringLiteral("/rdv/mfs-vernon/prescripteur/motif/%1?semaine=").arg(rsa) +
                         later.addDays(1 - later.dayOfWeek()).toString(Qt::ISODate));
        QVERIFY(!slot.isEmpty());
        Reply page = browser.get(slot);
        const QString base = QStringLiteral("/rdv/mfs-vernon/prescripteur");
        Fields f = hiddenFields(page.text(), base + QStringLiteral("/prescripteur-coordonnees"));
        set(f, QStringLiteral("prescripteur.first_name"), QStringLiteral("Nina"));
        set(f, QStringLiteral("prescripteur.last_name"), QStringLiteral("Roux"));
        set(f, QStringLiteral("prescripteur.email"), QStringLiteral("nina@mairie.example.fr"));
        page = postStep(browser, base + QStringLiteral("/prescripteur-coordonnees"), f);
        f = hiddenFields(page.text(), base + QStringLiteral("/beneficiaire"));
        set(f, QStringLiteral("usager.first_name"), QStringLiteral("Amina"));
        set(f, QStringLiteral("usager.last_name"), QStringLiteral("Diallo"));
        set(f, QStringLiteral("usager.birth_date"), QStringLiteral("14/03/1980")); // typed
        set(f, QStringLiteral("usager.phone"), QStringLiteral("06 55 44 33 22"));
        page = postStep(browser, base + QStringLiteral("/beneficiaire"), f);
        QCOMPARE(page.status, 200);
        QVERIFY(page.text().contains(QStringLiteral("née le 14/03/1980")) ||
                page.text().contains(QStringLiteral("né(e) le 14/03/1980")));
        const Reply done =
            browser.postForm(base + QStringLiteral("/confirmer"),
                             hiddenFields(page.text(), base + QStringLiteral("/confirmer")));
        QCOMPARE(done.status, 303);
        const QString recapUrl = QString::fromUtf8(done.header("location"));
        QVERIFY(recapUrl.contains(QStringLiteral("/recapitulatif/")));
        const QString recap = browser.get(recapUrl).text();
        QVERIFY(recap.contains(QStringLiteral("recevra un SMS au 06 55 44 33 22")));
        QVERIFY(recap.contains(QStringLiteral("Un rappel lui sera envoyé le")));
        QVERIFY(!recap.contains(QStringLiteral("mon-rdv")));

        // The link, from the usager's SMS.
        static const QRegularExpression linkIn(
            QStringLiteral("Infos et annulation : \\S+(/rdv/mfs-vernon/mon-rdv/[A-Za-z0-9_-]+)"));
        QString mine;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const OutboxFile &m : outboxFiles(m_server.dataDir()))
                    if (m.recipient.endsWith(QStringLiteral("655443322")) ||
                        m.recipient.contains(QStringLiteral("06 55 44 33 22")))
                        if (const auto match = linkIn.match(m.text); match.hasMatch())
                            mine = match.captured(1);
                return !mine.isEmpty();
            }(),
            10000);
        const Reply own = browser.get(mine);
        QCOMPARE(own.status, 200);
        QVERIFY(own.text().contains(QStringLiteral("Annuler ce rendez-vous")));
        const QString moveUrl = findLink(own.text(), QStringLiteral("/deplacer"));
        QCOMPARE(moveUrl, mine + QStringLiteral("/deplacer"));
        Reply choices = browser.get(moveUrl);
        QCOMPARE(choices.status, 200);
        // A créneau far enough ahead to be cancelled online afterwards (the organisation's delay
        // is hours): early in the morning, today's first créneaux are too close.
        const auto farEnough = [](const QString &html) {
            static const QRegularExpression debut(
                QStringLiteral("name=\"debut\" value=\"(\\d+)\""));
            const qint64 after = QDateTime::currentSecsSinceEpoch() + 12 * 3600;
            for (const QRegularExpressionMatch &m : debut.globalMatch(html))
                if (m.captured(1).toLongLong() > after)
                    return m.captured(1);
            return QString();
        };
        QString farDebut = farEnough(choices.text());
        for (QDate monday = QDate::currentDate().addDays(1 - QDate::currentDate().dayOfWeek());
             farDebut.isEmpty() && monday < QDate::currentDate().addDays(60);) {
            monday = monday.addDays(7);
            choices =
                browser.get(moveUrl + QStringLiteral("?semaine=") + monday.toString(Qt::ISODate));
            farDebut = farEnough(choices.text());
        }
        QVERIFY(!farDebut.isEmpty());
        Fields other = hiddenFields(choices.text(), moveUrl);
        QVERIFY(!other.isEmpty());
        set(other, QStringLiteral("debut"), farDebut);
        // A créneau that is not free: back to the list, the appointment kept.
        Fields nowhere = other;
        set(nowhere, QStringLiteral("debut"), QStringLiteral("1000"));
        const Reply refused = browser.postForm(moveUrl, nowhere);
        QCOMPARE(refused.status, 303);
        QVERIFY(browser.get(QString::fromUtf8(refused.header("location")))
                    .text()
                    .contains(QStringLiteral("Ce créneau n'est plus disponible")));
        const Reply moved = browser.postForm(moveUrl, other);
        QCOMPARE(moved.status, 303);
        const Reply after = browser.get(QString::fromUtf8(moved.header("location")));
        QVERIFY(after.text().contains(QStringLiteral("Votre rendez-vous a bien été déplacé")));
        // Without the CSRF token nothing moves.
        Fields noCsrf = other;
        noCsrf.removeIf([](const auto &p) { return p.first == QStringLiteral("csrf"); });
        QCOMPARE(browser.postForm(moveUrl, noCsrf).status, 403);

        const Reply cancelled =
            browser.postForm(mine + QStringLiteral("/annuler"),
                             hiddenFields(after.text(), mine + QStringLiteral("/annuler")));
        QCOMPARE(cancelled.status, 303);
        QVERIFY(browser.get(QString::fromUtf8(cancelled.header("location")))
                    .text()
                    .contains(QStringLiteral("Rendez-vous annulé")));
        // Once cancelled, no more moving.
        QCOMPARE(browser.get(moveUrl).status, 404);
    }

    void stopsCleanly() { QCOMPARE(m_server.terminate(), 0); }

private:
    ServerProcess m_server;
};

QTEST_GUILESS_MAIN(TestBookingPages)
#include "tst_booking_pages.moc"
