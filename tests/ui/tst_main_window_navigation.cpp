// The main window's navigation: week and day views, previous/next and today by button and by
// shortcut, the date picker, the agent and lieu filters, and the links it shares.
#include "embeddeddesk.h"
#include "models/organisationservice.h"
#include "prescripteurbooking.h"
#include "ui/mainwindow.h"

#include <QComboBox>
#include <QDateEdit>
#include <QToolButton>
#include <QtTest>

using namespace creneau;

class TestMainWindowNavigation : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void navigates();
};

void TestMainWindowNavigation::navigates()
{
    test::PrescripteurBooking b;
    QVERIFY2(b.outcome.ok(), qPrintable(b.outcome.message));
    const Agent other = b.org.addAgent(QStringLiteral("Petit"));
    const Lieu annexe = b.org.addLieu(QStringLiteral("Annexe")); // for the second window
    test::EmbeddedDesk desk(b.org, b.org.agent.id);
    QVERIFY2(desk.start(), qPrintable(desk.error()));
    ui::AgendaSource &source = desk.source();
    ui::MainWindow window(&source, QStringLiteral("http://127.0.0.1:1234"));
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));

    QCOMPARE(window.partnerLink(), QStringLiteral("http://127.0.0.1:1234/rdv/test/prescripteur"));
    QCOMPARE(window.publicLink(), QStringLiteral("http://127.0.0.1:1234/rdv/test"));
    // Once an administrator gives the organisation its public address (its reverse proxy), that
    // is what « Partager » hands partners, as soon as the change reaches the desktop.
    {
        OrganisationService service(*b.org.store);
        OrganisationSettings settings = service.settings(b.org.org.id);
        settings.publicUrl = QStringLiteral("https://rdv.example.fr/");
        Agent admin = b.org.agent;
        admin.role = AgentRole::Admin;
        const AdminOutcome saved = service.saveOrganisation(admin, settings);
        QVERIFY2(saved.ok(), qPrintable(saved.message));
        QTRY_COMPARE_WITH_TIMEOUT(window.partnerLink(),
                                  QStringLiteral("https://rdv.example.fr/rdv/test/prescripteur"),
                                  15000);
        QCOMPARE(window.publicLink(), QStringLiteral("https://rdv.example.fr/rdv/test"));
    }

    window.findChild<QToolButton *>(QStringLiteral("weekViewButton"))->click();
    const QDate today = QDate::currentDate();
    const QDate monday = today.addDays(1 - today.dayOfWeek());
    QCOMPARE(window.model()->from(), monday);
    QCOMPARE(window.model()->to(), monday.addDays(5));

    QTest::keyClick(&window, Qt::Key_Right, Qt::AltModifier);
    QCOMPARE(window.model()->from(), monday.addDays(7));
    QTest::keyClick(&window, Qt::Key_Left, Qt::AltModifier);
    QTest::keyClick(&window, Qt::Key_Left, Qt::AltModifier);
    QCOMPARE(window.model()->from(), monday.addDays(-7));
    QTest::keyClick(&window, Qt::Key_T, Qt::ControlModifier);
    QCOMPARE(window.currentDate(), today);

    const QDate rdvDay =
        QDateTime::fromSecsSinceEpoch(b.outcome.rdv.startsAt, source.timeZone()).date();
    window.findChild<QDateEdit *>(QStringLiteral("dateEdit"))->setDate(rdvDay);
    window.findChild<QToolButton *>(QStringLiteral("dayViewButton"))->click();
    QCOMPARE(window.agendaView()->mode(), ui::AgendaView::Mode::Day);
    QCOMPARE(window.model()->from(), rdvDay);
    QCOMPARE(window.model()->to(), rdvDay);
    QCOMPARE(window.model()->rowCount(), 1);
    QCOMPARE(window.model()->agents().size(), 2); // side by side in the day view
    QVERIFY(!window.agendaView()->rectOfRdv(b.outcome.rdv.id).isEmpty());
    window.agendaView()->setFocus();
    QTest::keyClick(window.agendaView(), Qt::Key_Down);
    QCOMPARE(window.panel()->rdvId(), b.outcome.rdv.id);
    QTest::keyClick(&window, Qt::Key_Right, Qt::AltModifier);
    QCOMPARE(window.model()->from(), rdvDay.addDays(1));
    QTest::keyClick(&window, Qt::Key_Left, Qt::AltModifier);

    auto *filter = window.findChild<QComboBox *>(QStringLiteral("agentFilterCombo"));
    QCOMPARE(filter->itemText(0), QStringLiteral("All agents"));
    filter->setCurrentIndex(filter->findData(other.id));
    QCOMPARE(window.model()->rowCount(), 0);
    filter->setCurrentIndex(filter->findData(b.org.agent.id));
    QCOMPARE(window.model()->rowCount(), 1);

    ui::MainWindow second(&source, QString());
    second.setCurrentDate(rdvDay);
    auto *lieux = second.findChild<QComboBox *>(QStringLiteral("lieuFilterCombo"));
    QCOMPARE(lieux->count(), 3); // all, Accueil, Annexe
    QCOMPARE(second.model()->rowCount(), 1);
    lieux->setCurrentIndex(lieux->findData(annexe.id));
    QCOMPARE(second.model()->rowCount(), 0);
    QVERIFY(second.model()->openings().isEmpty());
    lieux->setCurrentIndex(lieux->findData(b.org.lieu.id));
    QCOMPARE(second.model()->rowCount(), 1);
}

QTEST_MAIN(TestMainWindowNavigation)
#include "tst_main_window_navigation.moc"
