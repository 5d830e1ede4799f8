#include "ui/remoteconnection.h"

#include "sync/client/syncclient.h"
#include "ui/logindialog.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QProgressDialog>
#include <QRegularExpression>

namespace creneau::ui {

using client::SyncClient;

namespace {

// Gives the free functions below a translation context lupdate sees.
struct RemoteConnection
{
    Q_DECLARE_TR_FUNCTIONS(creneau::ui::RemoteConnection)
};

enum class FirstPull
{
    Done,
    Offline,
    SignInNeeded,
    Cancelled
};

// Runs the event loop until the first pull ends one way or another; the window stays alive.
FirstPull waitForFirstPull(SyncClient *client)
{
    QProgressDialog progress(RemoteConnection::tr("Syncing with the server…"),
                             RemoteConnection::tr("Cancel"), 0, 0);
    progress.setObjectName(QStringLiteral("firstPullProgress"));
    progress.setWindowTitle(QCoreApplication::applicationName());
    progress.setMinimumDuration(300);
    QEventLoop loop;
    FirstPull result = FirstPull::Done;
    int received = 0;
    auto finish = [&](FirstPull r) {
        result = r;
        loop.quit();
    };
    QObject::connect(client, &SyncClient::statusChanged, &loop, [&](SyncClient::Status s) {
        if (s == SyncClient::Status::Online)
            finish(FirstPull::Done);
        else if (s == SyncClient::Status::Offline)
            finish(FirstPull::Offline);
    });
    QObject::connect(client, &SyncClient::changesApplied, &loop, [&](int count, qint64) {
        received += count;
        progress.setLabelText(RemoteConnection::tr("Syncing with the server… %n change(s) received",
                                                   nullptr, received));
    });
    QObject::connect(client, &SyncClient::authenticationRequired, &loop,
                     [&] { finish(FirstPull::SignInNeeded); });
    QObject::connect(&progress, &QProgressDialog::canceled, &loop,
                     [&] { finish(FirstPull::Cancelled); });
    if (client->status() == SyncClient::Status::Online)
        return FirstPull::Done;
    loop.exec();
    return result;
}

} // namespace

QString remoteCacheDir(const QString &dataDir, const QUrl &server)
{
    QString name =
        server.host() + QLatin1Char('_') +
        QString::number(server.port(server.scheme() == QLatin1String("https") ? 443 : 80));
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")), QStringLiteral("_"));
    return QDir(dataDir).filePath(QStringLiteral("servers/") + name);
}

std::unique_ptr<SyncClient> connectToServer(const QUrl &server, const QString &dataDir,
                                            QString *error)
{
    const QString dir = remoteCacheDir(dataDir, server);
    if (!QDir().mkpath(dir)) {
        *error = RemoteConnection::tr("Cannot create the folder %1.").arg(dir);
        return nullptr;
    }
    auto client = std::make_unique<SyncClient>(dir);
    bool signedIn = client->resume();
    for (;;) {
        if (!signedIn) {
            LoginDialog login(client.get(), server);
            if (login.exec() != QDialog::Accepted)
                return nullptr;
        }
        switch (waitForFirstPull(client.get())) {
        case FirstPull::Done:
            return client;
        case FirstPull::Offline:
            // Offline with something to show: work from the cache; the client keeps retrying.
            if (client->cache().cursor() > 0)
                return client;
            *error = RemoteConnection::tr(
                         "The server %1 cannot be reached, and nothing was synced from it yet.")
                         .arg(server.toDisplayString());
            return nullptr;
        case FirstPull::SignInNeeded:
            signedIn = false;
            continue;
        case FirstPull::Cancelled:
            return nullptr;
        }
    }
}

std::unique_ptr<SyncClient> connectWithSession(const QUrl &server, const QString &dataDir,
                                               const QString &token, qint64 agentId, QString *error)
{
    const QString dir = remoteCacheDir(dataDir, server);
    if (!QDir().mkpath(dir)) {
        *error = RemoteConnection::tr("Cannot create the folder %1.").arg(dir);
        return nullptr;
    }
    auto client = std::make_unique<SyncClient>(dir);
    client->useSession({server, token}, agentId);
    const FirstPull pulled = waitForFirstPull(client.get());
    if (pulled == FirstPull::Done)
        return client;
    if (pulled == FirstPull::Cancelled)
        return nullptr; // the agent's choice: nothing to report
    *error = RemoteConnection::tr("The server %1 cannot be reached, and nothing was synced from it "
                                  "yet.")
                 .arg(server.toDisplayString());
    return nullptr;
}

void signInAgainWhenAsked(SyncClient *client, const QUrl &server, QWidget *parent)
{
    QObject::connect(client, &SyncClient::authenticationRequired, parent, [client, server, parent] {
        LoginDialog login(client, server, parent);
        login.exec();
    });
}

} // namespace creneau::ui
