// The sync cache's fast path (PageWriter: SQLite's C API, many rows a statement) against its plain
// path (QJsonDocument per change, Qt SQL per row) on the same pages: the real feed of the demo
// organisation made hostile (quotes, NUL, emoji, 64-bit limits, a tombstone), at several page
// sizes and replayed (rows replaced), then hand-written hostile pages on top: wrong types, huge
// numbers, escaped Unicode and surrogate pairs, deep nesting, duplicate keys, truncated pages.
// Both caches must hold the same values with the same SQL types, and refuse the same pages.
#include "feedpages.h"
#include "sync/client/synccache.h"

#include "models/demodata.h"
#include "models/sql.h"
#include "sync/fastpath/jsonreader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace creneau;
using creneau::client::SyncCache;

namespace {

// Applies `page`; the exception's kind ("" when none), so both paths can be compared.
QString apply(SyncCache &cache, const QByteArray &page, qint64 next)
{
    try {
        cache.applyPage(page, next);
        return {};
    } catch (const client::JsonFormatError &) {
        return QStringLiteral("json");
    } catch (const StoreError &) {
        return QStringLiteral("store");
    }
}

QByteArray deep(int depth)
{
    return QByteArray(depth, '[') + "1" + QByteArray(depth, ']');
}

} // namespace

class TestPageWriter : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_server;
    qint64 m_org = 0;
    QList<test::FeedPage> m_feed; // one page: the whole feed
    int m_caches = 0;

    std::unique_ptr<SyncCache> cache(SyncCache::RowWriter writer)
    {
        return std::make_unique<SyncCache>(
            m_dir.filePath(QStringLiteral("cache%1.sqlite").arg(++m_caches)), writer);
    }

    // The data of the feed's first row of `entity`, without braces nor the columns the hostile
    // rows set themselves: members to put in front of them.
    QByteArray base(const QString &entity) const
    {
        const QJsonArray changes =
            QJsonDocument::fromJson(m_feed.first().json)["changes"].toArray();
        for (const QJsonValue &c : changes) {
            if (c["entity"].toString() != entity || c["data"].toObject().isEmpty())
                continue;
            QJsonObject data = c["data"].toObject();
            for (const char *key : {"id", "name", "address", "phone", "archived", "agent_ids",
                                    "usager_ids", "motif_ids", "prescripteur"})
                data.remove(QLatin1String(key));
            const QByteArray text = QJsonDocument(data).toJson(QJsonDocument::Compact);
            return text.mid(1, text.size() - 2);
        }
        qFatal("no %s in the feed", qPrintable(entity));
    }

private slots:
    void initTestCase()
    {
        m_server = Store::open(m_dir.filePath(QStringLiteral("server.sqlite")));
        m_server->migrate();
        m_org = demo::seedSmall(*m_server);
        QVERIFY(m_org > 0);
        test::makeHostile(*m_server, m_org);
        m_feed = test::feedPages(*m_server, m_org, 20000);
        QCOMPARE(m_feed.size(), 1);
        // The fast path is the one under test: it must be available here.
        QVERIFY(cache(SyncCache::RowWriter::Fastest)->writesThroughSqliteApi());
        QVERIFY(!cache(SyncCache::RowWriter::QtSql)->writesThroughSqliteApi());
    }

    void feedPagesGiveTheSameCache_data()
    {
        QTest::addColumn<int>("limit");
        QTest::addRow("one change a page") << 1;
        QTest::addRow("seven a page") << 7;
        QTest::addRow("one page") << 20000;
    }
    void feedPagesGiveTheSameCache()
    {
        QFETCH(int, limit);
        const QList<test::FeedPage> pages = test::feedPages(*m_server, m_org, limit);
        QVERIFY(!pages.isEmpty());
        auto fast = cache(SyncCache::RowWriter::Fastest);
        auto plain = cache(SyncCache::RowWriter::QtSql);
        // Twice: new rows first (multi-row inserts), then every row replaced with its links.
        for (int pass = 0; pass < 2; ++pass) {
            for (const test::FeedPage &page : pages) {
                QCOMPARE(apply(*fast, page.json, page.next), QString());
                QCOMPARE(apply(*plain, page.json, page.next), QString());
                if (limit == 7)
                    QCOMPARE(test::cacheDump(fast->store()), test::cacheDump(plain->store()));
            }
        }
        const QStringList dump = test::cacheDump(fast->store());
        QCOMPARE(dump, test::cacheDump(plain->store()));
        // The hostile text arrived intact (not only equally damaged).
        QVERIFY(dump.join('\n').contains(QString::fromUtf8("😀")));
        QVERIFY(dump.join('\n').contains(QStringLiteral("9223372036854775807")));
        QVERIFY(dump.join('\n').contains(QStringLiteral("-9223372036854775808")));
        QVERIFY(dump.join('\n').contains(QStringLiteral("9007199254740993")));
    }

    void hostilePagesGiveTheSameCache_data()
    {
        QTest::addColumn<QByteArray>("changes"); // the elements of "changes"
        // The outcome of each path ("" written, "json" or "store" refused): the same, but where
        // the paths are known to part (below), each asserted.
        QTest::addColumn<QString>("fastOutcome");
        QTest::addColumn<QString>("plainOutcome");
        const auto row = [](const QByteArray &entity, const QByteArray &id,
                            const QByteArray &data) {
            return "{\"entity\":\"" + entity + "\",\"id\":" + id +
                   ",\"seq\":900000,\"data\":" + data + "}";
        };
        QTest::addRow("id as text")
            << row("lieux", "\"1\"", R"({$LIEU,"id":1,"name":"Texte"})") << QString() << QString();
        QTest::addRow("fractional id")
            << row("lieux", "1.5", R"({$LIEU,"id":1,"name":"Demi"})") << QString() << QString();
        QTest::addRow("negative id")
            << row("lieux", "-1", R"({$LIEU,"id":-1,"name":"Moins"})") << QString() << QString();
        QTest::addRow("data as array") << row("lieux", "1", "[1,2]") << QString() << QString();
        QTest::addRow("data as text") << row("lieux", "1", "\"x\"") << QString() << QString();
        QTest::addRow("unknown entity")
            << row("dragons", "1", R"({$LIEU,"id":1,"name":"x"})") << QString() << QString();
        QTest::addRow("number in a text column")
            << row("lieux", "1", R"({$LIEU,"id":1,"name":12,"address":2.5,"phone":-0})")
            << QString() << QString();
        QTest::addRow("integral fraction in a text column")
            << row("lieux", "1", R"({$LIEU,"id":1,"name":3.0,"address":1e2})") << QString()
            << QString();
        QTest::addRow("text in an integer column")
            << row("lieux", "1", R"({$LIEU,"id":1,"name":"A","archived":"oui"})") << QString()
            << QString();
        QTest::addRow("booleans") << row("lieux", "1",
                                         R"({$LIEU,"id":1,"name":true,"archived":false})")
                                  << QString() << QString();
        QTest::addRow("huge numbers")
            << row("lieux", "1", R"({$LIEU,"id":1,"name":"H","archived":1e300,"address":-1e-300})")
            << QString() << QString();
        QTest::addRow("beyond 64 bits")
            << row("lieux", "1",
                   R"({$LIEU,"id":1,"name":99999999999999999999,"archived":9223372036854775808})")
            << QString() << QString();
        QTest::addRow("64-bit limits")
            << row("lieux", "9223372036854775807",
                   R"({$LIEU,"id":9223372036854775807,"name":"max","archived":-9223372036854775808})")
            << QString() << QString();
        QTest::addRow("2^53 + 1") << row("lieux", "1",
                                         R"({$LIEU,"id":1,"name":"N","archived":9007199254740993})")
                                  << QString() << QString();
        QTest::addRow("escaped unicode")
            << row("lieux", "1",
                   // Not a raw string: moc misreads one holding \" (Qt 6.4).
                   "{$LIEU,\"id\":1,\"name\":\"\\u00c9lodie \\u674e \\ud83d\\ude00 \\u2028\","
                   "\"address\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"}")
            << QString() << QString();
        QTest::addRow("escaped key")
            << row("lieux", "1", R"({$LIEU,"i\u0064":1,"n\u0061me":"Clé"})") << QString()
            << QString();
        QTest::addRow("NUL") << row("lieux", "1", R"({$LIEU,"id":1,"name":"a\u0000b"})")
                             << QString() << QString();
        QTest::addRow("object in an integer column")
            << row("lieux", "1", R"({$LIEU,"id":1,"name":"O","archived":{"x":1}})") << QString()
            << QString();
        // A value nobody reads is checked all the same: both refuse the page.
        QTest::addRow("malformed inside an unknown key")
            << row("lieux", "1", R"({$LIEU,"id":1,"name":"M","extra":[1 2}})")
            << QStringLiteral("json") << QStringLiteral("json");
        QTest::addRow("malformed inside the prescripteur")
            << row("rdvs", "1", R"({$RDV,"id":1,"prescripteur":{"email":tru}})")
            << QStringLiteral("json") << QStringLiteral("json");
        QTest::addRow("invalid UTF-8 in a column")
            << row("lieux", "1", "{$LIEU,\"id\":1,\"name\":\"a\xC0\xAFb\"}")
            << QStringLiteral("json") << QStringLiteral("json");
        QTest::addRow("invalid UTF-8 in an unknown key")
            << row("lieux", "1", "{$LIEU,\"id\":1,\"name\":\"U\",\"\xED\xA0\x80\":1}")
            << QStringLiteral("json") << QStringLiteral("json");
        QTest::addRow("raw 4-byte UTF-8")
            << row("lieux", "1", "{$LIEU,\"id\":1,\"name\":\"\xF0\x9F\x98\x80\"}") << QString()
            << QString();
        // Where the pull reader is stricter than Qt (RFC 8259: Qt reads "01", raw tabs and
        // unknown escapes), and where Qt keeps the last of a change's members named twice after
        // the pull reader may have written the first: the fast path refuses the page.
        QTest::addRow("leading zero")
            << row("lieux", "1", R"({$LIEU,"id":1,"name":"Z","archived":01})")
            << QStringLiteral("json") << QStringLiteral("json"); // Qt refuses it here too
        QTest::addRow("whole numbers written as doubles")
            << row("lieux", "1",
                   R"({$LIEU,"id":1,"name":"W","archived":1e17,"address":-9223372036854775809})")
            << QString() << QString();
        QTest::addRow("raw tab in a text")
            << row("lieux", "1", "{$LIEU,\"id\":1,\"name\":\"a\tb\"}") << QStringLiteral("json")
            << QString();
        QTest::addRow("data named twice")
            << QByteArray(
                   R"({"entity":"lieux","id":1,"seq":900000,"data":{$LIEU,"id":1,"name":"Un"},"data":{$LIEU,"id":1,"name":"Deux"}})")
            << QStringLiteral("json") << QString();
        QTest::addRow("id named twice")
            << QByteArray(
                   R"({"entity":"lieux","id":1,"seq":900000,"data":{$LIEU,"id":1,"name":"Un"},"id":2})")
            << QStringLiteral("json") << QString();
        QTest::addRow("object in a column")
            << row("lieux", "1",
                   R"({$LIEU,"id":1,"name":"O","address":{"street":"x"},"phone":[1]})")
            << QString() << QString();
        QTest::addRow("deep nesting in a column")
            << row("lieux", "1", "{$LIEU,\"id\":1,\"name\":\"D\",\"phone\":" + deep(200) + "}")
            << QString() << QString();
        QTest::addRow("deeper than Qt's parser goes")
            << row("lieux", "1", "{$LIEU,\"id\":1,\"name\":\"D\",\"phone\":" + deep(3000) + "}")
            << QStringLiteral("json") << QStringLiteral("json");
        QTest::addRow("as deep as Qt's parser goes") // 1,024 with the page, changes and data
            << row("lieux", "1", "{$LIEU,\"id\":1,\"name\":\"D\",\"phone\":" + deep(1020) + "}")
            << QString() << QString();
        QTest::addRow("one level deeper than Qt's parser goes")
            << row("lieux", "1", "{$LIEU,\"id\":1,\"name\":\"D\",\"phone\":" + deep(1021) + "}")
            << QStringLiteral("json") << QStringLiteral("json");
        QTest::addRow("deep unknown key")
            << row("lieux", "1", "{$LIEU,\"id\":1,\"name\":\"K\",\"extra\":" + deep(200) + "}")
            << QString() << QString();
        QTest::addRow("duplicate keys")
            << row("lieux", "1", R"({$LIEU,"id":1,"name":"a","name":"b"})") << QString()
            << QString();
        QTest::addRow("unknown columns")
            << row("lieux", "1", R"({$LIEU,"id":1,"name":"U","colour":7})") << QString()
            << QString();
        QTest::addRow("no id in the data")
            << row("lieux", "1", R"({$LIEU,"name":"Sans id"})") << QString() << QString();
        QTest::addRow("id differs from the data's")
            << row("lieux", "1", R"({$LIEU,"id":424242,"name":"Autre"})") << QString() << QString();
        QTest::addRow("a column left out")
            << row("lieux", "1", R"({$LIEU,"id":1,"name":"Court"})") << QString() << QString();
        QTest::addRow("null in a NOT NULL column")
            << row("lieux", "1", R"({$LIEU,"id":1,"name":null})") << QStringLiteral("store")
            << QStringLiteral("store");
        QTest::addRow("links of every type")
            << row("rdvs", "1",
                   R"({$RDV,"id":1,"agent_ids":[1,"2",2.5,null,-3,9223372036854775807,[4],{"a":5}],"usager_ids":"7"})")
            << QString() << QString();
        QTest::addRow("links not a list")
            << row("plages", "1", R"({$PLAGE,"id":1,"motif_ids":{"1":2}})") << QString()
            << QString();
        QTest::addRow("links without a row")
            << row("rdvs", "1", R"({"agent_ids":[1,2],"usager_ids":[3]})") << QString()
            << QString();
        QTest::addRow("tombstone of an rdv")
            << QByteArray(R"({"entity":"rdvs","id":1,"seq":900000,"deleted":true,"data":{}})")
            << QString() << QString();
        QTest::addRow("deleted with data")
            << QByteArray(
                   R"({"entity":"lieux","id":1,"seq":900000,"deleted":true,"data":{$LIEU,"id":1,"name":"Fermé","archived":1}})")
            << QString() << QString();
        QTest::addRow("data before the entity")
            << QByteArray(
                   R"({"data":{$LIEU,"id":1,"name":"Avant"},"seq":900000,"id":1,"entity":"lieux"})")
            << QString() << QString();
        QTest::addRow("many rows, mixed columns")
            << row("lieux", "1", R"({$LIEU,"id":1,"name":"A"})") + "," +
                   row("lieux", "2", R"({$LIEU,"id":2,"name":"B","address":"2 rue"})") + "," +
                   row("motifs", "1", R"({$MOTIF,"id":1,"name":"M"})") + "," +
                   row("lieux", "1", R"({$LIEU,"id":1,"name":"A2","phone":"01"})") + "," +
                   row("lieux", "3000", R"({$LIEU,"id":3000,"name":"Neuf"})")
            << QString() << QString();
        QTest::addRow("change not an object")
            << QByteArray(R"(1,"x",null,[])") << QStringLiteral("json") << QStringLiteral("json");
    }
    void hostilePagesGiveTheSameCache()
    {
        QFETCH(QByteArray, changes);
        auto fast = cache(SyncCache::RowWriter::Fastest);
        auto plain = cache(SyncCache::RowWriter::QtSql);
        for (SyncCache *c : {fast.get(), plain.get()})
            QCOMPARE(apply(*c, m_feed.first().json, m_feed.first().next), QString());
        QByteArray page = "{\"changes\":[" + changes + "],\"next\":900000}";
        // Real rows of the feed as the base of the hostile ones (their NOT NULL columns).
        page.replace("$LIEU", base("lieux"))
            .replace("$RDV", base("rdvs"))
            .replace("$PLAGE", base("plages"))
            .replace("$MOTIF", base("motifs"));
        QFETCH(QString, fastOutcome);
        QFETCH(QString, plainOutcome);
        QCOMPARE(apply(*fast, page, 900000), fastOutcome);
        QCOMPARE(apply(*plain, page, 900000), plainOutcome);
        if (fastOutcome == plainOutcome)
            QCOMPARE(test::cacheDump(fast->store()), test::cacheDump(plain->store()));
    }

    // The page around the changes: both refuse or both write the same.
    void hostileEnvelopes_data()
    {
        QTest::addColumn<QByteArray>("page");
        QTest::addColumn<QString>("fastOutcome");
        QTest::addColumn<QString>("plainOutcome");
        const QByteArray change =
            R"({"entity":"lieux","id":1,"seq":900000,"data":{$LIEU,"id":1,"name":"Env"}})";
        QTest::addRow("plain page")
            << "{\"changes\":[" + change + "],\"next\":900000}" << QString() << QString();
        QTest::addRow("trailing garbage") << "{\"changes\":[" + change + "],\"next\":900000} x"
                                          << QStringLiteral("json") << QStringLiteral("json");
        QTest::addRow("trailing second page") << "{\"changes\":[" + change + "]}{\"changes\":[]}"
                                              << QStringLiteral("json") << QStringLiteral("json");
        QTest::addRow("trailing NUL") << "{\"changes\":[" + change + "]}" + QByteArray(1, '\0')
                                      << QStringLiteral("json") << QStringLiteral("json");
        QTest::addRow("trailing spaces")
            << "{\"changes\":[" + change + "]} \r\n\t" << QString() << QString();
        QTest::addRow("changes not a list")
            << "{\"changes\":" + change + "}" << QString() << QString();
        QTest::addRow("no changes") << QByteArray("{\"next\":900000}") << QString() << QString();
        QTest::addRow("page not an object")
            << "[" + change + "]" << QStringLiteral("json") << QStringLiteral("json");
        QTest::addRow("unknown members")
            << "{\"more\":[{\"x\":null}],\"changes\":[" + change + "],\"next\":\"x\"}" << QString()
            << QString();
        QTest::addRow("malformed unknown member")
            << "{\"more\":[1,],\"changes\":[" + change + "]}" << QStringLiteral("json")
            << QStringLiteral("json");
        QTest::addRow("changes named twice") << "{\"changes\":[],\"changes\":[" + change + "]}"
                                             << QStringLiteral("json") << QString();
        QTest::addRow("empty") << QByteArray() << QStringLiteral("json") << QStringLiteral("json");
    }
    void hostileEnvelopes()
    {
        QFETCH(QByteArray, page);
        QFETCH(QString, fastOutcome);
        QFETCH(QString, plainOutcome);
        page.replace("$LIEU", base("lieux"));
        auto fast = cache(SyncCache::RowWriter::Fastest);
        auto plain = cache(SyncCache::RowWriter::QtSql);
        for (SyncCache *c : {fast.get(), plain.get()})
            QCOMPARE(apply(*c, m_feed.first().json, m_feed.first().next), QString());
        QCOMPARE(apply(*fast, page, 900000), fastOutcome);
        QCOMPARE(apply(*plain, page, 900000), plainOutcome);
        if (fastOutcome == plainOutcome)
            QCOMPARE(test::cacheDump(fast->store()), test::cacheDump(plain->store()));
    }

    // A lone surrogate escape is no character: the pull reader writes U+FFFD in its place.
    // Qt 6.4's QJsonDocument joins "\ud800" with the next character into one that was never
    // sent, so the plain path stores something else: a reason more to keep the pull reader.
    void loneSurrogatesBecomeReplacementCharacters()
    {
        const QByteArray page =
            "{\"changes\":[" +
            QByteArray(R"({"entity":"lieux","id":1,"seq":900000,"data":{$LIEU,"id":1,)"
                       R"("name":"\ud800x","address":"\udc00"}}],"next":900000})");
        QByteArray text = page;
        text.replace("$LIEU", base("lieux"));
        auto fast = cache(SyncCache::RowWriter::Fastest);
        auto plain = cache(SyncCache::RowWriter::QtSql);
        for (SyncCache *c : {fast.get(), plain.get()})
            QCOMPARE(apply(*c, m_feed.first().json, m_feed.first().next), QString());
        QCOMPARE(apply(*fast, text, 900000), QString());
        QCOMPARE(apply(*plain, text, 900000), QString());
        const auto lieu = [](SyncCache &c) {
            QSqlQuery q = sql::run(c.store().db(),
                                   QStringLiteral("SELECT name, address FROM lieux WHERE id = 1"));
            return q.next() ? QStringList{q.value(0).toString(), q.value(1).toString()}
                            : QStringList();
        };
        const QStringList expected{QStringLiteral("\uFFFDx"), QStringLiteral("\uFFFD")};
        QCOMPARE(lieu(*fast), expected);
        QEXPECT_FAIL("", "Qt 6.4's QJsonDocument decodes a lone high surrogate wrongly", Continue);
        QCOMPARE(lieu(*plain), expected);
    }

    // Every cut of a page is refused by both, and leaves both caches as they were.
    void truncatedPagesWriteNothing()
    {
        const QList<test::FeedPage> pages = test::feedPages(*m_server, m_org, 5);
        QVERIFY(pages.size() > 2);
        auto fast = cache(SyncCache::RowWriter::Fastest);
        auto plain = cache(SyncCache::RowWriter::QtSql);
        for (SyncCache *c : {fast.get(), plain.get()})
            QCOMPARE(apply(*c, pages.at(0).json, pages.at(0).next), QString());
        const QStringList before = test::cacheDump(fast->store());
        QCOMPARE(test::cacheDump(plain->store()), before);
        const QByteArray text = pages.at(1).json;
        for (qsizetype n = 0; n < text.size(); ++n) { // at every byte
            QCOMPARE(apply(*fast, text.left(n), pages.at(1).next), QStringLiteral("json"));
            QCOMPARE(apply(*plain, text.left(n), pages.at(1).next), QStringLiteral("json"));
        }
        QCOMPARE(test::cacheDump(fast->store()), before);
        QCOMPARE(test::cacheDump(plain->store()), before);
        // And the whole page still applies after those failures (no rows left half-batched).
        for (SyncCache *c : {fast.get(), plain.get()})
            QCOMPARE(apply(*c, text, pages.at(1).next), QString());
        QCOMPARE(test::cacheDump(fast->store()), test::cacheDump(plain->store()));
    }
};

QTEST_GUILESS_MAIN(TestPageWriter)
#include "tst_page_writer.moc"
