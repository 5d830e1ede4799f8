#include "ui/agendaview.h"

#include "ui/agendaaccessible.h"
#include "ui/contrast.h"

#include <QAccessible>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace creneau::ui {

namespace {

constexpr double kFooter = 10; // room for the last hour's label
constexpr qint64 kDaySecs = 86400;

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

int secsOfDay(qint64 localSecs)
{
    return int(localSecs - floorDiv(localSecs, kDaySecs) * kDaySecs);
}

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

} // namespace

AgendaView::AgendaView(QWidget *parent) : QWidget(parent)
{
    installAgendaAccessibility();
    setObjectName(QStringLiteral("agendaView"));
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(400, 300);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Agenda"));
    setAccessibleDescription(tr("Arrows: move by time and by column; Enter: open the appointment "
                                "or book the free time"));
}

void AgendaView::setModel(AgendaModel *model)
{
    m_model = model;
    connect(model, &QAbstractItemModel::modelReset, this, &AgendaView::relayout);
    relayout();
}

void AgendaView::setMode(Mode mode)
{
    m_mode = mode;
    relayout();
}

void AgendaView::setSelectedRdv(Id rdvId)
{
    if (m_selected == rdvId)
        return;
    m_selected = rdvId;
    if (rdvId) {
        const auto [column, index] = m_grid.find(rdvId);
        m_currentColumn = column;
        m_currentIndex = index;
    } else if (m_grid.cell(m_currentColumn, m_currentIndex) &&
               !m_grid.cell(m_currentColumn, m_currentIndex)->isFree()) {
        m_currentColumn = m_currentIndex = -1;
    }
    update();
    announceCurrent();
    emit selectedRdvChanged(rdvId);
}

void AgendaView::setCurrentCell(int column, int index)
{
    const AgendaGrid::Cell *cell = m_grid.cell(column, index);
    if (!cell) {
        column = index = -1;
    }
    const bool moved = column != m_currentColumn || index != m_currentIndex;
    m_currentColumn = column;
    m_currentIndex = index;
    const Id rdv = cell ? cell->rdvId : 0;
    if (rdv != m_selected) {
        m_selected = rdv;
        emit selectedRdvChanged(rdv);
    }
    if (moved) {
        update();
        announceCurrent();
    }
}

QRectF AgendaView::rectOfRdv(Id rdvId) const
{
    for (const Box &b : m_boxes)
        if (b.rdvId == rdvId)
            return b.rect;
    return {};
}

QRectF AgendaView::columnRect(int column) const
{
    return m_columnRects.value(column);
}

QRectF AgendaView::cellRect(int column, int index) const
{
    const AgendaGrid::Cell *cell = m_grid.cell(column, index);
    if (!cell)
        return {};
    if (!cell->isFree())
        for (const Box &b : m_boxes)
            if (b.column == column && b.index == index)
                return b.rect;
    const QRectF col = m_columnRects.value(column);
    const double top = yOfLocalTime(secsOfDay(cell->localStart));
    return QRectF(col.left() + 1, top, col.width() - 2,
                  std::max(yOfLocalTime(secsOfDay(cell->localEnd)) - top, 4.0));
}

double AgendaView::header() const
{
    return std::max(28.0, fontMetrics().height() * 1.8);
}

double AgendaView::gutter() const
{
    return std::max(48.0, fontMetrics().horizontalAdvance(QStringLiteral("18 h")) + 14.0);
}

double AgendaView::yOfLocalTime(int secs) const
{
    const double hourHeight = (height() - header() - kFooter) / double(kLastHour - kFirstHour);
    const double hours = secs / 3600.0 - kFirstHour;
    return header() + std::clamp(hours, 0.0, double(kLastHour - kFirstHour)) * hourHeight;
}

double AgendaView::yOf(qint64 utcSecs) const
{
    const QDateTime t = QDateTime::fromSecsSinceEpoch(utcSecs, m_model->timeZone());
    return yOfLocalTime(t.time().msecsSinceStartOfDay() / 1000);
}

// The cells again from the model (a new period, filter or mode), then their pixels.
void AgendaView::relayout()
{
    const AgendaGrid::Cell *previous = m_grid.cell(m_currentColumn, m_currentIndex);
    const bool hadCurrent = previous != nullptr;
    const qint64 previousStart = hadCurrent ? previous->start : 0;
    const int previousColumn = m_currentColumn;
    m_grid = m_model ? AgendaGrid(*m_model, m_mode) : AgendaGrid();
    ++m_generation;
    placeCells();
    // The keyboard stays on the selected appointment, or near the time it was at.
    const auto [column, index] = m_grid.find(m_selected);
    if (column >= 0) {
        m_currentColumn = column;
        m_currentIndex = index;
    } else {
        m_currentColumn = hadCurrent && previousColumn < m_grid.columnCount() ? previousColumn : -1;
        m_currentIndex = m_grid.cellNear(m_currentColumn, previousStart);
        if (m_currentIndex < 0)
            m_currentColumn = -1;
        if (m_selected)
            setSelectedRdv(0);
    }
    QAccessibleTableModelChangeEvent reset(this, QAccessibleTableModelChangeEvent::ModelReset);
    QAccessible::updateAccessibility(&reset);
}

// Pixels for the grid's cells (a resize or a new font needs only these); the lanes come from the
// day layout (agendadaylayout.h).
void AgendaView::placeCells()
{
    m_columnRects.clear();
    m_boxes.clear();
    const int n = m_grid.columnCount();
    const double w = n ? (width() - gutter()) / n : 0;
    for (int c = 0; c < n; ++c)
        m_columnRects << QRectF(gutter() + c * w, header(), w, height() - header());
    for (int c = 0; c < n; ++c) {
        const QRectF colRect = m_columnRects.at(c);
        const QList<AgendaGrid::Cell> &cells = m_grid.columns().at(c).cells;
        for (int i = 0; i < cells.size(); ++i) {
            const AgendaGrid::Cell &cell = cells.at(i);
            if (cell.isFree())
                continue;
            // An appointment running past midnight ends at the bottom of its day.
            const double top = yOfLocalTime(secsOfDay(cell.localStart));
            const double bottom =
                floorDiv(cell.localEnd, kDaySecs) == floorDiv(cell.localStart, kDaySecs)
                    ? yOfLocalTime(secsOfDay(cell.localEnd))
                    : yOfLocalTime(int(kDaySecs - 1));
            const double laneWidth = (colRect.width() - 4) / std::max(1, cell.lane.lanes);
            m_boxes << Box{c, i, cell.rdvId,
                           QRectF(colRect.left() + 2 + cell.lane.lane * laneWidth, top,
                                  laneWidth - 1, std::max(bottom - top, 14.0))};
        }
    }
    m_picture = QImage();
    update();
}

void AgendaView::resizeEvent(QResizeEvent *)
{
    placeCells();
}

void AgendaView::paintGrid(QPainter &p) const
{
    const QPalette pal = palette();
    p.setPen(pal.color(QPalette::Mid));
    for (int h = kFirstHour; h <= kLastHour; ++h) {
        const double y = yOfLocalTime(h * 3600);
        p.drawLine(QPointF(gutter(), y), QPointF(width(), y));
        p.setPen(pal.color(QPalette::Text));
        const double half = fontMetrics().height() / 2.0 + 1;
        p.drawText(QRectF(0, y - half, gutter() - 6, 2 * half), Qt::AlignRight | Qt::AlignVCenter,
                   QStringLiteral("%1 h").arg(h));
        p.setPen(pal.color(QPalette::Mid));
    }
    const QDate today = QDate::currentDate();
    const QLocale locale;
    for (int c = 0; c < m_grid.columnCount(); ++c) {
        const AgendaGrid::Column &col = m_grid.columns().at(c);
        const QRectF r = m_columnRects.at(c);
        p.drawLine(r.topLeft(), r.bottomLeft());
        QFont f = font();
        f.setBold(m_mode == Mode::Week && col.day == today);
        p.setFont(f);
        p.setPen(pal.color(QPalette::Text));
        const QString title = m_mode == Mode::Day
                                  ? col.agentName
                                  : locale.toString(col.day, QStringLiteral("ddd d/MM"));
        p.drawText(QRectF(r.left(), 0, r.width(), header()), Qt::AlignCenter, title);
        p.setPen(pal.color(QPalette::Mid));
    }
    p.setFont(font());
}

void AgendaView::paintOpenings(QPainter &p) const
{
    // From the palette, so that a dark or high-contrast theme keeps its background.
    const QColor open = mix(palette().color(QPalette::Base), QColor(0, 140, 60), 0.14);
    const QTimeZone zone = m_model->timeZone();
    for (const AgentInterval &o : m_model->openings()) {
        const QDate day = QDateTime::fromSecsSinceEpoch(o.start, zone).date();
        for (int c = 0; c < m_grid.columnCount(); ++c) {
            const AgendaGrid::Column &col = m_grid.columns().at(c);
            if (col.day != day || (col.agentId && col.agentId != o.agentId))
                continue;
            const QRectF r = m_columnRects.at(c);
            p.fillRect(QRectF(r.left() + 1, yOf(o.start), r.width() - 1, yOf(o.end) - yOf(o.start)),
                       open);
            break;
        }
    }
}

void AgendaView::paintAbsences(QPainter &p) const
{
    const bool oneAgent = m_model->agents().size() == 1;
    const QTimeZone zone = m_model->timeZone();
    QColor hatchColor = palette().color(QPalette::Text);
    hatchColor.setAlpha(110);
    const QBrush hatch(hatchColor, Qt::BDiagPattern);
    for (const AgentInterval &a : m_model->absences()) {
        for (int c = 0; c < m_grid.columnCount(); ++c) {
            const AgendaGrid::Column &col = m_grid.columns().at(c);
            if (col.agentId ? a.agentId != col.agentId : !oneAgent)
                continue;
            const QDateTime dayStart(col.day, QTime(kFirstHour, 0), zone);
            const QDateTime dayEnd(col.day, QTime(kLastHour, 0), zone);
            const qint64 from = std::max(a.start, dayStart.toSecsSinceEpoch());
            const qint64 to = std::min(a.end, dayEnd.toSecsSinceEpoch());
            if (from >= to)
                continue;
            const QRectF r = m_columnRects.at(c);
            p.fillRect(QRectF(r.left() + 1, yOf(from), r.width() - 1, yOf(to) - yOf(from)), hatch);
        }
    }
}

void AgendaView::paintBox(QPainter &p, const Box &box, bool selected) const
{
    const QModelIndex idx = m_model->index(m_grid.cell(box.column, box.index)->row);
    const bool cancelled = idx.data(AgendaModel::StatusRole).toInt() == int(RdvStatus::Revoked);
    QColor fill = idx.data(AgendaModel::MotifColorRole).value<QColor>();
    if (!fill.isValid())
        fill = QColor(0x1f, 0x6f, 0xeb);
    if (cancelled)
        fill = QColor(200, 200, 200);
    const bool prescripteur = idx.data(AgendaModel::BookedByPrescripteurRole).toBool();
    const QColor outline = palette().color(QPalette::WindowText);
    // Too narrow for a word (a busy week of many agents): a plain box, the badge as a top strip;
    // laying out text nobody can read is what made such weeks slow to paint.
    if (box.rect.width() < 28 || box.rect.height() < 10) {
        p.fillRect(box.rect, selected ? outline : fill);
        if (prescripteur)
            p.fillRect(QRectF(box.rect.left(), box.rect.top(), box.rect.width(), 3),
                       QColor(255, 196, 0));
        return;
    }
    p.setPen(selected ? QPen(outline, 2) : QPen(fill.darker(130)));
    p.setBrush(fill);
    p.drawRoundedRect(box.rect, 3, 3);

    // At least 4.5:1 on the motif's colour (contrast.h), whatever colour the motif was given.
    const QColor text = readableTextColor(fill);
    QRectF textRect = box.rect.adjusted(4, 1, -4, -1);
    if (prescripteur) {
        const double size = std::max(14, fontMetrics().height());
        const QRectF badge(box.rect.right() - size - 2, box.rect.top() + 2, size, size);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(255, 196, 0));
        p.drawEllipse(badge);
        p.setPen(Qt::black);
        p.drawText(badge, Qt::AlignCenter, QStringLiteral("P"));
        textRect.setRight(badge.left() - 2);
    }
    QFont f = font();
    f.setStrikeOut(cancelled);
    p.setFont(f);
    p.setPen(text);
    // Wrapping only where two lines fit: one line is much cheaper to lay out.
    const bool wrap = textRect.height() >= 2 * p.fontMetrics().height();
    p.drawText(textRect, Qt::AlignLeft | Qt::AlignTop | (wrap ? int(Qt::TextWordWrap) : 0),
               idx.data(Qt::DisplayRole).toString());
    p.setFont(font());
}

void AgendaView::paintFocus(QPainter &p) const
{
    if (!hasFocus())
        return;
    const QRectF r = m_grid.cell(m_currentColumn, m_currentIndex)
                         ? cellRect(m_currentColumn, m_currentIndex).adjusted(-1, -1, 1, 1)
                         : QRectF(rect()).adjusted(1, 1, -1, -1);
    // Always visible: the highlight colour, thick and dashed over any motif colour.
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(palette().color(QPalette::Highlight), 3));
    p.drawRect(r);
    p.setPen(QPen(palette().color(QPalette::HighlightedText), 1, Qt::DashLine));
    p.drawRect(r);
}

void AgendaView::renderPicture()
{
    const qreal ratio = devicePixelRatioF();
    // A raster image in the painter's own premultiplied format: text and antialiasing are
    // drawn fastest there, whatever the screen's pixmap format.
    m_picture = QImage(size() * ratio, QImage::Format_ARGB32_Premultiplied);
    m_picture.setDevicePixelRatio(ratio);
    QPainter p(&m_picture);
    p.fillRect(rect(), palette().color(QPalette::Base));
    if (!m_model)
        return;
    p.setRenderHint(QPainter::Antialiasing);
    paintOpenings(p);
    paintAbsences(p);
    paintGrid(p);
    for (const Box &b : m_boxes)
        paintBox(p, b, false);
}

void AgendaView::paintEvent(QPaintEvent *event)
{
    if (m_picture.isNull() || m_picture.deviceIndependentSize() != QSizeF(size()))
        renderPicture();
    QPainter p(this);
    const QRectF exposed = event->rect();
    p.drawImage(exposed, m_picture,
                QRectF(exposed.topLeft() * m_picture.devicePixelRatio(),
                       exposed.size() * m_picture.devicePixelRatio()));
    p.setRenderHint(QPainter::Antialiasing);
    for (const Box &b : m_boxes)
        if (b.rdvId == m_selected && b.rect.intersects(exposed))
            paintBox(p, b, true);
    paintFocus(p);
}

bool AgendaView::event(QEvent *event)
{
    // The box under the pointer tells its motif and, for the « P » badge, who booked it.
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        for (const Box &b : m_boxes)
            if (b.rect.contains(help->pos())) {
                const QModelIndex idx = m_model->index(m_grid.cell(b.column, b.index)->row);
                QToolTip::showText(help->globalPos(), idx.data(Qt::ToolTipRole).toString(), this,
                                   b.rect.toAlignedRect());
                return true;
            }
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    return QWidget::event(event);
}

void AgendaView::changeEvent(QEvent *event)
{
    // Another palette, font or screen: the picture must be drawn again (and, for a font, the
    // header and gutter sized again).
    if (event->type() == QEvent::FontChange)
        placeCells();
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange ||
        event->type() == QEvent::StyleChange)
        m_picture = QImage();
    QWidget::changeEvent(event);
}

void AgendaView::focusInEvent(QFocusEvent *event)
{
    QWidget::focusInEvent(event);
    update();
    announceCurrent();
}

void AgendaView::focusOutEvent(QFocusEvent *event)
{
    QWidget::focusOutEvent(event);
    update();
}

void AgendaView::announceCurrent()
{
    const int child = m_grid.flatIndex(m_currentColumn, m_currentIndex);
    if (child < 0)
        return;
    QAccessibleEvent selection(this, QAccessible::Selection);
    selection.setChild(child);
    QAccessible::updateAccessibility(&selection);
    if (hasFocus()) {
        QAccessibleEvent focus(this, QAccessible::Focus);
        focus.setChild(child);
        QAccessible::updateAccessibility(&focus);
    }
}

void AgendaView::mousePressEvent(QMouseEvent *event)
{
    for (const Box &b : m_boxes)
        if (b.rect.contains(event->position())) {
            setCurrentCell(b.column, b.index);
            return;
        }
    for (int c = 0; c < m_grid.columnCount(); ++c)
        for (int i = 0; i < m_grid.columns().at(c).cells.size(); ++i)
            if (m_grid.cell(c, i)->isFree() && cellRect(c, i).contains(event->position())) {
                setCurrentCell(c, i);
                return;
            }
    setCurrentCell(-1, -1);
}

QDateTime AgendaView::timeAt(const QPointF &point, Id *agentId) const
{
    for (int c = 0; c < m_columnRects.size(); ++c) {
        if (!m_columnRects.at(c).contains(point))
            continue;
        const double hourHeight = (height() - header() - kFooter) / double(kLastHour - kFirstHour);
        const double hours = kFirstHour + (point.y() - header()) / hourHeight;
        const int quarter = std::clamp(int(hours * 4), kFirstHour * 4, kLastHour * 4 - 1);
        const AgendaGrid::Column &col = m_grid.columns().at(c);
        if (agentId)
            *agentId = col.agentId;
        return QDateTime(col.day, QTime(quarter / 4, (quarter % 4) * 15), m_model->timeZone());
    }
    return {};
}

void AgendaView::mouseDoubleClickEvent(QMouseEvent *event)
{
    for (const Box &b : m_boxes)
        if (b.rect.contains(event->position()))
            return;
    Id agentId = 0;
    const QDateTime start = timeAt(event->position(), &agentId);
    if (start.isValid())
        emit freeTimeActivated(start, agentId);
}

void AgendaView::activateCell(int column, int index)
{
    const AgendaGrid::Cell *cell = m_grid.cell(column, index);
    if (!cell)
        return;
    setCurrentCell(column, index);
    if (cell->isFree())
        emit freeTimeActivated(QDateTime::fromSecsSinceEpoch(cell->start, m_model->timeZone()),
                               m_grid.columns().at(column).agentId);
    else
        emit rdvActivated(cell->rdvId);
}

// Up/Down: the previous/next cell of the column (with nothing current, Down goes to the first
// appointment); Left/Right: the neighbouring day (or agent) at the same time; Home/End: the
// column's first and last cells.
bool AgendaView::moveCurrent(int key)
{
    const int columns = m_grid.columnCount();
    if (!columns)
        return false;
    const AgendaGrid::Cell *current = m_grid.cell(m_currentColumn, m_currentIndex);
    if (!current) {
        const Box *first = nullptr; // the earliest appointment of the period
        for (const Box &b : m_boxes)
            if (!first || m_grid.cell(b.column, b.index)->start <
                              m_grid.cell(first->column, first->index)->start)
                first = &b;
        if (first && key != Qt::Key_Up) {
            setCurrentCell(first->column, first->index);
            return true;
        }
        for (int c = 0; c < columns; ++c)
            if (const int n = int(m_grid.columns().at(c).cells.size())) {
                setCurrentCell(c, key == Qt::Key_Up ? n - 1 : 0);
                return true;
            }
        return false;
    }
    const int count = int(m_grid.columns().at(m_currentColumn).cells.size());
    switch (key) {
    case Qt::Key_Up:
        setCurrentCell(m_currentColumn, std::max(0, m_currentIndex - 1));
        return true;
    case Qt::Key_Down:
        setCurrentCell(m_currentColumn, std::min(count - 1, m_currentIndex + 1));
        return true;
    case Qt::Key_Home:
        setCurrentCell(m_currentColumn, 0);
        return true;
    case Qt::Key_End:
        setCurrentCell(m_currentColumn, count - 1);
        return true;
    case Qt::Key_Left:
    case Qt::Key_Right: {
        const int step = key == Qt::Key_Left ? -1 : 1;
        // The same time of the next column that has cells: skipping an empty day.
        for (int c = m_currentColumn + step; c >= 0 && c < columns; c += step) {
            const AgendaGrid::Column &col = m_grid.columns().at(c);
            if (col.cells.isEmpty())
                continue;
            const qint64 dayShift = (c - m_currentColumn) * (m_mode == Mode::Week ? kDaySecs : 0);
            setCurrentCell(c, m_grid.cellNear(c, current->start + dayShift));
            return true;
        }
        return true;
    }
    default:
        return false;
    }
}

void AgendaView::keyPressEvent(QKeyEvent *event)
{
    const int key = event->key();
    const bool plain = !(event->modifiers() & (Qt::AltModifier | Qt::ControlModifier));
    if (plain && (key == Qt::Key_Return || key == Qt::Key_Enter)) {
        activateCell(m_currentColumn, m_currentIndex);
        return;
    }
    if (plain && m_model && moveCurrent(key))
        return;
    QWidget::keyPressEvent(event);
}

} // namespace creneau::ui
