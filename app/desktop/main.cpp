// creneau: the desktop application. Parses the command line, then either starts the embedded
// booking server (the default) or connects to a remote one (--server URL, with a sign-in), and
// opens the agenda window on a SyncClient to either; nothing else lives here.
#include "app/desktop/embeddedconnection.h"
#include "app/desktop/embeddedserver.h"
#include "app/desktop/firststart.h"
#include "app/desktop/quitonsignal.h"
#include "sync/client/syncclient.h"
#include "translations/translator.h"
#include "ui/agendasource.h"
#include "ui/appicon.h"
#include "ui/mainwindow.h"
#include "ui/remoteconnection.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QStandardPaths>

#include <cstdio>
#include <functional>
#include <sys/stat.h>

namespace {

// Runs the agenda; a store that cannot be opened ends in a message, not a crash.
int guarded(const std::function<int()> &run)
{
    try {
        return run();
    } catch (const std::exception &e) {
        QMessageBox::critical(nullptr, QApplication::applicationDisplayName(),
                              QString::fromUtf8(e.what()));
        return 1;
    }
}

int runRemote(const QUrl &url, const QString &dataDir)
{
    if (!url.isValid() || !url.scheme().startsWith(QLatin1String("http"))) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate("main", "Invalid server URL.")));
        return 2;
    }
    QString error;
    const std::unique_ptr<creneau::client::SyncClient> client =
        creneau::ui::connectToServer(url, dataDir, &error);
    if (!client) {
        if (!error.isEmpty())
            QMessageBox::critical(nullptr, QApplication::applicationDisplayName(), error);
        return error.isEmpty() ? 0 : 1;
    }
    return guarded([&] {
        creneau::ui::AgendaSource source(client.get());
        creneau::ui::MainWindow window(&source, url.toString(QUrl::StripTrailingSlash));
        creneau::ui::signInAgainWhenAsked(client.get(), url, &window);
        window.show();
        // On the initial password an administrator set: their own one first.
        if (client->agent().value(QStringLiteral("must_change_password")).toBool())
            window.showPreferencesDialog();
        return QApplication::exec();
    });
}

int runEmbedded(const QString &dataDir, bool demo)
{
    creneau::desktop::EmbeddedServer server(dataDir);
    bool seed = false;
    if (server.isFirstRun()) {
        // A real organisation by default (FirstStartWizard), the demo when asked for.
        QString error;
        const auto outcome =
            demo ? creneau::desktop::FirstStartOutcome::Demo
                 : creneau::desktop::runFirstStart(dataDir, server.databasePath(), &error);
        if (outcome == creneau::desktop::FirstStartOutcome::Cancelled)
            return 0;
        if (outcome == creneau::desktop::FirstStartOutcome::Failed) {
            QMessageBox::critical(nullptr, QApplication::applicationDisplayName(), error);
            return 1;
        }
        seed = outcome == creneau::desktop::FirstStartOutcome::Demo;
    }
    if (!server.start(seed)) {
        QMessageBox::critical(nullptr, QApplication::applicationDisplayName(),
                              server.errorString());
        return 1;
    }
    std::fprintf(stderr, "Booking server on %s\n", qPrintable(server.publicUrl()));

    // The same path as remote mode, against the endpoint on loopback.
    QString error;
    const std::unique_ptr<creneau::client::SyncClient> client =
        creneau::desktop::connectToEmbedded(server, dataDir, &error);
    if (!client) {
        if (!error.isEmpty())
            QMessageBox::critical(nullptr, QApplication::applicationDisplayName(), error);
        return error.isEmpty() ? 0 : 1;
    }
    return guarded([&] {
        creneau::ui::AgendaSource source(client.get());
        creneau::ui::MainWindow window(&source, server.publicUrl());
        window.setEmbeddedEndpoint(server.localUrl(), dataDir);
        if (server.offersAgentChoice())
            window.setAgentChoice([&server, &client](creneau::Id agentId) {
                return creneau::desktop::actAs(server, client.get(), agentId);
            });
        creneau::desktop::signInAgainWhenAsked(server, client.get(), &window);
        window.show();
        return QApplication::exec();
    });
}

} // namespace

int main(int argc, char **argv)
{
    // The embedded store, its journal, the outbox and the keys are readable by this user alone.
    ::umask(077);
    QApplication::setApplicationName(QStringLiteral("creneau"));
    QApplication::setApplicationDisplayName(QStringLiteral("Créneau"));
    QApplication::setApplicationVersion(QStringLiteral(CRENEAU_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Créneau: appointments for public services"));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption data(QStringLiteral("data"),
                                  QCoreApplication::translate("main", "Data directory."),
                                  QStringLiteral("DIR"));
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QCoreApplication::translate("main", "Create the demo organisation on first run."));
    const QCommandLineOption server(
        QStringLiteral("server"),
        QCoreApplication::translate("main", "Connect to this creneau-server instead of starting "
                                            "the embedded one (sign-in by e-mail and password)."),
        QStringLiteral("URL"));
    parser.addOptions({data, demo, server});
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    // Parsed before QApplication exists, so --help and --version work without a display.
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "%s\n", qPrintable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(help) || parser.isSet(QStringLiteral("help-all"))) {
        QString text = parser.helpText();
        text.replace(QLatin1String("<executable_name>"), QLatin1String("creneau"));
        std::printf("%s", qPrintable(text));
        return 0;
    }
    if (parser.isSet(version)) {
        std::printf("creneau %s\n", CRENEAU_VERSION);
        return 0;
    }

    QApplication app(argc, argv);
    creneau::desktop::quitOnTerminationSignals();
    creneau::installTranslations(app); // French unless CRENEAU_LANG says otherwise
    QApplication::setWindowIcon(creneau::ui::appIcon());
    QApplication::setDesktopFileName(QStringLiteral("creneau"));

    const QString dataDir = parser.isSet(data)
                                ? parser.value(data)
                                : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (parser.isSet(server))
        return runRemote(QUrl::fromUserInput(parser.value(server)), dataDir);
    return runEmbedded(dataDir, parser.isSet(demo));
}
