// Nested write transactions (savepoints): what an inner rollback or commit keeps, on SQLite and,
// with CRENEAU_TEST_ENGINE=postgresql, on PostgreSQL.
#include "models/catalog.h"
#include "models/sql.h"
#include "models/store.h"
#include "testorganisation.h"

#include <QtTest>

using namespace creneau;

namespace {

Lieu addLieu(test::TestOrganisation &t, const QString &name)
{
    Lieu l{0, t.org.id, name, {}, {}, false};
    Catalog(*t.store).save(l);
    return l;
}

QStringList sorted(QStringList names)
{
    names.sort();
    return names;
}

QStringList lieuNames(Store &store, Id organisationId)
{
    QStringList out;
    for (const Lieu &l : Catalog(store).lieux(organisationId))
        out << l.name;
    out.sort();
    return out;
}

} // namespace

class TestWriteTransaction : public QObject
{
    Q_OBJECT
private slots:
    void innerRollbackKeepsOuterWrites()
    {
        test::TestOrganisation t;
        const qint64 before = t.store->currentSeq(t.org.id);
        {
            WriteTransaction outer(*t.store);
            addLieu(t, QStringLiteral("A"));
            {
                WriteTransaction inner(*t.store);
                QVERIFY(inner.isNested());
                addLieu(t, QStringLiteral("B"));
            } // not committed: B is undone, A stays
            addLieu(t, QStringLiteral("C"));
            outer.commit();
        }
        QCOMPARE(lieuNames(*t.store, t.org.id),
                 sorted({QStringLiteral("A"), QStringLiteral("C"), t.lieu.name}));
        // B's sequence number was rolled back with it: no gap.
        QCOMPARE(t.store->currentSeq(t.org.id), before + 2);
    }

    void innerCommitThenOuterRollbackLosesEverything()
    {
        test::TestOrganisation t;
        const qint64 before = t.store->currentSeq(t.org.id);
        {
            WriteTransaction outer(*t.store);
            QVERIFY(!outer.isNested());
            addLieu(t, QStringLiteral("A"));
            {
                WriteTransaction inner(*t.store);
                addLieu(t, QStringLiteral("B"));
                inner.commit();
            }
            QCOMPARE(lieuNames(*t.store, t.org.id).size(), 3); // visible inside the outer one
        }                                                      // the outer one is not committed
        QCOMPARE(lieuNames(*t.store, t.org.id), QStringList({t.lieu.name}));
        QCOMPARE(t.store->currentSeq(t.org.id), before);
    }

    void otherConnectionsSeeNothingBeforeTheOutermostCommit()
    {
        test::TestOrganisation t;
        auto reader = Store::open(t.location);
        WriteTransaction outer(*t.store);
        {
            WriteTransaction inner(*t.store);
            addLieu(t, QStringLiteral("B"));
            inner.commit();
        }
        QCOMPARE(lieuNames(*reader, t.org.id).size(), 1);
        outer.commit();
        QCOMPARE(lieuNames(*reader, t.org.id).size(), 2);
    }

    void failedStatementInInnerLeavesOuterUsable()
    {
        // On PostgreSQL an error aborts the whole transaction unless rolled back to a savepoint.
        test::TestOrganisation t;
        {
            WriteTransaction outer(*t.store);
            addLieu(t, QStringLiteral("A"));
            try {
                WriteTransaction inner(*t.store);
                addLieu(t, QStringLiteral("B"));
                Lieu orphan{0, 999999, QStringLiteral("Nulle part"), {}, {}, false};
                Catalog(*t.store).save(orphan); // foreign key violation
                inner.commit();
                QFAIL("the orphan lieu was accepted");
            } catch (const StoreError &) {
            }
            addLieu(t, QStringLiteral("C"));
            outer.commit();
        }
        QCOMPARE(lieuNames(*t.store, t.org.id),
                 sorted({QStringLiteral("A"), QStringLiteral("C"), t.lieu.name}));
    }

    void deeperLevelsAndAFreshOutermostAfterwards()
    {
        test::TestOrganisation t;
        {
            WriteTransaction a(*t.store);
            addLieu(t, QStringLiteral("A"));
            {
                WriteTransaction b(*t.store);
                addLieu(t, QStringLiteral("B"));
                {
                    WriteTransaction c(*t.store);
                    addLieu(t, QStringLiteral("C"));
                } // C undone
                b.commit();
            }
            a.commit();
        }
        // Depth is back to zero: this one takes the write lock again and commits on its own.
        {
            WriteTransaction d(*t.store);
            QVERIFY(!d.isNested());
            addLieu(t, QStringLiteral("D"));
            d.commit();
        }
        QCOMPARE(lieuNames(*t.store, t.org.id), sorted({QStringLiteral("A"), QStringLiteral("B"),
                                                        QStringLiteral("D"), t.lieu.name}));
    }

    void commitListenersHearOutermostCommitsOnly()
    {
        test::TestOrganisation t;
        int heard = 0;
        const int id = t.store->addCommitListener([&heard] { ++heard; });
        {
            WriteTransaction outer(*t.store);
            {
                WriteTransaction inner(*t.store);
                addLieu(t, QStringLiteral("A"));
                inner.commit();
            }
            QCOMPARE(heard, 0); // nothing is visible to others yet
            outer.commit();
        }
        QCOMPARE(heard, 1);
        {
            WriteTransaction rolledBack(*t.store);
            addLieu(t, QStringLiteral("B"));
        }
        QCOMPARE(heard, 1);
        t.store->removeCommitListener(id);
        {
            WriteTransaction tx(*t.store);
            addLieu(t, QStringLiteral("D"));
            tx.commit();
        }
        QCOMPARE(heard, 1);
    }
};

QTEST_GUILESS_MAIN(TestWriteTransaction)
#include "tst_writetransaction.moc"
