#include "agendaview.h"

#include <QHelpEvent>
#include <QToolTip>

#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

namespace creneau::ui {

namespace {

constexpr double kHeader = 28;
constexpr double kGutter = 48;
constexpr double kFooter = 10; // room for the last hour's label

constexpr qint64 kDaySecs = 86400;

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

// Wall-clock seconds since the epoch, in the model's zone, for the days around a period. The
// offset is read once per day, at noon: a zone lookup costs microseconds and a busy week has
// thousands of boxes, while the agenda's hours never straddle a DST change (those happen at
// night).
class LocalClock
{
public:
    LocalClock(const QTimeZone &zone, const QDate &from, const QDate &to)
    {
        const QDate epoch(1970, 1, 1);
        for (QDate d = from.addDays(-1); d <= to.addDays(1); d = d.addDays(1))
            m_offsets.insert(epoch.daysTo(d), zone.offsetFromUtc(QDateTime(d, QTime(12, 0), zone)));
        m_guess = m_offsets.value(epoch.daysTo(from));
    }
    qint64 local(qint64 utcSecs) const
    {
        const qint64 day = floorDiv(utcSecs + m_guess, kDaySecs);
        return utcSecs + m_offsets.value(day, m_guess);
    }
    static QDate dayOf(qint64 localSecs)
    {
        return QDate(1970, 1, 1).addDays(floorDiv(localSecs, kDaySecs));
    }

private:
    QHash<qint64, int> m_offsets;
    int m_guess = 0;
};

} // namespace

AgendaView::AgendaView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("agendaView"));
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(400, 300);
    setAttribute(Qt::WA_OpaquePaintEvent);
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
    update();
    emit selectedRdvChanged(rdvId);
}

QRectF AgendaView::rectOfRdv(Id rdvId) const
{
    for (const Box &b : m_boxes)
        if (b.rdvId == rdvId)
            return b.rect;
    return {};
}

QList<AgendaView::Column> AgendaView::columns() const
{
    QList<Column> cols;
    if (!m_model || !m_model->from().isValid())
        return cols;
    const QLocale locale;
    if (m_mode == Mode::Day) {
        for (const Agent &a : m_model->agents())
            cols << Column{a.fullName(), m_model->from(), a.id, {}};
    } else {
        for (QDate d = m_model->from(); d <= m_model->to(); d = d.addDays(1))
            cols << Column{locale.toString(d, QStringLiteral("ddd d/MM")), d, 0, {}};
    }
    const double w = cols.isEmpty() ? 0 : (width() - kGutter) / cols.size();
    for (int i = 0; i < cols.size(); ++i)
        cols[i].rect = QRectF(kGutter + i * w, kHeader, w, height() - kHeader);
    return cols;
}

int AgendaView::columnOf(const QList<Column> &cols, const QDate &day, const QList<Id> &agents) const
{
    for (int i = 0; i < cols.size(); ++i)
        if (cols[i].day == day && (!cols[i].agentId || agents.contains(cols[i].agentId)))
            return i;
    return -1;
}

double AgendaView::yOf(const QDateTime &t) const
{
    return yOfLocal(t.time().msecsSinceStartOfDay() / 1000);
}

double AgendaView::yOfLocal(qint64 localSecs) const
{
    const double hourHeight = (height() - kHeader - kFooter) / double(kLastHour - kFirstHour);
    const qint64 ofDay = localSecs - floorDiv(localSecs, kDaySecs) * kDaySecs;
    const double hours = ofDay / 3600.0 - kFirstHour;
    return kHeader + std::clamp(hours, 0.0, double(kLastHour - kFirstHour)) * hourHeight;
}

// Places each appointment in its column; overlapping ones share the column in lanes.
void AgendaView::relayout()
{
    m_columns = columns();
    m_boxes.clear();
    if (!m_model)
        return;
    QList<QList<Box>> perColumn(m_columns.size());
    if (!m_model->from().isValid())
        return;
    const LocalClock clock(m_model->timeZone(), m_model->from(), m_model->to());
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex idx = m_model->index(row);
        const qint64 start = clock.local(idx.data(AgendaModel::StartSecsRole).toLongLong());
        const qint64 end = clock.local(idx.data(AgendaModel::EndSecsRole).toLongLong());
        const auto agents = idx.data(AgendaModel::AgentIdsRole).value<QList<Id>>();
        const int col = columnOf(m_columns, LocalClock::dayOf(start), agents);
        if (col < 0)
            continue;
        // An appointment running past midnight ends at the bottom of its day.
        const double bottom = LocalClock::dayOf(end) == LocalClock::dayOf(start)
                                  ? yOfLocal(end)
                                  : yOfLocal(floorDiv(start, kDaySecs) * kDaySecs + kDaySecs - 1);
        const double top = yOfLocal(start);
        perColumn[col] << Box{idx, idx.data(AgendaModel::RdvIdRole).toLongLong(),
                              QRectF(0, top, 0, std::max(bottom - top, 14.0))};
    }
    for (int c = 0; c < perColumn.size(); ++c) {
        QList<Box> &boxes = perColumn[c];
        QList<double> laneEnds; // bottom of the last box of each lane
        QList<int> laneOf;
        for (const Box &b : boxes) {
            int lane = 0;
            while (lane < laneEnds.size() && laneEnds[lane] > b.rect.top() + 0.5)
                ++lane;
            if (lane == laneEnds.size())
                laneEnds << 0;
            laneEnds[lane] = b.rect.bottom();
            laneOf << lane;
        }
        const QRectF colRect = m_columns[c].rect;
        const double laneWidth = (colRect.width() - 4) / std::max<qsizetype>(1, laneEnds.size());
        for (int i = 0; i < boxes.size(); ++i) {
            Box b = boxes[i];
            b.rect.setLeft(colRect.left() + 2 + laneOf[i] * laneWidth);
            b.rect.setWidth(laneWidth - 1);
            m_boxes << b;
        }
    }
    m_picture = QImage();
    update();
}

void AgendaView::resizeEvent(QResizeEvent *)
{
    relayout();
}

void AgendaView::paintGrid(QPainter &p, const QList<Column> &cols) const
{
    const QPalette pal = palette();
    p.setPen(pal.color(QPalette::Mid));
    for (int h = kFirstHour; h <= kLastHour; ++h) {
        const double y = yOf(QDateTime(QDate(2000, 1, 1), QTime(h, 0)));
        p.drawLine(QPointF(kGutter, y), QPointF(width(), y));
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRectF(0, y - 8, kGutter - 6, 16), Qt::AlignRight | Qt::AlignVCenter,
                   QStringLiteral("%1 h").arg(h));
        p.setPen(pal.color(QPalette::Mid));
    }
    const QDate today = QDate::currentDate();
    for (const Column &c : cols) {
        p.drawLine(c.rect.topLeft(), c.rect.bottomLeft());
        QFont f = font();
        f.setBold(m_mode == Mode::Week && c.day == today);
        p.setFont(f);
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRectF(c.rect.left(), 0, c.rect.width(), kHeader), Qt::AlignCenter, c.title);
        p.setPen(pal.color(QPalette::Mid));
    }
    p.setFont(font());
}

// Zone conversions through LocalClock, as in relayout(): a QDateTime in a zone costs
// microseconds (ICU), and a busy week has hundreds of ranges and absences.
void AgendaView::paintOpenings(QPainter &p, const QList<Column> &cols) const
{
    const QColor open(226, 240, 226);
    const LocalClock clock(m_model->timeZone(), m_model->from(), m_model->to());
    for (const AgentInterval &o : m_model->openings()) {
        const qint64 start = clock.local(o.start);
        const qint64 end = clock.local(o.end);
        const int col = columnOf(cols, LocalClock::dayOf(start), {o.agentId});
        if (col < 0)
            continue;
        const QRectF r = cols[col].rect;
        const double top = yOfLocal(start);
        p.fillRect(QRectF(r.left() + 1, top, r.width() - 1, yOfLocal(end) - top), open);
    }
}

void AgendaView::paintAbsences(QPainter &p, const QList<Column> &cols) const
{
    const bool oneAgent = m_model->agents().size() == 1;
    const LocalClock clock(m_model->timeZone(), m_model->from(), m_model->to());
    const QBrush hatch(QColor(150, 150, 150, 120), Qt::BDiagPattern);
    const QDate epoch(1970, 1, 1);
    for (const AgentInterval &a : m_model->absences()) {
        const qint64 start = clock.local(a.start);
        const qint64 end = clock.local(a.end);
        for (const Column &c : cols) {
            if (c.agentId ? a.agentId != c.agentId : !oneAgent)
                continue;
            const qint64 day = epoch.daysTo(c.day) * kDaySecs;
            const qint64 from = std::max(start, day + kFirstHour * 3600);
            const qint64 to = std::min(end, day + kLastHour * 3600);
            if (from >= to)
                continue;
            const double top = yOfLocal(from);
            p.fillRect(QRectF(c.rect.left() + 1, top, c.rect.width() - 1, yOfLocal(to) - top),
                       hatch);
        }
    }
}

void AgendaView::paintBox(QPainter &p, const Box &box, bool selected) const
{
    const QModelIndex &idx = box.index;
    const bool cancelled = idx.data(AgendaModel::StatusRole).toInt() == int(RdvStatus::Revoked);
    QColor fill = idx.data(AgendaModel::MotifColorRole).value<QColor>();
    if (!fill.isValid())
        fill = QColor(0x1f, 0x6f, 0xeb);
    if (cancelled)
        fill = QColor(200, 200, 200);
    const bool prescripteur = idx.data(AgendaModel::BookedByPrescripteurRole).toBool();
    // Too narrow for a word (a busy week of many agents): a plain box, the badge as a top strip;
    // laying out text nobody can read is what made such weeks slow to paint.
    if (box.rect.width() < 28 || box.rect.height() < 10) {
        p.fillRect(box.rect, selected ? QColor(Qt::black) : fill);
        if (prescripteur)
            p.fillRect(QRectF(box.rect.left(), box.rect.top(), box.rect.width(), 3),
                       QColor(255, 196, 0));
        return;
    }
    p.setPen(selected ? QPen(Qt::black, 2) : QPen(fill.darker(130)));
    p.setBrush(fill);
    p.drawRoundedRect(box.rect, 3, 3);

    const QColor text = fill.lightnessF() > 0.6 ? Qt::black : Qt::white;
    QRectF textRect = box.rect.adjusted(4, 1, -4, -1);
    if (prescripteur) {
        const QRectF badge(box.rect.right() - 16, box.rect.top() + 2, 14, 14);
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
    p.setPen(cancelled ? QColor(90, 90, 90) : text);
    // Wrapping only where two lines fit: one line is much cheaper to lay out.
    const bool wrap = textRect.height() >= 2 * p.fontMetrics().height();
    p.drawText(textRect, Qt::AlignLeft | Qt::AlignTop | (wrap ? int(Qt::TextWordWrap) : 0),
               idx.data(Qt::DisplayRole).toString());
    p.setFont(font());
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
    paintOpenings(p, m_columns);
    paintAbsences(p, m_columns);
    paintGrid(p, m_columns);
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
}

bool AgendaView::event(QEvent *event)
{
    // The box under the pointer tells its motif and, for the « P » badge, who booked it.
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        for (const Box &b : m_boxes)
            if (b.rect.contains(help->pos())) {
                QToolTip::showText(help->globalPos(), b.index.data(Qt::ToolTipRole).toString(),
                                   this, b.rect.toAlignedRect());
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
    // Another palette, font or screen: the picture must be drawn again.
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange ||
        event->type() == QEvent::StyleChange)
        m_picture = QImage();
    QWidget::changeEvent(event);
}

void AgendaView::mousePressEvent(QMouseEvent *event)
{
    Id hit = 0;
    for (const Box &b : m_boxes)
        if (b.rect.contains(event->position()))
            hit = b.rdvId;
    setSelectedRdv(hit);
}

QDateTime AgendaView::timeAt(const QPointF &point, Id *agentId) const
{
    for (const Column &c : m_columns) {
        if (!c.rect.contains(point))
            continue;
        const double hourHeight = (height() - kHeader - kFooter) / double(kLastHour - kFirstHour);
        const double hours = kFirstHour + (point.y() - kHeader) / hourHeight;
        const int quarter = std::clamp(int(hours * 4), kFirstHour * 4, kLastHour * 4 - 1);
        if (agentId)
            *agentId = c.agentId;
        return QDateTime(c.day, QTime(quarter / 4, (quarter % 4) * 15), m_model->timeZone());
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

void AgendaView::keyPressEvent(QKeyEvent *event)
{
    const int step = event->key() == Qt::Key_Down ? 1 : event->key() == Qt::Key_Up ? -1 : 0;
    if (!step || !m_model || m_model->rowCount() == 0) {
        QWidget::keyPressEvent(event);
        return;
    }
    const QModelIndex current = m_model->indexOfRdv(m_selected);
    const int row = current.isValid() ? std::clamp(current.row() + step, 0, m_model->rowCount() - 1)
                                      : (step > 0 ? 0 : m_model->rowCount() - 1);
    setSelectedRdv(m_model->index(row).data(AgendaModel::RdvIdRole).toLongLong());
}

} // namespace creneau::ui
