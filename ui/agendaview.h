// Paints an AgendaModel: day columns (week view) or agents side by side (day view), 8 h to 18 h,
// opening ranges as background, absences hatched, appointments as boxes coloured by motif. Clicking
// selects one.
#pragma once

#include "agendamodel.h"

#include <QImage>
#include <QWidget>

namespace creneau::ui {

class AgendaView : public QWidget
{
    Q_OBJECT
public:
    enum class Mode
    {
        Day,
        Week
    };
    static constexpr int kFirstHour = 8;
    static constexpr int kLastHour = 18;

    explicit AgendaView(QWidget *parent = nullptr);
    void setModel(AgendaModel *model);
    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    Id selectedRdv() const { return m_selected; }
    void setSelectedRdv(Id rdvId);
    // The box of an appointment as last laid out, for tests and accessibility.
    QRectF rectOfRdv(Id rdvId) const;

    QSize sizeHint() const override { return {900, 600}; }

    // The wall-clock time (organisation's zone, rounded down to 15 minutes) and the agent (0 in
    // the week view) under a point of the grid; invalid outside the columns.
    QDateTime timeAt(const QPointF &point, Id *agentId = nullptr) const;

signals:
    void selectedRdvChanged(qint64 rdvId);
    // A double click on the grid outside any appointment: the agent books there.
    void freeTimeActivated(const QDateTime &start, qint64 agentId);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    // Up/Down select the previous/next appointment in time order.
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Column
    {
        QString title;
        QDate day;
        Id agentId = 0; // 0: every agent
        QRectF rect;
    };
    struct Box
    {
        QModelIndex index;
        Id rdvId = 0;
        QRectF rect;
    };
    void relayout();
    QList<Column> columns() const;
    int columnOf(const QList<Column> &cols, const QDate &day, const QList<Id> &agents) const;
    double yOf(const QDateTime &t) const;
    // `localSecs`: wall-clock seconds since the epoch (only the time of day counts).
    double yOfLocal(qint64 localSecs) const;
    void paintGrid(QPainter &p, const QList<Column> &cols) const;
    void paintOpenings(QPainter &p, const QList<Column> &cols) const;
    void paintAbsences(QPainter &p, const QList<Column> &cols) const;
    void paintBox(QPainter &p, const Box &box, bool selected) const;
    // Draws the period without the selection into m_picture.
    void renderPicture();

    AgendaModel *m_model = nullptr;
    Mode m_mode = Mode::Week;
    Id m_selected = 0;
    QList<Column> m_columns;
    QList<Box> m_boxes;
    // The period as last drawn, without the selection. Laying out the text of 2,000 boxes costs
    // milliseconds, and most repaints (an expose, a new selection, a dialog closing) change none
    // of it; a relayout (model reset, resize, mode) drops it.
    QImage m_picture;
};

} // namespace creneau::ui
