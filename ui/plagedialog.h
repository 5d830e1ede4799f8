// Administration: the opening ranges (plages d'ouverture) — agent, lieu, motifs, hours, and
// their recurrence with a preview of the next dates. Checked by CatalogService, sent through
// AgendaSource.
#pragma once

#include "ui/listformdialog.h"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLineEdit;
class QListWidget;
class QTimeEdit;

namespace creneau::ui {

class RecurrenceEditor;

class PlageDialog : public ListFormDialog
{
    Q_OBJECT
public:
    explicit PlageDialog(AgendaSource *source, QWidget *parent = nullptr);

    void selectPlage(Id plageId) { select(plageId); }
    // Validates (CatalogService::checkPlage) and saves; false with the messages shown, values kept.
    bool save() override;
    RecurrenceEditor *recurrence() const { return m_recurrence; }

private:
    void buildForm();
    QList<Row> rows() const override;
    void loadRow(Id id) override;
    void loadNew() override;
    void load(const PlageOuverture &plage);
    PlageOuverture fromForm() const;

    PlageOuverture m_current;
    QLineEdit *m_title;
    QComboBox *m_agent;
    QComboBox *m_lieu;
    QListWidget *m_motifs;
    QDateEdit *m_firstDay;
    QTimeEdit *m_start;
    QTimeEdit *m_end;
    RecurrenceEditor *m_recurrence;
    QCheckBox *m_archived;
};

} // namespace creneau::ui
