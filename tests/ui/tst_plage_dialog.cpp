// The opening-range editor: the recurrence editor writes the RRULE from days, interval and end
// date, previews the next 10 dates without the exceptions, and the range is saved (or refused
// with the French message next to the field).
#include "embeddeddesk.h"
#include "testorganisation.h"
#include "ui/plagedialog.h"
#include "ui/recurrenceeditor.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTimeEdit>
#include <QtTest>

using namespace creneau;

class TestPlageDialog : public QObject
{
    Q_OBJECT
private slots:
    void recurrenceAndPreview();
    void saveAndRefuse();
};

void TestPlageDialog::recurrenceAndPreview()
{
    ui::RecurrenceEditor editor;
    const QDate monday = QDate::currentDate().addDays(8 - QDate::currentDate().dayOfWeek());
    editor.setRule({}, monday, {});
    QCOMPARE(editor.rrule(), QString());
    editor.findChild<QCheckBox *>(QStringLiteral("dayCheck1"))->setChecked(true);
    editor.findChild<QCheckBox *>(QStringLiteral("dayCheck3"))->setChecked(true);
    auto *interval = editor.findChild<QSpinBox *>(QStringLiteral("intervalSpin"));
    // « every week » in words, never « every 1 week(s) ».
    interval->setValue(1);
    QCOMPARE(interval->text(), QStringLiteral("every week"));
    interval->setValue(2);
    QCOMPARE(interval->text(), QStringLiteral("every 2 weeks"));
    QCOMPARE(editor.rrule(), QStringLiteral("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE"));
    QCOMPARE(editor.preview().size(), 10);
    QCOMPARE(editor.preview().at(0), monday);
    QCOMPARE(editor.preview().at(1), monday.addDays(2));
    QCOMPARE(editor.preview().at(2), monday.addDays(14));

    editor.findChild<QDateEdit *>(QStringLiteral("exceptionDateEdit"))->setDate(monday.addDays(2));
    QTest::mouseClick(editor.findChild<QPushButton *>(QStringLiteral("addExceptionButton")),
                      Qt::LeftButton);
    QCOMPARE(editor.exceptions(), QList<QDate>{monday.addDays(2)});
    QCOMPARE(editor.preview().at(1), monday.addDays(14));

    editor.findChild<QCheckBox *>(QStringLiteral("untilCheck"))->setChecked(true);
    editor.findChild<QDateEdit *>(QStringLiteral("untilEdit"))->setDate(monday.addDays(20));
    QVERIFY(editor.rrule().endsWith(QStringLiteral(";UNTIL=") +
                                    monday.addDays(20).toString(QStringLiteral("yyyyMMdd"))));
    QCOMPARE(editor.preview().size(), 3); // Monday, the Monday and Wednesday two weeks later

    ui::RecurrenceEditor reread;
    reread.setRule(editor.rrule(), monday, editor.exceptions());
    QCOMPARE(reread.rrule(), editor.rrule());
    QCOMPARE(reread.preview(), editor.preview());
}

void TestPlageDialog::saveAndRefuse()
{
    test::TestOrganisation org;
    const Agent admin = org.addAgent(QStringLiteral("Admin"), AgentRole::Admin);
    test::EmbeddedDesk desk(org, admin.id);
    QVERIFY2(desk.start(), qPrintable(desk.error()));
    ui::AgendaSource &source = desk.source();
    ui::PlageDialog dialog(&source);
    dialog.show();
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("newPlageButton")),
                      Qt::LeftButton);
    dialog.findChild<QTimeEdit *>(QStringLiteral("endTimeEdit"))->setTime(QTime(8, 0));
    QVERIFY(!dialog.save());
    auto *motifsError = dialog.findChild<QLabel *>(QStringLiteral("motifsListError"));
    QVERIFY(motifsError->isVisible() && !motifsError->text().isEmpty());
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("endTimeEditError"))->isVisible());
    QCOMPARE(dialog.findChild<QTimeEdit *>(QStringLiteral("endTimeEdit"))->time(), QTime(8, 0));

    dialog.findChild<QTimeEdit *>(QStringLiteral("endTimeEdit"))->setTime(QTime(12, 0));
    dialog.findChild<QListWidget *>(QStringLiteral("motifsList"))
        ->item(0)
        ->setCheckState(Qt::Checked);
    QSignalSpy changed(&dialog, &ui::PlageDialog::catalogChanged);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("savePlageButton")),
                      Qt::LeftButton);
    QCOMPARE(changed.count(), 1);
    QVERIFY(desk.settle());
    const QList<PlageOuverture> plages = Catalog(*org.store).plages(org.org.id);
    QCOMPARE(plages.size(), 1);
    QCOMPARE(plages.first().rrule, QStringLiteral("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"));
    QCOMPARE(plages.first().motifIds, QList<Id>{org.motif.id});
}

QTEST_MAIN(TestPlageDialog)
#include "tst_plage_dialog.moc"
