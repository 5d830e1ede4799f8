// « Partager »: both links shown with a working copy button and a QR code, and a message for
// partners that carries the partners' link; links that only open on this computer get a plain
// warning instead of QR codes and message. The QR codes are read back with zbar, on the labels
// and on the dialog as it is drawn on screen. Writes a screenshot.
#include "qrdecode.h"
#include "ui/sharedialog.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QtTest>

using namespace creneau;

class TestShareDialog : public QObject
{
    Q_OBJECT
private slots:
    void linksCopyAndQrCodes();
    void linksOfThisComputerOnlyAreNotOffered_data();
    void linksOfThisComputerOnlyAreNotOffered();
};

void TestShareDialog::linksCopyAndQrCodes()
{
    const QString partner = QStringLiteral("http://192.168.1.20:8080/rdv/mfs-vernon/prescripteur");
    const QString pub = QStringLiteral("http://192.168.1.20:8080/rdv/mfs-vernon");
    ui::ShareDialog dialog(QStringLiteral("Maison France Services de Vernon"), partner, pub);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("partnerLinkEdit"))->text(), partner);
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("publicLinkEdit"))->text(), pub);
    // Each QR code opens its own link, as a phone's camera reads it.
    const QList<QPair<const char *, QString>> codes = {{"partnerQrLabel", partner},
                                                       {"publicQrLabel", pub}};
    for (const auto &[name, link] : codes) {
        const QPixmap qr = dialog.findChild<QLabel *>(QLatin1String(name))->pixmap();
        QVERIFY(!qr.isNull());
        QCOMPARE(test::decodeQrCodes(qr.toImage()), QStringList{link});
    }
    // And as the dialog is drawn: both codes, nothing else.
    QStringList onScreen = test::decodeQrCodes(dialog.grab().toImage());
    onScreen.sort();
    QStringList links{partner, pub};
    links.sort();
    QCOMPARE(onScreen, links);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("partnerCopyButton")),
                      Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), partner);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("publicCopyButton")),
                      Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), pub);

    const QString message =
        dialog.findChild<QPlainTextEdit *>(QStringLiteral("partnerMessageEdit"))->toPlainText();
    QVERIFY(message.contains(partner));
    QVERIFY(message.contains(QStringLiteral("Maison France Services de Vernon")));
    QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("onlyHereWarning")));

    QTemporaryDir dir;
    dir.setAutoRemove(false); // keeps the screenshot
    const QString shot = dir.filePath(QStringLiteral("share.png"));
    QVERIFY(dialog.grab().save(shot));
    qInfo("screenshot: %s", qPrintable(shot));
}

void TestShareDialog::linksOfThisComputerOnlyAreNotOffered_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<bool>("onlyHere");
    QTest::addRow("loopback") << "http://127.0.0.1:8080" << true;
    QTest::addRow("loopback range") << "http://127.0.1.1:8080" << true;
    QTest::addRow("localhost") << "http://localhost:8080" << true;
    QTest::addRow("ipv6 loopback") << "http://[::1]:8080" << true;
    QTest::addRow("local network") << "http://192.168.1.20:8080" << false;
    QTest::addRow("public https") << "https://rdv.mfs-vernon.fr" << false;
}

void TestShareDialog::linksOfThisComputerOnlyAreNotOffered()
{
    QFETCH(QString, base);
    QFETCH(bool, onlyHere);
    const QString pub = base + QStringLiteral("/rdv/mfs-vernon");
    ui::ShareDialog dialog(QStringLiteral("MFS"), pub + QStringLiteral("/prescripteur"), pub);
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("onlyHereWarning")) != nullptr, onlyHere);
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("partnerQrLabel")) == nullptr, onlyHere);
    QCOMPARE(dialog.findChild<QPlainTextEdit *>(QStringLiteral("partnerMessageEdit")) == nullptr,
             onlyHere);
    // The links themselves stay visible and copyable: they are what the agent tries first.
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("publicLinkEdit"))->text(), pub);
}

QTEST_MAIN(TestShareDialog)
#include "tst_share_dialog.moc"
