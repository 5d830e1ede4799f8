// MailTemplate: placeholders, line conditions and escaping, as the message texts of
// resources/mail rely on them; values are inserted once, never expanded again.
#include "sync/notify/mailtemplate.h"

#include <QtTest>

using namespace creneau::notify;

namespace {

// A template whose text and HTML bodies are both `body`.
MailTemplate withBody(const QString &body)
{
    return MailTemplate::fromText(QStringLiteral("subject: Sujet\n--- text\n") + body +
                                  QStringLiteral("\n--- html\n") + body +
                                  QStringLiteral("\n--- sms\n") + body);
}

} // namespace

class TestMailTemplate : public QObject
{
    Q_OBJECT
private slots:
    void bodies_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<TemplateValues>("values");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("html");

        const TemplateValues lea{{QStringLiteral("usager"), QStringLiteral("Léa <Petit> & co")},
                                 {QStringLiteral("blank"), QStringLiteral("   ")}};
        QTest::newRow("placeholder") << "Bonjour {{usager}}." << lea << "Bonjour Léa <Petit> & co."
                                     << "Bonjour Léa &lt;Petit&gt; &amp; co.";
        QTest::newRow("two on a line")
            << "{{usager}}/{{usager}}" << lea << "Léa <Petit> & co/Léa <Petit> & co"
            << "Léa &lt;Petit&gt; &amp; co/Léa &lt;Petit&gt; &amp; co";
        QTest::newRow("unknown is empty") << "[{{nobody}}]" << lea << "[]"
                                          << "[]";
        QTest::newRow("a value is not expanded again")
            << "{{usager}}"
            << TemplateValues{{QStringLiteral("usager"), QStringLiteral("{{secret}}")},
                              {QStringLiteral("secret"), QStringLiteral("x")}}
            << "{{secret}}"
            << "{{secret}}";
        QTest::newRow("not a name: kept as written")
            << "{{Usager}} {{ usager }} {{}} {{usager" << lea
            << "{{Usager}} {{ usager }} {{}} {{usager"
            << "{{Usager}} {{ usager }} {{}} {{usager";
        QTest::newRow("three braces") << "{{{usager}}}" << lea << "{Léa <Petit> & co}"
                                      << "{Léa &lt;Petit&gt; &amp; co}";
        QTest::newRow("kept when set")
            << "a\n{{?usager}}Pour {{usager}}\nb" << lea << "a\nPour Léa <Petit> & co\nb"
            << "a\nPour Léa &lt;Petit&gt; &amp; co\nb";
        QTest::newRow("dropped when unset") << "a\n{{?nobody}}Pour {{nobody}}\nb" << lea << "a\nb"
                                            << "a\nb";
        QTest::newRow("blank counts as unset") << "a\n{{?blank}}x\n{{!blank}}y" << lea << "a\ny"
                                               << "a\ny";
        QTest::newRow("kept when empty")
            << "{{!nobody}}Personne\n{{!usager}}Quelqu'un" << lea << "Personne"
            << "Personne";
        QTest::newRow("two conditions: both needed")
            << "{{?usager}}{{!nobody}}les deux\n{{?usager}}{{?nobody}}un seul" << lea << "les deux"
            << "les deux";
        QTest::newRow("a condition only at the start")
            << "x {{?nobody}}y" << lea << "x {{?nobody}}y"
            << "x {{?nobody}}y";
        QTest::newRow("a bad condition is text") << "{{?Nobody}}z" << lea << "{{?Nobody}}z"
                                                 << "{{?Nobody}}z";
        QTest::newRow("empty lines stay") << "a\n\nb" << lea << "a\n\nb"
                                          << "a\n\nb";
    }
    void bodies()
    {
        QFETCH(QString, body);
        QFETCH(TemplateValues, values);
        QFETCH(QString, text);
        QFETCH(QString, html);
        const RenderedMessage m = withBody(body).render(values);
        QCOMPARE(m.text, text + QLatin1Char('\n'));
        QVERIFY2(m.html.contains(QStringLiteral("<body>\n") + html + QStringLiteral("\n</body>")),
                 qPrintable(m.html));
        QCOMPARE(m.sms, text.simplified());
    }

    void subjectIsOneEscapedLineInTheDocument()
    {
        const MailTemplate t = MailTemplate::fromText(
            QStringLiteral("subject: Rendez-vous   de {{usager}}\n--- text\nx\n--- html\ny"));
        const RenderedMessage m = t.render({{QStringLiteral("usager"), QStringLiteral("<A>")}});
        QCOMPARE(m.subject, QStringLiteral("Rendez-vous de <A>"));
        QVERIFY(m.html.contains(QStringLiteral("<title>Rendez-vous de &lt;A&gt;</title>")));
    }

    void shippedTemplatesLoad()
    {
        const MailTemplate first = MailTemplate::load(QStringLiteral("usager_confirmation"));
        QVERIFY(!first.isEmpty());
        const TemplateValues v{{QStringLiteral("usager"), QStringLiteral("Léa")},
                               {QStringLiteral("motif"), QStringLiteral("Accueil")}};
        // Loaded once, the same every time.
        QCOMPARE(MailTemplate::load(QStringLiteral("usager_confirmation")).render(v).text,
                 first.render(v).text);
        QVERIFY(MailTemplate::load(QStringLiteral("no_such_template")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMailTemplate)
#include "tst_mail_template.moc"
