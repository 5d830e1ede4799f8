// Administration: the opening ranges (plages d'ouverture) — agent, lieu, motifs, hours, and
// their recurrence with a preview of the next dates. Checked by CatalogService, sent through
// AgendaSource.
#pragma once

#include "ui/agendasource.h"
#include "ui/fielderrorlabels.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLineEdit;
class QListWidget;
class QTimeEdit;

namespace creneau::ui {

class PendingSave;

class RecurrenceEditor;

class PlageDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PlageDialog(AgendaSource *source, QWidget *parent = nullptr);

    void selectPlage(Id plageId);
    void startNew();
    // Validates (validatePlage) and saves; false with the messages shown, values kept.
    bool save();
    RecurrenceEditor *recurrence() const { return m_recurrence; }

signals:
    void catalogChanged();

private:
    QWidget *buildForm();
    void reloadList(Id select);
    void load(const PlageOuverture &plage);
    PlageOuverture fromForm() const;

    AgendaSource *m_source;
    PlageOuverture m_current;
    PendingSave *m_pending = nullptr; // the change sent, until the server answers
    QListWidget *m_list;
    QLineEdit *m_title;
    QComboBox *m_agent;
    QComboBox *m_lieu;
    QListWidget *m_motifs;
    QDateEdit *m_firstDay;
    QTimeEdit *m_start;
    QTimeEdit *m_end;
    RecurrenceEditor *m_recurrence;
    QCheckBox *m_archived;
    FieldErrorLabels m_errors;
};

} // namespace creneau::ui
