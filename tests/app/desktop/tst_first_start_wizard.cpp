// The first-start assistant, in French, filled page by page as a new user would: the link
// address follows the name, a taken one and a short or common password are refused under their
// fields (the page stays), the lieu can be skipped; its result, applied through
// OrganisationService as the desktop does, gives an organisation whose public page the embedded
// server answers and whose administrator signs in. The last page still offers the demo.
#include "app/desktop/embeddedserver.h"
#include "formtyping.h"
#include "httpclient.h"
#include "models/demodata.h"
#include "models/organisationservice.h"
#include "sync/client/syncclient.h"
#include "translations/translator.h"
#include "ui/agendasource.h"
#include "ui/firststartwizard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTemporaryDir>
#include <QtTest>

#include <limits>

using namespace creneau;
using namespace creneau::test;
using namespace creneau::ui;
using creneau::desktop::EmbeddedServer;

namespace {} // namespace

class TestFirstStartWizard : public QObject
{
    Q_OBJECT
    QTemporaryDir m_taken; // a store that already holds the demo organisation « mfs-vernon »
    std::unique_ptr<Store> m_store;

private slots:
    void initTestCase()
    {
        installTranslations(*QCoreApplication::instance(), QStringLiteral("fr"));
        m_store = Store::open(m_taken.filePath(QStringLiteral("taken.sqlite")));
        m_store->migrate();
        demo::seedSmall(*m_store);
    }

    void fillsEveryPage()
    {
        OrganisationService taken(*m_store);
        FirstStartWizard wizard([&taken](const QString &slug) { return taken.slugTaken(slug); });
        wizard.show();
        QCOMPARE(wizard.currentId(), int(FirstStartWizard::OrganisationPage));
        QWidget &page = *wizard.currentPage();

        // Nothing typed: the name is required, and the page stays.
        wizard.next();
        QCOMPARE(wizard.currentId(), int(FirstStartWizard::OrganisationPage));
        QCOMPARE(errorOf(page, "organisationNameEdit"),
                 QStringLiteral("Ce champ est obligatoire."));

        type(child<QLineEdit>(page, "organisationNameEdit"), QStringLiteral("CCAS de Saint-Lô"));
        auto *slug = child<QLineEdit>(page, "slugEdit");
        QCOMPARE(slug->text(), QStringLiteral("ccas-de-saint-lo"));
        QVERIFY(child<QLabel>(page, "linkPreview")
                    ->text()
                    .endsWith(QStringLiteral("/rdv/ccas-de-saint-lo")));
        type(slug, QStringLiteral("mfs-vernon")); // the demo's
        type(child<QLineEdit>(page, "organisationEmailEdit"),
             QStringLiteral("contact@ccas.example.fr"));
        auto *zone = child<QComboBox>(page, "zoneCombo");
        QCOMPARE(zone->currentData().toString(), QStringLiteral("Europe/Paris"));
        for (const char *name :
             {"La Réunion", "Guyane", "Martinique", "Guadeloupe", "Mayotte",
              "Saint-Pierre-et-Miquelon", "Nouvelle-Calédonie", "Polynésie française"})
            QVERIFY2(zone->findText(QString::fromUtf8(name)) >= 0, name);
        wizard.next();
        QCOMPARE(wizard.currentId(), int(FirstStartWizard::OrganisationPage));
        QCOMPARE(errorOf(page, "slugEdit"), QStringLiteral("Cette adresse est déjà prise."));
        QCOMPARE(child<QLineEdit>(page, "organisationNameEdit")->text(),
                 QStringLiteral("CCAS de Saint-Lô")); // kept
        type(slug, QStringLiteral("ccas-saint-lo"));
        // The name no longer rewrites a slug the user typed.
        typeMore(child<QLineEdit>(page, "organisationNameEdit"), QStringLiteral(" (50)"));
        QCOMPARE(slug->text(), QStringLiteral("ccas-saint-lo"));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(FirstStartWizard::AdminPage));

        QWidget &admin = *wizard.currentPage();
        type(child<QLineEdit>(admin, "firstNameEdit"), QStringLiteral("Inès"));
        type(child<QLineEdit>(admin, "lastNameEdit"), QStringLiteral("Le Goff"));
        type(child<QLineEdit>(admin, "adminEmailEdit"),
             QStringLiteral("ines.legoff@ccas.example.fr"));
        type(child<QLineEdit>(admin, "passwordEdit"), QStringLiteral("court"));
        type(child<QLineEdit>(admin, "confirmEdit"), QStringLiteral("court"));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(FirstStartWizard::AdminPage));
        QCOMPARE(errorOf(admin, "passwordEdit"), QStringLiteral("Au moins 12 caractères."));
        type(child<QLineEdit>(admin, "passwordEdit"), QStringLiteral("azertyuiop123"));
        type(child<QLineEdit>(admin, "confirmEdit"), QStringLiteral("azertyuiop123"));
        wizard.next();
        QVERIFY(errorOf(admin, "passwordEdit").contains(QStringLiteral("courants")));
        const QString password = QStringLiteral("le phare de Granville");
        type(child<QLineEdit>(admin, "passwordEdit"), password);
        type(child<QLineEdit>(admin, "confirmEdit"), QStringLiteral("le phare de granville"));
        wizard.next();
        QCOMPARE(errorOf(admin, "confirmEdit"),
                 QStringLiteral("Les deux mots de passe sont différents."));
        type(child<QLineEdit>(admin, "confirmEdit"), password);
        wizard.next();
        QCOMPARE(wizard.currentId(), int(FirstStartWizard::LieuPage));

        QWidget &lieu = *wizard.currentPage();
        wizard.next(); // a lieu needs a name...
        QCOMPARE(wizard.currentId(), int(FirstStartWizard::LieuPage));
        QVERIFY(!errorOf(lieu, "lieuNameEdit").isEmpty());
        child<QCheckBox>(lieu, "skipLieuCheck")->setChecked(true); // ...unless there is none
        wizard.next();
        QCOMPARE(wizard.currentId(), int(FirstStartWizard::LinkPage));

        QWidget &link = *wizard.currentPage();
        QVERIFY(child<QRadioButton>(link, "thisComputerRadio")->isChecked());
        child<QRadioButton>(link, "publicAddressRadio")->setChecked(true);
        type(child<QLineEdit>(link, "publicUrlEdit"), QStringLiteral("pas une adresse"));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(FirstStartWizard::LinkPage));
        QVERIFY(!errorOf(link, "publicUrlEdit").isEmpty());
        child<QRadioButton>(link, "thisComputerRadio")->setChecked(true);
        wizard.next();
        QCOMPARE(wizard.currentId(), int(FirstStartWizard::FinishPage));
        QVERIFY(!child<QCheckBox>(*wizard.currentPage(), "demoCheck")->isChecked());

        const FirstStartChoice choice = wizard.choice();
        QVERIFY(!choice.demo);
        QVERIFY(!choice.start.lieu);
        QCOMPARE(choice.link.reach, BookingLinkAddress::Reach::ThisComputer);

        // Applied as app/desktop does, on an empty data directory, before the server starts.
        QTemporaryDir data;
        EmbeddedServer server(data.path());
        QVERIFY(server.isFirstRun());
        {
            auto store = Store::open(server.databasePath());
            store->migrate();
            const AdminOutcome out = OrganisationService(*store).createOrganisation(choice.start);
            QVERIFY2(out.ok(), qPrintable(out.fields.values().join(QLatin1Char(' '))));
        }
        QVERIFY(choice.link.save(data.path()));
        QVERIFY(!server.isFirstRun());
        QVERIFY2(server.start(false), qPrintable(server.errorString()));
        HttpClient web(server.localUrl());
        const Reply page1 = web.get(QStringLiteral("/rdv/ccas-saint-lo"));
        QCOMPARE(page1.status, 200);
        QVERIFY(page1.text().contains(QStringLiteral("CCAS de Saint-Lô (50)")));
        const Reply signIn =
            web.postJson(QStringLiteral("/api/v1/agent/session"),
                         QJsonDocument(QJsonObject{{QStringLiteral("email"),
                                                    QStringLiteral("ines.legoff@ccas.example.fr")},
                                                   {QStringLiteral("password"), password}})
                             .toJson());
        QCOMPARE(signIn.status, 200);
        // The desktop opens on the new organisation, signed in through the one path (its
        // agenda is empty).
        QTemporaryDir cache;
        client::SyncClient client(cache.path());
        client.login(QUrl(server.localUrl()), QStringLiteral("ines.legoff@ccas.example.fr"),
                     password);
        QTRY_COMPARE_WITH_TIMEOUT(client.status(), client::SyncClient::Status::Online, 10000);
        AgendaSource source(&client);
        QTRY_COMPARE_WITH_TIMEOUT(source.organisation().slug, QStringLiteral("ccas-saint-lo"),
                                  10000);
        QCOMPARE(source.organisation().timeZone, QStringLiteral("Europe/Paris"));
        QVERIFY(source.rdvsBetween(0, std::numeric_limits<qint64>::max()).isEmpty());
    }

    void demoInstead()
    {
        FirstStartWizard wizard({});
        wizard.show();
        // The demo is offered on the last page only, once every page was filled.
        QVERIFY(wizard.findChild<QCheckBox *>(QStringLiteral("demoCheck")));
        wizard.findChild<QCheckBox *>(QStringLiteral("demoCheck"))->setChecked(true);
        QVERIFY(wizard.choice().demo);
    }
};

QTEST_MAIN(TestFirstStartWizard)
#include "tst_first_start_wizard.moc"
