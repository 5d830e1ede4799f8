// Administration: agents' absences (title, start and end in the organisation's zone, an optional
// weekly recurrence with its preview); checked by CatalogService, saved or removed through
// AgendaSource.
#pragma once

#include "ui/listformdialog.h"

class QComboBox;
class QDateTimeEdit;
class QLineEdit;

namespace creneau::ui {

class RecurrenceEditor;

class AbsenceDialog : public ListFormDialog
{
    Q_OBJECT
public:
    explicit AbsenceDialog(AgendaSource *source, QWidget *parent = nullptr);

    bool save() override;
    void removeCurrent();

private:
    QList<Row> rows() const override;
    void loadRow(Id id) override;
    void loadNew() override;
    void load(const Absence &absence);

    Absence m_current;
    QComboBox *m_agent;
    QLineEdit *m_title;
    QDateTimeEdit *m_start;
    QDateTimeEdit *m_end;
    RecurrenceEditor *m_recurrence;
};

} // namespace creneau::ui
