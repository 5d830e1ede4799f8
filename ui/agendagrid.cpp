#include "ui/agendagrid.h"

#include <QTimeZone>

#include <algorithm>

namespace creneau::ui {

namespace {

int columnOf(const QList<AgendaGrid::Column> &cols, const QDate &day, const QList<Id> &agents)
{
    for (int i = 0; i < cols.size(); ++i)
        if (cols[i].day == day && (!cols[i].agentId || agents.contains(cols[i].agentId)))
            return i;
    return -1;
}

// The zone is read once per day of the period: a lookup per appointment costs microseconds,
// and a busy week has thousands. The offset is the day's at noon: the agenda's hours never
// straddle a DST change (those happen at night).
class DayOf
{
public:
    DayOf(const QTimeZone &zone, const QDate &from, const QDate &to) : m_from(from)
    {
        for (QDate d = from; d <= to.addDays(1); d = d.addDays(1)) {
            m_starts << QDateTime(d, QTime(0, 0), zone).toSecsSinceEpoch();
            m_offsets << zone.offsetFromUtc(QDateTime(d, QTime(12, 0), zone));
        }
    }
    QDate operator()(qint64 utcSecs) const
    {
        const int i = indexOf(utcSecs);
        return i < 0 ? QDate() : m_from.addDays(i);
    }
    qint64 local(qint64 utcSecs) const
    {
        const int i = indexOf(utcSecs);
        return utcSecs + m_offsets.value(std::max(i, 0));
    }

private:
    int indexOf(qint64 utcSecs) const
    {
        const auto it = std::upper_bound(m_starts.cbegin(), m_starts.cend(), utcSecs);
        return int(it - m_starts.cbegin()) - 1;
    }
    QDate m_from;
    QList<qint64> m_starts;
    QList<int> m_offsets;
};

} // namespace

AgendaGrid::AgendaGrid(const AgendaModel &model, Mode mode)
{
    if (!model.from().isValid())
        return;
    if (mode == Mode::Day) {
        for (const Agent &a : model.agents())
            m_columns << Column{model.from(), a.id, a.fullName(), {}};
    } else {
        for (QDate d = model.from(); d <= model.to(); d = d.addDays(1))
            m_columns << Column{d, 0, {}, {}};
    }
    const DayOf dayOf(model.timeZone(), model.from(), model.to());
    QList<QList<DaySpan>> busy(m_columns.size());
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex idx = model.index(row);
        const qint64 start = idx.data(AgendaModel::StartSecsRole).toLongLong();
        const qint64 end = idx.data(AgendaModel::EndSecsRole).toLongLong();
        const int col = columnOf(m_columns, dayOf(start),
                                 idx.data(AgendaModel::AgentIdsRole).value<QList<Id>>());
        if (col < 0)
            continue;
        m_columns[col].cells << Cell{row,
                                     idx.data(AgendaModel::RdvIdRole).toLongLong(),
                                     start,
                                     end,
                                     dayOf.local(start),
                                     dayOf.local(end),
                                     {}};
        if (idx.data(AgendaModel::StatusRole).toInt() != int(RdvStatus::Revoked))
            busy[col] << DaySpan{start, end};
    }
    QList<QList<DaySpan>> open(m_columns.size());
    for (const AgentInterval &o : model.openings()) {
        const int col = columnOf(m_columns, dayOf(o.start), {o.agentId});
        if (col >= 0)
            open[col] << DaySpan{o.start, o.end};
    }
    for (int c = 0; c < m_columns.size(); ++c) {
        QList<Cell> &cells = m_columns[c].cells; // the model's rows are sorted by start
        QList<DaySpan> spans;
        for (const Cell &cell : cells)
            spans << DaySpan{cell.start, cell.end};
        const QList<LanePlacement> lanes = layOutLanes(spans);
        for (int i = 0; i < cells.size(); ++i)
            cells[i].lane = lanes.at(i);
        for (const DaySpan &f : freeSpans(open[c], busy[c]))
            cells << Cell{-1, 0, f.start, f.end, dayOf.local(f.start), dayOf.local(f.end), {}};
        std::stable_sort(cells.begin(), cells.end(), [](const Cell &a, const Cell &b) {
            return a.start != b.start ? a.start < b.start : !a.isFree() && b.isFree();
        });
    }
}

int AgendaGrid::rowCount() const
{
    qsizetype n = 0;
    for (const Column &c : m_columns)
        n = std::max(n, c.cells.size());
    return int(n);
}

const AgendaGrid::Cell *AgendaGrid::cell(int column, int index) const
{
    if (column < 0 || column >= m_columns.size())
        return nullptr;
    const QList<Cell> &cells = m_columns.at(column).cells;
    return index >= 0 && index < cells.size() ? &cells.at(index) : nullptr;
}

std::pair<int, int> AgendaGrid::find(Id rdvId) const
{
    for (int c = 0; c < m_columns.size(); ++c)
        for (int i = 0; i < m_columns.at(c).cells.size(); ++i)
            if (rdvId && m_columns.at(c).cells.at(i).rdvId == rdvId)
                return {c, i};
    return {-1, -1};
}

int AgendaGrid::cellCount() const
{
    qsizetype n = 0;
    for (const Column &c : m_columns)
        n += c.cells.size();
    return int(n);
}

int AgendaGrid::flatIndex(int column, int index) const
{
    if (!cell(column, index))
        return -1;
    int flat = index;
    for (int c = 0; c < column; ++c)
        flat += int(m_columns.at(c).cells.size());
    return flat;
}

std::pair<int, int> AgendaGrid::fromFlatIndex(int flat) const
{
    for (int c = 0; c < m_columns.size() && flat >= 0; ++c) {
        if (flat < m_columns.at(c).cells.size())
            return {c, flat};
        flat -= int(m_columns.at(c).cells.size());
    }
    return {-1, -1};
}

int AgendaGrid::cellNear(int column, qint64 utcSecs) const
{
    if (column < 0 || column >= m_columns.size() || m_columns.at(column).cells.isEmpty())
        return -1;
    const QList<Cell> &cells = m_columns.at(column).cells;
    int best = 0;
    qint64 bestDistance = std::numeric_limits<qint64>::max();
    for (int i = 0; i < cells.size(); ++i) {
        const Cell &c = cells.at(i);
        const qint64 distance = utcSecs < c.start  ? c.start - utcSecs
                                : utcSecs >= c.end ? utcSecs - c.end + 1
                                                   : 0;
        if (distance < bestDistance) {
            best = i;
            bestDistance = distance;
        }
    }
    return best;
}

} // namespace creneau::ui
