// Administration: agents' absences (title, start and end in the organisation's zone, an optional
// weekly recurrence with its preview); checked by CatalogService, saved or removed through
// AgendaSource.
#pragma once

#include "ui/agendasource.h"
#include "ui/fielderrorlabels.h"

#include <QDialog>

class QComboBox;
class QDateTimeEdit;
class QLineEdit;
class QListWidget;

namespace creneau::ui {

class PendingSave;

class RecurrenceEditor;

class AbsenceDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AbsenceDialog(AgendaSource *source, QWidget *parent = nullptr);

    void startNew();
    bool save();
    void removeCurrent();

signals:
    void catalogChanged();

private:
    void reloadList(Id select);
    void load(const Absence &absence);

    AgendaSource *m_source;
    Absence m_current;
    PendingSave *m_pending = nullptr; // the change sent, until the server answers
    QListWidget *m_list;
    QComboBox *m_agent;
    QLineEdit *m_title;
    QDateTimeEdit *m_start;
    QDateTimeEdit *m_end;
    RecurrenceEditor *m_recurrence;
    FieldErrorLabels m_errors;
};

} // namespace creneau::ui
