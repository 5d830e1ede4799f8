// Administration: the organisation's motifs, every field editable (name, colour, duration,
// location type, who may book online, delays, instructions, archived). Checked by CatalogService
// and sent to the server through AgendaSource; the public booking page shows it once applied.
#pragma once

#include "ui/agendasource.h"
#include "ui/fielderrorlabels.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;

namespace creneau::ui {

class PendingSave;

class MotifDialog : public QDialog
{
    Q_OBJECT
public:
    explicit MotifDialog(AgendaSource *source, QWidget *parent = nullptr);

    // Selects the motif in the list and loads it into the form.
    void selectMotif(Id motifId);
    // Validates and saves the form; false (messages shown, values kept) when invalid.
    bool save();
    // The colour field's picker (QColorDialog, not modal to the application).
    void pickColour();
    void startNew();

signals:
    void catalogChanged();

private:
    QWidget *buildForm();
    void reloadList(Id select);
    void load(const Motif &motif);
    Motif fromForm() const;

    AgendaSource *m_source;
    Motif m_current;
    PendingSave *m_pending = nullptr; // the change sent, until the server answers
    QListWidget *m_list;
    QLineEdit *m_name;
    QLineEdit *m_color;
    QSpinBox *m_duration;
    QComboBox *m_location;
    QComboBox *m_bookableBy;
    QSpinBox *m_minDelay;
    QSpinBox *m_maxDelay;
    QPlainTextEdit *m_instructions;
    QCheckBox *m_archived;
    FieldErrorLabels m_errors;
};

} // namespace creneau::ui
