// The desktop against a remote creneau-server process (creneau --server URL): sign-in refused then
// accepted, the first pull, a web booking showing in the agenda without a click, a cancellation
// from the panel reaching the server, an offline edit replayed on reconnection with the status
// bar saying so, and a conflict the agent settles in the dialog.
#include "agentapiclient.h"
#include "agentserverprocess.h"
#include "sync/client/syncclient.h"
#include "ui/agendasource.h"
#include "ui/conflictprompt.h"
#include "ui/logindialog.h"
#include "ui/mainwindow.h"
#include "ui/remoteconnection.h"
#include "ui/syncstatuslabel.h"
#include "webbooking.h"

#include "models/booking.h"
#include "models/demodata.h"
#include "models/slotengine.h"

#include <QComboBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QtTest>

using namespace creneau;
using namespace creneau::test;
using creneau::client::SyncClient;

namespace {

const QString kSlug = QStringLiteral("mfs-vernon");
const QString kAdmin = QString::fromLatin1(demo::kAdminEmail);
const QString kPassword = QString::fromLatin1(demo::kAdminPassword);

template <typename T> T *topLevel(const char *name)
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (w->isVisible() && w->objectName() == QLatin1String(name))
            if (auto *t = qobject_cast<T *>(w))
                return t;
    return nullptr;
}

// The server's view of one appointment, through the agent API.
QJsonObject serverRdv(const AgentServerProcess &server, qint64 id)
{
    AgentApiClient api(server.url());
    if (api.login(kAdmin, kPassword) != 200)
        return {};
    return api.row(QStringLiteral("rdvs"), id);
}

} // namespace

class TestDesktopRemote : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void signInPullBookCancelOfflineConflict();
};

void TestDesktopRemote::signInPullBookCancelOfflineConflict()
{
    AgentServerProcess server;
    QVERIFY2(server.start(), qPrintable(server.output()));
    QTemporaryDir data;

    // The sign-in dialog: a wrong password is refused next to the fields, which keep the e-mail.
    int attempts = 0;
    QString refusal;
    QString emailKept;
    std::function<void()> fillLogin = [&] {
        auto *dialog = topLevel<ui::LoginDialog>("loginDialog");
        if (!dialog) {
            QTimer::singleShot(50, fillLogin);
            return;
        }
        auto *email = dialog->findChild<QLineEdit *>(QStringLiteral("emailEdit"));
        auto *password = dialog->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
        auto *error = dialog->findChild<QLabel *>(QStringLiteral("loginError"));
        if (attempts == 0) {
            email->setText(kAdmin);
            password->setText(QStringLiteral("not-the-password"));
            ++attempts;
            dialog->signIn();
            QTimer::singleShot(50, fillLogin);
            return;
        }
        if (!error->isVisible() || !password->isEnabled()) { // still waiting for the refusal
            QTimer::singleShot(50, fillLogin);
            return;
        }
        refusal = error->text();
        emailKept = email->text();
        password->setText(kPassword);
        ++attempts;
        dialog->signIn();
    };
    QTimer::singleShot(0, fillLogin);
    QString error;
    std::unique_ptr<SyncClient> client = ui::connectToServer(server.url(), data.path(), &error);
    QVERIFY2(client, qPrintable(error));
    QCOMPARE(attempts, 2);
    QVERIFY2(refusal.contains(QStringLiteral("password")) ||
                 refusal.contains(QStringLiteral("mot de passe")),
             qPrintable(refusal));
    QCOMPARE(emailKept, kAdmin);
    client->setMaxRetryDelayMs(300);
    client->setLongPollSecs(5);
    QVERIFY(client->cache().cursor() > 0); // the first pull happened before the window

    ui::AgendaSource source(client.get());
    ui::MainWindow window(&source, server.url().toString());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Whoever signed in is « Je suis », and cannot pretend to be someone else.
    auto *me = window.findChild<QComboBox *>(QStringLiteral("currentAgentCombo"));
    QVERIFY(!me->isEnabled());
    QCOMPARE(me->currentData().toLongLong(), source.signedInAgent()->id);
    ui::SyncStatusLabel *status = window.syncStatus();
    QVERIFY(status);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("Online")), 5000);

    // A prescripteur books on the web: the agenda shows it without a click, within 2 seconds.
    HttpClient web(server.url().toString());
    qint64 motifId = 0;
    QJsonObject creneau;
    QVERIFY(firstPrescripteurCreneau(web, kSlug, &motifId, &creneau));
    const QDateTime start =
        QDateTime::fromString(creneau.value(QStringLiteral("starts_at")).toString(), Qt::ISODate);
    window.setCurrentDate(start.toTimeZone(source.timeZone()).date());
    const Reply booked = bookAsPrescripteur(web, kSlug, motifId, creneau);
    QVERIFY2(booked.status == 201, booked.body.constData());
    const qint64 rdvId =
        QJsonDocument::fromJson(booked.body).object().value(QStringLiteral("id")).toInteger();
    QVERIFY(rdvId);
    QTRY_VERIFY_WITH_TIMEOUT(window.model()->indexOfRdv(rdvId).isValid(), 2000);
    auto *banner = window.findChild<QLabel *>(QStringLiteral("newRdvBanner"));
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 2000);
    QVERIFY(banner->text().contains(QStringLiteral("Paul Mairie")));

    // Selected, the panel shows the prescripteur; a note typed online reaches the server.
    window.agendaView()->setSelectedRdv(rdvId);
    QCOMPARE(window.panel()->rdvId(), rdvId);
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("prescripteurNameLabel"))->text(),
             QStringLiteral("Paul Mairie"));
    QVERIFY(window.panel()->setContext(QStringLiteral("Rappeler la mairie")));
    QTRY_COMPARE_WITH_TIMEOUT(serverRdv(server, rdvId).value(QStringLiteral("context")).toString(),
                              QStringLiteral("Rappeler la mairie"), 5000);

    // Offline: the edit waits in the queue, the status bar says so, and it is sent on return.
    server.stop();
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("Offline")), 15000);
    QVERIFY(window.panel()->setContext(QStringLiteral("Noté hors ligne")));
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("1 change")), 3000);
    QVERIFY(server.start());
    QTRY_COMPARE_WITH_TIMEOUT(serverRdv(server, rdvId).value(QStringLiteral("context")).toString(),
                              QStringLiteral("Noté hors ligne"), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("Online")), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(source.rdv(rdvId)->context, QStringLiteral("Noté hors ligne"), 5000);

    // A conflict: offline, the agent changes the note while the usager's side moves on (the
    // appointment is changed on the server); back online, the agent is asked and keeps theirs.
    server.stop();
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("Offline")), 15000);
    QVERIFY(window.panel()->setContext(QStringLiteral("Version de l'agent")));
    {
        auto store = Store::open(server.storeFile());
        SlotEngine engine(*store);
        BookingService booking(*store, engine);
        const Actor agent{Actor::Kind::Agent, source.signedInAgent()->id, {}};
        QVERIFY(booking.setContext(rdvId, agent, QStringLiteral("Version du serveur")).ok());
    }
    QVERIFY(server.start());
    QTRY_VERIFY_WITH_TIMEOUT(topLevel<QMessageBox>("conflictBox"), 20000);
    QMessageBox *box = topLevel<QMessageBox>("conflictBox");
    QVERIFY2(box->text().contains(QStringLiteral("Version de l'agent")), qPrintable(box->text()));
    box->findChild<QPushButton *>(QStringLiteral("applyMineButton"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(serverRdv(server, rdvId).value(QStringLiteral("context")).toString(),
                              QStringLiteral("Version de l'agent"), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(source.rdv(rdvId)->context, QStringLiteral("Version de l'agent"),
                              5000);

    // Cancelled from the panel: the server has it cancelled, and so does the agenda.
    QVERIFY(window.panel()->cancel(QStringLiteral("Usager empêché")));
    QTRY_COMPARE_WITH_TIMEOUT(serverRdv(server, rdvId).value(QStringLiteral("status")).toString(),
                              QStringLiteral("revoked"), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(source.rdv(rdvId)->status, RdvStatus::Revoked, 5000);
    QCOMPARE(client->pendingCommands(), 0);
}

QTEST_MAIN(TestDesktopRemote)
#include "tst_desktop_remote.moc"
