// The command envelope both ends of the agent API share: every type survives the trip, and an
// envelope that cannot be read as a whole is refused for the right reason.
#include "sync/protocol/agentcommand.h"

#include <QJsonDocument>
#include <QtTest>

using namespace creneau::protocol;

Q_DECLARE_METATYPE(CommandEnvelope::Problem)

class TestAgentCommand : public QObject
{
    Q_OBJECT
private slots:
    void everyTypeHasOneWord()
    {
        QSet<QString> words;
        for (const CommandType type : allCommandTypes()) {
            const QString word = toWord(type);
            QVERIFY2(!words.contains(word), qPrintable(word));
            words.insert(word);
            CommandType back = CommandType::CreateRdv;
            QVERIFY(fromWord(word, &back));
            QCOMPARE(back, type);
        }
        QCOMPARE(words.size(), 20);
        CommandType unknown;
        QVERIFY(!fromWord(QStringLiteral("drop_database"), &unknown));
        QVERIFY(!fromWord(QStringLiteral("CREATE_RDV"), &unknown));
    }

    void envelopeRoundTrip_data()
    {
        QTest::addColumn<int>("type");
        for (const CommandType type : allCommandTypes())
            QTest::newRow(qPrintable(toWord(type))) << int(type);
    }

    void envelopeRoundTrip()
    {
        QFETCH(int, type);
        const CommandEnvelope sent{
            QStringLiteral("clé-1"), CommandType(type), 42, {{QStringLiteral("rdv_id"), 7}}};
        // Through text, as it travels.
        const QJsonObject wire =
            QJsonDocument::fromJson(QJsonDocument(sent.toJson()).toJson()).object();
        CommandEnvelope got;
        QCOMPARE(CommandEnvelope::parse(wire, &got), CommandEnvelope::Problem::None);
        QCOMPARE(got.idempotencyKey, sent.idempotencyKey);
        QCOMPARE(got.type, sent.type);
        QCOMPARE(got.expectedVersion, 42);
        QCOMPARE(got.payload, sent.payload);
    }

    void refusedEnvelopes_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<CommandEnvelope::Problem>("problem");
        using P = CommandEnvelope::Problem;
        const QByteArray longKey = QByteArray(201, 'k');
        QTest::newRow("no key") << QByteArray(R"({"type":"cancel_rdv"})") << P::Key;
        QTest::newRow("empty key")
            << QByteArray(R"({"idempotency_key":"","type":"cancel_rdv"})") << P::Key;
        QTest::newRow("numeric key")
            << QByteArray(R"({"idempotency_key":12,"type":"cancel_rdv"})") << P::Key;
        QTest::newRow("key too long")
            << QByteArray(R"({"idempotency_key":")" + longKey + R"(","type":"cancel_rdv"})")
            << P::Key;
        QTest::newRow("unknown type")
            << QByteArray(R"({"idempotency_key":"k","type":"nope"})") << P::Type;
        QTest::newRow("no type") << QByteArray(R"({"idempotency_key":"k"})") << P::Type;
        QTest::newRow("payload array")
            << QByteArray(R"({"idempotency_key":"k","type":"cancel_rdv","payload":[1]})")
            << P::Payload;
        QTest::newRow("payload text")
            << QByteArray(R"({"idempotency_key":"k","type":"cancel_rdv","payload":"x"})")
            << P::Payload;
        QTest::newRow("negative version")
            << QByteArray(
                   R"({"idempotency_key":"k","type":"cancel_rdv","payload":{},"expected_version":-1})")
            << P::Version;
        QTest::newRow("fractional version")
            << QByteArray(R"({"idempotency_key":"k","type":"cancel_rdv","expected_version":1.5})")
            << P::Version;
        QTest::newRow("huge version")
            << QByteArray(R"({"idempotency_key":"k","type":"cancel_rdv","expected_version":1e300})")
            << P::Version;
        QTest::newRow("version as text")
            << QByteArray(R"({"idempotency_key":"k","type":"cancel_rdv","expected_version":"3"})")
            << P::Version;
        QTest::newRow("accepted: null payload and version")
            << QByteArray(
                   R"({"idempotency_key":"k","type":"cancel_rdv","payload":null,"expected_version":null})")
            << P::None;
        QTest::newRow("accepted: largest version")
            << QByteArray(
                   R"({"idempotency_key":"k","type":"cancel_rdv","expected_version":2147483647})")
            << P::None;
    }

    void refusedEnvelopes()
    {
        QFETCH(QByteArray, json);
        QFETCH(CommandEnvelope::Problem, problem);
        const QJsonDocument doc = QJsonDocument::fromJson(json);
        QVERIFY(doc.isObject());
        CommandEnvelope got;
        QCOMPARE(CommandEnvelope::parse(doc.object(), &got), problem);
    }
};

QTEST_GUILESS_MAIN(TestAgentCommand)
#include "tst_agent_command.moc"
