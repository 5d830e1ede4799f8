// The embedded endpoint's address: saved in the data directory, the same link at every start (the
// next free port when the saved one is taken, then kept), listening where the chosen reach says,
// and the dialog that chooses it (French message beside the public address, value kept).
#include "app/desktop/embeddedserver.h"
#include "models/catalog.h"
#include "models/demodata.h"
#include "models/secrets.h"
#include "models/store.h"
#include "ui/bookinglinkaddress.h"
#include "ui/bookinglinkdialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace creneau::ui;
using creneau::desktop::EmbeddedServer;

namespace {

// A port nobody listens on now, with the next one free as well.
quint16 freePortPair()
{
    for (int attempt = 0; attempt < 50; ++attempt) {
        QTcpServer a;
        if (!a.listen(QHostAddress::LocalHost, 0))
            continue;
        QTcpServer b;
        if (a.serverPort() < 65535 && b.listen(QHostAddress::LocalHost, a.serverPort() + 1))
            return a.serverPort();
    }
    return 0;
}

QString startedUrl(const QString &dataDir)
{
    EmbeddedServer server(dataDir);
    if (!server.start(true))
        return QStringLiteral("failed: ") + server.errorString();
    return server.publicUrl();
}

// A demo store whose administrator no longer has the published password: only such a store may
// listen beyond this computer.
void seedWithOwnPassword(const QString &dataDir)
{
    {
        EmbeddedServer first(dataDir);
        QVERIFY(first.start(true));
    }
    auto store = creneau::Store::open(QDir(dataDir).filePath(QStringLiteral("creneau.sqlite")));
    creneau::Catalog catalog(*store);
    creneau::WriteTransaction tx(*store);
    catalog.setPasswordHash(
        catalog.agentByEmail(QString::fromLatin1(creneau::demo::kAdminEmail))->id,
        creneau::secrets::hashPassword(QStringLiteral("un-mot-de-passe-a-nous")));
    tx.commit();
}

bool answers(const QString &host, quint16 port)
{
    QTcpSocket s;
    s.connectToHost(host, port);
    return s.waitForConnected(3000);
}

} // namespace

class TestBookingLink : public QObject
{
    Q_OBJECT
private slots:
    void sameLinkAtEveryStart()
    {
        QTemporaryDir dir;
        const quint16 port = freePortPair();
        QVERIFY(port != 0);
        BookingLinkAddress saved;
        saved.port = port;
        QVERIFY(saved.save(dir.path()));
        const QString first = startedUrl(dir.path());
        QCOMPARE(first, QStringLiteral("http://127.0.0.1:%1").arg(port));
        QCOMPARE(startedUrl(dir.path()), first);
    }

    void takenPortMovesToTheNextOneAndKeepsIt()
    {
        QTemporaryDir dir;
        const quint16 port = freePortPair();
        QVERIFY(port != 0);
        BookingLinkAddress saved;
        saved.port = port;
        QVERIFY(saved.save(dir.path()));
        {
            QTcpServer squatter;
            QVERIFY(squatter.listen(QHostAddress::LocalHost, port));
            QCOMPARE(startedUrl(dir.path()), QStringLiteral("http://127.0.0.1:%1").arg(port + 1));
        }
        // The saved port is free again, but partners already have the other link.
        QCOMPARE(startedUrl(dir.path()), QStringLiteral("http://127.0.0.1:%1").arg(port + 1));
        QCOMPARE(BookingLinkAddress::load(dir.path()).port, quint16(port + 1));
    }

    void localNetworkListensOnEveryInterface()
    {
        QTemporaryDir dir;
        const quint16 port = freePortPair();
        QVERIFY(port != 0);
        seedWithOwnPassword(dir.path());
        BookingLinkAddress saved;
        saved.reach = BookingLinkAddress::Reach::LocalNetwork;
        saved.port = port;
        QVERIFY(saved.save(dir.path()));
        EmbeddedServer server(dir.path());
        QVERIFY2(server.start(true), qPrintable(server.errorString()));
        const QUrl link(server.publicUrl());
        QCOMPARE(link.host(), BookingLinkAddress::localNetworkHost());
        QCOMPARE(link.port(), int(port));
        QVERIFY(answers(QStringLiteral("127.0.0.1"), port)); // any address includes loopback
    }

    void publicAddressIsTheLink()
    {
        QTemporaryDir dir;
        seedWithOwnPassword(dir.path());
        BookingLinkAddress saved;
        saved.reach = BookingLinkAddress::Reach::PublicAddress;
        saved.publicUrl = QStringLiteral("https://rdv.mfs-vernon.fr/");
        saved.port = freePortPair();
        QVERIFY(saved.save(dir.path()));
        EmbeddedServer server(dir.path());
        QVERIFY2(server.start(true), qPrintable(server.errorString()));
        QCOMPARE(server.partnerLink(QStringLiteral("mfs-vernon")),
                 QStringLiteral("https://rdv.mfs-vernon.fr/rdv/mfs-vernon/prescripteur"));
    }

    // The demo's administrator password is published: such a store stays on this computer.
    void demoWithItsPublishedPasswordStaysOnThisComputer()
    {
        QTemporaryDir dir;
        {
            EmbeddedServer first(dir.path());
            QVERIFY(first.start(true));
        }
        BookingLinkAddress saved;
        saved.reach = BookingLinkAddress::Reach::LocalNetwork;
        saved.port = freePortPair();
        QVERIFY(saved.save(dir.path()));
        EmbeddedServer server(dir.path());
        QVERIFY(!server.start(false));
        QVERIFY2(server.errorString().contains(QLatin1String(creneau::demo::kAdminEmail)),
                 qPrintable(server.errorString()));
        QVERIFY(!answers(QStringLiteral("127.0.0.1"), saved.port));
    }

    void publicAddressRules_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("valid");
        QTest::addRow("https host") << "https://rdv.example.fr" << true;
        QTest::addRow("https host and port") << "https://rdv.example.fr:8443/" << true;
        QTest::addRow("plain http") << "http://rdv.example.fr" << false;
        QTest::addRow("a path") << "https://example.fr/rdv" << false;
        QTest::addRow("empty") << "" << false;
        QTest::addRow("credentials") << "https://user:pw@rdv.example.fr" << false;
        QTest::addRow("not a url") << "rdv example fr" << false;
    }
    void publicAddressRules()
    {
        QFETCH(QString, url);
        QFETCH(bool, valid);
        BookingLinkAddress a;
        a.reach = BookingLinkAddress::Reach::PublicAddress;
        a.publicUrl = url;
        QCOMPARE(a.validate().isEmpty(), valid);
    }

    void dialogRefusesABadAddressAndSavesAGoodOne()
    {
        QTemporaryDir dir;
        BookingLinkDialog dialog(dir.path());
        dialog.show();
        auto *publicRadio = dialog.findChild<QRadioButton *>(QStringLiteral("publicAddressRadio"));
        auto *edit = dialog.findChild<QLineEdit *>(QStringLiteral("publicUrlEdit"));
        QVERIFY(publicRadio && edit);
        QVERIFY(dialog.findChild<QRadioButton *>(QStringLiteral("thisComputerRadio"))->isChecked());
        QVERIFY(!edit->isEnabled());
        publicRadio->click();
        QVERIFY(edit->isEnabled());
        QTest::keyClicks(edit, QStringLiteral("http://rdv.example.fr"));
        auto *save = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
        save->click();
        QVERIFY(dialog.isVisible());
        auto *error = dialog.findChild<QLabel *>(QStringLiteral("publicUrlEditError"));
        QVERIFY(error && error->isVisible());
        QVERIFY(error->text().contains(QStringLiteral("https")));
        QCOMPARE(edit->text(), QStringLiteral("http://rdv.example.fr"));
        QCOMPARE(BookingLinkAddress::load(dir.path()).reach,
                 BookingLinkAddress::Reach::ThisComputer);

        edit->clear();
        QTest::keyClicks(edit, QStringLiteral("https://rdv.example.fr"));
        save->click();
        QVERIFY(!dialog.isVisible());
        const BookingLinkAddress saved = BookingLinkAddress::load(dir.path());
        QCOMPARE(saved.reach, BookingLinkAddress::Reach::PublicAddress);
        QCOMPARE(saved.publicUrl, QStringLiteral("https://rdv.example.fr"));
    }

    void localNetworkDialogNamesThePortToOpen()
    {
        QTemporaryDir dir;
        BookingLinkDialog dialog(dir.path());
        dialog.findChild<QRadioButton *>(QStringLiteral("localNetworkRadio"))->click();
        const QString text =
            dialog.findChild<QLabel *>(QStringLiteral("bookingLinkExplanation"))->text();
        QVERIFY2(text.contains(QStringLiteral("8080")), qPrintable(text));
        QVERIFY2(text.contains(BookingLinkAddress::localNetworkHost()), qPrintable(text));
    }
};

QTEST_MAIN(TestBookingLink)
#include "tst_booking_link.moc"
