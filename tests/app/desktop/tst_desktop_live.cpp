// The real main window with its embedded server, connected as the program does (SyncClient over
// loopback, the demo's « Je suis » session): a prescripteur books through the public HTTP API
// and, without any click, the appointment shows in the agenda within 2 seconds with a notice
// naming the prescripteur; selecting it shows their e-mail and phone in the panel.
#include "app/desktop/embeddedconnection.h"
#include "app/desktop/embeddedserver.h"
#include "httpclient.h"
#include "sync/client/syncclient.h"
#include "ui/agendasource.h"
#include "ui/mainwindow.h"
#include "webbooking.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QToolButton>
#include <QtTest>

using namespace creneau;

namespace {

const QString kSlug = QStringLiteral("mfs-vernon");

} // namespace

class TestDesktopLive : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void webBookingAppearsWithoutClick();
};

void TestDesktopLive::webBookingAppearsWithoutClick()
{
    QTemporaryDir dir;
    dir.setAutoRemove(false); // keeps the screenshot
    const QString data = dir.filePath(QStringLiteral("data"));
    desktop::EmbeddedServer server(data);
    QVERIFY(server.isFirstRun());
    QVERIFY2(server.start(true), qPrintable(server.errorString()));
    QVERIFY(server.offersAgentChoice()); // the demo, with its published password
    QString error;
    const std::unique_ptr<client::SyncClient> sync =
        desktop::connectToEmbedded(server, data, &error);
    QVERIFY2(sync, qPrintable(error));
    ui::AgendaSource source(sync.get());
    ui::MainWindow window(&source, server.publicUrl());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    test::HttpClient client(server.publicUrl());
    qint64 motifId = 0;
    QJsonObject creneau;
    QVERIFY(test::firstPrescripteurCreneau(client, kSlug, &motifId, &creneau));
    const QDateTime start =
        QDateTime::fromString(creneau.value(QStringLiteral("starts_at")).toString(), Qt::ISODate);
    window.setCurrentDate(start.toTimeZone(source.timeZone()).date());
    const int before = window.model()->rowCount();

    const test::Reply booked = test::bookAsPrescripteur(client, kSlug, motifId, creneau);
    QVERIFY2(booked.status == 201, booked.body.constData());
    QElapsedTimer sinceBooking;
    sinceBooking.start();

    auto *banner = window.findChild<QLabel *>(QStringLiteral("newRdvBanner"));
    QVERIFY(banner);
    QTRY_VERIFY_WITH_TIMEOUT(window.model()->rowCount() == before + 1, 2000);
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 2000);
    QVERIFY(sinceBooking.elapsed() <= 2000);
    QVERIFY(banner->text().contains(QStringLiteral("Paul Mairie")));
    QVERIFY(banner->text().contains(QStringLiteral("Léa Martin")));

    Id rdvId = 0;
    for (int row = 0; row < window.model()->rowCount(); ++row) {
        const QModelIndex i = window.model()->index(row);
        if (i.data(ui::AgendaModel::PrescripteurNameRole).toString() ==
            QLatin1String("Paul Mairie"))
            rdvId = i.data(ui::AgendaModel::RdvIdRole).toLongLong();
    }
    QVERIFY(rdvId);
    // The banner's « Show » link comes back to it from another week.
    window.findChild<QToolButton *>(QStringLiteral("nextButton"))->click();
    QVERIFY(!window.model()->indexOfRdv(rdvId).isValid());
    QVERIFY(banner->text().contains(QStringLiteral("rdv:%1").arg(rdvId)));
    emit banner->linkActivated(QStringLiteral("rdv:%1").arg(rdvId));
    QVERIFY(window.model()->indexOfRdv(rdvId).isValid());
    QCOMPARE(window.panel()->rdvId(), rdvId);
    window.agendaView()->setSelectedRdv(0);
    const QRectF box = window.agendaView()->rectOfRdv(rdvId);
    QVERIFY(!box.isEmpty());
    QTest::mouseClick(window.agendaView(), Qt::LeftButton, {}, box.center().toPoint());
    QCOMPARE(window.panel()->rdvId(), rdvId);
    const auto label = [&window](const char *name) {
        return window.findChild<QLabel *>(QLatin1String(name))->text();
    };
    QCOMPARE(label("prescripteurNameLabel"), QStringLiteral("Paul Mairie"));
    QVERIFY(
        label("prescripteurEmailLabel").contains(QStringLiteral("mailto:paul@mairie.example.fr")));
    QVERIFY(label("prescripteurPhoneLabel").contains(QStringLiteral("tel:0611223344")));
    QCOMPARE(label("usagerNameLabel"), QStringLiteral("Léa Martin"));

    QTest::qWait(50); // lets the panel's layout follow its new texts before the screenshot
    const QString shot = dir.filePath(QStringLiteral("agenda.png"));
    QVERIFY(window.grab().save(shot));
    qInfo("screenshot: %s", qPrintable(shot));
}

QTEST_MAIN(TestDesktopLive)
#include "tst_desktop_live.moc"
