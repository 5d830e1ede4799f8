// The agenda's day layout without a view: which lane (column within a day) and how many lanes
// (its width) each appointment takes, and the free times left inside the opening ranges.
#pragma once

#include <QList>
#include <QtGlobal>

namespace creneau::ui {

// A half-open span [start, end) in seconds (any clock, as long as all spans share it).
struct DaySpan
{
    qint64 start = 0;
    qint64 end = 0;
    friend bool operator==(const DaySpan &a, const DaySpan &b)
    {
        return a.start == b.start && a.end == b.end;
    }
};

// Where one span sits in its day: lane `lane` of `lanes` equal lanes.
struct LanePlacement
{
    int lane = 0;
    int lanes = 1;
    friend bool operator==(const LanePlacement &a, const LanePlacement &b)
    {
        return a.lane == b.lane && a.lanes == b.lanes;
    }
};

// Overlapping spans share the width in lanes; each group of spans that overlap one another
// (transitively) gets as many lanes as it needs, and a span alone takes the whole width.
// `spans` must be sorted by start; the result is in the same order.
QList<LanePlacement> layOutLanes(const QList<DaySpan> &spans);

// The parts of `openings` that no span of `busy` covers, sorted and merged: the free times an
// agent can book. Neither list needs to be sorted.
QList<DaySpan> freeSpans(QList<DaySpan> openings, QList<DaySpan> busy);

} // namespace creneau::ui
