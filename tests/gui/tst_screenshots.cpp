// Screenshots of the main screens for the README, over the demo organisation: the agenda, the
// appointment panel, the motif editor, the opening ranges and the share dialog. Written to
// $CRENEAU_SCREENSHOTS (a temporary folder when unset), in French; also checks the administration
// button shows for the admin only.
#include "agendasource.h"
#include "embeddedconnection.h"
#include "embeddedserver.h"
#include "mainwindow.h"
#include "motifdialog.h"
#include "plagedialog.h"
#include "sharedialog.h"
#include "syncclient.h"
#include "translator.h"

#include <QComboBox>
#include <QDir>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace creneau;

class TestScreenshots : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void mainScreens();

private:
    bool save(QWidget *widget, const QString &name);
    QTemporaryDir m_temp;
    QDir m_out;
};

void TestScreenshots::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    installTranslations(*QCoreApplication::instance(), QStringLiteral("fr")); // as users see it
    const QString folder = qEnvironmentVariable("CRENEAU_SCREENSHOTS", m_temp.path());
    QVERIFY(QDir().mkpath(folder));
    m_out = QDir(folder);
}

bool TestScreenshots::save(QWidget *widget, const QString &name)
{
    QApplication::processEvents(); // let layouts settle
    const QString path = m_out.filePath(name + QStringLiteral(".png"));
    return widget->grab().save(path) && QFileInfo(path).size() > 1000;
}

void TestScreenshots::mainScreens()
{
    QTemporaryDir data;
    desktop::EmbeddedServer server(data.path());
    QVERIFY2(server.start(true), qPrintable(server.errorString()));
    QString error;
    const std::unique_ptr<sync::SyncClient> sync =
        desktop::connectToEmbedded(server, data.path(), &error);
    QVERIFY2(sync, qPrintable(error));
    ui::AgendaSource source(sync.get());
    ui::MainWindow window(&source, server.publicUrl());
    window.setAgentChoice([&](Id agentId) { return desktop::actAs(server, sync.get(), agentId); });
    window.resize(1280, 760);
    window.setMode(ui::AgendaView::Mode::Week);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // The week of the demo's next appointments (on a weekend, that is next week).
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QList<Rdv> coming = source.rdvsBetween(now, now + 14 * 86400);
    QVERIFY2(!coming.isEmpty(), "the demo has appointments in the next two weeks");
    window.setCurrentDate(
        QDateTime::fromSecsSinceEpoch(coming.first().startsAt, source.timeZone()).date());

    auto *admin = window.findChild<QToolButton *>(QStringLiteral("adminButton"));
    QVERIFY(admin->isVisible()); // the demo administrator is « Je suis » by default
    QVERIFY(save(&window, QStringLiteral("agenda")));

    // The first appointment of the week booked by a prescripteur, else any.
    Id chosen = 0;
    for (int row = 0; row < window.model()->rowCount(); ++row) {
        const QModelIndex index = window.model()->index(row);
        const Id id = index.data(ui::AgendaModel::RdvIdRole).toLongLong();
        const auto rdv = source.rdv(id);
        if (!chosen || (rdv && rdv->createdBy == CreatedBy::Prescripteur)) {
            chosen = id;
            if (rdv && rdv->createdBy == CreatedBy::Prescripteur)
                break;
        }
    }
    QVERIFY2(chosen, "the demo has appointments that week");
    window.agendaView()->setSelectedRdv(chosen);
    QVERIFY(save(&window, QStringLiteral("appointment-panel")));

    ui::MotifDialog motifs(&source, &window);
    motifs.resize(820, 560);
    motifs.show();
    QVERIFY(save(&motifs, QStringLiteral("motif-editor")));
    motifs.close();

    ui::PlageDialog plages(&source, &window);
    plages.resize(900, 720);
    plages.show();
    QVERIFY(save(&plages, QStringLiteral("opening-ranges")));
    plages.close();

    ui::ShareDialog share(source.organisation().name, window.partnerLink(), window.publicLink(),
                          &window);
    share.show();
    QVERIFY(save(&share, QStringLiteral("share-dialog")));
    share.close();

    // An agent who is not an administrator does not see the administration.
    auto *me = window.findChild<QComboBox *>(QStringLiteral("currentAgentCombo"));
    for (const Agent &a : source.agents())
        if (a.role != AgentRole::Admin)
            me->setCurrentIndex(me->findData(a.id));
    QVERIFY(!admin->isVisible());
    qInfo("screenshots in %s", qPrintable(m_out.path()));
}

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
