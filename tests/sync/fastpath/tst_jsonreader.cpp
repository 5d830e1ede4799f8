// The sync client's pull reader (sync/fastpath/jsonreader) read against QJsonDocument on the same
// pages: same values for valid pages (escaped Unicode, huge numbers), refusal of truncated and
// malformed ones, errors on wrong types, and skipValue() landing where reading stops.
#include "sync/fastpath/jsonreader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using creneau::fastpath::JsonFormatError;
using creneau::fastpath::JsonReader;

namespace {

// The whole value the reader is at, as Qt would hold it.
QJsonValue readAll(JsonReader &r, QByteArray &scratch)
{
    switch (r.peek()) {
    case JsonReader::Type::Object: {
        r.beginObject();
        QJsonObject o;
        QByteArrayView key;
        while (r.nextKey(scratch, &key)) {
            const QString name = QString::fromUtf8(key);
            o.insert(name, readAll(r, scratch));
        }
        return o;
    }
    case JsonReader::Type::Array: {
        r.beginArray();
        QJsonArray a;
        while (r.nextElement())
            a.append(readAll(r, scratch));
        return a;
    }
    case JsonReader::Type::String:
        return QString::fromUtf8(r.readString(scratch));
    case JsonReader::Type::Number: {
        bool isInteger = false;
        qint64 integer = 0;
        const double d = r.readNumber(&isInteger, &integer);
        return isInteger ? QJsonValue(integer) : QJsonValue(d);
    }
    case JsonReader::Type::Bool:
        return r.readBool();
    case JsonReader::Type::Null:
        r.readNull();
        return QJsonValue(QJsonValue::Null);
    }
    return {};
}

QJsonValue readDocument(const QByteArray &text)
{
    JsonReader r(text);
    QByteArray scratch;
    const QJsonValue v = readAll(r, scratch);
    r.expectEnd();
    return v;
}

QByteArray page()
{
    return "{\"changes\":[{\"entity\":\"rdv\",\"id\":12,\"seq\":41,\"data\":{\"id\":12,\"starts_"
           "at\":1767603600,"
           "\"duration_minutes\":30,\"status\":\"unknown\",\"usager_ids\":[3],\"agent_ids\":[1,2],"
           "\"notes\":\"Pi\\u00e8ce d'identit\\u00e9 \\u00e0 "
           "apporter\"}},{\"entity\":\"usager\",\"id\":3,"
           "\"seq\":42,\"data\":{\"first_name\":\"Amina\",\"last_name\":\"Diallo\",\"email\":"
           "\"amina.diallo@example.fr\",\"phone\":\"0612345678\",\"birth_date\":\"1987-05-12\"}},"
           "{\"entity\":\"motif\",\"id\":1,\"seq\":43,\"deleted\":true}],\"next\":43,\"more\":"
           "false}";
}

} // namespace

class TestJsonReader : public QObject
{
    Q_OBJECT
private slots:
    void sameAsQJsonDocument_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addRow("change page") << page();
        QTest::addRow("indented page")
            << QJsonDocument::fromJson(page()).toJson(QJsonDocument::Indented);
        QTest::addRow("empty object") << QByteArray("{}");
        QTest::addRow("empty array with spaces") << QByteArray(" \r\n\t[ ] \n");
        QTest::addRow("escapes") << QByteArray("[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"]");
        QTest::addRow("escaped unicode") << QByteArray("{\"k\\u00e9y\":\"\\u00c9lodie \\u674e\"}");
        QTest::addRow("escaped surrogate pair")
            << QByteArray("[\"\\ud83d\\ude00 \\uD83D\\uDE00\"]");
        QTest::addRow("raw utf-8") << QString::fromUtf8("[\"Élodie 李 😀\"]").toUtf8();
        QTest::addRow("escapes after plain text") << QByteArray(
            "{\"a\":\"plain\",\"b\":\"x\\ny\",\"c\":\"plain again\",\"d\":\"\\u0041\"}");
        QTest::addRow("integers") << QByteArray(
            "[0,-0,1,-1,2147483648,9007199254740993,-9007199254740993,"
            "123456789012345678,-123456789012345678]");
        QTest::addRow("huge numbers")
            << QByteArray("[1234567890123456789,99999999999999999999,1e300,-1e-300,1E+2]");
        QTest::addRow("fractions") << QByteArray("[0.1,1.5,-2.25,3e-2,1.0]");
        QTest::addRow("deep") << QByteArray("{\"a\":[[[{\"b\":[[null,true,false]]}]]]}");
        QTest::addRow("nested 500 deep")
            << QByteArray(250, '[') + QByteArray(250, ' ').replace(' ', "{\"k\":[") + "1" +
                   QByteArray(250, ' ').replace(' ', "]}") + QByteArray(250, ']');
        QTest::addRow("wrong types for a page")
            << QByteArray("{\"changes\":{\"entity\":[1]},\"next\":\"43\",\"more\":\"false\"}");
    }
    void sameAsQJsonDocument()
    {
        QFETCH(QByteArray, text);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonValue qt = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
        QCOMPARE(readDocument(text), qt);
    }

    void numbers_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("isInteger");
        QTest::addColumn<qint64>("integer");
        QTest::addColumn<double>("value");
        QTest::addRow("zero") << QByteArray("0") << true << qint64(0) << 0.0;
        QTest::addRow("18 digits, exact") << QByteArray("123456789012345678") << true
                                          << qint64(123456789012345678) << 1.2345678901234568e17;
        QTest::addRow("2^53 + 1, exact") << QByteArray("9007199254740993") << true
                                         << qint64(9007199254740993) << 9007199254740992.0;
        QTest::addRow("19 digits, exact") << QByteArray("1234567890123456789") << true
                                          << qint64(1234567890123456789) << 1234567890123456789.0;
        QTest::addRow("largest 64-bit integer")
            << QByteArray("9223372036854775807") << true << std::numeric_limits<qint64>::max()
            << 9223372036854775807.0;
        QTest::addRow("smallest 64-bit integer")
            << QByteArray("-9223372036854775808") << true << std::numeric_limits<qint64>::min()
            << -9223372036854775808.0;
        QTest::addRow("just beyond 64 bits")
            << QByteArray("9223372036854775808") << false << qint64(0) << 9223372036854775808.0;
        QTest::addRow("beyond 64 bits")
            << QByteArray("99999999999999999999") << false << qint64(0) << 1e20;
        QTest::addRow("exponent of an integer")
            << QByteArray("1e3") << true << qint64(1000) << 1000.0;
        QTest::addRow("negative fraction") << QByteArray("-2.5") << false << qint64(0) << -2.5;
    }
    void numbers()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, isInteger);
        QFETCH(qint64, integer);
        QFETCH(double, value);
        JsonReader r(text);
        bool gotInteger = !isInteger;
        qint64 got = 0;
        QCOMPARE(r.readNumber(&gotInteger, &got), value);
        QCOMPARE(gotInteger, isInteger);
        if (isInteger)
            QCOMPARE(got, integer);
        r.expectEnd();
    }

    void loneSurrogateBecomesReplacement()
    {
        QCOMPARE(readDocument("[\"\\ud800x\",\"\\udc00\",\"\\ud800\\u0041\"]"),
                 QJsonValue(QJsonArray{QStringLiteral("\uFFFDx"), QStringLiteral("\uFFFD"),
                                       QStringLiteral("\uFFFDA")}));
    }

    void truncatedPagesAreRefused()
    {
        const QByteArray text = page();
        for (qsizetype n = 0; n < text.size(); ++n)
            QVERIFY_THROWS_EXCEPTION(JsonFormatError, readDocument(text.left(n)));
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addRow("leading zero") << QByteArray("[01]");
        QTest::addRow("bare minus") << QByteArray("[-]");
        QTest::addRow("no fraction digits") << QByteArray("[1.]");
        QTest::addRow("no exponent digits") << QByteArray("[1e]");
        QTest::addRow("plus sign") << QByteArray("[+1]");
        QTest::addRow("short true") << QByteArray("[tru]");
        QTest::addRow("capital null") << QByteArray("[Null]");
        QTest::addRow("unknown escape") << QByteArray("[\"\\x41\"]");
        QTest::addRow("short unicode escape") << QByteArray("[\"\\u12\"]");
        QTest::addRow("bad hex") << QByteArray("[\"\\u12G4\"]");
        QTest::addRow("raw control character") << QByteArray("[\"a\x01b\"]");
        QTest::addRow("raw newline") << QByteArray("[\"a\nb\"]");
        QTest::addRow("unterminated string") << QByteArray("{\"a\":\"b");
        QTest::addRow("missing comma") << QByteArray("[1 2]");
        QTest::addRow("missing colon") << QByteArray("{\"a\" 1}");
        QTest::addRow("trailing comma") << QByteArray("[1,]");
        QTest::addRow("number as key") << QByteArray("{1:2}");
        QTest::addRow("text after the value") << QByteArray("{} x");
        QTest::addRow("two values") << QByteArray("[][]");
        QTest::addRow("empty") << QByteArray("");
        QTest::addRow("spaces only") << QByteArray(" \n ");
    }
    void malformed()
    {
        QFETCH(QByteArray, text);
        QVERIFY_THROWS_EXCEPTION(JsonFormatError, readDocument(text));
    }

    // QJsonDocument's nesting limit, to the level: what Qt refuses as too deep, the reader
    // refuses too, reading or skipping; one level less, both read it.
    void nestingLimitIsQts_data()
    {
        QTest::addColumn<int>("depth");
        QTest::addColumn<QString>("inner"); // arrays, objects or both
        for (int depth : {1023, 1024, 1025, 5000})
            for (const char *inner : {"arrays", "objects", "both"})
                QTest::addRow("%d %s", depth, inner) << depth << QString::fromLatin1(inner);
    }
    void nestingLimitIsQts()
    {
        QFETCH(int, depth);
        QFETCH(QString, inner);
        QByteArray open, close;
        for (int i = 0; i < depth; ++i) {
            const bool object =
                inner == QLatin1String("objects") || (inner == QLatin1String("both") && i % 2);
            open += object ? "{\"k\":" : "[";
            close.prepend(object ? '}' : ']');
        }
        const QByteArray text = open + "true" + close;
        QJsonParseError error;
        QJsonDocument::fromJson(text, &error);
        const bool qtReads = error.error == QJsonParseError::NoError;
        QCOMPARE(qtReads, depth <= JsonReader::kMaxDepth);
        if (qtReads) {
            QVERIFY(readDocument(text).isArray() || readDocument(text).isObject());
            JsonReader skipping(text);
            skipping.skipValue();
            QCOMPARE(skipping.offset(), text.size());
        } else {
            QCOMPARE(error.error, QJsonParseError::DeepNesting);
            QVERIFY_THROWS_EXCEPTION(JsonFormatError, readDocument(text));
            JsonReader skipping(text);
            QVERIFY_THROWS_EXCEPTION(JsonFormatError, skipping.skipValue());
        }
        // Skimming (brackets only) stays within the text, cut short or not.
        JsonReader skimming(text);
        skimming.skimValue();
        QCOMPARE(skimming.offset(), text.size());
        JsonReader cut(QByteArrayView(text).first(text.size() - 1));
        QVERIFY_THROWS_EXCEPTION(JsonFormatError, cut.skimValue());
    }

    // Hostile texts: wherever QJsonDocument refuses one, the reader (reading and skipping)
    // refuses it too; where both read it, they read the same values. Where the reader is
    // stricter than Qt (RFC 8259), the row says so.
    void hostileTextsAsQJsonDocument_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("stricter"); // Qt reads it, the reader refuses it
        const auto add = [](const char *name, const QByteArray &text, bool stricter = false) {
            QTest::addRow("%s", name) << text << stricter;
        };
        add("escaped e acute", "[\"\\u00e9\"]");
        add("escaped NUL", "{\"a\\u0000b\":\"\\u0000\"}");
        add("surrogate pair", "[\"\\ud83d\\ude00\"]");
        add("pair in capitals", "[\"\\uD83D\\uDE00\"]");
        add("raw 4-byte UTF-8", "[\"\xF0\x9F\x98\x80\"]");
        add("raw U+FFFE", "[\"\xEF\xBF\xBE\"]");
        add("invalid UTF-8: lone continuation", "[\"a\x80\"]");
        add("invalid UTF-8: overlong slash", "[\"\xC0\xAF\"]");
        add("invalid UTF-8: encoded surrogate", "[\"\xED\xA0\x80\"]");
        add("invalid UTF-8: beyond U+10FFFF", "[\"\xF4\x90\x80\x80\"]");
        add("invalid UTF-8: cut sequence", "[\"\xE2\x82\"]");
        add("invalid UTF-8 after an escape", "[\"\\n\xFF\"]");
        add("invalid UTF-8 in a key", "{\"\xFE\":1}");
        add("beyond 64 bits", "[9223372036854775808,18446744073709551616,1e19]");
        add("below 64 bits, -2^63 once a double", "[-9223372036854775809]");
        add("whole numbers written as doubles", "[1e17,1.5e3,-9.2e18,4503599627370497.0]");
        add("far below 64 bits", "[-99999999999999999999]");
        add("beyond double precision", "[123456789012345678901234567890,0.1000000000000000055511]");
        add("beyond double range", "[1e400]");
        add("below double range", "[1e-400]");
        add("zero in many digits", "[0.000e-400,-0.0,0e999]");
        add("subnormal", "[1e-310]");
        add("duplicate keys", "{\"a\":1,\"a\":\"two\",\"a\":[3]}");
        add("wrong types", "{\"changes\":\"x\",\"next\":[]}");
        add("trailing garbage", "{\"changes\":[]} x");
        add("trailing comma", "{\"changes\":[],}");
        add("two documents", "{}{}");
        add("NUL after the document", QByteArray("{}\0", 3));
        add("BOM", "\xEF\xBB\xBF{}", true);
        add("single quotes", "{'a':1}");
        add("unquoted key", "{a:1}");
        add("NaN", "[NaN]");
        add("Infinity", "[Infinity]");
        add("hex number", "[0x10]");
        add("leading zero", "[01]", true);
        add("bare fraction", "[1.]", true);
        add("raw tab in a string", "[\"a\tb\"]", true);
        add("unknown escape", "[\"\\%\"]", true);
        add("unterminated", "{\"changes\":[{\"a\":\"b");
    }
    void hostileTextsAsQJsonDocument()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, stricter);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
        const bool qtReads = error.error == QJsonParseError::NoError;
        bool reads = true;
        QJsonValue mine;
        try {
            mine = readDocument(text);
        } catch (const JsonFormatError &) {
            reads = false;
        }
        bool skips = true;
        try {
            JsonReader skipping(text);
            skipping.skipValue();
            skipping.expectEnd();
        } catch (const JsonFormatError &) {
            skips = false;
        }
        QCOMPARE(skips, reads);
        if (!qtReads) {
            QVERIFY2(!reads, "the reader read what QJsonDocument refuses");
            return;
        }
        QCOMPARE(reads, !stricter);
        if (!reads)
            return;
        QCOMPARE(mine, doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array()));
    }

    void wrongTypesThrow()
    {
        const QByteArray text = "{\"next\":43,\"more\":null,\"changes\":[]}";
        JsonReader r(text);
        QByteArray scratch;
        QByteArrayView key;
        r.beginObject();
        QVERIFY(r.nextKey(scratch, &key));
        QCOMPARE(key, QByteArrayView("next"));
        QCOMPARE(r.peek(), JsonReader::Type::Number);
        QVERIFY_THROWS_EXCEPTION(JsonFormatError, r.readString(scratch));
        JsonReader r2(text);
        QVERIFY_THROWS_EXCEPTION(JsonFormatError, r2.beginArray());
        JsonReader r3(QByteArrayView("null"));
        QVERIFY_THROWS_EXCEPTION(JsonFormatError, r3.readBool());
        JsonReader r4(QByteArrayView("\"x\""));
        QVERIFY_THROWS_EXCEPTION(JsonFormatError, r4.readNull());
        JsonReader r5(QByteArrayView("[1]"));
        QVERIFY_THROWS_EXCEPTION(JsonFormatError, r5.nextElement()); // no open container
    }

    void skipLandsWhereReadingStops_data() { sameAsQJsonDocument_data(); }
    void skipLandsWhereReadingStops()
    {
        QFETCH(QByteArray, text);
        JsonReader reading(text);
        QByteArray scratch;
        readAll(reading, scratch);
        JsonReader skipping(text);
        skipping.skipValue();
        QCOMPARE(skipping.offset(), reading.offset());
        skipping.expectEnd();
    }
};

QTEST_GUILESS_MAIN(TestJsonReader)
#include "tst_jsonreader.moc"
