#include "ui/agendalistview.h"

#include "ui/clocktime.h"

#include "ui/agendacellname.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLocale>
#include <QSortFilterProxyModel>

namespace creneau::ui {

namespace {

// AgendaModel's rows as columns of text; Qt::UserRole holds what a column sorts by.
class AgendaTableModel : public QAbstractTableModel
{
public:
    explicit AgendaTableModel(AgendaModel *model, QObject *parent)
        : QAbstractTableModel(parent), m_model(model)
    {
        connect(model, &QAbstractItemModel::modelAboutToBeReset, this,
                [this] { beginResetModel(); });
        connect(model, &QAbstractItemModel::modelReset, this, [this] { endResetModel(); });
    }
    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : m_model->rowCount();
    }
    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : AgendaListView::ColumnCount;
    }
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
            return QAbstractTableModel::headerData(section, orientation, role);
        switch (section) {
        case AgendaListView::DateColumn:
            return AgendaListView::tr("Date");
        case AgendaListView::TimeColumn:
            return AgendaListView::tr("Time");
        case AgendaListView::UsagerColumn:
            return AgendaListView::tr("Usager");
        case AgendaListView::MotifColumn:
            return AgendaListView::tr("Motif");
        case AgendaListView::LieuColumn:
            return AgendaListView::tr("Lieu");
        case AgendaListView::StatusColumn:
            return AgendaListView::tr("Status");
        case AgendaListView::BookedByColumn:
            return AgendaListView::tr("Booked by");
        default:
            return {};
        }
    }
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::UserRole))
            return {};
        const QModelIndex row = m_model->index(index.row());
        const QDateTime start = row.data(AgendaModel::StartRole).toDateTime();
        const QDateTime end = row.data(AgendaModel::EndRole).toDateTime();
        switch (index.column()) {
        case AgendaListView::DateColumn:
            if (role == Qt::UserRole)
                return row.data(AgendaModel::StartSecsRole);
            return QLocale().toString(start.date(), QStringLiteral("dddd d MMMM"));
        case AgendaListView::TimeColumn:
            if (role == Qt::UserRole)
                return start.time().msecsSinceStartOfDay();
            return AgendaListView::tr("%1 to %2")
                .arg(clockTime(start.time()), clockTime(end.time()));
        case AgendaListView::UsagerColumn:
            return row.data(AgendaModel::UsagerNameRole);
        case AgendaListView::MotifColumn:
            return row.data(AgendaModel::MotifNameRole);
        case AgendaListView::LieuColumn:
            return row.data(AgendaModel::LieuRole);
        case AgendaListView::StatusColumn:
            return displayName(RdvStatus(row.data(AgendaModel::StatusRole).toInt()));
        case AgendaListView::BookedByColumn:
            if (row.data(AgendaModel::SessionIdRole).toLongLong())
                return AgendaListView::tr("Collective session");
            return row.data(AgendaModel::BookedByPrescripteurRole).toBool()
                       ? AgendaListView::tr("Prescripteur: %1")
                             .arg(row.data(AgendaModel::PrescripteurNameRole).toString())
                       : AgendaListView::tr("Agent");
        default:
            return {};
        }
    }

private:
    AgendaModel *m_model;
};

} // namespace

AgendaListView::AgendaListView(AgendaModel *model, QWidget *parent)
    : QTableView(parent), m_model(model), m_sorted(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("agendaListView"));
    setAccessibleName(tr("Appointments of the period"));
    setAccessibleDescription(tr("One line per appointment; Enter opens it"));
    m_sorted->setSourceModel(new AgendaTableModel(model, this));
    m_sorted->setSortRole(Qt::UserRole);
    m_sorted->setSortLocaleAware(true);
    setModel(m_sorted);
    setSortingEnabled(true);
    sortByColumn(DateColumn, Qt::AscendingOrder);
    setSelectionBehavior(SelectRows);
    setSelectionMode(SingleSelection);
    setEditTriggers(NoEditTriggers);
    setTabKeyNavigation(false); // Tab leaves the table, arrows move in it
    setWordWrap(false);
    verticalHeader()->hide();
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { emit selectedRdvChanged(selectedRdv()); });
    connect(this, &QAbstractItemView::activated, this,
            [this] { emit rdvActivated(selectedRdv()); });
}

QAbstractItemModel *AgendaListView::shownModel() const
{
    return m_sorted;
}

Id AgendaListView::selectedRdv() const
{
    const QModelIndex current = m_sorted->mapToSource(currentIndex());
    return current.isValid()
               ? m_model->index(current.row()).data(AgendaModel::RdvIdRole).toLongLong()
               : 0;
}

void AgendaListView::setSelectedRdv(Id rdvId)
{
    if (rdvId == selectedRdv())
        return;
    const QModelIndex row = m_model->indexOfRdv(rdvId);
    const QModelIndex shown =
        row.isValid() ? m_sorted->mapFromSource(m_sorted->sourceModel()->index(row.row(), 0))
                      : QModelIndex();
    const QSignalBlocker block(selectionModel());
    if (shown.isValid())
        selectionModel()->setCurrentIndex(shown, QItemSelectionModel::ClearAndSelect |
                                                     QItemSelectionModel::Rows);
    else
        selectionModel()->clear();
}

void AgendaListView::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && selectedRdv()) {
        emit rdvActivated(selectedRdv());
        return;
    }
    QTableView::keyPressEvent(event);
}

} // namespace creneau::ui
