// Administration: the organisation's motifs, every field editable (name, colour, duration,
// location type, who may book online, delays, instructions, archived). Checked by CatalogService
// and sent to the server through AgendaSource; the public booking page shows it once applied.
#pragma once

#include "ui/listformdialog.h"

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace creneau::ui {

class MotifDialog : public ListFormDialog
{
    Q_OBJECT
public:
    explicit MotifDialog(AgendaSource *source, QWidget *parent = nullptr);

    // Selects the motif in the list and loads it into the form.
    void selectMotif(Id motifId) { select(motifId); }
    // Validates and saves the form; false (messages shown, values kept) when invalid.
    bool save() override;
    // The colour field's picker (QColorDialog, not modal to the application).
    void pickColour();

private:
    void buildForm();
    QList<Row> rows() const override;
    void loadRow(Id id) override;
    void loadNew() override;
    void load(const Motif &motif);
    Motif fromForm() const;

    Motif m_current;
    QLineEdit *m_name;
    QLineEdit *m_color;
    QSpinBox *m_duration;
    QComboBox *m_location;
    QComboBox *m_bookableBy;
    QSpinBox *m_minDelay;
    QSpinBox *m_maxDelay;
    QPlainTextEdit *m_instructions;
    QCheckBox *m_archived;
};

} // namespace creneau::ui
