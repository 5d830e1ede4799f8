// « Administration › Organisation… », « Agents… » and « Mes préférences… » against a real
// creneau-server (no SMTP: new agents need an initial password), signed in as the demo
// administrator, in French: refusals show under their fields with the values kept, changes reach
// the public page at once, the last administrator cannot step down, an agent added with an
// initial password signs in and must change it, archived they cannot.
#include "agentapiclient.h"
#include "agentserverprocess.h"
#include "formtyping.h"
#include "models/demodata.h"
#include "translations/translator.h"
#include "ui/agentsdialog.h"
#include "ui/calendarsettingsdialog.h"
#include "ui/organisationdialog.h"
#include "ui/preferencesdialog.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QtTest>

using namespace creneau;
using namespace creneau::test;
using namespace creneau::ui;

namespace {

const QString kAgentEmail = QStringLiteral("lea.nouvelle@mfs-vernon.example.fr");
const QString kInitial = QStringLiteral("provisoire vernon 2027");

} // namespace

class TestAdminDialogs : public QObject
{
    Q_OBJECT
    AgentServerProcess m_server;
    QString m_token;

    QJsonObject administration()
    {
        AgentApiClient api(m_server.url());
        api.token = m_token;
        return AgentApiClient::json(api.call("GET", QStringLiteral("/api/v1/agent/organisation")));
    }

private slots:
    void initTestCase()
    {
        installTranslations(*QCoreApplication::instance(), QStringLiteral("fr"));
        QVERIFY2(m_server.start(), qPrintable(m_server.output()));
        AgentApiClient api(m_server.url());
        QCOMPARE(api.login(QString::fromLatin1(demo::kAdminEmail),
                           QString::fromLatin1(demo::kAdminPassword)),
                 200);
        m_token = api.token;
    }

    void organisationDialog()
    {
        OrganisationDialog dialog(m_server.url(), m_token);
        dialog.show();
        QTRY_VERIFY(!dialog.isBusy());
        auto *name = child<QLineEdit>(dialog, "nameEdit");
        QVERIFY(!name->text().isEmpty());
        QCOMPARE(child<QSpinBox>(dialog, "reminderSpin")->value(), 48);

        type(name, QString());
        type(child<QLineEdit>(dialog, "replyToEdit"), QStringLiteral("pas-une-adresse"));
        QSignalSpy done(&dialog, &OrganisationDialog::requestFinished);
        QTest::mouseClick(child<QPushButton>(dialog, "saveButton"), Qt::LeftButton);
        QVERIFY(done.wait(20000));
        QCOMPARE(done.takeFirst().first().toBool(), false);
        QCOMPARE(errorOf(dialog, "nameEdit"), QStringLiteral("Ce champ est obligatoire."));
        QVERIFY(!errorOf(dialog, "replyToEdit").isEmpty());
        QCOMPARE(child<QLineEdit>(dialog, "replyToEdit")->text(),
                 QStringLiteral("pas-une-adresse")); // kept as typed

        type(name, QStringLiteral("Espace France Services de Vernon"));
        type(child<QLineEdit>(dialog, "replyToEdit"), QStringLiteral("accueil@vernon.example.fr"));
        auto *zone = child<QComboBox>(dialog, "zoneCombo");
        zone->setCurrentIndex(zone->findText(QStringLiteral("Guyane")));
        QVERIFY(zone->currentIndex() > 0);
        child<QSpinBox>(dialog, "reminderSpin")->setValue(24);
        QTest::mouseClick(child<QPushButton>(dialog, "saveButton"), Qt::LeftButton);
        QVERIFY(done.wait(20000));
        QCOMPARE(done.takeFirst().first().toBool(), true);
        QVERIFY(errorOf(dialog, "nameEdit").isEmpty());

        const QJsonObject org = administration()[QLatin1String("organisation")].toObject();
        QCOMPARE(org[QLatin1String("time_zone")].toString(), QStringLiteral("America/Cayenne"));
        QCOMPARE(org[QLatin1String("reminder_hours")].toInt(), 24);
        HttpClient web(m_server.url().toString(QUrl::StripTrailingSlash));
        const Reply page = web.get(QStringLiteral("/rdv/") + org[QLatin1String("slug")].toString());
        QCOMPARE(page.status, 200);
        QVERIFY(page.text().contains(QStringLiteral("Espace France Services de Vernon")));
    }

    void agentsDialog()
    {
        AgentsDialog dialog(m_server.url(), m_token);
        dialog.show();
        QTRY_VERIFY(!dialog.isBusy());
        auto *table = child<QTableWidget>(dialog, "agentsTable");
        const int before = table->rowCount();
        QVERIFY(before >= 3);

        QSignalSpy done(&dialog, &AgentsDialog::requestFinished);
        type(child<QLineEdit>(dialog, "firstNameEdit"), QStringLiteral("Léa"));
        type(child<QLineEdit>(dialog, "lastNameEdit"), QStringLiteral("Nouvelle"));
        type(child<QLineEdit>(dialog, "emailEdit"), kAgentEmail);
        // No e-mail delivery on this server: an initial password is needed.
        QTest::mouseClick(child<QPushButton>(dialog, "addButton"), Qt::LeftButton);
        QVERIFY(done.wait(20000));
        QCOMPARE(done.takeFirst().first().toBool(), false);
        QVERIFY2(errorOf(dialog, "initialPasswordEdit").contains(QStringLiteral("mot de passe")),
                 qPrintable(errorOf(dialog, "initialPasswordEdit")));
        type(child<QLineEdit>(dialog, "initialPasswordEdit"), QStringLiteral("court"));
        QTest::mouseClick(child<QPushButton>(dialog, "addButton"), Qt::LeftButton);
        QVERIFY(done.wait(20000));
        QCOMPARE(done.takeFirst().first().toBool(), false);
        QCOMPARE(errorOf(dialog, "initialPasswordEdit"), QStringLiteral("Au moins 12 caractères."));
        QCOMPARE(child<QLineEdit>(dialog, "emailEdit")->text(), kAgentEmail); // kept

        type(child<QLineEdit>(dialog, "initialPasswordEdit"), kInitial);
        QTest::mouseClick(child<QPushButton>(dialog, "addButton"), Qt::LeftButton);
        QVERIFY(done.wait(20000));
        QTRY_COMPARE(table->rowCount(), before + 1);
        QVERIFY(child<QLineEdit>(dialog, "emailEdit")->text().isEmpty());

        // The new agent signs in with the initial password, to be changed.
        AgentApiClient lea(m_server.url());
        Reply r = lea.call("POST", QStringLiteral("/api/v1/agent/session"),
                           {{"email", kAgentEmail}, {"password", kInitial}});
        QCOMPARE(r.status, 200);
        QVERIFY(AgentApiClient::json(r)[QLatin1String("must_change_password")].toBool());
        lea.token = AgentApiClient::json(r)[QLatin1String("token")].toString();
        {
            // Her preferences open asking for her own password; nothing else is allowed yet.
            PreferencesDialog mine(m_server.url(), lea.token);
            mine.show();
            QTRY_VERIFY(!mine.isBusy());
            QVERIFY2(child<QLabel>(mine, "statusLabel")
                         ->text()
                         .contains(QStringLiteral("fixé par un administrateur")),
                     qPrintable(child<QLabel>(mine, "statusLabel")->text()));
            QSignalSpy refused(&mine, &PreferencesDialog::requestFinished);
            mine.saveNotificationLevel();
            QVERIFY(refused.wait(20000));
            QCOMPARE(refused.first().first().toBool(), false);
            QVERIFY(
                child<QLabel>(mine, "statusLabel")->text().contains(QStringLiteral("provisoire")));
        }

        // The demo administrator is the last one: no stepping down.
        const qint64 me = administration()[QLatin1String("me")].toInteger();
        done.clear();
        dialog.setRole(me, false);
        QVERIFY(done.wait(20000));
        QCOMPARE(done.takeFirst().first().toBool(), false);
        QVERIFY2(child<QLabel>(dialog, "statusLabel")
                     ->text()
                     .contains(QStringLiteral("dernier administrateur")),
                 qPrintable(child<QLabel>(dialog, "statusLabel")->text()));

        qint64 leaId = 0;
        for (const QJsonValue &v : administration()[QLatin1String("agents")].toArray())
            if (v[QLatin1String("email")].toString() == kAgentEmail)
                leaId = v[QLatin1String("id")].toInteger();
        QVERIFY(leaId);
        dialog.archive(leaId);
        QVERIFY(done.wait(20000));
        QCOMPARE(done.takeFirst().first().toBool(), true);
        QCOMPARE(lea.call("GET", QStringLiteral("/api/v1/agent/session")).status, 401);
        bool archivedShown = false;
        for (int row = 0; row < table->rowCount(); ++row)
            archivedShown |= table->item(row, 1)->text() == kAgentEmail &&
                             table->item(row, 2)->text() == QStringLiteral("Archivé");
        QVERIFY(archivedShown);
    }

    void preferencesDialog()
    {
        PreferencesDialog dialog(m_server.url(), m_token);
        dialog.show();
        QTRY_VERIFY(!dialog.isBusy());
        QCOMPARE(dialog.notificationLevel(), QStringLiteral("all"));
        // The existing external calendar dialog, with this session.
        QTest::mouseClick(child<QPushButton>(dialog, "calendarButton"), Qt::LeftButton);
        auto *calendar = dialog.findChild<CalendarSettingsDialog *>();
        QVERIFY(calendar);
        QTRY_VERIFY(!calendar->isBusy());
        calendar->close();
        QSignalSpy done(&dialog, &PreferencesDialog::requestFinished);
        child<QRadioButton>(dialog, "level_soon")->setChecked(true);
        QTest::mouseClick(child<QPushButton>(dialog, "saveLevelButton"), Qt::LeftButton);
        QVERIFY(done.wait(20000));
        QCOMPARE(done.takeFirst().first().toBool(), true);
        const qint64 me = administration()[QLatin1String("me")].toInteger();
        for (const QJsonValue &v : administration()[QLatin1String("agents")].toArray())
            if (v[QLatin1String("id")].toInteger() == me)
                QCOMPARE(v[QLatin1String("notification_level")].toString(), QStringLiteral("soon"));

        // Typed twice, differently: said at once, nothing sent.
        type(child<QLineEdit>(dialog, "currentPasswordEdit"),
             QString::fromLatin1(demo::kAdminPassword));
        type(child<QLineEdit>(dialog, "newPasswordEdit"),
             QStringLiteral("une phrase assez longue"));
        type(child<QLineEdit>(dialog, "confirmPasswordEdit"), QStringLiteral("une autre phrase"));
        QTest::mouseClick(child<QPushButton>(dialog, "changePasswordButton"), Qt::LeftButton);
        QCOMPARE(errorOf(dialog, "confirmPasswordEdit"),
                 QStringLiteral("Les deux mots de passe sont différents."));
        // A common one: the server's message under the field.
        type(child<QLineEdit>(dialog, "newPasswordEdit"), QStringLiteral("motdepasse1234"));
        type(child<QLineEdit>(dialog, "confirmPasswordEdit"), QStringLiteral("motdepasse1234"));
        done.clear();
        QTest::mouseClick(child<QPushButton>(dialog, "changePasswordButton"), Qt::LeftButton);
        QVERIFY(done.wait(20000));
        QCOMPARE(done.takeFirst().first().toBool(), false);
        QVERIFY2(errorOf(dialog, "newPasswordEdit").contains(QStringLiteral("courants")),
                 qPrintable(errorOf(dialog, "newPasswordEdit")));

        const QString fresh = QStringLiteral("une phrase assez longue");
        type(child<QLineEdit>(dialog, "newPasswordEdit"), fresh);
        type(child<QLineEdit>(dialog, "confirmPasswordEdit"), fresh);
        QSignalSpy changed(&dialog, &PreferencesDialog::passwordChanged);
        QTest::mouseClick(child<QPushButton>(dialog, "changePasswordButton"), Qt::LeftButton);
        QVERIFY(done.wait(20000));
        QCOMPARE(done.takeFirst().first().toBool(), true);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(1).toString(), fresh);
        // The old session ended; the dialog signed in again and still works.
        AgentApiClient old(m_server.url());
        old.token = m_token;
        QCOMPARE(old.call("GET", QStringLiteral("/api/v1/agent/session")).status, 401);
        QTest::mouseClick(child<QPushButton>(dialog, "saveLevelButton"), Qt::LeftButton);
        QVERIFY(done.wait(20000));
        QCOMPARE(done.takeFirst().first().toBool(), true);
    }
};

QTEST_MAIN(TestAdminDialogs)
#include "tst_admin_dialogs.moc"
