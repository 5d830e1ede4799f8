// PendingSave, what the administration dialogs wait on: « applied » only once the server saved
// the row and the cache holds it (so the dialog reloads what the server kept); « refused » with
// the server's messages by field (so the dialog shows them next to the fields) or, for a
// forbidden change, the message alone.
#include "embeddeddesk.h"
#include "models/catalogservice.h"
#include "ui/pendingsave.h"

#include <QtTest>

using namespace creneau;

class TestPendingSave : public QObject
{
    Q_OBJECT
private slots:
    void appliedOnceInTheCache();
    void refusedByField();
    void forbiddenForAnAgent();
};

void TestPendingSave::appliedOnceInTheCache()
{
    test::TestOrganisation org;
    const Agent admin = org.addAgent(QStringLiteral("Admin"), AgentRole::Admin);
    test::EmbeddedDesk desk(org, admin.id);
    QVERIFY2(desk.start(), qPrintable(desk.error()));
    ui::PendingSave pending(&desk.source());
    std::optional<Lieu> seen;
    connect(&pending, &ui::PendingSave::applied, this,
            [&](qint64 id) { seen = desk.source().lieu(id); });
    Lieu lieu;
    lieu.name = QStringLiteral("Antenne");
    pending.track(desk.source().save(lieu));
    QVERIFY(pending.isPending());
    QTRY_VERIFY_WITH_TIMEOUT(seen.has_value(), 10000);
    QCOMPARE(seen->name, QStringLiteral("Antenne"));
    QVERIFY(!pending.isPending());
}

void TestPendingSave::refusedByField()
{
    test::TestOrganisation org;
    const Agent admin = org.addAgent(QStringLiteral("Admin"), AgentRole::Admin);
    test::EmbeddedDesk desk(org, admin.id);
    QVERIFY2(desk.start(), qPrintable(desk.error()));
    ui::PendingSave pending(&desk.source());
    QSignalSpy refused(&pending, &ui::PendingSave::refused);
    QSignalSpy applied(&pending, &ui::PendingSave::applied);
    Lieu lieu = org.lieu; // sent as is: the dialog's own check skipped
    lieu.phone = QStringLiteral("pas un numéro");
    pending.track(desk.source().save(lieu));
    QTRY_COMPARE_WITH_TIMEOUT(refused.count(), 1, 10000);
    const FieldErrors fields = refused.first().at(1).value<FieldErrors>();
    QCOMPARE(fields.keys(), QStringList{QStringLiteral("phone")});
    QCOMPARE(fields, CatalogService::checkLieu(lieu)); // the same rule book on both sides
    QVERIFY(desk.settle());
    QCOMPARE(applied.count(), 0);
    QCOMPARE(desk.source().lieu(org.lieu.id)->phone, org.lieu.phone);
}

void TestPendingSave::forbiddenForAnAgent()
{
    test::TestOrganisation org;
    test::EmbeddedDesk desk(org, org.agent.id);
    QVERIFY2(desk.start(), qPrintable(desk.error()));
    ui::PendingSave pending(&desk.source());
    QSignalSpy refused(&pending, &ui::PendingSave::refused);
    Lieu lieu;
    lieu.name = QStringLiteral("Antenne");
    pending.track(desk.source().save(lieu));
    QTRY_COMPARE_WITH_TIMEOUT(refused.count(), 1, 10000);
    QVERIFY(refused.first().at(1).value<FieldErrors>().isEmpty());
    QVERIFY(refused.first().at(0).toString().contains(QLatin1String("administrat")));
}

QTEST_MAIN(TestPendingSave)
#include "tst_pending_save.moc"
