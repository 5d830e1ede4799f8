#include "ui/agendadaylayout.h"

#include <algorithm>

namespace creneau::ui {

namespace {

QList<DaySpan> merged(QList<DaySpan> spans)
{
    std::sort(spans.begin(), spans.end(),
              [](const DaySpan &a, const DaySpan &b) { return a.start < b.start; });
    QList<DaySpan> out;
    for (const DaySpan &s : spans) {
        if (s.end <= s.start)
            continue;
        if (!out.isEmpty() && s.start <= out.last().end)
            out.last().end = std::max(out.last().end, s.end);
        else
            out << s;
    }
    return out;
}

} // namespace

QList<LanePlacement> layOutLanes(const QList<DaySpan> &spans)
{
    QList<LanePlacement> out(spans.size());
    int groupBegin = 0;
    qint64 groupEnd = 0;
    QList<qint64> laneEnds; // end of the last span of each lane of the current group
    const auto closeGroup = [&](int groupEndIndex) {
        for (int i = groupBegin; i < groupEndIndex; ++i)
            out[i].lanes = int(laneEnds.size());
    };
    for (int i = 0; i < spans.size(); ++i) {
        const DaySpan &s = spans.at(i);
        if (i > groupBegin && s.start >= groupEnd) { // nothing before overlaps: a new group
            closeGroup(i);
            groupBegin = i;
            laneEnds.clear();
        }
        int lane = 0;
        while (lane < laneEnds.size() && laneEnds.at(lane) > s.start)
            ++lane;
        if (lane == laneEnds.size())
            laneEnds << s.end;
        // A zero-length span still takes its place on screen.
        laneEnds[lane] = std::max(s.end, s.start + 1);
        out[i].lane = lane;
        groupEnd = i == groupBegin ? laneEnds[lane] : std::max(groupEnd, laneEnds[lane]);
    }
    closeGroup(int(spans.size()));
    return out;
}

QList<DaySpan> freeSpans(QList<DaySpan> openings, QList<DaySpan> busy)
{
    const QList<DaySpan> open = merged(std::move(openings));
    const QList<DaySpan> taken = merged(std::move(busy));
    QList<DaySpan> out;
    int t = 0;
    for (DaySpan o : open) {
        while (t < taken.size() && taken.at(t).end <= o.start)
            ++t;
        for (int k = t; k < taken.size() && taken.at(k).start < o.end; ++k) {
            if (taken.at(k).start > o.start)
                out << DaySpan{o.start, taken.at(k).start};
            o.start = std::max(o.start, taken.at(k).end);
        }
        if (o.start < o.end)
            out << o;
    }
    return out;
}

} // namespace creneau::ui
