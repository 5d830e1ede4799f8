// creneau: the desktop application. Parses the command line, starts the embedded booking server
// and opens the agenda window; nothing else lives here.
#include "agendasource.h"
#include "embeddedserver.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTranslator>

#include <cstdio>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("creneau"));
    QApplication::setApplicationDisplayName(QStringLiteral("Créneau"));
    QApplication::setApplicationVersion(QStringLiteral(CRENEAU_VERSION));
    QTranslator translator;
    if (translator.load(QLocale(QLocale::French), QStringLiteral("creneau"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Créneau: appointments for public services"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption data(
        QStringLiteral("data"), QCoreApplication::translate("main", "Data directory."),
        QStringLiteral("DIR"), QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QCoreApplication::translate("main", "Create the demo organisation on first run."));
    parser.addOptions({data, demo});
    parser.process(app);

    creneau::ui::EmbeddedServer server(parser.value(data));
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
        creneau::ui::AgendaSource source(server.databasePath());
        creneau::ui::MainWindow window(&source, server.publicUrl());
        window.show();
        return app.exec();
    } catch (const std::exception &e) {
        QMessageBox::critical(nullptr, QApplication::applicationDisplayName(),
                              QString::fromUtf8(e.what()));
        return 1;
    }
}
