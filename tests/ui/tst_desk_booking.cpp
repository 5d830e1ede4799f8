// Booking at the desk: the agent finds a usager by name or birth date (or creates one) and books
// any motif as CreatedBy::Agent; the usagers list shows their appointments; the panel moves one.
#include "embeddeddesk.h"
#include "models/rdvrepository.h"
#include "prescripteurbooking.h"
#include "ui/mainwindow.h"
#include "ui/newrdvdialog.h"
#include "ui/rdvpanel.h"
#include "ui/usagersdialog.h"
#include "ui/usagersearch.h"

#include <QApplication>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QtTest>

using namespace creneau;

class TestDeskBooking : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void doubleClickOpensTheDialogAtThatTime();
    void bookForAFoundUsager();
    void newUsagerIsValidated();
    void usagersListAndMove();

private:
    QDateTime inTwoDays(const test::PrescripteurBooking &b, const QTime &time) const
    {
        return b.org.local(QDate::currentDate().addDays(2), time);
    }
};

void TestDeskBooking::doubleClickOpensTheDialogAtThatTime()
{
    test::PrescripteurBooking b;
    test::EmbeddedDesk desk(b.org, b.org.agent.id);
    QVERIFY2(desk.start(), qPrintable(desk.error()));
    ui::AgendaSource &source = desk.source();
    ui::MainWindow window(&source, QString());
    window.setMode(ui::AgendaView::Mode::Day);
    const QDateTime at = inTwoDays(b, QTime(10, 0));
    window.setCurrentDate(at.date());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ui::AgendaView *view = window.agendaView();
    QPoint point;
    for (int y = 0; y < view->height() && point.isNull(); ++y)
        if (view->timeAt(QPointF(view->width() * 0.6, y)) == at)
            point = QPoint(int(view->width() * 0.6), y + 2);
    QVERIFY(!point.isNull());

    QDateTime shown;
    QTimer::singleShot(0, this, [&shown] {
        QWidget *dialog = QApplication::activeModalWidget();
        if (!dialog || dialog->objectName() != QLatin1String("newRdvDialog"))
            return;
        shown = dialog->findChild<QDateTimeEdit *>(QStringLiteral("startEdit"))->dateTime();
        dialog->close();
    });
    QTest::mouseDClick(view, Qt::LeftButton, {}, point);
    QCOMPARE(shown, QDateTime(at.date(), at.time()));
}

void TestDeskBooking::bookForAFoundUsager()
{
    test::PrescripteurBooking b;
    QVERIFY2(b.outcome.ok(), qPrintable(b.outcome.message));
    test::EmbeddedDesk desk(b.org, b.org.agent.id);
    QVERIFY2(desk.start(), qPrintable(desk.error()));
    ui::AgendaSource &source = desk.source();
    ui::NewRdvDialog dialog(&source, b.org.agent.id, inTwoDays(b, QTime(10, 0)), b.org.agent.id);
    dialog.show();
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("usagerSearchEdit")),
                     QStringLiteral("14/03/1980"));
    auto *list = dialog.findChild<QListWidget *>(QStringLiteral("usagerList"));
    QCOMPARE(list->count(), 1);
    list->setCurrentRow(0);
    QVERIFY(!dialog.findChild<QGroupBox *>(QStringLiteral("newUsagerBox"))->isChecked());
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("bookButton")),
                      Qt::LeftButton);
    QVERIFY2(dialog.result() == QDialog::Accepted,
             qPrintable(dialog.findChild<QLabel *>(QStringLiteral("bookingError"))->text()));
    QVERIFY(desk.settle()); // queued, then sent to the server and back through the feed
    std::optional<Rdv> rdv;
    for (const Rdv &r : source.rdvsOfUsager(b.outcome.usager.id))
        if (r.id != b.outcome.rdv.id)
            rdv = r;
    QVERIFY(rdv);
    QCOMPARE(rdv->createdBy, CreatedBy::Agent);
    QCOMPARE(rdv->usagerIds, QList<Id>{b.outcome.usager.id});
    QCOMPARE(rdv->startsAt, inTwoDays(b, QTime(10, 0)).toSecsSinceEpoch());
}

void TestDeskBooking::newUsagerIsValidated()
{
    test::PrescripteurBooking b;
    test::EmbeddedDesk desk(b.org, b.org.agent.id);
    QVERIFY2(desk.start(), qPrintable(desk.error()));
    ui::AgendaSource &source = desk.source();
    ui::NewRdvDialog dialog(&source, b.org.agent.id, inTwoDays(b, QTime(11, 0)), 0);
    dialog.show();
    auto *email = dialog.findChild<QLineEdit *>(QStringLiteral("emailEdit"));
    QTest::keyClicks(email, QStringLiteral("pas-un-mail"));
    QVERIFY(!dialog.book());
    auto *firstNameError = dialog.findChild<QLabel *>(QStringLiteral("firstNameEditError"));
    QVERIFY(firstNameError->isVisible() && !firstNameError->text().isEmpty());
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("emailEditError"))->isVisible());
    QCOMPARE(email->text(), QStringLiteral("pas-un-mail"));

    email->setText(QStringLiteral("sam.petit@example.fr"));
    dialog.findChild<QLineEdit *>(QStringLiteral("firstNameEdit"))->setText(QStringLiteral("Sam"));
    dialog.findChild<QLineEdit *>(QStringLiteral("lastNameEdit"))->setText(QStringLiteral("Petit"));
    QVERIFY2(dialog.book(),
             qPrintable(dialog.findChild<QLabel *>(QStringLiteral("bookingError"))->text()));
    QVERIFY(desk.settle());
    QCOMPARE(source.searchUsagers(QStringLiteral("petit")).size(), 1);
}

void TestDeskBooking::usagersListAndMove()
{
    test::PrescripteurBooking b;
    test::EmbeddedDesk desk(b.org, b.org.agent.id);
    QVERIFY2(desk.start(), qPrintable(desk.error()));
    ui::AgendaSource &source = desk.source();
    ui::UsagersDialog usagers(&source);
    usagers.show();
    QTest::keyClicks(usagers.findChild<QLineEdit *>(QStringLiteral("usagerSearchEdit")),
                     QStringLiteral("MARTIN"));
    usagers.findChild<QListWidget *>(QStringLiteral("usagerList"))->setCurrentRow(0);
    QCOMPARE(usagers.findChild<QListWidget *>(QStringLiteral("usagerRdvList"))->count(), 1);

    ui::RdvPanel panel(&source);
    panel.setCurrentAgent(b.org.agent.id);
    panel.showRdv(b.outcome.rdv.id);
    panel.show();
    const QDateTime target = inTwoDays(b, QTime(11, 30));
    bool answered = false;
    QTimer::singleShot(0, this, [&answered, target] {
        QWidget *dialog = QApplication::activeModalWidget();
        auto *edit =
            dialog ? dialog->findChild<QDateTimeEdit *>(QStringLiteral("moveStartEdit")) : nullptr;
        if (!edit)
            return;
        edit->setDateTime(QDateTime(target.date(), target.time()));
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        answered = true;
    });
    QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("moveRdvButton")),
                      Qt::LeftButton);
    QVERIFY(answered);
    QVERIFY(desk.settle());
    QCOMPARE(source.rdv(b.outcome.rdv.id)->startsAt, target.toSecsSinceEpoch());
}

QTEST_MAIN(TestDeskBooking)
#include "tst_desk_booking.moc"
