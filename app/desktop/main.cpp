// creneau: the desktop application. Parses the command line, starts the embedded booking server
// and opens the agenda window; nothing else lives here.
#include "agendasource.h"
#include "appicon.h"
#include "embeddedserver.h"
#include "mainwindow.h"
#include "translator.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QStandardPaths>

#include <cstdio>

int main(int argc, char **argv)
{
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
    parser.addOptions({data, demo});
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
    creneau::installTranslations(app); // French unless CRENEAU_LANG says otherwise
    QApplication::setWindowIcon(creneau::ui::appIcon());
    QApplication::setDesktopFileName(QStringLiteral("creneau"));

    const QString dataDir = parser.isSet(data)
                                ? parser.value(data)
                                : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    creneau::ui::EmbeddedServer server(dataDir);
    bool seed = false;
    if (server.isFirstRun()) {
        seed = parser.isSet(demo) ||
               QMessageBox::question(
                   nullptr, QApplication::applicationDisplayName(),
                   QCoreApplication::translate("main", "Create the demo organisation?")) ==
                   QMessageBox::Yes;
        if (!seed) {
            QMessageBox::information(
                nullptr, QApplication::applicationDisplayName(),
                QCoreApplication::translate(
                    "main", "Nothing to show yet: start again with --demo, or connect to a "
                            "server once the administration screens exist."));
            return 0;
        }
    }
    if (!server.start(seed)) {
        QMessageBox::critical(nullptr, QApplication::applicationDisplayName(),
                              server.errorString());
        return 1;
    }
    std::fprintf(stderr, "Booking server on %s\n", qPrintable(server.publicUrl()));

    try {
        creneau::ui::AgendaSource source(server.databasePath(), server.server()->eventSink());
        creneau::ui::MainWindow window(&source, server.publicUrl());
        window.show();
        return app.exec();
    } catch (const std::exception &e) {
        QMessageBox::critical(nullptr, QApplication::applicationDisplayName(),
                              QString::fromUtf8(e.what()));
        return 1;
    }
}
