// The agenda model over a store: one row per appointment of the period, with the roles the
// agenda view reads.
#include "embeddeddesk.h"
#include "models/frenchformat.h"
#include "prescripteurbooking.h"
#include "ui/agendamodel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace creneau;

class TestAgendaModel : public QObject
{
    Q_OBJECT
private slots:
    void rowsAndRoles();
    void agentFilterAndPeriod();
};

void TestAgendaModel::rowsAndRoles()
{
    test::PrescripteurBooking b;
    QVERIFY2(b.outcome.ok(), qPrintable(b.outcome.message));
    test::EmbeddedDesk desk(b.org, b.org.agent.id);
    QVERIFY2(desk.start(), qPrintable(desk.error()));
    ui::AgendaSource &source = desk.source();
    ui::AgendaModel model(&source);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QDateTime start =
        QDateTime::fromSecsSinceEpoch(b.outcome.rdv.startsAt, source.timeZone());
    model.setPeriod(start.date(), start.date().addDays(6));

    QCOMPARE(model.rowCount(), 1);
    const QModelIndex i = model.index(0);
    QCOMPARE(i.data(ui::AgendaModel::RdvIdRole).toLongLong(), b.outcome.rdv.id);
    QCOMPARE(i.data(ui::AgendaModel::StartRole).toDateTime(), start);
    QCOMPARE(i.data(ui::AgendaModel::EndRole).toDateTime(), start.addSecs(30 * 60));
    QCOMPARE(i.data(ui::AgendaModel::MotifNameRole).toString(), QStringLiteral("Premier accueil"));
    QCOMPARE(i.data(ui::AgendaModel::MotifColorRole).value<QColor>(), QColor(b.org.motif.color));
    QCOMPARE(i.data(ui::AgendaModel::UsagerNameRole).toString(), QStringLiteral("Léa Martin"));
    QCOMPARE(i.data(ui::AgendaModel::AgentIdRole).toLongLong(), b.org.agent.id);
    QCOMPARE(i.data(ui::AgendaModel::LieuRole).toString(), QStringLiteral("Accueil"));
    QVERIFY(i.data(ui::AgendaModel::BookedByPrescripteurRole).toBool());
    QCOMPARE(i.data(ui::AgendaModel::PrescripteurNameRole).toString(),
             QStringLiteral("Paul Mairie"));
    QCOMPARE(i.data(ui::AgendaModel::StatusRole).toInt(), int(RdvStatus::Unknown));
    QVERIFY(i.data(Qt::DisplayRole).toString().endsWith(QStringLiteral("Léa Martin")));
    // The « P » badge spelled out where the pointer rests.
    QCOMPARE(i.data(Qt::ToolTipRole).toString(),
             QStringLiteral("Premier accueil\n") + ui::AgendaModel::prescripteurBadgeText());
    // The desktop in French writes « 9 h 30 », as the web and the e-mails.
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
    QVERIFY(i.data(Qt::DisplayRole)
                .toString()
                .startsWith(fr::time(start.time()) + QStringLiteral(" Léa")));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    QVERIFY(
        i.data(Qt::DisplayRole)
            .toString()
            .startsWith(start.time().toString(QStringLiteral("HH:mm")) + QStringLiteral(" Léa")));
    QLocale::setDefault(before);
    QVERIFY(model.roleNames().values().contains("bookedByPrescripteur"));
    QVERIFY(!model.openings().isEmpty());
}

void TestAgendaModel::agentFilterAndPeriod()
{
    test::PrescripteurBooking b;
    QVERIFY(b.outcome.ok());
    const Agent other = b.org.addAgent(QStringLiteral("Petit"));
    test::EmbeddedDesk desk(b.org, b.org.agent.id);
    QVERIFY2(desk.start(), qPrintable(desk.error()));
    ui::AgendaSource &source = desk.source();
    ui::AgendaModel model(&source);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QDate day =
        QDateTime::fromSecsSinceEpoch(b.outcome.rdv.startsAt, source.timeZone()).date();
    model.setPeriod(day, day);
    QCOMPARE(model.rowCount(), 1);
    model.setAgentFilter(other.id);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.agents().size(), 1);
    model.setAgentFilter(0);
    QCOMPARE(model.rowCount(), 1);
    model.setPeriod(day.addDays(1), day.addDays(2));
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestAgendaModel)
#include "tst_agenda_model.moc"
