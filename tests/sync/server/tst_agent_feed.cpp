// The feed's hand-built JSON (sync/server/agentfeed) against the plain way of building it (Qt SQL
// rows turned into QJsonObjects, QJsonDocument) on the demo organisation made hostile: quotes,
// control characters, NUL, emoji, U+2028, integers at the 64-bit limits, a tombstone. Same
// changes at every page size, pages that QJsonDocument and the client's pull reader read alike,
// sequence numbers never split across pages, and row() equal to the page's data.
#include "feedpages.h"
#include "sync/fastpath/jsonreader.h"
#include "sync/server/agentfeed.h"

#include "models/demodata.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace creneau;

namespace {

// The page as the client's pull reader sees it, rebuilt as Qt values.
QJsonValue readWithPullReader(fastpath::JsonReader &r, QByteArray &scratch)
{
    switch (r.peek()) {
    case fastpath::JsonReader::Type::Object: {
        r.beginObject();
        QJsonObject o;
        QByteArrayView key;
        while (r.nextKey(scratch, &key)) {
            const QString name = QString::fromUtf8(key);
            o.insert(name, readWithPullReader(r, scratch));
        }
        return o;
    }
    case fastpath::JsonReader::Type::Array: {
        r.beginArray();
        QJsonArray a;
        while (r.nextElement())
            a.append(readWithPullReader(r, scratch));
        return a;
    }
    case fastpath::JsonReader::Type::String:
        return QString::fromUtf8(r.readString(scratch));
    case fastpath::JsonReader::Type::Number: {
        bool isInteger = false;
        qint64 integer = 0;
        const double d = r.readNumber(&isInteger, &integer);
        return isInteger ? QJsonValue(integer) : QJsonValue(d);
    }
    case fastpath::JsonReader::Type::Bool:
        return r.readBool();
    case fastpath::JsonReader::Type::Null:
        r.readNull();
        return QJsonValue(QJsonValue::Null);
    }
    return {};
}

} // namespace

class TestAgentFeed : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    qint64 m_org = 0;

private slots:
    void initTestCase()
    {
        m_store = Store::open(m_dir.filePath(QStringLiteral("server.sqlite")));
        m_store->migrate();
        m_org = demo::seedSmall(*m_store);
        QVERIFY(m_org > 0);
        test::makeHostile(*m_store, m_org);
    }

    void sameChangesAsThePlainWay_data()
    {
        QTest::addColumn<int>("limit");
        QTest::addRow("one a page") << 1;
        QTest::addRow("seven a page") << 7;
        QTest::addRow("one page") << 20000;
    }
    void sameChangesAsThePlainWay()
    {
        QFETCH(int, limit);
        const QJsonArray expected = test::sortedChanges(test::plainChanges(*m_store, m_org));
        QVERIFY2(expected.size() > 15, qPrintable(QString::number(expected.size())));
        QSet<QString> entities;
        for (const QJsonValue &c : expected)
            entities.insert(c.toObject().value(QStringLiteral("entity")).toString());
        QCOMPARE(entities.size(), 9); // every table of the feed, the tombstone's included
        QJsonArray got;
        qint64 previousNext = 0;
        for (const test::FeedPage &page : test::feedPages(*m_store, m_org, limit)) {
            QJsonParseError error;
            const QJsonObject doc = QJsonDocument::fromJson(page.json, &error).object();
            QCOMPARE(error.error, QJsonParseError::NoError);
            // The client's pull reader reads the page as QJsonDocument does.
            fastpath::JsonReader reader(page.json);
            QByteArray scratch;
            QCOMPARE(readWithPullReader(reader, scratch), QJsonValue(doc));
            reader.expectEnd();
            // A page's rows come after the previous cursor, up to its own, in order.
            qint64 seq = previousNext;
            for (const QJsonValue &c : doc.value(QStringLiteral("changes")).toArray()) {
                const qint64 s = c.toObject().value(QStringLiteral("seq")).toInteger();
                QVERIFY(s > previousNext && s >= seq && s <= page.next);
                seq = s;
                got.append(c);
            }
            QCOMPARE(page.next, seq);
            previousNext = page.next;
        }
        QCOMPARE(test::sortedChanges(got), expected);
    }

    void rowIsThePagesData()
    {
        server::AgentFeed feed(*m_store);
        int checked = 0;
        for (const QJsonValue &c : test::plainChanges(*m_store, m_org)) {
            const QJsonObject change = c.toObject();
            const QJsonObject data = change.value(QStringLiteral("data")).toObject();
            if (data.isEmpty())
                continue; // a tombstone
            QCOMPARE(feed.row(change.value(QStringLiteral("entity")).toString(), m_org,
                              change.value(QStringLiteral("id")).toInteger()),
                     data);
            ++checked;
        }
        QVERIFY(checked > 15);
        // Not the organisation's, or no such entity: nothing.
        QCOMPARE(feed.row(QStringLiteral("rdvs"), m_org + 1, 1), QJsonObject());
        QCOMPARE(feed.row(QStringLiteral("dragons"), m_org, 1), QJsonObject());
    }

    void hostileTextIsEscaped()
    {
        const QByteArray page = test::feedPages(*m_store, m_org, 20000).first().json;
        // Control characters and NUL travel as escapes, never raw; the rest as UTF-8.
        for (char c = 0; c < 0x20; ++c)
            QVERIFY2(!page.contains(c), qPrintable(QString::number(int(c))));
        QVERIFY(page.contains("\\u0000"));
        QVERIFY(page.contains("\\u0007"));
        QVERIFY(page.contains("\\\"") && page.contains("\\\\"));
        QVERIFY(page.contains(QString::fromUtf8("李 😀").toUtf8()));
        QVERIFY(page.contains("9223372036854775807"));
        QVERIFY(page.contains("-9223372036854775808"));
        // No secret column ever travels.
        QVERIFY(!page.contains("password_hash"));
        QVERIFY(!page.contains("usager_token_hash"));
    }
};

QTEST_GUILESS_MAIN(TestAgentFeed)
#include "tst_agent_feed.moc"
