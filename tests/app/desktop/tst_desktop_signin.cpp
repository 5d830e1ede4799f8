// Who the embedded desktop acts as. In the demo (its administrator keeps the published password)
// « Je suis » chooses any agent, and each choice is a session of that agent on the in-process
// server: an agent chosen there is refused catalogue changes by the server (CatalogService's
// message). Once the administrator has a password of their own, the desktop opens on the
// sign-in (a wrong password refused, the e-mail kept), « Je suis » is gone, and the token is kept
// for the next start, as in remote mode.
#include "app/desktop/embeddedconnection.h"
#include "app/desktop/embeddedserver.h"
#include "sync/client/syncclient.h"
#include "ui/logindialog.h"
#include "ui/mainwindow.h"

#include "models/catalog.h"
#include "models/demodata.h"
#include "models/secrets.h"
#include "sync/server/agentsessions.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QtTest>

using namespace creneau;

namespace {

const QString kOwnPassword = QStringLiteral("un-mot-de-passe-a-nous");

template <typename T> T *visibleTopLevel(const char *name)
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (w->isVisible() && w->objectName() == QLatin1String(name))
            if (auto *t = qobject_cast<T *>(w))
                return t;
    return nullptr;
}

} // namespace

class TestDesktopSignIn : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void demoChoosesAnyAgent();
    void ownPasswordOpensOnTheSignIn();
};

void TestDesktopSignIn::demoChoosesAnyAgent()
{
    QTemporaryDir data;
    desktop::EmbeddedServer server(data.path());
    QVERIFY2(server.start(true), qPrintable(server.errorString()));
    QVERIFY(server.offersAgentChoice());
    QString error;
    const std::unique_ptr<client::SyncClient> client =
        desktop::connectToEmbedded(server, data.path(), &error);
    QVERIFY2(client, qPrintable(error));
    ui::AgendaSource source(client.get());
    QCOMPARE(source.signedInAgent()->email, QString::fromLatin1(demo::kAdminEmail));
    ui::MainWindow window(&source, server.publicUrl());
    window.setAgentChoice([&](Id id) { return desktop::actAs(server, client.get(), id); });
    window.show();
    auto *me = window.findChild<QComboBox *>(QStringLiteral("currentAgentCombo"));
    auto *admin = window.findChild<QToolButton *>(QStringLiteral("adminButton"));
    QVERIFY(me->isEnabled());
    QVERIFY(admin->isVisible());

    Agent agent;
    for (const Agent &a : source.agents())
        if (a.role != AgentRole::Admin)
            agent = a;
    QVERIFY(agent.id);
    me->setCurrentIndex(me->findData(agent.id));
    QCOMPARE(client->agent().value(QStringLiteral("id")).toInteger(), agent.id);
    QTRY_VERIFY_WITH_TIMEOUT(client->status() == client::SyncClient::Status::Online &&
                                 source.signedInAgent() && source.motifs().size() > 0,
                             10000);
    QCOMPARE(source.signedInAgent()->id, agent.id);
    QVERIFY(!admin->isVisible());

    // The server knows who it is: a catalogue change is refused with CatalogService's message.
    QSignalSpy refused(&source, &ui::AgendaSource::changeRefused);
    Motif motif = source.motifs().first();
    motif.name = QStringLiteral("Renommé par un agent");
    source.save(motif);
    QTRY_COMPARE_WITH_TIMEOUT(refused.count(), 1, 10000);
    QVERIFY2(refused.first().first().toString().contains(QLatin1String("administrat")),
             qPrintable(refused.first().first().toString()));
    QVERIFY(source.motif(motif.id)->name != motif.name);

    // The session ends (revoked here, as after 12 idle hours): the demo opens a new one for the
    // same agent, and the waiting change goes through.
    desktop::signInAgainWhenAsked(server, client.get(), &window);
    {
        auto store = Store::open(server.databasePath());
        server::AgentSessions(*store).revoke(secrets::tokenHash(client->session().token));
    }
    const QString before = client->session().token;
    Absence absence;
    absence.agentId = agent.id;
    absence.title = QStringLiteral("Formation après la fin de session");
    absence.startsAt = QDateTime::currentSecsSinceEpoch() + 86400;
    absence.endsAt = absence.startsAt + 3600;
    source.save(absence);
    const auto saved = [&] {
        for (const Absence &a : Catalog(source.store()).absences(source.organisation().id))
            if (a.title == absence.title && a.agentId == agent.id)
                return true;
        return false;
    };
    QVERIFY(!saved());
    QTRY_VERIFY_WITH_TIMEOUT(saved(), 10000);
    QVERIFY(client->session().token != before);
    QCOMPARE(source.signedInAgent()->id, agent.id);
}

void TestDesktopSignIn::ownPasswordOpensOnTheSignIn()
{
    QTemporaryDir data;
    {
        desktop::EmbeddedServer first(data.path());
        QVERIFY(first.start(true));
    }
    {
        auto store = Store::open(QDir(data.path()).filePath(QStringLiteral("creneau.sqlite")));
        Catalog catalog(*store);
        WriteTransaction tx(*store);
        catalog.setPasswordHash(catalog.agentByEmail(QString::fromLatin1(demo::kAdminEmail))->id,
                                secrets::hashPassword(kOwnPassword));
        tx.commit();
    }
    desktop::EmbeddedServer server(data.path());
    QVERIFY2(server.start(false), qPrintable(server.errorString()));
    QVERIFY(!server.offersAgentChoice());

    int attempts = 0;
    QString refusal;
    std::function<void()> fill = [&] {
        auto *dialog = visibleTopLevel<ui::LoginDialog>("loginDialog");
        if (!dialog) {
            QTimer::singleShot(50, fill);
            return;
        }
        auto *email = dialog->findChild<QLineEdit *>(QStringLiteral("emailEdit"));
        auto *password = dialog->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
        auto *error = dialog->findChild<QLabel *>(QStringLiteral("loginError"));
        if (attempts == 0) {
            email->setText(QString::fromLatin1(demo::kAdminEmail));
            password->setText(QString::fromLatin1(demo::kAdminPassword)); // no longer valid
            ++attempts;
            dialog->signIn();
            QTimer::singleShot(50, fill);
            return;
        }
        if (!error->isVisible() || !password->isEnabled()) {
            QTimer::singleShot(50, fill);
            return;
        }
        refusal = error->text();
        QCOMPARE(email->text(), QString::fromLatin1(demo::kAdminEmail));
        password->setText(kOwnPassword);
        ++attempts;
        dialog->signIn();
    };
    QTimer::singleShot(0, fill);
    QString error;
    std::unique_ptr<client::SyncClient> client =
        desktop::connectToEmbedded(server, data.path(), &error);
    QVERIFY2(client, qPrintable(error));
    QCOMPARE(attempts, 2);
    QVERIFY(!refusal.isEmpty());
    Id someoneElse = 0;
    {
        ui::AgendaSource source(client.get());
        QCOMPARE(source.signedInAgent()->email, QString::fromLatin1(demo::kAdminEmail));
        for (const Agent &a : source.agents())
            if (a.id != source.signedInAgent()->id)
                someoneElse = a.id;
        ui::MainWindow window(&source, server.publicUrl());
        window.show();
        QVERIFY(!window.findChild<QComboBox *>(QStringLiteral("currentAgentCombo"))->isEnabled());
    }
    // « Je suis » cannot be used to become someone else.
    QVERIFY(someoneElse);
    QVERIFY(!desktop::actAs(server, client.get(), someoneElse));

    // The next start resumes the kept session: no sign-in.
    client.reset();
    int dialogs = 0;
    QTimer watch;
    connect(&watch, &QTimer::timeout, this, [&dialogs] {
        if (auto *dialog = visibleTopLevel<ui::LoginDialog>("loginDialog")) {
            ++dialogs;
            dialog->reject();
        }
    });
    watch.start(20);
    client = desktop::connectToEmbedded(server, data.path(), &error);
    watch.stop();
    QVERIFY2(client, qPrintable(error));
    QCOMPARE(dialogs, 0);
    QCOMPARE(ui::AgendaSource(client.get()).signedInAgent()->email,
             QString::fromLatin1(demo::kAdminEmail));
}

QTEST_MAIN(TestDesktopSignIn)
#include "tst_desktop_signin.moc"
