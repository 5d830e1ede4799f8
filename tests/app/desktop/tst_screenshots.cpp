// Screenshots of the main screens for the README, over the demo organisation: the agenda, the
// appointment panel, the motif editor, the opening ranges and the share dialog. Written to
// $CRENEAU_SCREENSHOTS (a temporary folder when unset), in French; also checks the administration
// button shows for the admin only. Each file is read back and must be the widget as drawn, not a
// blank: many colours, the chosen appointment's motif colour inside the agenda, the appointment
// panel drawn where the agenda was, and each screen different from the others.
#include "app/desktop/embeddedconnection.h"
#include "app/desktop/embeddedserver.h"
#include "sync/client/syncclient.h"
#include "translations/translator.h"
#include "ui/agendasource.h"
#include "ui/mainwindow.h"
#include "ui/motifdialog.h"
#include "ui/plagedialog.h"
#include "ui/sharedialog.h"

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
    // The widget as drawn, written to NAME.png and read back; a null image when that fails.
    QImage save(QWidget *widget, const QString &name);
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

QImage TestScreenshots::save(QWidget *widget, const QString &name)
{
    QApplication::processEvents(); // let layouts settle
    const QString path = m_out.filePath(name + QStringLiteral(".png"));
    const QImage drawn = widget->grab().toImage().convertToFormat(QImage::Format_RGB32);
    if (!drawn.save(path))
        return {};
    const QImage read = QImage(path).convertToFormat(QImage::Format_RGB32);
    return read == drawn ? read : QImage();
}

namespace {

// Distinct colours in `area` of `image` (all of it when null), counted up to `enough`.
int colours(const QImage &image, QRect area = {}, int enough = 64)
{
    area = area.isNull() ? image.rect() : area.intersected(image.rect());
    QSet<QRgb> seen;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right() && seen.size() < enough; ++x)
            seen.insert(image.pixel(x, y));
    return int(seen.size());
}

bool hasColour(const QImage &image, const QRect &area, QRgb colour)
{
    const QRect r = area.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            if ((image.pixel(x, y) & 0xffffff) == (colour & 0xffffff))
                return true;
    return false;
}

// Where `child` is drawn in a grab of `top`.
QRect areaOf(QWidget *child, QWidget *top)
{
    return QRect(child->mapTo(top, QPoint(0, 0)), child->size());
}

} // namespace

void TestScreenshots::mainScreens()
{
    QTemporaryDir data;
    desktop::EmbeddedServer server(data.path());
    QVERIFY2(server.start(true), qPrintable(server.errorString()));
    QString error;
    const std::unique_ptr<client::SyncClient> sync =
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
    const QImage agenda = save(&window, QStringLiteral("agenda"));
    QVERIFY(!agenda.isNull());
    QCOMPARE(agenda.size(), window.size());
    const QRect agendaArea = areaOf(window.agendaView(), &window);
    QVERIFY(colours(agenda, agendaArea) >= 16); // boxes, hours, text: not a blank area

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
    const QImage panel = save(&window, QStringLiteral("appointment-panel"));
    QVERIFY(!panel.isNull());
    // The chosen appointment's box is drawn in its motif's colour...
    QColor motifColour;
    for (int row = 0; row < window.model()->rowCount(); ++row) {
        const QModelIndex index = window.model()->index(row);
        if (index.data(ui::AgendaModel::RdvIdRole).toLongLong() == chosen)
            motifColour = index.data(ui::AgendaModel::MotifColorRole).value<QColor>();
    }
    QVERIFY(motifColour.isValid());
    QVERIFY2(hasColour(panel, areaOf(window.agendaView(), &window), motifColour.rgb()),
             qPrintable(motifColour.name()));
    // ...and the panel shows, with text, where the agenda screenshot had something else.
    auto *rdvPanel = window.findChild<QWidget *>(QStringLiteral("rdvPanel"));
    QVERIFY(rdvPanel && rdvPanel->isVisible());
    const QRect panelArea = areaOf(rdvPanel, &window);
    QVERIFY(colours(panel, panelArea) >= 8);
    QVERIFY(panel.copy(panelArea) != agenda.copy(panelArea));

    ui::MotifDialog motifs(&source, &window);
    motifs.resize(820, 560);
    motifs.show();
    const QImage motifEditor = save(&motifs, QStringLiteral("motif-editor"));
    QVERIFY(!motifEditor.isNull());
    QCOMPARE(motifEditor.size(), QSize(820, 560));
    QVERIFY(colours(motifEditor) >= 16);
    motifs.close();

    ui::PlageDialog plages(&source, &window);
    plages.resize(900, 720);
    plages.show();
    const QImage ranges = save(&plages, QStringLiteral("opening-ranges"));
    QVERIFY(!ranges.isNull());
    QCOMPARE(ranges.size(), QSize(900, 720));
    QVERIFY(colours(ranges) >= 16);
    plages.close();

    ui::ShareDialog share(source.organisation().name, window.partnerLink(), window.publicLink(),
                          &window);
    share.show();
    const QImage shareShot = save(&share, QStringLiteral("share-dialog"));
    QVERIFY(!shareShot.isNull());
    QVERIFY(colours(shareShot) >= 8);
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
