// Paints an AgendaModel: day columns (week view) or agents side by side (day view), 8 h to 18 h,
// opening ranges as background, absences hatched, appointments as boxes coloured by motif. The
// keyboard walks its cells (appointments and free times, AgendaGrid): arrows by time and by
// column, Enter opens the appointment or books the free time. Screen readers read it as a table
// (agendaaccessible.h).
#pragma once

#include "ui/agendagrid.h"
#include "ui/agendamodel.h"

#include <QImage>
#include <QWidget>

namespace creneau::ui {

class AgendaView : public QWidget
{
    Q_OBJECT
public:
    using Mode = AgendaGrid::Mode;
    static constexpr int kFirstHour = 8;
    static constexpr int kLastHour = 18;

    explicit AgendaView(QWidget *parent = nullptr);
    void setModel(AgendaModel *model);
    AgendaModel *model() const { return m_model; }
    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    Id selectedRdv() const { return m_selected; }
    void setSelectedRdv(Id rdvId);
    // The box of an appointment as last laid out, for tests and accessibility.
    QRectF rectOfRdv(Id rdvId) const;

    // The cells as last laid out; the current cell is where the keyboard is ({-1, -1}: none).
    const AgendaGrid &grid() const { return m_grid; }
    int currentColumn() const { return m_currentColumn; }
    int currentIndex() const { return m_currentIndex; }
    void setCurrentCell(int column, int index);
    QRectF cellRect(int column, int index) const;
    QRectF columnRect(int column) const;
    // Bumped at every relayout: cells handed out before it are stale.
    quint64 layoutGeneration() const { return m_generation; }
    // Enter on a cell: opens the appointment or books the free time.
    void activateCell(int column, int index);

    QSize sizeHint() const override { return {900, 600}; }

    // The wall-clock time (organisation's zone, rounded down to 15 minutes) and the agent (0 in
    // the week view) under a point of the grid; invalid outside the columns.
    QDateTime timeAt(const QPointF &point, Id *agentId = nullptr) const;

signals:
    void selectedRdvChanged(qint64 rdvId);
    // A double click on the grid outside any appointment, or Enter on a free time: the agent
    // books there.
    void freeTimeActivated(const QDateTime &start, qint64 agentId);
    // Enter on an appointment: the agent wants to act on it.
    void rdvActivated(qint64 rdvId);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Box
    {
        int column = 0;
        int index = 0;
        Id rdvId = 0;
        QRectF rect;
    };
    void relayout();
    void placeCells();
    // Header height and hour gutter grow with the font (the system's size is honoured).
    double header() const;
    double gutter() const;
    double yOfLocalTime(int secsOfDay) const;
    double yOf(qint64 utcSecs) const;
    void paintGrid(QPainter &p) const;
    void paintOpenings(QPainter &p) const;
    void paintAbsences(QPainter &p) const;
    void paintBox(QPainter &p, const Box &box, bool selected) const;
    void paintFocus(QPainter &p) const;
    // Draws the period without the selection into m_picture.
    void renderPicture();
    // Tells assistive technologies where the keyboard is and what is selected.
    void announceCurrent();
    bool moveCurrent(int key);

    AgendaModel *m_model = nullptr;
    Mode m_mode = Mode::Week;
    Id m_selected = 0;
    AgendaGrid m_grid;
    QList<QRectF> m_columnRects;
    QList<Box> m_boxes;
    int m_currentColumn = -1;
    int m_currentIndex = -1;
    quint64 m_generation = 0;
    // The period as last drawn, without the selection. Laying out the text of 2,000 boxes costs
    // milliseconds, and most repaints (an expose, a new selection, a dialog closing) change none
    // of it; a relayout (model reset, resize, mode) drops it.
    QImage m_picture;
};

} // namespace creneau::ui
