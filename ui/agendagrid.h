// The agenda's period as columns and cells, without pixels: days (week view) or agents (day
// view) as columns, each appointment and each free time of a column as a cell in time order,
// with the appointment's lane from the day layout. The view paints it, the keyboard walks it and
// the accessibility interface reads it.
#pragma once

#include "ui/agendadaylayout.h"
#include "ui/agendamodel.h"

#include <QDate>
#include <QList>
#include <QString>

namespace creneau::ui {

class AgendaGrid
{
public:
    enum class Mode
    {
        Day,  // one column per agent
        Week, // one column per day
    };
    struct Cell
    {
        int row = -1; // the appointment's row in the model; -1: a free time
        Id rdvId = 0;
        qint64 start = 0; // UTC seconds
        qint64 end = 0;
        // Wall-clock seconds since the epoch in the organisation's zone, for drawing.
        qint64 localStart = 0;
        qint64 localEnd = 0;
        LanePlacement lane;
        bool isFree() const { return row < 0; }
    };
    struct Column
    {
        QDate day;
        Id agentId = 0; // 0: every agent
        QString agentName;
        QList<Cell> cells; // by start; an appointment before a free time starting with it
    };

    AgendaGrid() = default;
    AgendaGrid(const AgendaModel &model, Mode mode);

    const QList<Column> &columns() const { return m_columns; }
    int columnCount() const { return int(m_columns.size()); }
    int rowCount() const; // the longest column's number of cells
    const Cell *cell(int column, int index) const;
    // Where the appointment is; {-1, -1} when it is not shown.
    std::pair<int, int> find(Id rdvId) const;
    // Cells numbered column after column (all of Monday, then Tuesday...), as a screen reader
    // reads the table; -1 / {-1, -1} outside.
    int cellCount() const;
    int flatIndex(int column, int index) const;
    std::pair<int, int> fromFlatIndex(int flat) const;
    // The cell of `column` at `utcSecs`, or the nearest one; -1 when the column is empty.
    int cellNear(int column, qint64 utcSecs) const;

private:
    QList<Column> m_columns;
};

} // namespace creneau::ui
