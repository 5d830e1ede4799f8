// The appointment panel's cancel action asks for a reason and revokes the appointment.
#include "embeddeddesk.h"
#include "prescripteurbooking.h"
#include "ui/rdvpanel.h"

#include <QApplication>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QtTest>

#include "models/rdvrepository.h"

using namespace creneau;

class TestRdvPanelCancel : public QObject
{
    Q_OBJECT
private slots:
    void cancelRevokes();
};

void TestRdvPanelCancel::cancelRevokes()
{
    test::PrescripteurBooking b;
    QVERIFY2(b.outcome.ok(), qPrintable(b.outcome.message));
    test::EmbeddedDesk desk(b.org, b.org.agent.id);
    QVERIFY2(desk.start(), qPrintable(desk.error()));
    ui::AgendaSource &source = desk.source();
    ui::RdvPanel panel(&source);
    panel.setCurrentAgent(b.org.agent.id);
    panel.showRdv(b.outcome.rdv.id);
    panel.show();
    QVERIFY(panel.findChild<QWidget *>(QStringLiteral("prescripteurBox"))->isVisible());
    // Whether and how the usager hears of it: by SMS here (a mobile number, no e-mail).
    const QString notified =
        panel.findChild<QLabel *>(QStringLiteral("usagerNotifiedLabel"))->text();
    QVERIFY2(notified.contains(QStringLiteral("SMS")) && !notified.contains(QStringLiteral("mail")),
             qPrintable(notified));

    bool answered = false;
    QTimer::singleShot(0, this, [&answered] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        dialog->setTextValue(QStringLiteral("Agent malade"));
        dialog->accept();
        answered = true;
    });
    QSignalSpy changed(&panel, &ui::RdvPanel::rdvChanged);
    QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("cancelRdvButton")),
                      Qt::LeftButton);
    QVERIFY(answered);
    QCOMPARE(changed.count(), 1);
    QVERIFY(desk.settle());
    panel.showRdv(b.outcome.rdv.id); // as the main window does when the feed brings changes

    const auto rdv = RdvRepository(*b.org.store).find(b.outcome.rdv.id);
    QVERIFY(rdv);
    QCOMPARE(rdv->status, RdvStatus::Revoked);
    QCOMPARE(rdv->cancelReason, QStringLiteral("Agent malade"));
    QVERIFY(panel.findChild<QLabel *>(QStringLiteral("statusLabel"))
                ->text()
                .contains(QStringLiteral("Agent malade")));
    QVERIFY(!panel.findChild<QPushButton *>(QStringLiteral("seenButton"))->isEnabled());
}

QTEST_MAIN(TestRdvPanelCancel)
#include "tst_rdv_panel_cancel.moc"
