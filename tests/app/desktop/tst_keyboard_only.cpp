// The whole job without a mouse, on the demo: from the agenda, book a free time (Enter on it),
// open the appointment (Enter), move it and cancel it from its panel, and come back (Escape).
// Every key goes to the widget that has the focus, as a keyboard would send it.
#include "app/desktop/embeddedconnection.h"
#include "app/desktop/embeddedserver.h"
#include "sync/client/syncclient.h"
#include "translations/translator.h"
#include "ui/agendasource.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>

using namespace creneau;

namespace {

void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget *focus = QApplication::focusWidget();
    QVERIFY2(focus, "nothing has the keyboard focus");
    QTest::keyClick(focus, Qt::Key(key), modifiers);
}

// Tab until the focus reaches `objectName` (at most 30 times): the tab order must lead there.
bool tabTo(const QString &objectName)
{
    for (int i = 0; i < 30; ++i) {
        if (QApplication::focusWidget() && QApplication::focusWidget()->objectName() == objectName)
            return true;
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    }
    return false;
}

// Runs `act` on the next modal dialog once it has the keyboard (exec() blocks the caller). A
// dialog still open after `act` (a failed check) is closed, so that the test cannot hang.
void whenModal(std::function<void(QWidget *)> act, int tries = 200)
{
    QTimer::singleShot(20, qApp, [act, tries] {
        QWidget *modal = QApplication::activeModalWidget();
        if (modal && modal->isVisible() && modal->isAncestorOf(QApplication::focusWidget())) {
            act(modal);
            if (modal->isVisible())
                modal->close();
        } else if (tries > 0) {
            whenModal(act, tries - 1);
        } else if (modal) {
            modal->close();
        }
    });
}

} // namespace

class TestKeyboardOnly : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        installTranslations(*QCoreApplication::instance(), QStringLiteral("fr"));
    }
    void bookOpenMoveCancel();
};

void TestKeyboardOnly::bookOpenMoveCancel()
{
    QTemporaryDir data;
    desktop::EmbeddedServer server(data.path());
    QVERIFY2(server.start(true), qPrintable(server.errorString()));
    QString error;
    const std::unique_ptr<client::SyncClient> client =
        desktop::connectToEmbedded(server, data.path(), &error);
    QVERIFY2(client, qPrintable(error));
    ui::AgendaSource source(client.get());
    ui::MainWindow window(&source, server.publicUrl());
    window.resize(1280, 760);
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    const QTimeZone zone = source.timeZone();

    // The week of the demo's appointment booked by a prescripteur (Wednesday 10 h 30 or so).
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    Rdv first;
    for (const Rdv &rdv : source.rdvsBetween(now - 86400, now + 14 * 86400))
        if (rdv.createdBy == CreatedBy::Prescripteur)
            first = rdv;
    QVERIFY(first.id);
    const QDateTime firstStart = QDateTime::fromSecsSinceEpoch(first.startsAt, zone);
    window.setCurrentDate(firstStart.date());
    press(Qt::Key_2, Qt::ControlModifier); // week view
    QCOMPARE(window.agendaView()->mode(), ui::AgendaView::Mode::Week);

    // Ctrl+L: the agenda. Down: the week's first appointment; Down again: the free time after.
    press(Qt::Key_L, Qt::ControlModifier);
    QCOMPARE(QApplication::focusWidget(), window.agendaView());
    press(Qt::Key_Down);
    QCOMPARE(window.panel()->rdvId(), first.id);
    press(Qt::Key_Down);
    const ui::AgendaView *view = window.agendaView();
    const ui::AgendaGrid::Cell *free =
        view->grid().cell(view->currentColumn(), view->currentIndex());
    QVERIFY(free && free->isFree());
    const qint64 bookedAt = free->start;
    QCOMPARE(bookedAt, first.endsAt()); // right after the first appointment

    // Enter books there: the desk booking dialog, found usager, Enter to book.
    bool booked = false;
    whenModal([&booked](QWidget *dialog) {
        QCOMPARE(dialog->objectName(), QStringLiteral("newRdvDialog"));
        QVERIFY(tabTo(QStringLiteral("usagerSearchEdit")));
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Diallo"));
        QVERIFY(tabTo(QStringLiteral("usagerList")));
        press(Qt::Key_Down); // the first usager found
        press(Qt::Key_Return);
        booked = !dialog->isVisible();
    });
    press(Qt::Key_Return);
    QVERIFY(booked);
    // Booked by the server (the desktop's command, then the change feed), then selected.
    QTRY_VERIFY_WITH_TIMEOUT(view->selectedRdv() && view->selectedRdv() != first.id, 10000);
    const Id newId = view->selectedRdv();
    std::optional<Rdv> rdv = source.rdv(newId);
    QVERIFY(rdv);
    QCOMPARE(rdv->startsAt, bookedAt);
    QCOMPARE(rdv->usagerIds, first.usagerIds); // Amina Diallo
    QCOMPARE(rdv->createdBy, CreatedBy::Agent);

    // Enter opens it: the keyboard lands on its first action. The focus went back to the agenda
    // when the dialog closed (the window manager gives the window back its activation; the
    // offscreen platform has none, so the test does).
    QCOMPARE(window.focusWidget(), window.agendaView());
    QApplication::setActiveWindow(&window);
    QCOMPARE(QApplication::focusWidget(), window.agendaView());
    press(Qt::Key_Return);
    QCOMPARE(window.panel()->rdvId(), newId);
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("seenButton"));

    // « Déplacer… »: typed date and time, Enter.
    const QDateTime target(firstStart.date(), QTime(9, 0), zone);
    whenModal([target](QWidget *dialog) {
        QCOMPARE(dialog->objectName(), QStringLiteral("moveDialog"));
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("moveStartEdit"));
        press(Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(QApplication::focusWidget(),
                         target.toString(QStringLiteral("dd/MM/yyyy HH:mm")));
        press(Qt::Key_Return);
    });
    QVERIFY(tabTo(QStringLiteral("moveRdvButton")));
    press(Qt::Key_Space);
    QApplication::setActiveWindow(&window);
    QTRY_COMPARE_WITH_TIMEOUT(source.rdv(newId)->startsAt, target.toSecsSinceEpoch(), 10000);

    // Escape: back to the agenda, on the appointment; Enter: its actions again.
    QVERIFY(window.panel()->isAncestorOf(QApplication::focusWidget()));
    press(Qt::Key_Escape);
    QCOMPARE(QApplication::focusWidget(), window.agendaView());
    QCOMPARE(view->selectedRdv(), newId);
    press(Qt::Key_Return);
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("seenButton"));

    // « Annuler… »: a reason typed, Enter.
    whenModal([](QWidget *) {
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Deja vu ailleurs"));
        press(Qt::Key_Return);
    });
    QVERIFY(tabTo(QStringLiteral("cancelRdvButton")));
    press(Qt::Key_Space);
    QApplication::setActiveWindow(&window);
    QTRY_COMPARE_WITH_TIMEOUT(source.rdv(newId)->status, RdvStatus::Revoked, 10000);
    rdv = source.rdv(newId);
    QCOMPARE(rdv->cancelReason, QStringLiteral("Deja vu ailleurs"));

    // Its actions disabled, the keyboard is back in the agenda, on the cancelled appointment.
    QCOMPARE(QApplication::focusWidget(), window.agendaView());
    QCOMPARE(view->selectedRdv(), newId);
}

QTEST_MAIN(TestKeyboardOnly)
#include "tst_keyboard_only.moc"
