// The absence editor: an end before the start is refused next to the field with the values kept;
// a saved absence shows shaded on that day of the agenda; removing it clears the day again.
#include "embeddeddesk.h"
#include "testorganisation.h"
#include "ui/absencedialog.h"
#include "ui/agendamodel.h"
#include "ui/agendasource.h"

#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QtTest>

using namespace creneau;

class TestAbsenceDialog : public QObject
{
    Q_OBJECT
private slots:
    void refuseSaveShowRemove();
};

void TestAbsenceDialog::refuseSaveShowRemove()
{
    test::TestOrganisation org;
    test::EmbeddedDesk desk(org, org.agent.id);
    QVERIFY2(desk.start(), qPrintable(desk.error()));
    ui::AgendaSource &source = desk.source();
    ui::AbsenceDialog dialog(&source);
    dialog.show();
    const auto button = [&dialog](const char *name) {
        return dialog.findChild<QPushButton *>(QLatin1String(name));
    };
    QTest::mouseClick(button("newAbsenceButton"), Qt::LeftButton);
    const QDate day = QDate::currentDate().addDays(3);
    auto *title = dialog.findChild<QLineEdit *>(QStringLiteral("absenceTitleEdit"));
    auto *start = dialog.findChild<QDateTimeEdit *>(QStringLiteral("absenceStartEdit"));
    auto *end = dialog.findChild<QDateTimeEdit *>(QStringLiteral("absenceEndEdit"));
    title->setText(QStringLiteral("Formation"));
    start->setDateTime(QDateTime(day, QTime(9, 0)));
    end->setDateTime(QDateTime(day, QTime(8, 0)));
    QSignalSpy changed(&dialog, &ui::AbsenceDialog::catalogChanged);

    QTest::mouseClick(button("saveAbsenceButton"), Qt::LeftButton);
    QCOMPARE(changed.count(), 0);
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("absenceEndEditError"));
    QVERIFY(error && error->isVisible() && !error->text().isEmpty());
    QCOMPARE(title->text(), QStringLiteral("Formation"));

    end->setDateTime(QDateTime(day, QTime(12, 0)));
    QTest::mouseClick(button("saveAbsenceButton"), Qt::LeftButton);
    QCOMPARE(changed.count(), 1);
    QVERIFY(!error->isVisible());
    QVERIFY(desk.settle());
    // Back from the server, the new absence is the one shown.
    QTRY_COMPARE(title->text(), QStringLiteral("Formation"));

    ui::AgendaModel model(&source);
    model.setPeriod(day, day);
    QCOMPARE(model.absences().size(), 1);
    QCOMPARE(model.absences().first().agentId, org.agent.id);
    QCOMPARE(model.absences().first().start, org.local(day, QTime(9, 0)).toSecsSinceEpoch());
    QCOMPARE(model.absences().first().end, org.local(day, QTime(12, 0)).toSecsSinceEpoch());

    QTest::mouseClick(button("removeAbsenceButton"), Qt::LeftButton);
    QCOMPARE(changed.count(), 2);
    QVERIFY(desk.settle());
    model.reload();
    QVERIFY(model.absences().isEmpty());
}

QTEST_MAIN(TestAbsenceDialog)
#include "tst_absence_dialog.moc"
