#include "ui/agendaaccessible.h"

#include "ui/agendacellname.h"
#include "ui/agendaview.h"

#include <QAccessibleWidget>
#include <QHash>
#include <QPointer>
#include <QWindow>

namespace creneau::ui {

namespace {

class AgendaTableAccessible;

// One cell. It holds no pointer into the grid: it is found again from the view by its place,
// and it is stale (invalid) once the view lays out again.
class AgendaCellAccessible : public QAccessibleInterface,
                             public QAccessibleTableCellInterface,
                             public QAccessibleActionInterface
{
public:
    AgendaCellAccessible(AgendaView *view, int column, int index)
        : m_view(view), m_generation(view->layoutGeneration()), m_column(column), m_index(index)
    {}

    bool isValid() const override
    {
        return m_view && m_view->layoutGeneration() == m_generation &&
               m_view->grid().cell(m_column, m_index);
    }
    // No object: the view's own object maps to the table in Qt's cache.
    QObject *object() const override { return nullptr; }
    QWindow *window() const override { return m_view ? m_view->window()->windowHandle() : nullptr; }
    QAccessibleInterface *childAt(int, int) const override { return nullptr; }
    QAccessibleInterface *parent() const override
    {
        return m_view ? QAccessible::queryAccessibleInterface(m_view) : nullptr;
    }
    QAccessibleInterface *child(int) const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface *) const override { return -1; }
    QString text(QAccessible::Text t) const override
    {
        if (!isValid())
            return {};
        if (t == QAccessible::Name)
            return agendaCellName(*m_view->model(), m_view->grid(), m_column, m_index);
        if (t == QAccessible::Description)
            return m_view->grid().cell(m_column, m_index)->isFree()
                       ? AgendaView::tr("Enter: book at this time")
                       : AgendaView::tr("Enter: open the appointment");
        return {};
    }
    void setText(QAccessible::Text, const QString &) override {}
    QRect rect() const override
    {
        if (!isValid())
            return {};
        const QRect local = m_view->cellRect(m_column, m_index).toAlignedRect();
        return QRect(m_view->mapToGlobal(local.topLeft()), local.size());
    }
    QAccessible::Role role() const override { return QAccessible::Cell; }
    QAccessible::State state() const override
    {
        QAccessible::State s;
        if (!isValid()) {
            s.invalid = true;
            return s;
        }
        s.focusable = true;
        s.selectable = true;
        const bool current =
            m_view->currentColumn() == m_column && m_view->currentIndex() == m_index;
        s.selected = current;
        s.focused = current && m_view->hasFocus();
        s.active = s.focused;
        return s;
    }
    void *interface_cast(QAccessible::InterfaceType type) override
    {
        if (type == QAccessible::TableCellInterface)
            return static_cast<QAccessibleTableCellInterface *>(this);
        if (type == QAccessible::ActionInterface)
            return static_cast<QAccessibleActionInterface *>(this);
        return nullptr;
    }

    // QAccessibleTableCellInterface
    bool isSelected() const override { return state().selected; }
    QList<QAccessibleInterface *> columnHeaderCells() const override { return {}; }
    QList<QAccessibleInterface *> rowHeaderCells() const override { return {}; }
    int columnIndex() const override { return m_column; }
    int rowIndex() const override { return m_index; }
    int columnExtent() const override { return 1; }
    int rowExtent() const override { return 1; }
    QAccessibleInterface *table() const override { return parent(); }

    // QAccessibleActionInterface
    QStringList actionNames() const override { return {pressAction(), setFocusAction()}; }
    void doAction(const QString &name) override
    {
        if (!isValid())
            return;
        if (name == pressAction())
            m_view->activateCell(m_column, m_index);
        else if (name == setFocusAction()) {
            m_view->setFocus(Qt::OtherFocusReason);
            m_view->setCurrentCell(m_column, m_index);
        }
    }
    QStringList keyBindingsForAction(const QString &name) const override
    {
        return name == pressAction() ? QStringList{QStringLiteral("Return")} : QStringList();
    }

private:
    QPointer<AgendaView> m_view;
    quint64 m_generation;
    int m_column;
    int m_index;
};

class AgendaTableAccessible : public QAccessibleWidget, public QAccessibleTableInterface
{
public:
    explicit AgendaTableAccessible(AgendaView *view) : QAccessibleWidget(view, QAccessible::Table)
    {}
    ~AgendaTableAccessible() override { dropCells(); }

    AgendaView *view() const { return static_cast<AgendaView *>(widget()); }

    void *interface_cast(QAccessible::InterfaceType type) override
    {
        if (type == QAccessible::TableInterface)
            return static_cast<QAccessibleTableInterface *>(this);
        return QAccessibleWidget::interface_cast(type);
    }

    int childCount() const override { return view()->grid().cellCount(); }
    QAccessibleInterface *child(int index) const override
    {
        const auto [column, row] = view()->grid().fromFlatIndex(index);
        return cellAt(row, column);
    }
    int indexOfChild(const QAccessibleInterface *child) const override
    {
        if (!child || child->role() != QAccessible::Cell || !child->isValid())
            return -1;
        auto *cell = const_cast<QAccessibleInterface *>(child)->tableCellInterface();
        return cell && cell->table() == this
                   ? view()->grid().flatIndex(cell->columnIndex(), cell->rowIndex())
                   : -1;
    }
    QAccessibleInterface *childAt(int x, int y) const override
    {
        const QPointF p = view()->mapFromGlobal(QPoint(x, y));
        const AgendaGrid &grid = view()->grid();
        // Appointments first: they are drawn over the free times.
        for (const bool free : {false, true})
            for (int c = 0; c < grid.columnCount(); ++c)
                for (int i = 0; i < grid.columns().at(c).cells.size(); ++i)
                    if (grid.cell(c, i)->isFree() == free && view()->cellRect(c, i).contains(p))
                        return cellAt(i, c);
        return nullptr;
    }
    QAccessibleInterface *focusChild() const override
    {
        return view()->hasFocus() ? cellAt(view()->currentIndex(), view()->currentColumn())
                                  : nullptr;
    }

    // QAccessibleTableInterface
    QAccessibleInterface *caption() const override { return nullptr; }
    QAccessibleInterface *summary() const override { return nullptr; }
    QAccessibleInterface *cellAt(int row, int column) const override
    {
        const AgendaGrid &grid = view()->grid();
        const int flat = grid.flatIndex(column, row);
        if (flat < 0)
            return nullptr;
        if (m_generation != view()->layoutGeneration()) {
            const_cast<AgendaTableAccessible *>(this)->dropCells();
            m_generation = view()->layoutGeneration();
        }
        if (const auto it = m_cells.constFind(flat); it != m_cells.constEnd())
            return QAccessible::accessibleInterface(*it);
        auto *cell = new AgendaCellAccessible(view(), column, row);
        m_cells.insert(flat, QAccessible::registerAccessibleInterface(cell));
        return cell;
    }
    int selectedCellCount() const override { return int(selectedCells().size()); }
    QList<QAccessibleInterface *> selectedCells() const override
    {
        QAccessibleInterface *current = cellAt(view()->currentIndex(), view()->currentColumn());
        return current ? QList<QAccessibleInterface *>{current} : QList<QAccessibleInterface *>{};
    }
    QString columnDescription(int column) const override
    {
        return agendaColumnName(view()->grid(), column);
    }
    QString rowDescription(int) const override { return {}; }
    int selectedColumnCount() const override { return 0; }
    int selectedRowCount() const override { return 0; }
    int columnCount() const override { return view()->grid().columnCount(); }
    int rowCount() const override { return view()->grid().rowCount(); }
    QList<int> selectedColumns() const override { return {}; }
    QList<int> selectedRows() const override { return {}; }
    bool isColumnSelected(int) const override { return false; }
    bool isRowSelected(int) const override { return false; }
    bool selectRow(int) override { return false; }
    bool selectColumn(int) override { return false; }
    bool unselectRow(int) override { return false; }
    bool unselectColumn(int) override { return false; }
    void modelChange(QAccessibleTableModelChangeEvent *) override { dropCells(); }

private:
    void dropCells()
    {
        for (const QAccessible::Id id : std::as_const(m_cells))
            QAccessible::deleteAccessibleInterface(id);
        m_cells.clear();
    }

    mutable QHash<int, QAccessible::Id> m_cells;
    mutable quint64 m_generation = 0;
};

QAccessibleInterface *agendaFactory(const QString &, QObject *object)
{
    if (auto *view = qobject_cast<AgendaView *>(object))
        return new AgendaTableAccessible(view);
    return nullptr;
}

} // namespace

void installAgendaAccessibility()
{
    static const bool installed = [] {
        QAccessible::installFactory(agendaFactory);
        return true;
    }();
    Q_UNUSED(installed);
}

} // namespace creneau::ui
