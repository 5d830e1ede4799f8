// CatalogService: motifs, lieux and opening ranges are the administrators'; an agent changes their
// own absences only; another organisation's ids are unknown; the field rules the dialogs show are
// the ones the service enforces.
#include "models/catalogservice.h"
#include "testorganisation.h"

#include <QtTest>

using namespace creneau;
using Error = CatalogOutcome::Error;

class TestCatalogService : public QObject
{
    Q_OBJECT
private slots:
    void rolesDecide_data();
    void rolesDecide();
    void foreignIdsAreUnknown();
    void lieuRules_data();
    void lieuRules();
};

namespace {

enum class Change
{
    Motif,
    Lieu,
    Plage,
    OwnAbsence,
    OtherAbsence
};

CatalogOutcome apply(test::TestOrganisation &t, const Agent &actor, Change change)
{
    CatalogService service(*t.store);
    WriteTransaction tx(*t.store);
    CatalogOutcome out;
    switch (change) {
    case Change::Motif: {
        Motif m = t.motif;
        m.name = QStringLiteral("Renommé");
        out = service.saveMotif(actor, m);
        break;
    }
    case Change::Lieu: {
        Lieu l;
        l.name = QStringLiteral("Antenne");
        out = service.saveLieu(actor, l);
        break;
    }
    case Change::Plage: {
        PlageOuverture p;
        p.agentId = t.agent.id;
        p.lieuId = t.lieu.id;
        p.motifIds = {t.motif.id};
        p.firstDay = QDate::currentDate().addDays(1);
        p.startTime = QTime(9, 0);
        p.endTime = QTime(12, 0);
        p.rrule = QStringLiteral("FREQ=WEEKLY;BYDAY=MO");
        out = service.savePlage(actor, p);
        break;
    }
    case Change::OwnAbsence:
    case Change::OtherAbsence: {
        Absence a;
        a.agentId = change == Change::OwnAbsence ? actor.id : t.agent.id;
        a.title = QStringLiteral("Formation");
        a.startsAt = QDateTime::currentSecsSinceEpoch() + 86400;
        a.endsAt = a.startsAt + 3600;
        out = service.saveAbsence(actor, a, std::nullopt);
        break;
    }
    }
    tx.commit();
    return out;
}

} // namespace

void TestCatalogService::rolesDecide_data()
{
    QTest::addColumn<int>("change");
    QTest::addColumn<bool>("admin");
    QTest::addColumn<int>("expected");
    const struct
    {
        const char *name;
        Change change;
    } changes[] = {{"motif", Change::Motif},
                   {"lieu", Change::Lieu},
                   {"plage", Change::Plage},
                   {"own absence", Change::OwnAbsence},
                   {"other's absence", Change::OtherAbsence}};
    for (const auto &c : changes) {
        const bool agentMay = c.change == Change::OwnAbsence;
        QTest::addRow("%s by an agent", c.name)
            << int(c.change) << false << int(agentMay ? Error::None : Error::Forbidden);
        QTest::addRow("%s by an administrator", c.name)
            << int(c.change) << true << int(Error::None);
    }
}

void TestCatalogService::rolesDecide()
{
    QFETCH(int, change);
    QFETCH(bool, admin);
    QFETCH(int, expected);
    test::TestOrganisation t;
    const Agent actor =
        t.addAgent(QStringLiteral("Acteur"), admin ? AgentRole::Admin : AgentRole::Agent);
    const CatalogOutcome out = apply(t, actor, Change(change));
    QVERIFY2(int(out.error) == expected, qPrintable(out.message + QLatin1Char(' ') +
                                                    QStringList(out.fields.values()).join(' ')));
    if (out.error == Error::Forbidden)
        QVERIFY(out.message.contains(QLatin1String("administrator")));
}

void TestCatalogService::foreignIdsAreUnknown()
{
    test::TestOrganisation t;
    Organisation other;
    other.name = QStringLiteral("Autre");
    other.slug = QStringLiteral("autre");
    other.timeZone = QStringLiteral("Europe/Paris");
    Agent boss{0,
               0,
               QStringLiteral("B"),
               QStringLiteral("Oss"),
               QStringLiteral("b@autre.fr"),
               AgentRole::Admin,
               NotificationLevel::All,
               false};
    {
        WriteTransaction tx(*t.store);
        Catalog(*t.store).save(other);
        boss.organisationId = other.id;
        Catalog(*t.store).save(boss);
        tx.commit();
    }
    CatalogService service(*t.store);
    WriteTransaction tx(*t.store);
    Motif m = t.motif; // this organisation's motif, changed by another's administrator
    QCOMPARE(service.saveMotif(boss, m).error, Error::NotFound);
    Lieu l = t.lieu;
    QCOMPARE(service.saveLieu(boss, l).error, Error::NotFound);
    Absence a;
    a.agentId = t.agent.id;
    a.title = QStringLiteral("X");
    a.startsAt = QDateTime::currentSecsSinceEpoch() + 86400;
    a.endsAt = a.startsAt + 60;
    QCOMPARE(service.saveAbsence(boss, a, std::nullopt).error, Error::NotFound);
    QCOMPARE(Catalog(*t.store).motif(t.motif.id)->name, t.motif.name);
}

void TestCatalogService::lieuRules_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("phone");
    QTest::addColumn<QString>("field"); // empty: accepted
    QTest::newRow("ok") << "Mairie annexe"
                        << "02 32 00 00 00"
                        << "";
    QTest::newRow("no name") << "  "
                             << ""
                             << "name";
    QTest::newRow("long name") << QString(201, QLatin1Char('a')) << ""
                               << "name";
    QTest::newRow("bad phone") << "Mairie"
                               << "pas un numéro"
                               << "phone";
}

void TestCatalogService::lieuRules()
{
    QFETCH(QString, name);
    QFETCH(QString, phone);
    QFETCH(QString, field);
    test::TestOrganisation t;
    const Agent admin = t.addAgent(QStringLiteral("Admin"), AgentRole::Admin);
    Lieu l;
    l.name = name;
    l.phone = phone;
    QCOMPARE(CatalogService::checkLieu(l).keys(),
             field.isEmpty() ? QStringList() : QStringList{field});
    CatalogService service(*t.store);
    WriteTransaction tx(*t.store);
    const CatalogOutcome out = service.saveLieu(admin, l);
    tx.commit();
    QCOMPARE(out.error, field.isEmpty() ? Error::None : Error::Invalid);
    QCOMPARE(out.fields, CatalogService::checkLieu(l));
    QCOMPARE(l.id != 0, field.isEmpty());
}

QTEST_GUILESS_MAIN(TestCatalogService)
#include "tst_catalog_service.moc"
