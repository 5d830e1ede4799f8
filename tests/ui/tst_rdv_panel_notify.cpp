// Cancelling from the appointment panel of the desktop notifies the usager: the command reaches the
// server (in this process, over loopback), whose BookingService queues the cancellation notice
// in the outbox with the change and, with no SMTP nor SMS gateway configured, its delivery worker
// writes it to <data>/outbox/.
#include "embeddeddesk.h"
#include "models/sql.h"
#include "prescripteurbooking.h"
#include "sync/notify/notificationservice.h"
#include "sync/server/serverapplication.h"
#include "ui/rdvpanel.h"

#include <QApplication>
#include <QInputDialog>
#include <QPushButton>
#include <QtTest>

using namespace creneau;

class TestRdvPanelNotify : public QObject
{
    Q_OBJECT
private slots:
    void cancelNotifiesTheUsager();
};

void TestRdvPanelNotify::cancelNotifiesTheUsager()
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

    QTimer::singleShot(0, this, [] {
        if (auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget())) {
            QVERIFY(dialog->labelText().contains(QStringLiteral("usager")));
            dialog->setTextValue(QStringLiteral("Agent malade"));
            dialog->accept();
        }
    });
    QSignalSpy idle(&desk.server()->notifications()->worker(), &notify::DeliveryWorker::idle);
    QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("cancelRdvButton")),
                      Qt::LeftButton);
    QVERIFY(desk.settle());

    // The usager gave a mobile number only: an SMS, queued with the cancellation.
    const QVariant rows = sql::scalar(
        b.org.store->db(),
        QStringLiteral("SELECT COUNT(*) FROM outbox WHERE purpose = 'cancelled' AND rdv_id = ? "
                       "AND kind = 'sms'"),
        {b.outcome.rdv.id});
    QCOMPARE(rows.toInt(), 1);
    // The server's worker was kicked: the message leaves without waiting for its timer.
    QVERIFY(idle.wait(5000) || !idle.isEmpty());
    const QDir outbox(QDir(b.org.dir.path()).filePath(QStringLiteral("outbox")));
    QTRY_COMPARE_WITH_TIMEOUT(outbox.entryList({QStringLiteral("*.sms")}, QDir::Files).size(), 1,
                              5000);
    QFile sms(outbox.filePath(outbox.entryList({QStringLiteral("*.sms")}, QDir::Files).first()));
    QVERIFY(sms.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(sms.readAll()).contains(QStringLiteral("annul")));
}

QTEST_MAIN(TestRdvPanelNotify)
#include "tst_rdv_panel_notify.moc"
