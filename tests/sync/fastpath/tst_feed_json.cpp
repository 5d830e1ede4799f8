// The feed's JSON bytes (sync/fastpath/feedjson) against the plain way, QJsonObject and
// QJsonDocument::toJson, on the same values: hostile text (every control character, NUL, quotes,
// backslashes, non-ASCII, surrogate pairs, lone surrogates, U+2028) and 64-bit integers at and
// around their limits. Both texts must read back as the same JSON values.
#include "sync/fastpath/feedjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <limits>

using creneau::fastpath::FeedJson;

namespace {

// What the plain path (tests/support/feedpages.cpp) makes of a column's value.
QJsonValue plainValue(const QVariant &v)
{
    if (v.isNull())
        return QJsonValue(QJsonValue::Null);
    if (v.typeId() == QMetaType::QString)
        return v.toString();
    return QJsonValue(v.toLongLong());
}

QJsonValue readBack(const QByteArray &element)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson("[" + element + "]", &error);
    if (error.error != QJsonParseError::NoError)
        return QJsonValue(QStringLiteral("unreadable: ") + error.errorString());
    return doc.array().at(0);
}

} // namespace

class TestFeedJson : public QObject
{
    Q_OBJECT
private slots:
    void valuesReadBackAsThePlainWay_data()
    {
        QTest::addColumn<QVariant>("value");
        QTest::addRow("null text") << QVariant(QMetaType(QMetaType::QString));
        QTest::addRow("null integer") << QVariant(QMetaType(QMetaType::LongLong));
        QTest::addRow("empty") << QVariant(QString());
        QTest::addRow("plain") << QVariant(QStringLiteral("Mairie de Lyon"));
        QString controls;
        for (ushort c = 0; c < 0x20; ++c)
            controls += QChar(c);
        QTest::addRow("every control character") << QVariant(controls + QStringLiteral("\x7f"));
        QTest::addRow("NUL alone") << QVariant(QString(QChar(0)));
        QTest::addRow("quotes and backslashes") << QVariant(QStringLiteral("\"\\\\\"/\\u00e9\\"));
        QTest::addRow("accents") << QVariant(QStringLiteral("Élodie, Noël, « œuvre »"));
        QTest::addRow("controls after non-ASCII")
            << QVariant(QStringLiteral("é\n\"\t\\") + QChar(0) + QChar(0x1f));
        QTest::addRow("CJK and emoji")
            << QVariant(QString::fromUtf8("李 😀 \xF0\x9F\x87\xAB\xF0\x9F\x87\xB7"));
        QTest::addRow("U+2028 and U+2029") << QVariant(QString(QChar(0x2028)) + QChar(0x2029));
        QTest::addRow("lone high surrogate") << QVariant(QString(QChar(0xD800)) + QLatin1Char('x'));
        QTest::addRow("lone low surrogate") << QVariant(QStringLiteral("a") + QChar(0xDC00));
        QTest::addRow("reversed pair") << QVariant(QString(QChar(0xDE00)) + QChar(0xD83D));
        QTest::addRow("long text") << QVariant(QString(100000, QChar(0xE9)));
        QTest::addRow("zero") << QVariant(qint64(0));
        QTest::addRow("minus one") << QVariant(qint64(-1));
        QTest::addRow("int") << QVariant(int(42));
        QTest::addRow("2^53 + 1") << QVariant(qint64(9007199254740993));
        QTest::addRow("largest") << QVariant(std::numeric_limits<qint64>::max());
        QTest::addRow("smallest") << QVariant(std::numeric_limits<qint64>::min());
    }
    void valuesReadBackAsThePlainWay()
    {
        QFETCH(QVariant, value);
        QByteArray fast;
        FeedJson::appendValue(fast, value);
        const QByteArray plain =
            QJsonDocument(QJsonArray{plainValue(value)}).toJson(QJsonDocument::Compact);
        // Raw control characters never travel; the rest as UTF-8.
        for (char c = 0; c < 0x20; ++c)
            QVERIFY2(!fast.contains(c), qPrintable(QString::number(int(c))));
        QCOMPARE(readBack(fast), readBack(plain.mid(1, plain.size() - 2)));
        // Integers exactly, not through a double.
        if (value.typeId() != QMetaType::QString && !value.isNull())
            QCOMPARE(fast, QByteArray::number(value.toLongLong()));
    }

    void keysAreStrings()
    {
        QCOMPARE(FeedJson::key(u"starts_at"), QByteArray("\"starts_at\":"));
        QCOMPARE(FeedJson::key(u"a\"b"), QByteArray("\"a\\\"b\":"));
    }

    void changesReadBackAsThePlainWay_data()
    {
        QTest::addColumn<bool>("deleted");
        QTest::addColumn<QList<qint64>>("ids");
        QTest::addColumn<bool>("withMembers");
        QTest::addRow("row with members and a list") << false << QList<qint64>{3, 1, 2} << true;
        QTest::addRow("row with an empty list") << false << QList<qint64>{} << true;
        QTest::addRow("deleted row") << true << QList<qint64>{7} << true;
        QTest::addRow("tombstone") << true << QList<qint64>{} << false;
    }
    void changesReadBackAsThePlainWay()
    {
        QFETCH(bool, deleted);
        QFETCH(QList<qint64>, ids);
        QFETCH(bool, withMembers);
        const qint64 id = std::numeric_limits<qint64>::max();
        QByteArray fast;
        FeedJson::beginChange(fast, "rdvs", id, 41, deleted);
        QJsonObject data;
        if (withMembers) {
            fast += FeedJson::key(u"name");
            FeedJson::appendValue(fast, QStringLiteral("Clé \"x\""));
            fast += ',';
            fast += FeedJson::key(u"notes");
            FeedJson::appendValue(fast, QVariant());
            fast += ',';
            FeedJson::appendIdList(fast, FeedJson::key(u"agent_ids"), ids);
            QJsonArray list;
            for (qint64 i : ids)
                list.append(i);
            data = {{QStringLiteral("name"), QStringLiteral("Clé \"x\"")},
                    {QStringLiteral("notes"), QJsonValue::Null},
                    {QStringLiteral("agent_ids"), list}};
        }
        FeedJson::endChange(fast);
        const QJsonObject plain{{QStringLiteral("entity"), QStringLiteral("rdvs")},
                                {QStringLiteral("id"), id},
                                {QStringLiteral("seq"), 41},
                                {QStringLiteral("deleted"), deleted},
                                {QStringLiteral("data"), data}};
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(fast, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(doc.object(), plain);
        QCOMPARE(doc.object().value(QStringLiteral("id")).toInteger(), id);
    }
};

QTEST_GUILESS_MAIN(TestFeedJson)
#include "tst_feed_json.moc"
