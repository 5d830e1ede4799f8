// The page template engine: every value escaped, sections over lists, maps and flags.
#include "sync/server/htmltemplate.h"

#include <QtTest>

using creneau::server::HtmlTemplate;

class TestHtmlTemplate : public QObject
{
    Q_OBJECT
private slots:
    void renders_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QVariantMap>("context");
        QTest::addColumn<QString>("expected");
        const QVariantMap script{{QStringLiteral("name"), QStringLiteral("<script>\"'&")}};
        QTest::addRow("escaped") << "<p>{{name}}</p>" << script
                                 << "<p>&lt;script&gt;&quot;&#39;&amp;</p>";
        QTest::addRow("raw") << "{{{name}}}" << script << "<script>\"'&";
        QTest::addRow("missing") << "[{{nothing}}]" << QVariantMap() << "[]";
        QTest::addRow("list") << "{{#items}}<{{n}}>{{/items}}"
                              << QVariantMap{{QStringLiteral("items"),
                                              QVariantList{QVariantMap{{QStringLiteral("n"), 1}},
                                                           QVariantMap{{QStringLiteral("n"), 2}}}}}
                              << "<1><2>";
        QTest::addRow("inverted empty list")
            << "{{^items}}vide{{/items}}" << QVariantMap{{QStringLiteral("items"), QVariantList()}}
            << "vide";
        QTest::addRow("flag") << "{{#on}}oui{{/on}}{{^on}}non{{/on}}"
                              << QVariantMap{{QStringLiteral("on"), false}} << "non";
        QTest::addRow("dotted and outer scope")
            << "{{#org}}{{org.name}}/{{title}}{{/org}}"
            << QVariantMap{{QStringLiteral("org"),
                            QVariantMap{{QStringLiteral("name"), QStringLiteral("A&B")}}},
                           {QStringLiteral("title"), QStringLiteral("T")}}
            << "A&amp;B/T";
        QTest::addRow("comment") << "a{{! hidden }}b" << QVariantMap() << "ab";
    }

    void renders()
    {
        QFETCH(QString, source);
        QFETCH(QVariantMap, context);
        QFETCH(QString, expected);
        const HtmlTemplate t(source);
        QVERIFY(t.isValid());
        QCOMPARE(t.render(context), expected);
    }

    void brokenTemplatesDoNotCrash_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addRow("unclosed section") << "{{#a}}x";
        QTest::addRow("wrong closer") << "{{#a}}x{{/b}}";
        QTest::addRow("unclosed tag") << "{{a";
        QTest::addRow("stray closer") << "{{/a}}";
    }

    void brokenTemplatesDoNotCrash()
    {
        QFETCH(QString, source);
        const HtmlTemplate t(source);
        QVERIFY(!t.isValid());
        QVERIFY(t.render({}).startsWith(QStringLiteral("<!--")));
    }
};

QTEST_GUILESS_MAIN(TestHtmlTemplate)
#include "tst_html_template.moc"
