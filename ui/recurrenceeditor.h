// Edits a weekly recurrence as an agent thinks of it — days of the week, every N weeks, until a
// date, exception dates — and produces the iCalendar RRULE, with the next 10 occurrences shown
// (RecurrenceRule::dates) so the admin sees what the rule means.
#pragma once

#include <QDate>
#include <QWidget>

class QCheckBox;
class QDateEdit;
class QListWidget;
class QSpinBox;

namespace creneau::ui {

class RecurrenceEditor : public QWidget
{
    Q_OBJECT
public:
    explicit RecurrenceEditor(QWidget *parent = nullptr);

    // Reads FREQ=WEEKLY/DAILY with INTERVAL, BYDAY and UNTIL; empty: the first day only.
    void setRule(const QString &rrule, const QDate &firstDay, const QList<QDate> &exceptions);
    void setFirstDay(const QDate &firstDay);
    QString rrule() const;
    QList<QDate> exceptions() const;
    // The next occurrences from the first day (or today, if later), as shown.
    QList<QDate> preview() const { return m_preview; }

signals:
    void changed();

private:
    void updatePreview();

    QDate m_firstDay;
    QList<QCheckBox *> m_days; // Monday first
    QSpinBox *m_interval;
    QCheckBox *m_hasUntil;
    QDateEdit *m_until;
    QDateEdit *m_exceptionDate;
    QListWidget *m_exceptions;
    QListWidget *m_previewList;
    QList<QDate> m_preview;
};

} // namespace creneau::ui
