// Bounded work per request against the real server: a motif's maximum delay is refused past two
// years, and a motif stored with a huge one (before the rule existed) cannot make an anonymous
// visit of an empty week scan the future for centuries: the « Prochaine disponibilité » search
// stops two years ahead and the server keeps answering others.
#include "agentapiclient.h"
#include "agentserverprocess.h"

#include "models/demodata.h"
#include "models/sql.h"
#include "models/store.h"

#include <QDate>
#include <QElapsedTimer>
#include <QTest>

using namespace creneau;
using namespace creneau::test;

namespace {

const QString kAdmin = QString::fromLatin1(demo::kAdminEmail);
const QString kAdminPassword = QString::fromLatin1(demo::kAdminPassword);

struct PublicMotif
{
    qint64 id = 0;
    QString slug;
};

// The demo's first motif bookable by everyone, with its organisation's slug.
PublicMotif publicMotif(Store &store)
{
    QSqlQuery q(store.db());
    q.exec(QStringLiteral("SELECT m.id, o.slug FROM motifs m JOIN organisations o ON "
                          "o.id = m.organisation_id WHERE m.bookable_by = 'everyone' AND "
                          "m.archived = 0 ORDER BY m.id LIMIT 1"));
    if (!q.next())
        return {};
    return {q.value(0).toLongLong(), q.value(1).toString()};
}

// Every opening range offering the motif starts on `firstDay` (the weeks before are empty), and
// the motif's maximum delay is `maxDelayMinutes`, written as an older version could have.
void reshape(const QString &storeFile, qint64 motifId, const QDate &firstDay, int maxDelayMinutes)
{
    auto store = Store::open(storeFile);
    WriteTransaction tx(*store);
    QSqlQuery q(store->db());
    q.prepare(QStringLiteral("UPDATE motifs SET max_delay_minutes = ? WHERE id = ?"));
    q.addBindValue(maxDelayMinutes);
    q.addBindValue(motifId);
    QVERIFY(q.exec());
    q.prepare(QStringLiteral("UPDATE plages_ouverture SET first_day = ? WHERE id IN "
                             "(SELECT plage_id FROM plage_motifs WHERE motif_id = ?)"));
    q.addBindValue(firstDay.toString(Qt::ISODate));
    q.addBindValue(motifId);
    QVERIFY(q.exec());
    QVERIFY(q.numRowsAffected() > 0);
    tx.commit();
}

} // namespace

class TestBoundedWork : public QObject
{
    Q_OBJECT

private slots:
    void maximumDelayPastTwoYearsIsRefused_data()
    {
        QTest::addColumn<int>("maxDelayMinutes");
        QTest::addColumn<int>("status");
        QTest::addRow("two years") << 731 * 24 * 60 << 200;
        QTest::addRow("a minute more") << 731 * 24 * 60 + 1 << 422;
        QTest::addRow("centuries") << 2147483647 << 422;
    }
    void maximumDelayPastTwoYearsIsRefused()
    {
        QFETCH(int, maxDelayMinutes);
        QFETCH(int, status);
        AgentServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.output()));
        AgentApiClient admin(server.url());
        QCOMPARE(admin.login(kAdmin, kAdminPassword), 200);
        const int before = admin.row(QStringLiteral("motifs"), 1)
                               .value(QStringLiteral("max_delay_minutes"))
                               .toInt();
        const Reply r = admin.command(QStringLiteral("save_motif"),
                                      {{"id", 1}, {"max_delay_minutes", maxDelayMinutes}});
        QCOMPARE(r.status, status);
        const int after = admin.row(QStringLiteral("motifs"), 1)
                              .value(QStringLiteral("max_delay_minutes"))
                              .toInt();
        if (status == 422) {
            const QString message = AgentApiClient::json(r)
                                        .value(QStringLiteral("fields"))
                                        .toObject()
                                        .value(QStringLiteral("max_delay_minutes"))
                                        .toString();
            QCOMPARE(message, QStringLiteral("Le délai maximum ne peut pas dépasser deux ans."));
            QCOMPARE(after, before);
        } else {
            QCOMPARE(after, maxDelayMinutes);
        }
    }

    void emptyWeekScanStopsTwoYearsAhead_data()
    {
        QTest::addColumn<int>("monthsAhead");
        QTest::addColumn<bool>("offered");
        QTest::addRow("first range in 18 months") << 18 << true;
        QTest::addRow("first range in 3 years") << 36 << false;
    }
    void emptyWeekScanStopsTwoYearsAhead()
    {
        QFETCH(int, monthsAhead);
        QFETCH(bool, offered);
        AgentServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.output()));
        QCOMPARE(server.stop(), 0); // SIGTERM: a clean exit
        PublicMotif motif;
        {
            auto store = Store::open(server.storeFile());
            motif = publicMotif(*store);
        }
        QVERIFY(motif.id > 0);
        const QDate firstDay = QDate::currentDate().addMonths(monthsAhead);
        reshape(server.storeFile(), motif.id, firstDay, 2147483647);
        QVERIFY2(server.start(), qPrintable(server.output()));

        HttpClient http(server.url().toString());
        QElapsedTimer took;
        took.start();
        const Reply page =
            http.get(QStringLiteral("/rdv/%1/motif/%2").arg(motif.slug).arg(motif.id));
        QCOMPARE(page.status, 200);
        QCOMPARE(page.text().contains(QStringLiteral("Prochaine disponibilité")), offered);
        qInfo("empty week with a legacy huge delay answered in %lld ms", took.elapsed());
        // Others are still served by the same single-threaded server.
        QCOMPARE(http.get(QStringLiteral("/healthz")).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestBoundedWork)
#include "tst_bounded_work.moc"
