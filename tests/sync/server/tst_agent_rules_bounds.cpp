// Agents' rules and instants, bounded, against the real server: every RRULE (opening ranges and
// absences) is checked by the same code and refused with a French message when it is not a rule,
// repeats more than daily or gives no day in two years; instants outside [a year ago, two years
// ahead] are refused with 422 (never 500, never stored nor mailed).
#include "agentapiclient.h"
#include "agentserverprocess.h"

#include "models/demodata.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>

using namespace creneau;
using namespace creneau::test;

namespace {

const QString kAdmin = QString::fromLatin1(demo::kAdminEmail);
const QString kAdminPassword = QString::fromLatin1(demo::kAdminPassword);

} // namespace

class TestAgentRulesBounds : public QObject
{
    Q_OBJECT
    AgentServerProcess m_server;
    QHash<QString, qint64> m_ids;

private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.output()));
        AgentApiClient admin(m_server.url());
        QCOMPARE(admin.login(kAdmin, kAdminPassword), 200);
        for (const QJsonValue c : admin.changes()) {
            const QString key = c[QLatin1String("entity")].toString();
            if (!m_ids.contains(key) && !c[QLatin1String("deleted")].toBool())
                m_ids[key] = c[QLatin1String("id")].toInteger();
        }
        QVERIFY(m_ids.value(QStringLiteral("rdvs")) > 0);
        QVERIFY(m_ids.value(QStringLiteral("motifs")) > 0);
        QVERIFY(m_ids.value(QStringLiteral("lieux")) > 0);
        QVERIFY(m_ids.value(QStringLiteral("agents")) > 0);
        // In a week at 05:00 UTC, on the hour (before the demo's opening hours); the
        // appointment two hours before the absence.
        const QDate day = QDateTime::currentDateTimeUtc().date().addDays(7);
        const qint64 soon = QDateTime(day, QTime(5, 0), QTimeZone::utc()).toSecsSinceEpoch();
        m_ids[QStringLiteral("soon")] = soon;
        m_ids[QStringLiteral("early")] = soon - 2 * 3600;
        m_ids[QStringLiteral("soon_end")] = soon + 3600;
        m_ids[QStringLiteral("year_ago")] =
            QDateTime::currentSecsSinceEpoch() - 400 * 86400; // more than a year ago
        m_ids[QStringLiteral("far")] = QDateTime::currentSecsSinceEpoch() + 800 * 86400;
    }

    void rulesAndInstants_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field"); // where the French message goes; empty when 200
        const auto add = [](const char *name, const char *type, const QByteArray &payload,
                            int status, const char *field) {
            QTest::addRow("%s", name)
                << QString::fromLatin1(type) << payload << status << QString::fromLatin1(field);
        };
        const QByteArray absence =
            R"({"title":"Congés","starts_at":"$soon","ends_at":"$soon_end",)";
        add("absence minutely", "save_absence", absence + R"("rrule":"FREQ=MINUTELY"})", 422,
            "rrule");
        add("absence not a rule", "save_absence", absence + R"("rrule":"not a rule at all"})", 422,
            "rrule");
        add("absence never matches", "save_absence",
            absence + R"("rrule":"FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"})", 422, "rrule");
        add("absence weekly", "save_absence", absence + R"("rrule":"FREQ=WEEKLY;BYDAY=MO"})", 200,
            "");
        add("absence start max", "save_absence",
            R"({"title":"X","starts_at":9223372036854775807,"ends_at":9223372036854775807})", 422,
            "starts_at");
        add("absence start 1970", "save_absence", R"({"title":"X","starts_at":1,"ends_at":3600})",
            422, "starts_at");
        add("absence start a year ago", "save_absence",
            R"({"title":"X","starts_at":"$year_ago","ends_at":"$soon"})", 422, "starts_at");
        add("absence end too far", "save_absence",
            R"({"title":"X","starts_at":"$soon","ends_at":"$far"})", 422, "ends_at");
        const QByteArray plage =
            R"({"agent_id":"$agents","lieu_id":"$lieux","motif_ids":["$motifs"],)"
            R"("first_day":"2026-12-07","start_time":"08:00","end_time":"09:00",)";
        add("plage minutely", "save_plage", plage + R"("rrule":"FREQ=MINUTELY"})", 422, "rrule");
        add("plage not a rule", "save_plage", plage + R"("rrule":"not a rule at all"})", 422,
            "rrule");
        add("plage never matches", "save_plage",
            plage + R"("rrule":"FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"})", 422, "rrule");
        add("plage weekly", "save_plage", plage + R"("rrule":"FREQ=WEEKLY;BYDAY=MO"})", 200, "");
        const QByteArray usager = R"("usager":{"first_name":"Jean","last_name":"Borne"}})";
        add("create_rdv start max", "create_rdv",
            R"({"motif_id":"$motifs","starts_at":9223372036854775807,)" + usager, 422, "starts_at");
        add("create_rdv 1970", "create_rdv", R"({"motif_id":"$motifs","starts_at":1,)" + usager,
            422, "starts_at");
        add("create_rdv year 285428751", "create_rdv",
            R"({"motif_id":"$motifs","starts_at":9007199254740000,)" + usager, 422, "starts_at");
        add("create_rdv too far", "create_rdv",
            R"({"motif_id":"$motifs","starts_at":"$far",)" + usager, 422, "starts_at");
        add("create_rdv next week", "create_rdv",
            R"({"motif_id":"$motifs","starts_at":"$early",)" + usager, 200, "");
        add("move_rdv start max", "move_rdv",
            R"({"rdv_id":"$rdvs","starts_at":9223372036854775807})", 422, "starts_at");
        add("move_rdv 1970", "move_rdv", R"({"rdv_id":"$rdvs","starts_at":1})", 422, "starts_at");
        add("move_rdv year 285428751", "move_rdv",
            R"({"rdv_id":"$rdvs","starts_at":9007199254740000})", 422, "starts_at");
    }

    void rulesAndInstants()
    {
        QFETCH(QString, type);
        QFETCH(QByteArray, payload);
        QFETCH(int, status);
        QFETCH(QString, field);
        const QJsonObject body = AgentApiClient::withIds(payload, m_ids);
        QVERIFY(!body.isEmpty());
        AgentApiClient admin(m_server.url());
        QCOMPARE(admin.login(kAdmin, kAdminPassword), 200);
        QElapsedTimer timer;
        timer.start();
        const Reply r = admin.command(type, body);
        QVERIFY2(r.status == status,
                 qPrintable(QString::number(r.status) + QLatin1Char(' ') + r.text()));
        // Refusing a rule that never matches costs no second of the event loop.
        QVERIFY2(timer.elapsed() < 400, qPrintable(QString::number(timer.elapsed())));
        if (field.isEmpty())
            return;
        const QString message = AgentApiClient::json(r)[QLatin1String("fields")][field].toString();
        QVERIFY2(!message.isEmpty(), qPrintable(r.text()));
        // French (the server's default language), not libical's words.
        QVERIFY2(message.contains(QRegularExpression(QStringLiteral("[àâçéèêëîïôùûü«]"))),
                 qPrintable(message));
        QVERIFY(m_server.isRunning());
    }
};

QTEST_MAIN(TestAgentRulesBounds)
#include "tst_agent_rules_bounds.moc"
