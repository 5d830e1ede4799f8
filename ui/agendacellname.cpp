#include "ui/agendacellname.h"

#include "ui/clocktime.h"

#include <QCoreApplication>
#include <QLocale>

namespace creneau::ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("AgendaCellName", text);
}

} // namespace

QString agendaColumnName(const AgendaGrid &grid, int column)
{
    if (column < 0 || column >= grid.columnCount())
        return {};
    const AgendaGrid::Column &c = grid.columns().at(column);
    return c.agentId ? c.agentName : QLocale().toString(c.day, QStringLiteral("dddd d MMMM"));
}

QString agendaCellName(const AgendaModel &model, const AgendaGrid &grid, int column, int index)
{
    const AgendaGrid::Cell *cell = grid.cell(column, index);
    if (!cell)
        return {};
    const QDateTime start = QDateTime::fromSecsSinceEpoch(cell->start, model.timeZone());
    const QDateTime end = QDateTime::fromSecsSinceEpoch(cell->end, model.timeZone());
    const AgendaGrid::Column &c = grid.columns().at(column);
    QStringList parts{QLocale().toString(start.date(), QStringLiteral("dddd d MMMM")),
                      tr("%1 to %2").arg(clockTime(start.time()), clockTime(end.time()))};
    if (c.agentId)
        parts << c.agentName;
    if (cell->isFree()) {
        parts << tr("free");
        return parts.join(QStringLiteral(", "));
    }
    const QModelIndex idx = model.index(cell->row);
    for (const int role : {AgendaModel::UsagerNameRole, AgendaModel::MotifNameRole})
        if (const QString s = idx.data(role).toString(); !s.isEmpty())
            parts << s;
    if (idx.data(AgendaModel::BookedByPrescripteurRole).toBool())
        parts << tr("booked by a prescripteur");
    if (idx.data(AgendaModel::StatusRole).toInt() == int(RdvStatus::Revoked))
        parts << tr("cancelled");
    return parts.join(QStringLiteral(", "));
}

} // namespace creneau::ui
