// The agenda's day layout without a view: lanes and widths of overlapping appointments, and the
// free times left inside the opening ranges.
#include "ui/agendadaylayout.h"

#include <QtTest>

using namespace creneau::ui;

Q_DECLARE_METATYPE(QList<DaySpan>)
Q_DECLARE_METATYPE(QList<LanePlacement>)

namespace {

// Minutes to spans, to keep the tables short.
DaySpan m(int from, int to)
{
    return {from * 60LL, to * 60LL};
}

} // namespace

class TestAgendaDayLayout : public QObject
{
    Q_OBJECT
private slots:
    void lanes_data();
    void lanes();
    void freeTimes_data();
    void freeTimes();
};

void TestAgendaDayLayout::lanes_data()
{
    QTest::addColumn<QList<DaySpan>>("spans");
    QTest::addColumn<QList<LanePlacement>>("expected");
    QTest::addRow("none") << QList<DaySpan>{} << QList<LanePlacement>{};
    QTest::addRow("alone takes the width")
        << QList<DaySpan>{m(600, 630)} << QList<LanePlacement>{{0, 1}};
    QTest::addRow("back to back share nothing")
        << QList<DaySpan>{m(600, 630), m(630, 660)} << QList<LanePlacement>{{0, 1}, {0, 1}};
    QTest::addRow("two overlapping halve")
        << QList<DaySpan>{m(600, 660), m(630, 690)} << QList<LanePlacement>{{0, 2}, {1, 2}};
    QTest::addRow("same start") << QList<DaySpan>{m(600, 630), m(600, 630), m(600, 630)}
                                << QList<LanePlacement>{{0, 3}, {1, 3}, {2, 3}};
    // A long one beside two short ones: the second short one reuses the freed lane.
    QTest::addRow("lane reused") << QList<DaySpan>{m(600, 720), m(600, 630), m(640, 670)}
                                 << QList<LanePlacement>{{0, 2}, {1, 2}, {1, 2}};
    // Overlap is transitive: A-B overlap, B-C overlap, A and C not; all three in one group.
    QTest::addRow("chain") << QList<DaySpan>{m(600, 660), m(640, 720), m(670, 700)}
                           << QList<LanePlacement>{{0, 2}, {1, 2}, {0, 2}};
    // A later group does not inherit the morning's three lanes.
    QTest::addRow("groups apart") << QList<DaySpan>{m(540, 600), m(540, 600), m(540, 600),
                                                    m(840, 870)}
                                  << QList<LanePlacement>{{0, 3}, {1, 3}, {2, 3}, {0, 1}};
    QTest::addRow("zero length still has a place")
        << QList<DaySpan>{m(600, 600), m(600, 630)} << QList<LanePlacement>{{0, 2}, {1, 2}};
}

void TestAgendaDayLayout::lanes()
{
    QFETCH(QList<DaySpan>, spans);
    QFETCH(QList<LanePlacement>, expected);
    const QList<LanePlacement> got = layOutLanes(spans);
    QCOMPARE(got.size(), expected.size());
    for (int i = 0; i < got.size(); ++i) {
        QVERIFY2(got[i] == expected[i], qPrintable(QStringLiteral("span %1: lane %2 of %3")
                                                       .arg(i)
                                                       .arg(got[i].lane)
                                                       .arg(got[i].lanes)));
    }
    // Overlapping spans never share a lane.
    for (int i = 0; i < spans.size(); ++i)
        for (int j = i + 1; j < spans.size(); ++j)
            if (spans[j].start < std::max(spans[i].end, spans[i].start + 1))
                QVERIFY(got[i].lane != got[j].lane);
}

void TestAgendaDayLayout::freeTimes_data()
{
    QTest::addColumn<QList<DaySpan>>("openings");
    QTest::addColumn<QList<DaySpan>>("busy");
    QTest::addColumn<QList<DaySpan>>("expected");
    QTest::addRow("no opening, no free time")
        << QList<DaySpan>{} << QList<DaySpan>{m(600, 630)} << QList<DaySpan>{};
    QTest::addRow("whole opening free")
        << QList<DaySpan>{m(540, 720)} << QList<DaySpan>{} << QList<DaySpan>{m(540, 720)};
    QTest::addRow("appointment in the middle")
        << QList<DaySpan>{m(540, 720)} << QList<DaySpan>{m(600, 630)}
        << QList<DaySpan>{m(540, 600), m(630, 720)};
    QTest::addRow("appointments at both ends")
        << QList<DaySpan>{m(540, 720)} << QList<DaySpan>{m(700, 730), m(520, 560)}
        << QList<DaySpan>{m(560, 700)};
    QTest::addRow("overlapping appointments merged")
        << QList<DaySpan>{m(540, 720)} << QList<DaySpan>{m(600, 660), m(630, 690)}
        << QList<DaySpan>{m(540, 600), m(690, 720)};
    QTest::addRow("two agents' openings merged")
        << QList<DaySpan>{m(540, 660), m(600, 720), m(840, 900)} << QList<DaySpan>{m(870, 900)}
        << QList<DaySpan>{m(540, 720), m(840, 870)};
    QTest::addRow("fully booked") << QList<DaySpan>{m(540, 600)}
                                  << QList<DaySpan>{m(540, 570), m(570, 600)} << QList<DaySpan>{};
    QTest::addRow("one appointment across two openings")
        << QList<DaySpan>{m(540, 600), m(610, 700)} << QList<DaySpan>{m(580, 620)}
        << QList<DaySpan>{m(540, 580), m(620, 700)};
}

void TestAgendaDayLayout::freeTimes()
{
    QFETCH(QList<DaySpan>, openings);
    QFETCH(QList<DaySpan>, busy);
    QFETCH(QList<DaySpan>, expected);
    const QList<DaySpan> got = freeSpans(openings, busy);
    QStringList shown;
    for (const DaySpan &s : got)
        shown << QStringLiteral("%1-%2").arg(s.start / 60).arg(s.end / 60);
    QVERIFY2(got == expected, qPrintable(shown.join(QLatin1Char(' '))));
}

QTEST_APPLESS_MAIN(TestAgendaDayLayout)
#include "tst_agenda_day_layout.moc"
