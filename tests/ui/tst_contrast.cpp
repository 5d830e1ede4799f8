// The contrast rule for text on motif colours (WCAG 2.1, 4.5:1): known ratios, and the text
// colour chosen on any colour an administrator may pick reaches 4.5:1.
#include "ui/contrast.h"

#include <QtTest>

using namespace creneau::ui;

class TestContrast : public QObject
{
    Q_OBJECT
private slots:
    void ratio_data();
    void ratio();
    void textColour_data();
    void textColour();
    void everyColourGetsReadableText();
};

void TestContrast::ratio_data()
{
    QTest::addColumn<QColor>("a");
    QTest::addColumn<QColor>("b");
    QTest::addColumn<double>("expected");
    QTest::addRow("black on white") << QColor(Qt::black) << QColor(Qt::white) << 21.0;
    QTest::addRow("same colour") << QColor(0x1f, 0x6f, 0xeb) << QColor(0x1f, 0x6f, 0xeb) << 1.0;
    // Reference values of the WebAIM contrast checker.
    QTest::addRow("#767676 on white") << QColor(0x76, 0x76, 0x76) << QColor(Qt::white) << 4.54;
    QTest::addRow("#777777 on white") << QColor(0x77, 0x77, 0x77) << QColor(Qt::white) << 4.48;
    QTest::addRow("white on #1f6feb") << QColor(Qt::white) << QColor(0x1f, 0x6f, 0xeb) << 4.63;
    QTest::addRow("order does not matter") << QColor(Qt::white) << QColor(Qt::black) << 21.0;
}

void TestContrast::ratio()
{
    QFETCH(QColor, a);
    QFETCH(QColor, b);
    QFETCH(double, expected);
    QVERIFY2(qAbs(contrastRatio(a, b) - expected) < 0.01,
             qPrintable(QString::number(contrastRatio(a, b))));
}

void TestContrast::textColour_data()
{
    QTest::addColumn<QColor>("background");
    QTest::addColumn<QColor>("preferred");
    QTest::addColumn<QColor>("expected");
    QTest::addRow("dark blue: white") << QColor(0x1f, 0x3f, 0x8b) << QColor() << QColor(Qt::white);
    QTest::addRow("yellow: black") << QColor(255, 220, 0) << QColor() << QColor(Qt::black);
    // Mid orange: white reads at 2.9:1 only, the old lightness rule picked it.
    QTest::addRow("orange: black") << QColor(0xf0, 0x80, 0x00) << QColor() << QColor(Qt::black);
    QTest::addRow("preferred kept when it reads")
        << QColor(Qt::white) << QColor(0x1f, 0x3f, 0x8b) << QColor(0x1f, 0x3f, 0x8b);
    QTest::addRow("preferred replaced when it does not")
        << QColor(200, 200, 200) << QColor(90, 90, 90) << QColor(Qt::black);
}

void TestContrast::textColour()
{
    QFETCH(QColor, background);
    QFETCH(QColor, preferred);
    QFETCH(QColor, expected);
    QCOMPARE(readableTextColor(background, preferred), expected);
}

void TestContrast::everyColourGetsReadableText()
{
    for (int r = 0; r < 256; r += 15)
        for (int g = 0; g < 256; g += 15)
            for (int b = 0; b < 256; b += 15) {
                const QColor bg(r, g, b);
                QVERIFY2(contrastRatio(readableTextColor(bg), bg) >= kMinimumTextContrast,
                         qPrintable(bg.name()));
            }
}

QTEST_APPLESS_MAIN(TestContrast)
#include "tst_contrast.moc"
