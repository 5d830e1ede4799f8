// « Liste »: the period's appointments as a sortable table, one line each, read line by line by
// a screen reader; the alternative to the agenda's grid. Reads the same AgendaModel.
#pragma once

#include "ui/agendamodel.h"

#include <QTableView>

class QSortFilterProxyModel;

namespace creneau::ui {

class AgendaListView : public QTableView
{
    Q_OBJECT
public:
    enum Column
    {
        DateColumn,
        TimeColumn,
        UsagerColumn,
        MotifColumn,
        LieuColumn,
        StatusColumn,
        BookedByColumn,
        ColumnCount
    };
    explicit AgendaListView(AgendaModel *model, QWidget *parent = nullptr);

    Id selectedRdv() const;
    void setSelectedRdv(Id rdvId);
    // The table as shown (sorted), for tests.
    QAbstractItemModel *shownModel() const;

signals:
    void selectedRdvChanged(qint64 rdvId);
    // Enter or a double click on a line.
    void rdvActivated(qint64 rdvId);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    AgendaModel *m_model;
    QSortFilterProxyModel *m_sorted;
};

} // namespace creneau::ui
