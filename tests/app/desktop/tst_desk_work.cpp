// Desk work through a real server, the same test in both modes: embedded (the program's own
// wiring: the server hosted in this process, SyncClient over loopback, the demo's « Je suis »
// session) and remote (a creneau-server process, signed in by e-mail and password). From the
// desktop the administrator adds a lieu through the lieu editor (a refused phone first, the
// server's rule shown next to the field), edits a motif, opens a range at that lieu, books an
// appointment in it, moves it and sets its status, creates a collective session from the menu
// and registers a participant in it from its panel; each change is checked as the server's
// change feed brings it back into the cache the desktop reads.
#include "agentserverprocess.h"
#include "app/desktop/embeddedconnection.h"
#include "app/desktop/embeddedserver.h"
#include "sync/client/syncclient.h"
#include "ui/lieudialog.h"
#include "ui/mainwindow.h"
#include "ui/motifdialog.h"
#include "ui/newrdvdialog.h"
#include "ui/plagedialog.h"
#include "ui/rdvpanel.h"
#include "ui/sessiondialog.h"
#include "ui/sessionpanel.h"

#include "models/catalog.h"
#include "models/demodata.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTimeEdit>
#include <QtTest>

using namespace creneau;

namespace {

// Signs in by e-mail and password, as the sign-in dialog does, and waits for the first pull.
bool signIn(client::SyncClient &client, const QUrl &server)
{
    QSignalSpy failed(&client, &client::SyncClient::loginFailed);
    client.login(server, QString::fromLatin1(demo::kAdminEmail),
                 QString::fromLatin1(demo::kAdminPassword));
    QDeadlineTimer deadline(15000);
    while (client.status() != client::SyncClient::Status::Online && failed.isEmpty() &&
           !deadline.hasExpired())
        QTest::qWait(20);
    return client.status() == client::SyncClient::Status::Online;
}

template <typename T> T *child(QWidget *parent, const char *name)
{
    return parent->findChild<T *>(QLatin1String(name));
}

} // namespace

class TestDeskWork : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void catalogueAndAppointment_data();
    void catalogueAndAppointment();
};

void TestDeskWork::catalogueAndAppointment_data()
{
    QTest::addColumn<bool>("remote");
    QTest::newRow("embedded") << false;
    QTest::newRow("remote") << true;
}

void TestDeskWork::catalogueAndAppointment()
{
    QFETCH(bool, remote);
    QTemporaryDir data;
    test::AgentServerProcess process;
    std::unique_ptr<desktop::EmbeddedServer> embedded;
    std::unique_ptr<client::SyncClient> client;
    QString serverUrl;
    if (remote) {
        QVERIFY2(process.start(), qPrintable(process.output()));
        client = std::make_unique<client::SyncClient>(data.path());
        QVERIFY(signIn(*client, process.url()));
        serverUrl = process.url().toString();
    } else {
        embedded = std::make_unique<desktop::EmbeddedServer>(data.path());
        QVERIFY2(embedded->start(true), qPrintable(embedded->errorString()));
        QString error;
        client = desktop::connectToEmbedded(*embedded, data.path(), &error);
        QVERIFY2(client, qPrintable(error));
        serverUrl = embedded->publicUrl();
    }
    client->setLongPollSecs(5);
    ui::AgendaSource source(client.get());
    const std::optional<Agent> me = source.signedInAgent();
    QVERIFY(me && me->role == AgentRole::Admin);
    ui::MainWindow window(&source, serverUrl);
    if (embedded)
        window.setEmbeddedEndpoint(embedded->localUrl(), data.path());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // A lieu, from the administration menu: the server's phone rule refuses first.
    const QString lieuName = QStringLiteral("Antenne du Moulin");
    QString phoneRefusal;
    bool lieuSaved = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<ui::LieuDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        child<QPushButton>(dialog, "newLieuButton")->click();
        child<QLineEdit>(dialog, "lieuNameEdit")->setText(lieuName);
        child<QLineEdit>(dialog, "lieuPhoneEdit")->setText(QStringLiteral("pas un numéro"));
        if (!dialog->save())
            phoneRefusal = child<QLabel>(dialog, "lieuPhoneEditError")->text();
        if (child<QLineEdit>(dialog, "lieuNameEdit")->text() == lieuName) {
            child<QLineEdit>(dialog, "lieuPhoneEdit")->setText(QStringLiteral("02 32 11 22 33"));
            lieuSaved = dialog->save();
        }
        // The new lieu comes back from the server and is the one shown.
        QTRY_COMPARE_WITH_TIMEOUT(
            child<QListWidget>(dialog, "lieuList")->currentItem()
                ? child<QListWidget>(dialog, "lieuList")->currentItem()->text()
                : QString(),
            lieuName, 10000);
        dialog->reject();
    });
    window.findChild<QAction *>(QStringLiteral("actionLieux"))->trigger();
    QVERIFY(!QTest::currentTestFailed());
    QVERIFY2(!phoneRefusal.isEmpty(), "the lieu editor shows the phone rule");
    QVERIFY(lieuSaved);
    Id lieuId = 0;
    for (const Lieu &l : source.lieux())
        if (l.name == lieuName)
            lieuId = l.id;
    QVERIFY(lieuId);
    QCOMPARE(source.lieu(lieuId)->phone, QStringLiteral("02 32 11 22 33"));
    QVERIFY(window.findChild<QComboBox *>(QStringLiteral("lieuFilterCombo"))->findData(lieuId) > 0);

    // A motif edited.
    const Motif motif = source.motifs().first();
    const QString motifName = motif.name + QStringLiteral(" (renouvellement)");
    {
        ui::MotifDialog dialog(&source, &window);
        dialog.show();
        dialog.selectMotif(motif.id);
        child<QLineEdit>(&dialog, "nameEdit")->setText(motifName);
        child<QSpinBox>(&dialog, "durationSpin")->setValue(45);
        QVERIFY(dialog.save());
        QTRY_COMPARE_WITH_TIMEOUT(source.motif(motif.id)->name, motifName, 10000);
        QCOMPARE(source.motif(motif.id)->durationMinutes, 45);
    }

    // An opening range at the new lieu, Mondays from in three weeks.
    const QDate today = QDate::currentDate();
    const QDate monday = today.addDays(8 - today.dayOfWeek() + 14);
    {
        ui::PlageDialog dialog(&source, &window);
        dialog.show();
        child<QPushButton>(&dialog, "newPlageButton")->click();
        child<QLineEdit>(&dialog, "titleEdit")->setText(QStringLiteral("Permanence du Moulin"));
        auto *agent = child<QComboBox>(&dialog, "agentCombo");
        agent->setCurrentIndex(agent->findData(me->id));
        auto *lieu = child<QComboBox>(&dialog, "lieuCombo");
        QVERIFY(lieu->findData(lieuId) >= 0);
        lieu->setCurrentIndex(lieu->findData(lieuId));
        auto *motifs = child<QListWidget>(&dialog, "motifsList");
        for (int row = 0; row < motifs->count(); ++row)
            if (motifs->item(row)->data(Qt::UserRole).toLongLong() == motif.id)
                motifs->item(row)->setCheckState(Qt::Checked);
        child<QDateEdit>(&dialog, "firstDayEdit")->setDate(monday);
        child<QTimeEdit>(&dialog, "startTimeEdit")->setTime(QTime(14, 0));
        child<QTimeEdit>(&dialog, "endTimeEdit")->setTime(QTime(17, 0));
        QVERIFY(dialog.save());
    }
    const auto plageAtLieu = [&] {
        for (const PlageOuverture &p : Catalog(source.store()).plages(source.organisation().id))
            if (p.lieuId == lieuId && p.agentId == me->id && p.motifIds.contains(motif.id))
                return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(plageAtLieu(), 10000);
    const qint64 rangeStart = QDateTime(monday, QTime(14, 0), source.timeZone()).toSecsSinceEpoch();
    bool opened = false;
    for (const ui::AgentInterval &i : source.openings(monday, monday))
        opened = opened || (i.lieuId == lieuId && i.start == rangeStart);
    QVERIFY(opened);

    // An appointment in it, for a new usager, from the main window: once booked, it is shown.
    const QDateTime at(monday, QTime(14, 0), source.timeZone());
    QString bookingError = QStringLiteral("no dialog");
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<ui::NewRdvDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        auto *motifCombo = child<QComboBox>(dialog, "motifCombo");
        motifCombo->setCurrentIndex(motifCombo->findData(motif.id));
        auto *lieuCombo = child<QComboBox>(dialog, "lieuCombo");
        if (lieuCombo->findData(lieuId) >= 0)
            lieuCombo->setCurrentIndex(lieuCombo->findData(lieuId));
        child<QGroupBox>(dialog, "newUsagerBox")->setChecked(true);
        child<QLineEdit>(dialog, "firstNameEdit")->setText(QStringLiteral("Camille"));
        child<QLineEdit>(dialog, "lastNameEdit")->setText(QStringLiteral("Guichet"));
        child<QLineEdit>(dialog, "emailEdit")->setText(QStringLiteral("camille@example.fr"));
        bookingError = dialog->book() ? QString() : child<QLabel>(dialog, "bookingError")->text();
        if (bookingError.isEmpty())
            dialog->accept();
        else
            dialog->reject();
    });
    window.showNewRdvDialog(at, me->id);
    QVERIFY2(bookingError.isEmpty(), qPrintable(bookingError));
    const auto booked = [&]() -> std::optional<Rdv> {
        for (const Usager &u : source.searchUsagers(QStringLiteral("Guichet")))
            for (const Rdv &r : source.rdvsOfUsager(u.id))
                return r;
        return std::nullopt;
    };
    QTRY_VERIFY_WITH_TIMEOUT(booked().has_value(), 10000);
    const Rdv rdv = *booked();
    QCOMPARE(rdv.startsAt, at.toSecsSinceEpoch());
    QCOMPARE(rdv.motifId, motif.id);
    QCOMPARE(rdv.createdBy, CreatedBy::Agent);

    // The window went to it by itself, and its panel shows it: moved an hour later from there.
    QTRY_COMPARE_WITH_TIMEOUT(window.panel()->rdvId(), rdv.id, 10000);
    QCOMPARE(window.currentDate(), monday);
    const QDateTime later = at.addSecs(3600);
    bool answered = false;
    QTimer::singleShot(0, this, [&answered, later] {
        QWidget *dialog = QApplication::activeModalWidget();
        auto *edit =
            dialog ? dialog->findChild<QDateTimeEdit *>(QStringLiteral("moveStartEdit")) : nullptr;
        if (!edit)
            return;
        edit->setDateTime(QDateTime(later.date(), later.time()));
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        answered = true;
    });
    child<QPushButton>(window.panel(), "moveRdvButton")->click();
    QVERIFY(answered);
    QTRY_COMPARE_WITH_TIMEOUT(source.rdv(rdv.id)->startsAt, later.toSecsSinceEpoch(), 10000);

    // Its status.
    child<QPushButton>(window.panel(), "excusedButton")->click();
    QTRY_COMPARE_WITH_TIMEOUT(source.rdv(rdv.id)->status, RdvStatus::Excused, 10000);

    // A collective session, from the menu (Ctrl+Shift+N), three weeks ahead at 15:00.
    const QDateTime sessionAt(monday.addDays(21), QTime(15, 0), source.timeZone());
    bool created = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<ui::SessionDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        child<QDateTimeEdit>(dialog, "sessionStartEdit")
            ->setDateTime(QDateTime(sessionAt.date(), sessionAt.time()));
        auto *agents = child<QListWidget>(dialog, "sessionAgentsList");
        for (int i = 0; i < agents->count(); ++i)
            if (agents->item(i)->data(Qt::UserRole).toLongLong() == me->id)
                agents->item(i)->setCheckState(Qt::Checked);
        created = dialog->save();
        QTRY_COMPARE_WITH_TIMEOUT(dialog->result(), int(QDialog::Accepted), 10000);
    });
    window.findChild<QAction *>(QStringLiteral("actionNewSession"))->trigger();
    QVERIFY(created);
    Id sessionId = 0;
    for (const CollectiveSession &s :
         source.sessionsBetween(sessionAt.toSecsSinceEpoch(), sessionAt.toSecsSinceEpoch() + 1))
        sessionId = s.id;
    QVERIFY(sessionId);

    // A participant registered at the desk from its panel: « 1/12 » in the agenda.
    window.showSession(sessionId);
    QTimer::singleShot(0, this, [] {
        auto *dialog = qobject_cast<ui::NewRdvDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        child<QLineEdit>(dialog, "firstNameEdit")->setText(QStringLiteral("Sacha"));
        child<QLineEdit>(dialog, "lastNameEdit")->setText(QStringLiteral("Collectif"));
        child<QPushButton>(dialog, "bookButton")->click();
    });
    child<QPushButton>(window.sessionPanel(), "addParticipantButton")->click();
    QTRY_COMPARE_WITH_TIMEOUT(source.participants(sessionId).size(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(window.model()
                                  ->indexOfRdv(ui::AgendaModel::sessionItemId(sessionId))
                                  .data(ui::AgendaModel::PlacesTakenRole)
                                  .toInt(),
                              1, 10000);
    QCOMPARE(client->pendingCommands(), 0);
}

QTEST_MAIN(TestDeskWork)
#include "tst_desk_work.moc"
