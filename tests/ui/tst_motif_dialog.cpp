// The motif editor: switching a motif to "agents only", sent through the sync client to the
// server, removes it from the public page that server serves (no restart); an invalid form shows
// French messages next to the fields and keeps what was typed; an agent who is not an
// administrator is refused by the server.
#include "embeddeddesk.h"
#include "httpclient.h"
#include "testorganisation.h"
#include "ui/motifdialog.h"

#include <QAction>
#include <QColorDialog>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QtTest>

using namespace creneau;

class TestMotifDialog : public QObject
{
    Q_OBJECT
private slots:
    void agentsOnlyLeavesThePublicPage();
    void invalidFormKeepsValues();
    void colourPickerFillsTheField();
    void agentIsRefusedByTheServer();
};

void TestMotifDialog::agentsOnlyLeavesThePublicPage()
{
    test::TestOrganisation org;
    const Agent admin = org.addAgent(QStringLiteral("Admin"), AgentRole::Admin);
    test::EmbeddedDesk desk(org, admin.id);
    QVERIFY2(desk.start(), qPrintable(desk.error()));
    ui::AgendaSource &source = desk.source();
    test::HttpClient client(desk.url());
    const QString page = QStringLiteral("/rdv/") + org.org.slug;
    const test::Reply before = client.get(page);
    QCOMPARE(before.status, 200);
    QVERIFY(before.text().contains(org.motif.name));

    ui::MotifDialog dialog(&source);
    dialog.show();
    QSignalSpy changed(&dialog, &ui::MotifDialog::catalogChanged);
    dialog.selectMotif(org.motif.id);
    auto *who = dialog.findChild<QComboBox *>(QStringLiteral("bookableByCombo"));
    QCOMPARE(who->currentData().toInt(), int(BookableBy::Everyone));
    who->setCurrentIndex(who->findData(int(BookableBy::Agents)));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("saveMotifButton")),
                      Qt::LeftButton);
    QCOMPARE(changed.count(), 1);
    QVERIFY(desk.settle());
    QCOMPARE(source.motif(org.motif.id)->bookableBy, BookableBy::Agents);
    QCOMPARE(
        dialog.findChild<QComboBox *>(QStringLiteral("bookableByCombo"))->currentData().toInt(),
        int(BookableBy::Agents)); // the form shows what the server kept

    const test::Reply after = client.get(page);
    QCOMPARE(after.status, 200);
    QVERIFY(!after.text().contains(org.motif.name));
}

void TestMotifDialog::colourPickerFillsTheField()
{
    test::TestOrganisation org;
    test::EmbeddedDesk desk(org, org.agent.id);
    QVERIFY2(desk.start(), qPrintable(desk.error()));
    ui::AgendaSource &source = desk.source();
    ui::MotifDialog dialog(&source);
    dialog.show();
    auto *color = dialog.findChild<QLineEdit *>(QStringLiteral("colorEdit"));
    color->setText(QStringLiteral("#1f6feb"));
    dialog.findChild<QAction *>(QStringLiteral("pickColorAction"))->trigger();
    auto *picker = dialog.findChild<QColorDialog *>(QStringLiteral("colorDialog"));
    QVERIFY(picker);
    QCOMPARE(picker->currentColor(), QColor(QStringLiteral("#1f6feb"))); // starts from the field
    picker->setCurrentColor(QColor(QStringLiteral("#aa3300")));
    picker->accept();
    QCOMPARE(color->text(), QStringLiteral("#aa3300"));
}

void TestMotifDialog::invalidFormKeepsValues()
{
    test::TestOrganisation org;
    const Agent admin = org.addAgent(QStringLiteral("Admin"), AgentRole::Admin);
    test::EmbeddedDesk desk(org, admin.id);
    QVERIFY2(desk.start(), qPrintable(desk.error()));
    ui::AgendaSource &source = desk.source();
    ui::MotifDialog dialog(&source);
    dialog.show();
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("newMotifButton")),
                      Qt::LeftButton);
    auto *color = dialog.findChild<QLineEdit *>(QStringLiteral("colorEdit"));
    color->setText(QStringLiteral("rouge"));
    dialog.findChild<QSpinBox *>(QStringLiteral("durationSpin"))->setValue(2);
    QSignalSpy changed(&dialog, &ui::MotifDialog::catalogChanged);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("saveMotifButton")),
                      Qt::LeftButton);
    QCOMPARE(changed.count(), 0);
    for (const char *name : {"nameEditError", "colorEditError", "durationSpinError"}) {
        auto *label = dialog.findChild<QLabel *>(QString::fromLatin1(name));
        QVERIFY2(label && label->isVisible() && !label->text().isEmpty(), name);
    }
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("colorEditError"))
                ->text()
                .contains(QStringLiteral("#1f6feb")));
    QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("maxDelaySpinError"))->isVisible());
    QCOMPARE(color->text(), QStringLiteral("rouge"));
    QCOMPARE(source.motifs().size(), 1);

    dialog.findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QStringLiteral("Visite"));
    color->setText(QStringLiteral("#2a9d8f"));
    dialog.findChild<QSpinBox *>(QStringLiteral("durationSpin"))->setValue(45);
    QVERIFY(dialog.save());
    QVERIFY(desk.settle());
    QCOMPARE(source.motifs().size(), 2);
    QTRY_COMPARE(dialog.findChild<QListWidget *>(QStringLiteral("motifList"))->count(), 2);
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("nameEdit"))->text(),
             QStringLiteral("Visite")); // the new motif, selected once back from the server
}

void TestMotifDialog::agentIsRefusedByTheServer()
{
    test::TestOrganisation org;
    test::EmbeddedDesk desk(org, org.agent.id); // not an administrator
    QVERIFY2(desk.start(), qPrintable(desk.error()));
    ui::AgendaSource &source = desk.source();
    QSignalSpy refused(&source, &ui::AgendaSource::changeRefused);
    ui::MotifDialog dialog(&source);
    dialog.show();
    dialog.selectMotif(org.motif.id);
    dialog.findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QStringLiteral("Autre"));
    QVERIFY(dialog.save());
    QVERIFY(desk.settle());
    QTRY_COMPARE(refused.count(), 1);
    QVERIFY2(refused.first().first().toString().contains(QLatin1String("administrat")),
             qPrintable(refused.first().first().toString()));
    QCOMPARE(source.motif(org.motif.id)->name, org.motif.name);
}

QTEST_MAIN(TestMotifDialog)
#include "tst_motif_dialog.moc"
